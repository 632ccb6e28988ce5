"""What the micro:bit's worked examples (python3 -m tools --microbit DIR) carry
in place of a real function, for the board's stack: it has room for about five
nested calls, fewer through a constructor or str.format, and a network's
feedforward is three calls deep before its door checks begin. tools/microbit.py cuts them by name into
the board's support.py; tests/test_microbit.py checks that each gives what the
real one gives, errors and all.
"""

from math import isnan

from support.checks import INF, check_number, list_length
from support.writing import show


# weights_and_bias stands in for support/numbers.py's, with its calls of finite
# written out: the board's stack has room for one call less.
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


# dot stands in for support/numbers.py's, with its call of checked_inputs written
# out: the board's stack has room for one call less (a word among a network's
# inputs would end in "maximum recursion depth exceeded").
def dot(weights, inputs):
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
    n = list_length(inputs, "inputs")
    if n != len(weights):
        raise ValueError("expected {} inputs, one per weight, got {}".format(len(weights), n))
    total = 0.0
    for i in range(n):
        x = check_number(inputs[i], "inputs[{}]", i)
        w = weights[i]
        if isnan(w * x):
            raise ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(i, show(w), show(x)))
        if isnan(total + w * x):
            raise ValueError("the weighted sum is {} + {} = nan".format(show(total), show(w * x)))
        total += w * x
    return total
