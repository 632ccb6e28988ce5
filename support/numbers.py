"""Numbers from outside, checked; and numbers written as the hand calculations write them.

Not the article's code, but what lets neuron.py and network.py be the article's
lines: each of their functions calls one of these at its door, and no nan or
inf is ever an answer.

    dot(weights, inputs)       the article's np.dot for a neuron: w1*x1 + ... + wn*xn
    checked_inputs(w, inputs)  a neuron's inputs as floats, or the error naming the culprit
    outside(x)                 sigmoid's x where it is not a float, or e^(-x) would overflow
    weights_and_bias(w, b)     a neuron's weights and bias as finite floats, or an error
    finite(value, name)        value as a finite float, or an error naming it
    number(value, name)        value as a float (inf allowed), or an error naming it
    whole_number(value, name)  epochs, seeds and counts, or an error naming them
    length(values, name)       how many numbers a list holds, or an error naming it
    normal_numbers(n, seed)    the article's np.random.normal(), the same everywhere
    show(x), show_list(xs)     3, 0.61, 0.9526 and [0.5, 0.3], as the article writes them

>>> dot([0, 1], [2, 3])
3.0
>>> dot([0, 1], [2, "3"])
Traceback (most recent call last):
TypeError: inputs[1] must be a number, got '3'

What is a number: anything float() takes as a real number (int, float, Decimal,
Fraction, a numpy scalar). A word, a bool, a complex number or a list raises
TypeError; nan, or a finite number beyond float range (an int of 400 digits),
ValueError. Portable: CPython 3.6+, PyPy, Pyodide and MicroPython.
"""

import sys
from math import exp, isnan

INF = float("inf")
# Where e^x overflows: above 709.78 with double precision, 88.7 with the 32-bit
# (and the micro:bit's 30-bit) floats of small boards.
LIMIT = 709.0 if 1.0 + 2.0 ** -30 != 1.0 else 88.0
LOW = -LIMIT


def dot(weights, inputs):
    """w1*x1 + w2*x2 + ... + wn*xn, summed in that order: the article's np.dot.

    One cheap test finds too many inputs and any nan or inf on the way (inf -
    inf is nan); only then is each input looked at (checked_inputs), so on the
    common path a bool counts as 0 or 1, and a dict or bytes indexed 0, 1... as
    a list. Bad inputs raise as checked_inputs says; an inf that makes no nan
    is a sum like any other.
    """
    total = 0.0
    i = 0
    try:
        for w in weights:
            total += w * inputs[i]
            i += 1
        if i == len(inputs) and not isnan(total - total):
            return total
    except (TypeError, LookupError, ArithmeticError):
        pass
    total = 0.0
    for w, x in zip(weights, checked_inputs(weights, inputs)):
        total += w * x
    return total


def checked_inputs(weights, inputs):
    """The inputs of a neuron with these weights, as floats, or the error that says what is wrong.

    >>> checked_inputs([0, 1], (2, 3))
    [2.0, 3.0]
    >>> checked_inputs([0, 1], [float("inf"), 3])
    Traceback (most recent call last):
    ValueError: weights[0]*inputs[0] is 0*inf = nan

    Too few or too many raise ValueError; anything that is not a number,
    TypeError; a nan, or one made on the way (0*inf, inf - inf), ValueError.
    """
    n = length(inputs, "inputs")
    if n != len(weights):
        raise ValueError("expected {} inputs, one per weight, got {}".format(len(weights), n))
    xs = []
    total = 0.0
    for i in range(n):  # a loop, not a comprehension: one call less on a board's stack
        x = number(inputs[i], "inputs[{}]", i)
        w = weights[i]
        if isnan(w * x):
            raise ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(i, show(w), show(x)))
        if isnan(total + w * x):
            raise ValueError("the weighted sum is {} + {} = nan".format(show(total), show(w * x)))
        total += w * x
        xs.append(x)
    return xs


def outside(x):
    """sigmoid's x as sigmoid can take it when it is not a float, or e^(-x) would overflow.

    >>> outside(-1000.0), outside(10 ** 400)
    (-inf, inf)

    A float stays itself unless e^(-x) overflows: then -inf, for which
    1 / (1 + e^(-x)) is 0.0, as the textbook formula gives it (np.exp's inf).
    An int beyond float range is as good as inf. Anything else not a number
    raises TypeError; a nan, or another number beyond float range (a Decimal),
    ValueError.
    """
    if isinstance(x, int) and not isinstance(x, bool) and not -1e308 < x < 1e308:
        return INF if x > 0 else -INF
    x = number(x, "x")
    try:
        exp(-x)
    except (OverflowError, ValueError):  # ValueError: MicroPython's overflow
        return -INF
    return x


def weights_and_bias(weights, bias):
    """A neuron's weights (as a list of its own) and bias, as finite floats.

    >>> weights_and_bias((0, 1), 4)
    ([0.0, 1.0], 4.0)

    Not a list, or empty: as length says. A weight or bias that is not a
    number raises TypeError; nan, inf, or beyond float range, ValueError.
    """
    n = length(weights, "weights")
    floats = []
    for i in range(n):
        floats.append(finite(weights[i], "weights[{}]", i))
    return floats, finite(bias, "bias")


