"""The article's neural network, and its worked examples.

    x1, x2  ->  h1, h2  ->  o1

Two inputs, a hidden layer with two neurons (h1, h2), and one output
neuron (o1) that takes h1 and h2 as its inputs.

usage: python3 network.py               the article's three worked examples
       python3 network.py X1 X2         the article's network on the inputs X1 X2
       python3 network.py backprop [X1 X2 Y_TRUE]
               backpropagation by hand for one sample (default: Alice, -2 -1 1),
               from every weight 1 and every bias 0
       python3 network.py train [--epochs N] [--learn-rate R] [--seed S]
                                [--report-every K] [--save FILE]
               train on the article's four people (defaults: 1000 epochs,
               learn rate 0.1, seed 1, the loss every 10 epochs); --save
               writes the trained weights to FILE
       python3 network.py --load FILE X1 X2
       python3 network.py --load FILE backprop [X1 X2 Y_TRUE]
               the same from the weights in FILE, as train --save wrote them
       python3 network.py --single-file  neuron.py and network.py as one file
       python3 network.py --exercise     the same as an exercise: six functions to write
       python3 network.py --microbit DIR write the micro:bit edition into DIR
"""

import json
import os
import sys
from math import isnan

from neuron import Neuron, _number, _show, sigmoid


class OurNeuralNetwork:
    """A neural network with 2 inputs, hidden neurons h1 and h2, output o1.

    With no arguments every neuron has the article's w = [0, 1], b = 0:

    >>> network = OurNeuralNetwork()
    >>> network.feedforward([2, 3])
    0.7216325609518421

    Or bring your own three neurons; o1 needs 2 weights (one for h1, one
    for h2), and h1 and h2 need the same number of weights:

    >>> network = OurNeuralNetwork(Neuron([1, -1], 0), Neuron([2, 0], 1), Neuron([0.5, 0.5], 0))
    >>> round(network.feedforward([2, 3]), 4)
    0.6527

    Anything but a Neuron raises TypeError; wrong weight counts, ValueError.
    """

    def __init__(self, h1=None, h2=None, o1=None):
        if h1 is None and h2 is None and o1 is None:
            weights = [0, 1]
            bias = 0
            h1 = Neuron(weights, bias)
            h2 = Neuron(weights, bias)
            o1 = Neuron(weights, bias)
        for name, neuron in (("h1", h1), ("h2", h2), ("o1", o1)):
            if not isinstance(neuron, Neuron):
                raise TypeError("{} must be a Neuron, got {!r}".format(name, neuron))
        if len(h1.weights) != len(h2.weights):
            raise ValueError(
                "h1 and h2 see the same inputs, so need the same number of weights;"
                " got {} and {}".format(len(h1.weights), len(h2.weights))
            )
        if len(o1.weights) != 2:
            raise ValueError(
                "o1 takes h1 and h2 as inputs, so needs 2 weights, got {}".format(
                    len(o1.weights)
                )
            )
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

    def feedforward(self, x):
        """The network's output o1 for the inputs x, a number between 0 and 1.

        Bad inputs raise as in Neuron.feedforward.
        """
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        # The inputs for o1 are the outputs from h1 and h2
        out_o1 = self.o1.feedforward([out_h1, out_h2])
        return out_o1

    def explain(self, x):
        """The same calculation as feedforward, one line per neuron.

        >>> print(OurNeuralNetwork().explain([2, 3]))
        h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216

        Bad inputs raise as in feedforward.
        """
        out_h = [self.h1.feedforward(x), self.h2.feedforward(x)]
        return "\n".join([
            "h1 = " + self.h1.explain(x),
            "h2 = " + self.h2.explain(x),
            "o1 = " + self.o1.explain(out_h),
        ])

    # --- Training (the article's second part) ---

    @classmethod
    def random(cls, seed=1):
        """A network whose nine parameters are drawn at random, reproducibly.

        The same seed gives the same weights on every interpreter:

        >>> OurNeuralNetwork.random(seed=1).h1.weights
        [-1.319310846421546, -1.5970468640313698]
        """
        return cls._from_parameters(*normal_numbers(9, seed))

    @classmethod
    def _from_parameters(cls, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        return cls(Neuron([w1, w2], b1), Neuron([w3, w4], b2), Neuron([w5, w6], b3))

    def gradients(self, x, y_true):
        """The partial derivative of the loss for one sample with respect to each
        parameter, keyed by its name ("w1", ..., "b3"); the weights stay as they are.

        The article's example: every weight 1, every bias 0, Alice; the
        article rounds on the way and gets 0.0214.

        >>> network = OurNeuralNetwork(Neuron([1, 1], 0), Neuron([1, 1], 0), Neuron([1, 1], 0))
        >>> round(network.gradients([-2, -1], 1)["w1"], 10)
        0.0214695353

        Bad input raises as in train.
        """
        w1, w2, b1, w3, w4, b2, w5, w6, b3 = self._parameters()
        data, all_y_trues = _training_set([x], [y_true])
        partials = partial_derivatives(w1, w2, b1, w3, w4, b2, w5, w6, b3, data[0], all_y_trues[0])
        return dict(zip(PARAMETER_NAMES, partials))

    def train(self, data, all_y_trues, learn_rate=0.1, epochs=1000, report_every=10, report=print):
        """Stochastic gradient descent on the mean squared error loss.

        data is a list of samples [x1, x2], all_y_trues the right answer for
        each. For each epoch, for each sample in order: the partial
        derivatives of its loss, then every weight and bias takes a step
        of learn_rate against its derivative. Every report_every epochs
        the loss over all the data goes to report ("Epoch 0 loss: 0.319";
        pass report=None for silence). Returns those losses, one per report:
        at epoch 0, report_every, 2 * report_every, ...

        Bad data or settings raise ValueError or TypeError before any
        weight changes. If a weight overflows (learn_rate far too large),
        ValueError, and the network keeps its weights from before training.
        """
        if not isinstance(epochs, int) or isinstance(epochs, bool) or epochs < 0:
            raise ValueError("epochs must be a whole number >= 0, got {!r}".format(epochs))
        if not isinstance(report_every, int) or isinstance(report_every, bool) or report_every < 1:
            raise ValueError(
                "report_every must be a whole number >= 1, got {!r}".format(report_every))
        if self.h1 is self.h2 or self.h1 is self.o1 or self.h2 is self.o1:
            raise ValueError("to train, h1, h2 and o1 must be three different Neuron objects")
        learn_rate = _number(learn_rate, "learn_rate")
        if not learn_rate > 0:
            raise ValueError("learn_rate must be > 0, got {!r}".format(learn_rate))
        # One slot per report, made first, while a small board's heap still
        # has room in one piece: a list grown one item at a time needs ever
        # larger blocks, which a heap full of garbage may not have.
        losses = [None] * ((epochs + report_every - 1) // report_every)
        start = self._parameters()
        w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
        # Checked once here, so the loop below need not check every step.
        data, all_y_trues = _training_set(data, all_y_trues)

        for epoch in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                (d_L_d_w1, d_L_d_w2, d_L_d_b1,
                 d_L_d_w3, d_L_d_w4, d_L_d_b2,
                 d_L_d_w5, d_L_d_w6, d_L_d_b3) = partial_derivatives(
                    w1, w2, b1, w3, w4, b2, w5, w6, b3, x, y_true)
                # --- Update weights and biases
                # Neuron h1
                w1 -= learn_rate * d_L_d_w1
                w2 -= learn_rate * d_L_d_w2
                b1 -= learn_rate * d_L_d_b1
                # Neuron h2
                w3 -= learn_rate * d_L_d_w3
                w4 -= learn_rate * d_L_d_w4
                b2 -= learn_rate * d_L_d_b2
                # Neuron o1
                w5 -= learn_rate * d_L_d_w5
                w6 -= learn_rate * d_L_d_w6
                b3 -= learn_rate * d_L_d_b3
            # inf - inf is nan: one test finds any weight that overflowed.
            total = w1 + w2 + b1 + w3 + w4 + b2 + w5 + w6 + b3
            if total - total != 0:
                self._set_parameters(*start)
                raise ValueError(
                    "training diverged in epoch {}: a weight became inf or nan; try a smaller"
                    " learn_rate than {!r}; the network keeps its weights from before"
                    " training".format(epoch, learn_rate))
            # --- Calculate total loss at the end of each epoch
            if epoch % report_every == 0:
                self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
                loss = mse_loss(all_y_trues, [self.feedforward(x) for x in data])
                losses[epoch // report_every] = loss
                if report is not None:
                    report("Epoch {} loss: {:.3f}".format(epoch, loss))
        self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
        return losses

    def _parameters(self):
        # The article's nine parameters, in its names, neuron by neuron;
        # its derivation (and so training) is for the 2-input network.
        if len(self.h1.weights) != 2:
            raise ValueError(
                "training follows the article's derivation for 2 inputs;"
                " h1 and h2 have {} weights".format(len(self.h1.weights)))
        w1, w2 = self.h1.weights
        w3, w4 = self.h2.weights
        w5, w6 = self.o1.weights
        return w1, w2, self.h1.bias, w3, w4, self.h2.bias, w5, w6, self.o1.bias

    def _set_parameters(self, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        # In place: each neuron keeps its own list of weights.
        self.h1.weights[0] = w1
        self.h1.weights[1] = w2
        self.h1.bias = b1
        self.h2.weights[0] = w3
        self.h2.weights[1] = w4
        self.h2.bias = b2
        self.o1.weights[0] = w5
        self.o1.weights[1] = w6
        self.o1.bias = b3

    def save(self, path):
        """Write the nine parameters to a JSON file; load(path) reads it back.

        The file is written whole or not at all: a write that fails half
        way (a full disk, an error, the power) leaves an older file at path
        as it was, and the error reaches the caller.
        """
        values = self._parameters()
        lines = ['  "{}": {}'.format(name, json.dumps(value))
                 for name, value in zip(PARAMETER_NAMES, values)]
        # Written beside the target, then renamed over it in one step.
        temporary = path + ".tmp"
        try:
            with open(temporary, "w") as f:
                f.write("{\n" + ",\n".join(lines) + "\n}\n")
                if hasattr(os, "fsync"):  # on the disk before the rename (not on MicroPython)
                    f.flush()
                    os.fsync(f.fileno())
            # os.rename replaces the target everywhere but on Windows; MicroPython
            # has no os.replace.
            getattr(os, "replace", os.rename)(temporary, path)
        except BaseException:  # an error, or Ctrl-C, half way: no temporary file left
            try:
                os.remove(temporary)
            except OSError:
                pass
            raise

    @classmethod
    def load(cls, path):
        """A network with the parameters that save(path) wrote.

        A file that is not such a JSON object of nine numbers raises
        ValueError, naming the problem; nothing is half loaded.
        """
        # A weights file is about 300 bytes: a far larger file is not one,
        # and is not read whole, which could take all of a small board's heap.
        with open(path) as f:
            text = f.read(MAX_WEIGHTS_FILE + 1)
        if len(text) > MAX_WEIGHTS_FILE:
            raise ValueError("{} is larger than a weights file can be ({} bytes)".format(
                path, MAX_WEIGHTS_FILE))
        try:
            saved = json.loads(text)
        except ValueError as error:
            raise ValueError("{} is not valid JSON ({})".format(path, error)) from None
        except (RuntimeError, MemoryError):  # nested too deeply for the parser
            raise ValueError("{} is not a weights file (nested too deeply)".format(path)) from None
        if not isinstance(saved, dict) or sorted(saved) != sorted(PARAMETER_NAMES):
            raise ValueError("{} must hold a JSON object of the nine parameters {}".format(
                path, ", ".join(PARAMETER_NAMES)))
        values = [saved[name] for name in PARAMETER_NAMES]
        for name, value in zip(PARAMETER_NAMES, values):
            # A bool is an int to Python, but not a weight; inf - inf is nan.
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value - value != 0:
                raise ValueError("{}: {} must be a finite number, got {!r}".format(path, name, value))
        return cls._from_parameters(*values)


MAX_WEIGHTS_FILE = 1024  # bytes

# The nine parameters, neuron by neuron: h1 = f(w1*x1 + w2*x2 + b1),
# h2 = f(w3*x1 + w4*x2 + b2), o1 = f(w5*h1 + w6*h2 + b3).
PARAMETER_NAMES = ("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3")


def mse_loss(y_true, y_pred):
    """Mean squared error: the average of (y_true - y_pred) squared.

    >>> mse_loss([1, 0, 0, 1], [0, 0, 0, 0])
    0.5

    Sequences of different lengths, or empty ones, raise ValueError.
    """
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must be the same length, got {} and {}".format(
            len(y_true), len(y_pred)))
    if len(y_true) == 0:
        raise ValueError("mse_loss needs at least one value")
    total = 0.0
    for t, p in zip(y_true, y_pred):
        total += (t - p) * (t - p)
    return total / len(y_true)


def partial_derivatives(w1, w2, b1, w3, w4, b2, w5, w6, b3, x, y_true):
    """The partial derivatives of L = (y_true - y_pred)^2 for one sample x,
    with respect to w1, w2, b1, w3, w4, b2, w5, w6, b3: backpropagation,
    by the chain rule, line by line as in the article.

    The article's example, every weight 1 and every bias 0, for Alice:

    >>> [round(d, 4) for d in partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)]
    [0.0215, 0.0107, -0.0107, 0.0215, 0.0107, -0.0107, -0.0113, -0.0113, -0.2376]

    It trusts its arguments (train checks the data once, up front).
    """
    # --- Do a feedforward (we'll need these values later)
    sum_h1 = w1 * x[0] + w2 * x[1] + b1
    h1 = sigmoid(sum_h1)
    sum_h2 = w3 * x[0] + w4 * x[1] + b2
    h2 = sigmoid(sum_h2)
    sum_o1 = w5 * h1 + w6 * h2 + b3
    o1 = sigmoid(sum_o1)
    y_pred = o1

    # --- Calculate partial derivatives.
    # --- Naming: d_L_d_w1 represents "partial L / partial w1"
    d_L_d_ypred = -2 * (y_true - y_pred)
    # Each neuron's deriv_sigmoid(sum) = f(sum) * (1 - f(sum)), computed
    # once, from the neuron's output f(sum), not nine times from scratch.
    deriv_o1 = o1 * (1 - o1)
    deriv_h1 = h1 * (1 - h1)
    deriv_h2 = h2 * (1 - h2)

    # Neuron o1
    d_ypred_d_w5 = h1 * deriv_o1
    d_ypred_d_w6 = h2 * deriv_o1
    d_ypred_d_b3 = deriv_o1
    d_ypred_d_h1 = w5 * deriv_o1
    d_ypred_d_h2 = w6 * deriv_o1
    # Neuron h1
    d_h1_d_w1 = x[0] * deriv_h1
    d_h1_d_w2 = x[1] * deriv_h1
    d_h1_d_b1 = deriv_h1
    # Neuron h2
    d_h2_d_w3 = x[0] * deriv_h2
    d_h2_d_w4 = x[1] * deriv_h2
    d_h2_d_b2 = deriv_h2

    return (
        d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1,
        d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2,
        d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1,
        d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3,
        d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4,
        d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2,
        d_L_d_ypred * d_ypred_d_w5,
        d_L_d_ypred * d_ypred_d_w6,
        d_L_d_ypred * d_ypred_d_b3,
    )


def _training_set(data, all_y_trues):
    # Checked copies: lists of 2 floats, and floats; or a clear error.
    try:
        n = len(data)
        n_y = len(all_y_trues)
    except TypeError:
        raise TypeError("data and all_y_trues must be lists") from None
    if n != n_y:
        raise ValueError(
            "data and all_y_trues must be the same length, got {} and {}".format(n, n_y))
    if n == 0:
        raise ValueError("data must not be empty")
    samples = []
    for i in range(n):
        try:
            features = len(data[i])
        except TypeError:
            raise TypeError("data[{}] must be a list of 2 numbers, got {!r}".format(
                i, data[i])) from None
        if features != 2:
            raise ValueError("data[{}] must have 2 features, got {}".format(i, features))
        samples.append([_number(data[i][j], "data[{}][{}]", i, j) for j in (0, 1)])
    labels = [_number(all_y_trues[i], "all_y_trues[{}]", i) for i in range(n)]
    return samples, labels


def normal_numbers(count, seed=1):
    """count numbers from (nearly) the standard normal distribution, the
    same on every interpreter for the same seed.

    The article uses np.random.normal(); MicroPython's random has no gauss,
    and seeded sequences differ between interpreters. So: a Park-Miller
    generator (state = state * 16807 mod 2^31 - 1) for uniform numbers in
    0..1, and the sum of 12 of them minus 6, which has mean 0 and
    variance 1, for each normal one.

    >>> normal_numbers(2, seed=1)
    [-1.319310846421546, -1.5970468640313698]
    """
    modulus = 2147483647
    state = 1 + seed % (modulus - 1)
    sums = []
    for _ in range(count):
        total = 0.0
        for _ in range(12):
            state = state * 16807 % modulus
            total += state / modulus
        sums.append(total)
    # Minus 6 in a second pass: the numbers kept then lie side by side, not
    # between the garbage of the sums, which leaves a small board's heap in
    # larger pieces.
    return [total - 6 for total in sums]


# The article's data set: weight (minus 135 lb) and height (minus 66 in);
# 1 = female, 0 = male.
PEOPLE = [
    ("Alice", [-2, -1], 1),
    ("Bob", [25, 6], 0),
    ("Charlie", [17, 4], 0),
    ("Diana", [-15, -6], 1),
]
NEW_PEOPLE = [("Emily", [-7, -3]), ("Frank", [20, 2])]


def _list(values):
    # [0.5, 0.3], as the article writes it.
    shown = []
    for v in values:  # a loop, not a comprehension: one call less on a board's stack
        shown.append(_show(v))
    return "[" + ", ".join(shown) + "]"


def neuron_example(weights, bias, x):
    """One neuron on the inputs x: the hand calculation, then the exact result."""
    neuron = Neuron(weights, bias)
    return [
        "A neuron with w = {}, b = {}, on x = {}:".format(_list(weights), _show(bias), _list(x)),
        "y = " + neuron.explain(x),
        "feedforward({}) = {}".format(_list(x), neuron.feedforward(x)),
    ]


def network_example(x, network=None, about="every neuron with w = [0, 1], b = 0"):
    """A network (the article's, if none is given) on the inputs x: the hand
    calculation, then the exact result. about says which network it is."""
    if network is None:
        network = OurNeuralNetwork()
    return [
        "The network, {}, on x = {}:".format(about, _list(x)),
        network.explain(x),
        "feedforward({}) = {}".format(_list(x), network.feedforward(x)),
    ]


# The article's worked examples: two neurons (weights, bias, inputs x), then
# the network on the inputs x.
NEURON_EXAMPLES = [([0.4, 0.7], 0.2, [0.5, 0.3]), ([0, 1], 4, [2, 3])]
NETWORK_EXAMPLE = [2, 3]


def worked_examples():
    """The article's three worked examples, as lines of text."""
    lines = []
    for weights, bias, x in NEURON_EXAMPLES:
        lines += neuron_example(weights, bias, x) + [""]
    return lines + network_example(NETWORK_EXAMPLE)


def backprop_example(x=(-2, -1), y_true=1, network=None, about="every weight 1 and every bias 0"):
    """The article's partial derivative d_L/d_w1 worked by hand, then all nine exactly.

    The article's example (the defaults): every weight 1, every bias 0,
    and Alice, x = [-2, -1], y_true = 1. As a person with a calculator
    works: each number is written to 3 significant figures, and each line
    uses the numbers above it as written, so the result may differ a
    little from the exact value:

    >>> print("\\n".join(backprop_example()[8:12]))
    d_L/d_ypred = -2 * (1 - 0.524) = -0.952
    d_ypred/d_h1 = w5 * f'(0.0948) = 1 * 0.524 * (1 - 0.524) = 0.249
    d_h1/d_w1 = x1 * f'(-3) = -2 * 0.0452 = -0.0904
    d_L/d_w1 = -0.952 * 0.249 * (-0.0904) = 0.0214

    The exact values come from partial_derivatives, as in training. Any
    other network (about says which) and sample work too.
    """
    if network is None:
        network = OurNeuralNetwork._from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = network._parameters()
    lines = [
        "Backpropagation for x = {}, y_true = {}, from {}:".format(_list(x), _show(y_true), about),
        "each number to 3 significant figures, each line using the numbers above it as written.",
        "",
        "h1 = " + network.h1.explain(x, _figures),
        "h2 = " + network.h2.explain(x, _figures),
    ]
    sum_h1 = _as_written(w1 * x[0] + w2 * x[1] + b1)
    h1 = _as_written(network.h1.feedforward(x))
    h2 = _as_written(network.h2.feedforward(x))
    lines.append("o1 = " + network.o1.explain([h1, h2], _figures))
    sum_o1 = _as_written(w5 * h1 + w6 * h2 + b3)
    y_pred = o1 = _as_written(network.o1.feedforward([h1, h2]))

    # The chain rule, as the article writes it:
    # d_L/d_w1 = d_L/d_ypred * d_ypred/d_h1 * d_h1/d_w1
    d_L_d_ypred = _as_written(-2 * (y_true - y_pred))
    d_ypred_d_h1 = _as_written(w5 * o1 * (1 - o1))  # w5 * f'(sum_o1)
    deriv_h1 = _as_written(h1 * (1 - h1))  # f'(sum_h1)
    d_h1_d_w1 = _as_written(x[0] * deriv_h1)
    d_L_d_w1 = _as_written(d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1)
    lines += [
        "",
        "d_L/d_w1 = d_L/d_ypred * d_ypred/d_h1 * d_h1/d_w1, by the chain rule:",
        "d_L/d_ypred = -2 * ({} - {}) = {}".format(_figures(y_true), _figures(y_pred),
                                                   _figures(d_L_d_ypred)),
        "d_ypred/d_h1 = w5 * f'({}) = {} * {} * (1 - {}) = {}".format(
            _figures(sum_o1), _figures(w5), _figures(o1), _figures(o1), _figures(d_ypred_d_h1)),
        "d_h1/d_w1 = x1 * f'({}) = {} * {} = {}".format(
            _figures(sum_h1), _figures(x[0]), _bracket(_figures(deriv_h1)), _figures(d_h1_d_w1)),
        "d_L/d_w1 = {} * {} * {} = {}".format(
            _figures(d_L_d_ypred), _bracket(_figures(d_ypred_d_h1)),
            _bracket(_figures(d_h1_d_w1)), _figures(d_L_d_w1)),
    ]

    learn_rate = 0.1
    partials = partial_derivatives(w1, w2, b1, w3, w4, b2, w5, w6, b3, x, y_true)
    lines += [
        "",
        "Exactly (partial_derivatives, as training uses it): d_L/d_w1 = {}".format(partials[0]),
        "The hand calculation {} each factor was rounded to 3 figures on the way.".format(
            "agrees to 3 significant figures, though" if _figures(partials[0]) == _figures(d_L_d_w1)
            else "gets {} because".format(_figures(d_L_d_w1))),
        "",
        "All nine exactly (4 decimals), and one step of SGD with learn_rate {}:".format(learn_rate),
    ]
    values = (w1, w2, b1, w3, w4, b2, w5, w6, b3)
    for name, value, d in zip(PARAMETER_NAMES, values, partials):
        left = "d_L/d_{} = {}".format(name, _show(d))
        lines.append(left + " " * (20 - len(left)) + "{} = {} - {} * {} = {}".format(
            name, _show(value), learn_rate, _bracket(_show(d)), _show(value - learn_rate * d)))
    return lines


def _figures(x):
    # x to 3 significant figures, as a person with a calculator writes it
    # down: 0.0474, -0.952, 31, 1230; 9.77e-11 when it is that small.
    if isnan(x) or abs(x) == float("inf"):
        return str(x)
    text = "{:.2e}".format(x)  # 4.74e-02: three figures, and the power of 10
    power = int(text[text.index("e") + 1:])
    if power < -4 or power > 5:
        return text[:text.index("e")].rstrip("0").rstrip(".") + "e" + str(power)
    places = 2 - power
    if places <= 0:
        return str(int(float(text)))
    text = ("{:." + str(places) + "f}").format(float(text))
    return text.rstrip("0").rstrip(".")


def _as_written(x):
    # The number a person goes on with: x to 3 significant figures.
    return float(_figures(x))


def _bracket(text):
    # A factor after the first: 0.249 * (-0.0904) reads better than 0.249 * -0.0904.
    return "(" + text + ")" if text.startswith("-") else text


def loss_chart(losses, report_every=10, height=10, width=50):
    """The losses train returns (one every report_every epochs), drawn in text, as lines.

    >>> print("\\n".join(loss_chart([0.5, 0.25, 0.0], report_every=10, height=3)))
    loss
    0.500 |*
          | *
    0.000 |  *
          +---
           0 20  epoch

    No losses (no epochs) leave nothing to draw.
    """
    if not losses:
        return ["loss: no epochs, so nothing to draw"]
    top = max(losses)
    # At most width columns: every step-th loss.
    step = max(1, (len(losses) + width - 1) // width)
    columns = range(0, len(losses), step)
    lines = ["loss"]
    # Row by row from the top, each written out as it is drawn (no grid
    # of characters in memory: a small board has little heap).
    for row in range(height):
        if row == 0:
            line = "{:.3f} |".format(top)
        elif row == height - 1:
            line = "{:.3f} |".format(0.0)
        else:
            line = "      |"
        for i in columns:
            loss = losses[i]
            level = int(round(loss / top * (height - 1))) if top > 0 else 0
            line += "*" if level == height - 1 - row else " "
        lines.append(line.rstrip())
    lines.append("      +" + "-" * len(columns))
    first, last = "0", str(columns[-1] * report_every)  # the epochs
    gap = " " * max(1, len(columns) - len(first) - len(last))
    lines.append("       " + first + gap + last + "  epoch")
    return lines


def train_example(report=print, epochs=1000, learn_rate=0.1, seed=1, report_every=10):
    """The article's training run: the four people, then Emily and Frank.

    Returns the trained network and the lines that follow the reports.
    """
    data = [x for name, x, y in PEOPLE]
    all_y_trues = [y for name, x, y in PEOPLE]
    network = OurNeuralNetwork.random(seed)
    losses = network.train(data, all_y_trues, learn_rate, epochs, report_every, report)
    lines = [""] + loss_chart(losses, report_every) + [""]
    for name, x in NEW_PEOPLE:
        lines.append("{}: {} -> {:.3f}".format(name, _list(x), network.feedforward(x)))
    return network, lines


# --- The command line

# train's options, and what the value of each must be.
TRAIN_OPTIONS = {
    "--epochs": "a whole number >= 0",
    "--learn-rate": "a number > 0",
    "--seed": "a whole number",
    "--report-every": "a whole number >= 1",
    "--save": "a file name",
}


def main(args):
    """Do what the command line args ask (see the usage above); returns the exit status.

    A bad command line gets one line on stderr and exit status 2.
    """
    if args[:1] in (["-h"], ["--help"]):
        # The usage is the end of this module's docstring, which MicroPython
        # does not keep (a board's heap is better spent on code).
        doc = globals().get("__doc__")
        print(doc[doc.index("usage:"):].rstrip() if doc else "usage: see the top of network.py")
        return 0
    try:
        loaded = {}  # for --load FILE: the network, and what to call it
        if args[:1] == ["--load"]:
            if len(args) < 3 or args[2] == "train":
                raise ValueError("--load FILE needs X1 X2, or backprop, after it")
            try:
                network = OurNeuralNetwork.load(args[1])
            except OSError as error:
                raise ValueError("cannot read {} ({})".format(args[1], error)) from None
            weights = []  # as the hand calculation writes them
            for name, neuron in (("h1", network.h1), ("h2", network.h2), ("o1", network.o1)):
                weights.append("{}: w = {}, b = {}".format(
                    name, _list(neuron.weights), _show(neuron.bias)))
            loaded = {"network": network,
                      "about": "the weights in {} ({})".format(args[1], "; ".join(weights))}
            args = args[2:]
        if not args:
            lines = worked_examples()
        elif args[0] == "backprop":
            sample = _numbers(args[1:], "X1 X2 Y_TRUE", finite=True) if args[1:] else [-2, -1, 1]
            lines = backprop_example(sample[:2], sample[2], **loaded)
        elif args[0] == "train":
            return _train(args[1:])
        elif args[0] in ("--single-file", "--microbit", "--exercise"):
            # Other editions of this code are written by a tool about the
            # code (tools/editions.py, in a source checkout), not by it.
            try:
                from tools.editions import command
            except ImportError:
                raise ValueError("{} needs the project's tools/ folder beside network.py".format(
                    args[0])) from None
            lines = command(args)
        else:
            lines = network_example(_numbers(args, "X1 X2"), **loaded)
    except (ValueError, OSError) as error:
        print("network.py: error: {} (see: python3 network.py --help)".format(error),
              file=sys.stderr)
        return 2
    for line in lines:
        print(line)
    return 0


def _train(args):
    # train [--option value]...: each value checked, then the training.
    settings = {}
    for i in range(0, len(args), 2):
        option = args[i]
        must_be = TRAIN_OPTIONS.get(option)
        if must_be is None:
            raise ValueError("unknown option for train: {!r}".format(option))
        if i + 1 == len(args):
            raise ValueError("{} needs a value: {}".format(option, must_be))
        text = args[i + 1]
        try:
            value = text if option == "--save" else int(text) if "whole" in must_be else float(text)
        except ValueError:
            value = None
        # nan is not > 0; inf is not a usable learn rate.
        if (value is None or must_be.endswith(">= 0") and value < 0
                or must_be.endswith(">= 1") and value < 1
                or must_be.endswith("> 0") and not 0 < value < float("inf")):
            raise ValueError("{} must be {}, got {!r}".format(option, must_be, text))
        settings[option[2:].replace("-", "_")] = value  # --learn-rate: learn_rate
    save = settings.pop("save", None)
    try:
        if save is not None:  # can it be written? Now, not after the training
            with open(save + ".tmp", "w"):
                pass
            os.remove(save + ".tmp")
        network, lines = train_example(print, **settings)
        for line in lines:
            print(line)
        if save is not None:
            network.save(save)
            print("saved the trained weights to " + save)
    except OSError as error:
        raise ValueError("cannot write the weights to {} ({})".format(save, error)) from None
    return 0


def _numbers(args, names, finite=False):
    # The command line's numbers, as many as names has.
    x = []
    for text in args:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if isnan(value):
            raise ValueError("{!r} is not a number".format(text))
        if finite and abs(value) == float("inf"):
            raise ValueError("{!r} is not a finite number".format(text))
        x.append(value)
    if len(x) != len(names.split()):
        raise ValueError("expected {} numbers {}, got {}".format(
            len(names.split()), names, len(x)))
    return x


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
