"""Numbers typed as text, read the same way by the command line, people files and the page.

A number must be written in ASCII with nothing around it. So 2, -0.5, 1e-3,
.5, inf and nan have the shape of a number, while 1_000, a non-ASCII digit
and " 2" do not, even though some Pythons' float() accepts them. That way
every interpreter agrees.

>>> parse_numbers(["-2", "1.5"], "X1 X2")
[-2.0, 1.5]
>>> parse_number("1e400")
Traceback (most recent call last):
ValueError: '1e400' is beyond the range of a float

Every message quotes the text it refuses (cut short if it is long) and,
where there is one, the name of the option or the field.
"""

from math import isnan

from support.checks import INF, quoted


def is_number(text):
    """Return True if text has the shape of a number: 2, -0.5, 1e-3, .5, inf or nan.

    >>> is_number("1e-3"), is_number("1_000"), is_number(" 2")
    (True, False, False)
    """
    body = text[1:] if text[:1] in ("+", "-") else text
    if body.lower() in ("inf", "infinity", "nan"):
        return True
    mantissa, e, power = body.lower().partition("e")
    power = power[1:] if power[:1] in ("+", "-") else power
    whole, point, part = mantissa.partition(".")
    return (bool(whole + part) and not (whole + part).strip("0123456789")
            and not (e and (not power or power.strip("0123456789"))))


def parse_number(text, finite=True):
    """Return text as a float, or raise ValueError quoting it.

    A word, nan, a number beyond the range of a float (1e400) and, where
    finite is true, inf are refused.
    """
    if not is_number(text) or isnan(float(text)):
        raise ValueError("{} is not a number".format(quoted(text)))
    result = float(text)
    if abs(result) == INF and "inf" not in text.lower():
        raise ValueError("{} is beyond the range of a float".format(quoted(text)))
    if finite and abs(result) == INF:
        raise ValueError("{} is not a finite number".format(quoted(text)))
    return result


def parse_numbers(texts, names, finite=True):
    """Return the numbers of texts, one for each of names, which is a list or words in one string.

    Each text is read by parse_number, and a number of texts other than the
    number of names raises ValueError.
    """
    names = names.split() if isinstance(names, str) else list(names)
    values = []
    for text in texts:
        values.append(parse_number(text, finite))
    if len(values) != len(names):
        raise ValueError("expected {} numbers {}, got {}".format(len(names), " ".join(names),
                                                                 len(values)))
    return values


def parse_whole_number(text, name, least=None, most=None):
    """Return text as an int, or raise ValueError naming name.

    >>> parse_whole_number("20", "--epochs", 0)
    20

    Only ASCII digits, with a minus sign in front if need be, make a whole
    number, so 2.0, 1e3 and a superscript 2 are not. There is no limit on the
    number of digits. Where least or most is given, the int must not be less
    than least or greater than most.
    """
    digits = text[1:] if text[:1] == "-" else text
    if digits and not digits.strip("0123456789"):
        value = _int_of_digits(digits)
        value = -value if text[:1] == "-" else value
        if (least is None or value >= least) and (most is None or value <= most):
            return value
    if most is not None:
        must_be = "a whole number from {} to {}".format(least, most)
    else:
        must_be = "a whole number" + ("" if least is None else " >= {}".format(least))
    raise ValueError("{} must be {}, got {}".format(name, must_be, quoted(text)))


def parse_positive_number(text, name):
    """Return text as a finite float greater than 0, or raise ValueError naming name.

    >>> parse_positive_number("0.5", "--learn-rate")
    0.5
    """
    if is_number(text) and 0 < float(text) < INF:  # nan is not > 0.
        return float(text)
    raise ValueError("{} must be a number > 0, got {}".format(name, quoted(text)))


def find_control_character(text):
    """Return the first character of text that a terminal would act on rather than show (a
    control character, or a mark that reverses the text's direction), or None.

    >>> find_control_character("Jo"), ord(find_control_character("Jo" + chr(27) + "[31m"))
    (None, 27)
    """
    for c in text:
        if (c < " " or "\x7f" <= c <= "\x9f" or "\u202a" <= c <= "\u202e"
                or "\u2066" <= c <= "\u2069"):
            return c
    return None


# --- Private helpers


def _int_of_digits(digits):
    # Return the int that a string of ASCII digits writes. CPython refuses
    # int() of more than 4,300 digits, so a long one is read a piece at a time.
    value = 0
    for i in range(0, len(digits), 4000):
        piece = digits[i:i + 4000]
        value = value * 10 ** len(piece) + int(piece)
    return value
