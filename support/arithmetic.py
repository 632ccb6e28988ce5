"""The arithmetic that numpy does in the article, done here on plain floats.

The article computes a neuron's weighted sum with np.dot and its sigmoid with
np.exp. Plain Python needs two more things. First, dot must refuse anything
that is not a list of numbers, and must never return a nan, as np.dot can.
Second, math.exp raises OverflowError where np.exp returns inf, so sigmoid
must not hand it an x for which e^(-x) overflows.

>>> dot([0, 1], [2, 3])
3.0
>>> dot([0, 1], [2, "3"])
Traceback (most recent call last):
TypeError: inputs[1] must be a number, got '3'
>>> sigmoid_input(-1000.0)
-inf

dot has a fast path for the common case and a careful path, check_inputs,
that finds the value at fault. So does neuron.sigmoid, whose careful path is
sigmoid_input. Whatever a fast path accepts, its careful path accepts too,
with the same answer, and everything else goes on to the careful path, so a
caller gets the same result whichever path runs. On both paths a bool is not
a number, and a word, bytes, a set or a dict is not a list of numbers.

The module runs on CPython, PyPy and MicroPython, even on a board. In this
project a board means a small microcontroller such as the BBC micro:bit,
whose floats are less precise than a computer's and whose stack has room for only
a few nested calls.
"""

from math import exp, isnan

from support.checks import INF, check_number, list_length
from support.writing import show

# e^x overflows above 709.78 with double precision, and above 88.7 with the
# 32-bit floats of small boards (and the micro:bit's 30-bit ones).
LIMIT = 709.0 if 1.0 + 2.0 ** -30 != 1.0 else 88.0
LOW = -LIMIT


def dot(weights, inputs):
    """Return w1*x1 + w2*x2 + ... + wn*xn, summed in that order, as np.dot does.

    The inputs must be numbers, one per weight. Anything else raises as
    check_inputs says, and so does a sum that is nan (0*inf, or inf - inf).
    A sum that is inf without being nan is returned like any other.
    """
    # The common case, a list or a tuple of floats and ints with one for each
    # weight, is summed at once. A bool, any other kind of input, or a sum that
    # is inf or nan goes on to the careful path, which accepts an inf and a
    # Decimal or a numpy value, and refuses the rest.
    kind = type(inputs)
    if kind is list or kind is tuple:
        total = 0.0
        i = 0
        try:
            for w in weights:
                x = inputs[i]
                if x is True or x is False:
                    raise TypeError
                total += w * x
                i += 1
            # A numpy value among the inputs makes the sum a numpy value too.
            if i == len(inputs) and type(total) is float and not isnan(total - total):
                return total
        except (TypeError, LookupError, ArithmeticError):
            pass
    # The careful path checks each input, and raises the error that names the one at fault.
    total = 0.0
    for w, x in zip(weights, check_inputs(weights, inputs)):
        total += w * x
    return total


def check_inputs(weights, inputs):
    """Return the inputs of a neuron with these weights as floats, or raise the error that names
    the input at fault.

    >>> check_inputs([0, 1], (2, 3))
    [2.0, 3.0]
    >>> check_inputs([0, 1], [float("inf"), 3])
    Traceback (most recent call last):
    ValueError: weights[0]*inputs[0] is 0*inf = nan

    Too few or too many inputs raise ValueError, and so does a nan, or a nan
    made on the way (0*inf, inf - inf). Anything that is not a number raises
    TypeError.
    """
    n = list_length(inputs, "inputs")
    if n != len(weights):
        raise ValueError("expected {} inputs, one per weight, got {}".format(len(weights), n))
    xs = []
    total = 0.0
    # This is a plain loop because MicroPython runs a comprehension as one more
    # nested call, and a board's stack holds only a few.
    for i in range(n):
        x = check_number(inputs[i], "inputs[{}]", i)
        w = weights[i]
        if isnan(w * x):
            raise ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(
                i, show(w), show(x)))
        if isnan(total + w * x):
            raise ValueError("the weighted sum is {} + {} = nan".format(show(total), show(w * x)))
        total += w * x
        xs.append(x)
    return xs


def sigmoid_input(x):
    """Return x in a form that sigmoid can safely use; sigmoid calls this when x is not a
    float or e^(-x) would overflow.

    >>> sigmoid_input(-1000.0), sigmoid_input(10 ** 400)
    (-inf, inf)

    A float comes back unchanged unless e^(-x) overflows. Then the result is
    -inf, for which 1 / (1 + e^(-x)) is 0.0, just as it is when np.exp
    returns inf. An int beyond the range of a float is taken as inf or -inf,
    by its sign. Anything else that is not a number raises TypeError; a nan,
    or another number beyond the range of a float (a huge Decimal, say),
    raises ValueError.
    """
    if isinstance(x, int) and not isinstance(x, bool) and not -1e308 < x < 1e308:
        return INF if x > 0 else -INF
    x = check_number(x, "x")
    try:
        exp(-x)
    except (OverflowError, ValueError):  # MicroPython raises ValueError where exp overflows.
        return -INF
    return x
