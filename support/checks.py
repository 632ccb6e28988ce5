"""Checking the values that come in from outside.

The code inside neuron.py and network.py trusts the values it works with,
and this module is what makes that safe. The public functions and methods of
those two files hand what they are given to one of these checks first,
directly or through support/network_checks.py, and work only with what the
check returns. The one exception is network.partial_derivatives, which trusts
its arguments because train checks the data once before it calls it.

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
values a message quotes are cut short, so that a value of any size (an int of
5,000 digits, a list of a million items) still gives a one-line message.

The checks of the network's and the training's arguments, which use these,
are in support/network_checks.py. This module imports nothing from the rest
of the project, so that every other module may use it. It runs on CPython
3.6+, PyPy and MicroPython, even on a board. In this project a board means a
small microcontroller such as the BBC micro:bit, which has a few kilobytes of
heap and a stack with room for only a few nested calls.
"""

import sys
from math import isnan

INF = float("inf")



def check_number(value, name, *index):
    """Return value as a float, or raise the error that names it as name.format(*index).

    An infinity is returned unchanged, because each caller decides whether it
    accepts one.
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
    if type(value) is float and -INF < value < INF:  # A finite float is returned at once.
        return value
    value = check_number(value, name, *index)
    if value == INF or value == -INF:
        raise ValueError("{} must be a finite number, got {}".format(name.format(*index), value))
    return value


def check_whole_number(value, name, least=None):
    """Return value as an int, or raise the error that names it as name.

    >>> check_whole_number(1000, "epochs", 0), check_whole_number(3.0, "seed")
    (1000, 3)

    A float, Decimal or Fraction with a whole value, such as 3.0, is a whole
    number too, but a bool is not. A number that is not whole raises
    ValueError. When least is given, the value is a count: a value smaller
    than least raises ValueError, and so does one larger than sys.maxsize,
    the largest length or index that Python can handle. Anything that is not
    a number raises TypeError.
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
    # This is a plain loop because MicroPython runs a comprehension as one more
    # nested call, and a board's stack holds only a few.
    for i in range(n):
        floats.append(check_finite(weights[i], "weights[{}]", i))
    return floats, check_finite(bias, "bias")


def quoted(value):
    """Return value as an error message quotes it, which is its repr, cut short if it is long.

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
