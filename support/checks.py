"""Checking the values that come in from outside.

The functions of neuron.py and network.py trust their arguments. This module
is what lets them:
each public function of neuron.py and network.py hands what it is given to
one of these checks first, and works only with what the check returns. After
that, a value is trusted.

A number is anything that float() takes as a real number: an int, a float,
a Decimal, a Fraction or a numpy scalar. A word, a bool, a complex number, a
list, a set or a dict is not a number, and raises TypeError. A nan, or a
number too large for a float (an int of 400 digits), raises ValueError. An
infinity is a number, and each caller says whether it may be one.

>>> check_number(3, "bias")
3.0
>>> check_number("3", "weights[{}]", 1)
Traceback (most recent call last):
TypeError: weights[1] must be a number, got '3'

A list is anything with a length that can be indexed from 0, such as a list,
a tuple, an array.array or a numpy array. A word, bytes, a set or a dict is
not a list of numbers.

Every message names the value that is wrong, in the caller's words. The
values it quotes are cut short, so that a value of any size (an int of
5,000 digits, a list of a million items) still gives a one-line message.

The checks of the network's and the training's arguments, which use these,
are in support/network_checks.py. This module imports nothing of the
project, so that every other module may use it. It runs on CPython 3.6+,
PyPy and MicroPython.
"""

import sys
from math import isnan

INF = float("inf")



def check_number(value, name, *index):
    """Return value as a float, or raise the error that names it as name.format(*index).

    An infinity is returned as it is: the caller decides whether it may be one.
    """
    dtype = getattr(value, "dtype", None)  # A numpy value may be a bool, a complex or an array.
    if (isinstance(value, (str, bytes, bytearray, bool, list, tuple, dict, set))
            or getattr(value, "ndim", 0) or getattr(dtype, "kind", "f") in "bcSUO"):
        raise TypeError("{} must be a number, got {}".format(name.format(*index), quoted(value)))
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {}".format(name.format(*index),
                                                             quoted(value))) from None
    except OverflowError:  # CPython raises this for an int or a Fraction beyond float range.
        result = None
    if result is not None and isnan(result):
        raise ValueError("{} is nan".format(name.format(*index)))
    # MicroPython turns a huge int into inf, and float() does the same with a huge Decimal.
    if result is None or abs(result) == INF and (
            isinstance(value, int) or not isinstance(value, float) and value != result):
        raise ValueError("{} is beyond the range of a float".format(name.format(*index)))
    return result


def check_finite(value, name, *index):
    """Return value as a finite float, or raise the error that names it.

    >>> check_finite(0.5, "w1")
    0.5
    >>> check_finite(float("inf"), "weights[{}]", 0)
    Traceback (most recent call last):
    ValueError: weights[0] must be a finite number, got inf
    """
    if type(value) is float and -INF < value < INF:  # The common case is decided at once.
        return value
    value = check_number(value, name, *index)
    if value == INF or value == -INF:
        raise ValueError("{} must be a finite number, got {}".format(name.format(*index), value))
    return value


def check_whole_number(value, name, least=None):
    """Return value as an int of at least least (if given), or raise the error that names it.

    >>> check_whole_number(1000, "epochs", 0), check_whole_number(3.0, "seed")
    (1000, 3)

    A whole float, Decimal or Fraction (3.0) is a whole number too; a bool
    is not. A number that is not whole, or is less than least, raises
    ValueError, and so does a count (least given) beyond what an index can
    count. Anything that is not a number raises TypeError.
    """
    if type(value) is not int:
        if isinstance(value, bool) or not hasattr(value, "__index__") or getattr(value, "ndim", 0):
            try:
                value = check_number(value, name)
            except TypeError:
                raise TypeError("{} must be a whole number, got {}".format(
                    name, quoted(value))) from None
        else:  # numpy's integers, and any other integer type, turn into an int here.
            value = value.__index__()
    if value != value // 1 or least is not None and value < least:
        raise ValueError("{} must be a whole number{}, got {}".format(
            name, "" if least is None else " >= {}".format(least), quoted(value)))
    if least is not None and value > sys.maxsize:
        raise ValueError("{}={} is too many: more than can be counted".format(name, quoted(value)))
    return int(value)


def list_length(values, name):
    """Return the length of values, a list of numbers with at least one item.

    >>> list_length((2, 3), "inputs")
    2

    Anything that is not such a list raises TypeError naming it as name; an
    empty list raises ValueError.
    """
    try:
        if isinstance(values, (str, bytes, bytearray, dict, set)):
            raise TypeError
        n = len(values)
        values[0:0]  # Only a list-like value can be sliced; a mapping cannot.
    except (TypeError, LookupError):
        raise TypeError("{} must be a list of numbers, got {}".format(
            name, quoted(values))) from None
    if n == 0:
        raise ValueError("{} must not be empty".format(name))
    return n


def check_weights_and_bias(weights, bias):
    """Return a neuron's weights, as a new list of finite floats, and its bias.

    >>> check_weights_and_bias((0, 1), 4)
    ([0.0, 1.0], 4.0)

    Weights that are not a list, or an empty list, raise as list_length
    says. A weight or a bias that is not a finite number raises as
    check_finite says.
    """
    n = list_length(weights, "weights")
    floats = []
    for i in range(n):  # A loop, not a comprehension: a board's stack is one call shallower.
        floats.append(check_finite(weights[i], "weights[{}]", i))
    return floats, check_finite(bias, "bias")


def quoted(value):
    """Return value as a message quotes it: its repr, cut short if it is long.

    >>> quoted("3"), quoted(10 ** 100)
    ("'3'", 'an integer of 101 digits')
    """
    try:
        text = repr(value)
    except ValueError:  # CPython refuses to write out an int of more than 4,300 digits.
        return "an integer of more than 4300 digits" if isinstance(value, int) else (
            "a value too long to write out")
    if len(text) <= 80:
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return "an integer of {} digits".format(len(text.lstrip("-")))
    return text[:60] + "..." + text[-10:]
