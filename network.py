"""The article's neural network, and its worked examples.

    x1, x2  ->  h1, h2  ->  o1

Two inputs, a hidden layer with two neurons (h1, h2), and one output
neuron (o1) that takes h1 and h2 as its inputs.

Run it:  python3 network.py                the article's three worked examples
         python3 network.py X1 X2          the network on your own inputs
         python3 network.py train          train it on the article's four people
         python3 network.py --single-file  print neuron.py and network.py as one file
"""

import json
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
        pass report=None for silence). Returns those (epoch, loss) pairs.

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
        history = [None] * ((epochs + report_every - 1) // report_every)
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
                history[epoch // report_every] = (epoch, loss)
                if report is not None:
                    report("Epoch {} loss: {:.3f}".format(epoch, loss))
        self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
        return history

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
        """Write the nine parameters to a JSON file; load(path) reads it back."""
        values = self._parameters()
        lines = ['  "{}": {}'.format(name, json.dumps(value))
                 for name, value in zip(PARAMETER_NAMES, values)]
        with open(path, "w") as f:
            f.write("{\n" + ",\n".join(lines) + "\n}\n")

    @classmethod
    def load(cls, path):
        """A network with the parameters that save(path) wrote.

        A file that is not such a JSON object of nine numbers raises
        ValueError, naming the problem; nothing is half loaded.
        """
        with open(path) as f:
            text = f.read()
        try:
            saved = json.loads(text)
        except ValueError as error:
            raise ValueError("{} is not valid JSON ({})".format(path, error)) from None
        if not isinstance(saved, dict):
            raise ValueError("{} must hold a JSON object with {}".format(
                path, ", ".join(PARAMETER_NAMES)))
        names = sorted(saved)
        missing = [name for name in PARAMETER_NAMES if name not in saved]
        unknown = [name for name in names if name not in PARAMETER_NAMES]
        if missing or unknown:
            raise ValueError("{}: missing {}; unknown {}".format(
                path, ", ".join(missing) or "nothing", ", ".join(unknown) or "nothing"))
        values = []
        for name in PARAMETER_NAMES:
            value = saved[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError("{}: {} must be a number, got {!r}".format(path, name, value))
            if value - value != 0:
                raise ValueError("{}: {} must be finite, got {!r}".format(path, name, value))
            values.append(value)
        return cls._from_parameters(*values)


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
        samples.append([_number(data[i][j], "data[{}][{}]".format(i, j)) for j in (0, 1)])
    labels = [_number(all_y_trues[i], "all_y_trues[{}]".format(i)) for i in range(n)]
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
    numbers = []
    for _ in range(count):
        total = 0.0
        for _ in range(12):
            state = state * 16807 % modulus
            total += state / modulus
        numbers.append(total - 6)
    return numbers


# The article's data set: weight (minus 135 lb) and height (minus 66 in);
# 1 = female, 0 = male.
PEOPLE = [
    ("Alice", [-2, -1], 1),
    ("Bob", [25, 6], 0),
    ("Charlie", [17, 4], 0),
    ("Diana", [-15, -6], 1),
]
NEW_PEOPLE = [("Emily", [-7, -3]), ("Frank", [20, 2])]


def loss_chart(history, height=10, width=50):
    """The loss over the epochs, drawn in text, as a list of lines.

    >>> print("\\n".join(loss_chart([(0, 0.5), (10, 0.25), (20, 0.0)], height=3)))
    loss
    0.500 |*
          | *
    0.000 |  *
          +---
           0 20  epoch
    """
    top = 0.0
    for epoch, loss in history:
        top = max(top, loss)
    # At most width columns: every step-th loss.
    step = max(1, (len(history) + width - 1) // width)
    columns = range(0, len(history), step)
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
            loss = history[i][1]
            level = int(round(loss / top * (height - 1))) if top > 0 else 0
            line += "*" if level == height - 1 - row else " "
        lines.append(line.rstrip())
    lines.append("      +" + "-" * len(columns))
    first, last = str(history[0][0]), str(history[columns[-1]][0])
    gap = " " * max(1, len(columns) - len(first) - len(last))
    lines.append("       " + first + gap + last + "  epoch")
    return lines


def train_example(report=print):
    """The article's training run: the four people, then Emily and Frank."""
    network = OurNeuralNetwork.random(seed=1)
    data = [x for name, x, y in PEOPLE]
    all_y_trues = [y for name, x, y in PEOPLE]
    history = network.train(data, all_y_trues, report=report)
    lines = [""] + loss_chart(history) + [""]
    for name, x in NEW_PEOPLE:
        lines.append("{}: {} -> {:.3f}".format(name, _list(x), network.feedforward(x)))
    return network, lines


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


def network_example(x):
    """The article's network on the inputs x: the hand calculation, then the exact result."""
    network = OurNeuralNetwork()
    return [
        "The network, every neuron with w = [0, 1], b = 0, on x = {}:".format(_list(x)),
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


USAGE = "usage: python3 network.py [X1 X2 | train | --single-file | --microbit DIR]"


def main(args):
    """Print the worked examples, or the network on the inputs in args."""
    if not args:
        print("\n".join(worked_examples()))
        return 0
    if args[0] in ("-h", "--help"):
        print(USAGE)
        print("With no arguments, print the article's worked examples;")
        print("with two numbers, run the article's network on them;")
        print("with train, train it on the article's four people;")
        print("with --single-file, print neuron.py and network.py as one file;")
        print("with --microbit DIR, write the micro:bit edition into the folder DIR.")
        return 0
    if args == ["train"]:
        network, lines = train_example()
        for line in lines:
            print(line)
        return 0
    if args[0] in ("--single-file", "--microbit"):
        return _edition(args)
    try:
        x = _parse_inputs(args)
        lines = network_example(x)
    except ValueError as error:
        print("network.py: error: {}".format(error), file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _edition(args):
    # Other editions of this code are made by a tool about the code, which
    # lives beside it in a source checkout (tools/editions.py), not here.
    try:
        from tools import editions
    except ImportError:
        return _error("{} needs the project's tools/ folder beside network.py"
                      " (a source checkout)".format(args[0]))
    try:
        if args == ["--single-file"]:
            print(editions.single_file(), end="")
        elif len(args) == 2 and args[0] == "--microbit":
            for line in editions.write_microbit_edition(args[1]):
                print(line)
        else:
            return _error("{} takes {} ({})".format(
                args[0], "no value" if args[0] == "--single-file" else "one folder", USAGE))
    except OSError as error:
        return _error("{}: {}".format(args[0], error))
    return 0


def _error(message):
    print("network.py: error: " + message, file=sys.stderr)
    return 2


def _parse_inputs(args):
    x = []
    for text in args:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if isnan(value):
            raise ValueError("{!r} is not a number ({})".format(text, USAGE))
        x.append(value)
    if len(x) != 2:
        raise ValueError("expected 2 inputs X1 X2, got {} ({})".format(len(x), USAGE))
    return x


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