def finite(value, name, *index):
    """value as a finite float, or an error naming it: name.format(*index).

    >>> finite(0.5, "w1")
    0.5
    >>> finite(float("inf"), "weights[{}]", 0)
    Traceback (most recent call last):
    ValueError: weights[0] must be a finite number, got inf
    """
    if type(value) is float and -INF < value < INF:  # the common case, at once
        return value
    value = number(value, name, *index)
    if value == INF or value == -INF:
        raise ValueError("{} must be a finite number, got {}".format(name.format(*index), value))
    return value


def number(value, name, *index):
    """value as a float, or an error naming it: name.format(*index).

    >>> number(3, "bias")
    3.0
    >>> number("3", "weights[{}]", 1)
    Traceback (most recent call last):
    TypeError: weights[1] must be a number, got '3'

    Anything float() takes as a real number will do (int, float, Decimal,
    Fraction, a numpy scalar); a word, a bool, a complex number or a list
    raises TypeError; nan, or a finite number beyond float range (an int of
    400 digits, Decimal("1e400")), ValueError. inf is a number: the caller
    decides whether it may be one.
    """
    dtype = getattr(value, "dtype", None)  # a numpy value: a bool, a complex, an array?
    if (isinstance(value, (str, bytes, bytearray, bool, list, tuple, dict, set))
            or getattr(value, "ndim", 0) or getattr(dtype, "kind", "f") in "bcSUO"):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value))
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value)) from None
    except OverflowError:  # CPython: an int or a Fraction beyond float range
        result = None
    if result is not None and isnan(result):
        raise ValueError("{} is nan".format(name.format(*index)))
    # MicroPython makes a huge int inf, and so does float() a huge Decimal.
    if result is None or abs(result) == INF and (
            isinstance(value, int) or not isinstance(value, float) and value != result):
        raise ValueError("{} is beyond the range of a float".format(name.format(*index)))
    return result


def whole_number(value, name, least=None):
    """value as an int (of at least least, if given), or an error naming it.

    >>> whole_number(1000, "epochs", 0), whole_number(3.0, "seed")
    (1000, 3)

    A number that is not whole (2.5) or out of range (less than least, or
    more epochs than an index can count) raises ValueError; anything that is
    not a number (a word, a bool), TypeError.
    """
    if type(value) is not int:
        if isinstance(value, bool) or not hasattr(value, "__index__") or getattr(value, "ndim", 0):
            try:  # 3.0, Decimal(3), Fraction(3) are whole numbers too; a bool or an array is not
                value = number(value, name)
            except TypeError:
                raise TypeError("{} must be a whole number, got {!r}".format(name, value)) from None
        else:  # numpy's integers, and any other integer type
            value = value.__index__()
    if value != value // 1 or least is not None and value < least:
        raise ValueError("{} must be a whole number{}, got {!r}".format(
            name, "" if least is None else " >= {}".format(least), value))
    if least is not None and value > sys.maxsize:  # epochs beyond what can ever run
        raise ValueError("{}={} is too many: more than can be counted".format(name, value))
    return int(value)


def length(values, name):
    """len(values) of a list, tuple or the like (not a word, a set or a dict), at least 1.

    >>> length((2, 3), "inputs")
    2

    Anything else raises TypeError naming it; an empty one, ValueError.
    """
    try:
        if isinstance(values, (str, bytes, bytearray, dict, set)):
            raise TypeError
        n = len(values)
        values[0:0]
    except (TypeError, LookupError):
        raise TypeError("{} must be a list of numbers, got {!r}".format(name, values)) from None
    if n == 0:
        raise ValueError("{} must not be empty".format(name))
    return n


def normal_numbers(count, seed=1):
    """count numbers from (nearly) the standard normal distribution, the article's
    np.random.normal(), the same on every interpreter for the same seed: for each,
    the sum of 12 uniform numbers (Park-Miller: state * 16807 mod 2^31 - 1) minus 6.

    >>> normal_numbers(2, seed=1)
    [-1.319310846421546, -1.5970468640313698]
    """
    modulus = 2147483647
    state = 1 + whole_number(seed, "seed") % (modulus - 1)
    sums = []
    for _ in range(whole_number(count, "count", 0)):
        total = 0.0
        for _ in range(12):
            state = state * 16807 % modulus
            total += state / modulus
        sums.append(total)
    # Minus 6 in a second pass: the numbers kept lie side by side, not among
    # the garbage of the sums, which leaves a small board's heap in larger pieces.
    return [total - 6 for total in sums]


def show(x):
    """How a number is written in a hand calculation: 3, 0.61, 0.9526.

    >>> show(3.0), show(0.95257), show(-0.5), show(-0.0)
    ('3', '0.9526', '-0.5', '0')

    Whole numbers have no point, others 4 decimals at most; inf, nan and
    numbers too long to write out keep Python's form (1e+20).
    """
    if type(x) is not float:
        x = number(x, "x")  # a word, say, is an error; 3 is 3.0, shown as 3
    if isnan(x) or abs(x) >= 1e15:  # nan, inf, or too long to write out
        return str(x)
    if x == int(x):
        return str(int(x))
    text = "{:.4f}".format(x).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show_list(values):
    """A list as the article writes it: [0.5, 0.3]."""
    shown = []
    for v in values:  # a loop, not a comprehension: one call less on a board's stack
        shown.append(show(v))
    return "[" + ", ".join(shown) + "]"
