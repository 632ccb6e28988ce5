"""What the micro:bit's training edition (python3 -m tools --microbit DIR train)
carries in place of the checks at the doors of the article's functions. The
board's heap (about 10 KB, which holds the compiled code too) has no room for
both the training and the checks, and its time for them would pass the 16 s
the training is allowed (docs/microbit.md has the figures). The numbers are
the article's, which run.py gives. tools/microbit.py cuts these by name into
the board's modules; tests/test_microbit.py checks that each returns what the
real one returns for the article's numbers.
"""

from math import exp

from support.arithmetic import LOW, sigmoid_input


# sigmoid stands in for neuron.py's: the article's line, and a door that keeps
# e^(-x) from overflowing but trusts x to be a float (the training's always
# are): the real door's type check costs 1.3 s of the board's 16 (16.2 s in all).
def sigmoid(x):
    if not x > LOW:  # e^(-x) kept from overflowing; x trusted to be a float
        x = sigmoid_input(x)
    # Our activation function: f(x) = 1 / (1 + e^(-x))
    return 1 / (1 + exp(-x))


# Each of these stands in for support/'s function of the same name, and
# trusts the article's numbers.
def dot(weights, inputs):
    # The training's neurons have two weights each (the real one has no room here).
    return weights[0] * inputs[0] + weights[1] * inputs[1]


def check_number(value, name, *index):
    return float(value)


def check_weights_and_bias(weights, bias):
    return list(weights), bias


def check_neurons(h1, h2, o1, kind):
    pass


def check_parameters(values, names):
    return tuple(values)


def check_pairs(y_true, y_pred):
    return y_true, y_pred


def training_set(network, data, all_y_trues, learn_rate=0.1, epochs=0, report_every=1,
                 report=None):
    losses = [None] * ((epochs + report_every - 1) // report_every)
    return data, all_y_trues, learn_rate, epochs, losses


# The error that stopped the training, passed on as it is ("a weight
# overflowed"): no room to name the culprit.
def diverged(error, epoch, learn_rate, weights, names, data):
    return error
