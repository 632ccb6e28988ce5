"""Numbers written as text, as the command line and the page read them: not the article's code.

    is_number(text)          is it a number as the command line takes one?
    number_of(text)          the float it is, or the error that quotes it
    numbers(texts, names)    as many as names, each number_of
    written(value)           a number as text that number_of reads back exactly
    control(text)            the first character of text a terminal would act on, not show

ASCII only, nothing around it: not 1_000, ٣ or " 2", which some Pythons take
and others not, so that the command line, people files and the page
(MicroPython) agree.
"""

from math import isnan

from support.numbers import show

INF = float("inf")


def is_number(text):
    """Is text a number as the command line takes one: 2, -0.5, 1e-3, .5, inf, nan?

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


def number_of(text, finite=True):
    """text as a float, by is_number's rule: a word, nan, a number beyond float
    range (1e400) or, where finite, inf raise ValueError quoting text."""
    if not is_number(text) or isnan(float(text)):
        raise ValueError("{!r} is not a number".format(text))
    result = float(text)
    if abs(result) == INF and "inf" not in text.lower():
        raise ValueError("{!r} is beyond the range of a float".format(text))
    if finite and abs(result) == INF:
        raise ValueError("{!r} is not a finite number".format(text))
    return result


def numbers(texts, names, finite=True):
    """The command line's numbers (number_of each), as many as names: "X1 X2", or a list.

    >>> numbers(["-2", "1.5"], "X1 X2")
    [-2.0, 1.5]

    A word, nan, inf (where finite), a number beyond float range (1e400) or a
    wrong count raise ValueError.
    """
    names = names.split() if isinstance(names, str) else list(names)
    values = []
    for text in texts:
        values.append(number_of(text, finite))
    if len(values) != len(names):
        raise ValueError("expected {} numbers {}, got {}".format(len(names), " ".join(names),
                                                                 len(values)))
    return values


def written(value):
    """A number as text that number_of reads back exactly: 3, 0.5, 1e+22; an int in digits.

    >>> written(3.0), written(0.1), written(10 ** 22), written(2 / 3)
    ('3', '0.1', '10000000000000000000000', '0.6666666666666666')
    """
    if isinstance(value, int):
        return str(value)
    text = show(value)
    return text if float(text) == value else repr(value)


def control(text):
    """The first character of text that a terminal would act on rather than show (a
    control character, a right-to-left override), or None.

    >>> control("Jo"), ord(control("Jo" + chr(27) + "[31m"))
    (None, 27)
    """
    for c in text:
        if c < " " or "\x7f" <= c <= "\x9f" or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069":
            return c
    return None
