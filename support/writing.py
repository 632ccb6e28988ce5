"""Numbers written as text, in the three ways the project writes them.

    show(x)        as a hand calculation writes it: 3, 0.61, 0.9526
    written(x)     exactly, so that reading the text back gives the same float
    figures(x)     to 3 significant figures, as a person with a calculator does

Two more functions help to write out a hand calculation. as_written(x) is
the value a person goes on calculating with after writing x down to 3
significant figures, and bracket(text) puts a negative factor in brackets.

>>> show(0.95257), written(0.1), figures(0.0474258)
('0.9526', '0.1', '0.0474')

None of them writes -0. A number that is not a float goes through
support.checks.check_number first, so a word raises TypeError there.

The module runs on MicroPython too, even on a board, which in this project
means a small microcontroller such as the BBC micro:bit.
"""

from math import isnan

from support.checks import INF, check_number


def show(x):
    """Return x as a hand calculation writes it: whole numbers without a point, others with
    at most 4 decimals.

    >>> show(3.0), show(0.95257), show(-0.5), show(-0.0)
    ('3', '0.9526', '-0.5', '0')

    inf, nan and numbers whose size is 10^15 or more keep Python's own form, such as 1e+20.
    """
    if type(x) is not float:
        x = check_number(x, "x")
    if isnan(x) or abs(x) >= 1e15:
        return str(x)
    if x == int(x):
        return str(int(x))
    text = "{:.4f}".format(x).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show_list(values):
    """Return a list of numbers as the article writes one: [0.5, 0.3]."""
    shown = []
    # This is a plain loop because MicroPython runs a comprehension as one more
    # nested call, and a board's stack holds only a few.
    for v in values:
        shown.append(show(v))
    return "[" + ", ".join(shown) + "]"


def written(value):
    """Return a number as text that reads back as exactly the same number: 3, 0.5, 1e+22.

    >>> written(3.0), written(0.1), written(10 ** 22), written(2 / 3)
    ('3', '0.1', '10000000000000000000000', '0.6666666666666666')

    An int is written in all its digits.
    """
    if isinstance(value, int):
        return str(value)
    text = show(value)
    return text if float(text) == value else repr(value)


def figures(x):
    """Return x to 3 significant figures, as a person with a calculator writes it down.

    >>> figures(0.0474258), figures(-0.952), figures(1234.5), figures(9.77e-11), figures(-0.0)
    ('0.0474', '-0.952', '1230', '9.77e-11', '0')
    """
    if type(x) is not float:
        x = check_number(x, "x")
    if isnan(x) or abs(x) == INF:
        return str(x)
    if x == 0:
        return "0"
    # This gives, for example, 4.74e-02, which is three figures and a power of 10.
    text = "{:.2e}".format(x)
    power = int(text[text.index("e") + 1:])
    if power < -4 or power > 5:
        return text[:text.index("e")].rstrip("0").rstrip(".") + "e" + str(power)
    places = 2 - power
    if places <= 0:
        return str(int(float(text)))
    text = ("{:." + str(places) + "f}").format(float(text))
    return text.rstrip("0").rstrip(".")


def as_written(x):
    """Return x as the float a person goes on calculating with after writing it down to 3
    significant figures."""
    return float(figures(x))


def bracket(text):
    """Return text in brackets if it is negative, for writing a factor of a product other than
    the first, because 0.249 * (-0.0904) reads better than 0.249 * -0.0904.

    text may also be a number, which is written as show writes it.
    """
    text = text if isinstance(text, str) else show(text)  # A number is written by show.
    return "(" + text + ")" if text.startswith("-") else text
