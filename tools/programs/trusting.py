"""The stand-ins that the micro:bit's training edition (python3 -m tools --microbit DIR train)
carries in place of the checks of neuron.py's and network.py's functions.

The board's heap (about 10 KB, which holds the compiled code too) has no room
for both the training and the checks. The checks would cost board time as
well: the real sigmoid's test of the type alone would take the training from
14.4 s to 15.8 s of the 16 s it is allowed (docs/microbit.md has the figures).
Each stand-in trusts what it is given, which on the board is always the
training's numbers, and returns what the real function returns for them.
run.py gives the training those numbers. tools/microbit.py cuts the stand-ins
by name into the board's modules, and tests/test_microbit.py checks each
against the real one on the training's numbers.
"""

from math import exp

from support.arithmetic import LOW, sigmoid_input


# This stands in for neuron.py's sigmoid. It is the article's line, and the
# real one's test that keeps e^(-x) from overflowing, but it trusts x to be a
# float, as the training's always are. The real one's test of the type would
# cost 1.4 s of board time, taking the training to 15.8 s of the 16 s allowed.
def sigmoid(x):
    if not x > LOW:  # This keeps e^(-x) from overflowing; x is trusted to be a float.
        x = sigmoid_input(x)
    # Our activation function: f(x) = 1 / (1 + e^(-x))
    return 1 / (1 + exp(-x))


# Each of the functions below stands in for the function of the same name in
# support/, and trusts the training's numbers.
def dot(weights, inputs):
    # The training's neurons have two weights each.
    return weights[0] * inputs[0] + weights[1] * inputs[1]


def check_number(value, name, *index):
    return float(value)


def check_weights_and_bias(weights, bias):
    return list(weights), bias


def check_neurons(h1, h2, o1, kind):
    pass


def check_pairs(y_true, y_pred):
    return y_true, y_pred
