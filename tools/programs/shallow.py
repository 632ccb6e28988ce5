"""The stand-ins that the micro:bit's worked examples (python3 -m tools --microbit DIR)
carry in place of four real functions of support/.

The BBC micro:bit V1 has a stack with room for about five nested calls and a
heap of about 10 KB, which holds the compiled code too. Each stand-in gives
what the real function gives, errors and all, for every value a board can
hold, while taking less stack or less heap:

    check_number            without the lines for numpy, Decimal and Fraction
    quoted                  without the line for CPython's limit on long ints
    check_weights_and_bias  with its calls of check_finite written out
    dot                     with the careful path of the real one written out

tools/microbit.py cuts them by name into the board's checks.py and
arithmetic.py, and tests/test_microbit.py checks each against the real one.
"""

from math import isnan

from support.checks import INF, list_length
from support.writing import show


# This stands in for support/checks.py's check_number. A board has no numpy,
# Decimal or Fraction, so the lines that look for them are left out to save
# heap. MicroPython's float() turns an int beyond the range of a float into
# inf, where CPython raises OverflowError; both end in the same ValueError.
def check_number(value, name, *index):
    result = None
    if not isinstance(value, (str, bytes, bytearray, bool, list, tuple, dict, set)):
        try:
            result = float(value)
        except (TypeError, ValueError):
            pass
        except OverflowError:
            result = INF
    if result is None:
        raise TypeError("{} must be a number, got {}".format(name.format(*index), quoted(value)))
    if isnan(result):
        raise ValueError("{} is nan".format(name.format(*index)))
    if abs(result) == INF and isinstance(value, int):
        raise ValueError("{} is beyond the range of a float".format(name.format(*index)))
    return result


# This stands in for support/checks.py's quoted. MicroPython writes out an int
# of any length, so the line for CPython's limit of 4,300 digits is left out.
def quoted(value):
    text = repr(value)
    if len(text) <= 80:
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return "an integer of {} digits".format(len(text.lstrip("-")))
    return text[:60] + "..." + text[-10:]


# This stands in for support/checks.py's check_weights_and_bias, with its calls
# of check_finite written out, because the board's stack has room for one
# call less. Neuron(...) typed at the prompt is already deep.
def check_weights_and_bias(weights, bias):
    n = list_length(weights, "weights")
    floats = []
    for i in range(n + 1):
        name = "weights[{}]".format(i) if i < n else "bias"
        value = check_number(weights[i] if i < n else bias, name)
        if value == INF or value == -INF:
            raise ValueError("{} must be a finite number, got {}".format(name, value))
        floats.append(value)
    return floats[:n], floats[n]


# This stands in for support/arithmetic.py's dot. It is the real one's careful
# path, with its call of check_inputs written out, because the board's stack
# has room for one call less. With the real one, a word among a network's
# inputs ends in "maximum recursion depth exceeded". The real one's fast path
# only saves time, and gives the same answers, so it is left out to save heap.
def dot(weights, inputs):
    n = list_length(inputs, "inputs")
    if n != len(weights):
        raise ValueError("expected {} inputs, one per weight, got {}".format(len(weights), n))
    total = 0.0
    for i in range(n):
        x = check_number(inputs[i], "inputs[{}]", i)
        w = weights[i]
        if isnan(w * x):
            raise ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(
                i, show(w), show(x)))
        if isnan(total + w * x):
            raise ValueError("the weighted sum is {} + {} = nan".format(show(total), show(w * x)))
        total += w * x
    return total
