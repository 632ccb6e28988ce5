"""The article's neural network, its training, and its worked examples.

    x1, x2  ->  h1, h2  ->  o1

Two inputs, a hidden layer with two neurons (h1, h2), and an output neuron
(o1) that takes h1 and h2 as its inputs. Part 1 of the article: feedforward.
Part 2, training: the mean squared error loss, its partial derivatives by
the chain rule, and stochastic gradient descent.

usage: python3 network.py    the worked examples (python3 network.py --help: the rest)
"""

import sys
from math import isnan

from neuron import Neuron, length, number, show, show_list, sigmoid
from support.checks import training_set, whole_number

# The nine parameters, neuron by neuron: h1 = f(w1*x1 + w2*x2 + b1),
# h2 = f(w3*x1 + w4*x2 + b2), o1 = f(w5*h1 + w6*h2 + b3).
PARAMETER_NAMES = ("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3")
INF = float("inf")


class OurNeuralNetwork:
    """A neural network with 2 inputs, hidden neurons h1 and h2, output o1.

    With no arguments every neuron has the article's w = [0, 1], b = 0:

    >>> network = OurNeuralNetwork()
    >>> network.feedforward([2, 3])
    0.7216325609518421

    Or bring your own three neurons (h1 and h2 alike, o1 with 2 weights);
    anything but a Neuron raises TypeError, wrong weight counts ValueError.
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
            raise ValueError("h1 and h2 see the same inputs, so need the same number of"
                             " weights; got {} and {}".format(len(h1.weights), len(h2.weights)))
        if len(o1.weights) != 2:
            raise ValueError("o1 takes h1 and h2 as inputs: it needs 2 weights, got {}".format(
                len(o1.weights)))
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

    def feedforward(self, x):
        """The network's output o1 for the inputs x (bad ones raise as in Neuron.feedforward)."""
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        # The inputs for o1 are the outputs from h1 and h2
        out_o1 = self.o1.feedforward([out_h1, out_h2])
        return out_o1

    def explain(self, x):
        """The same calculation as feedforward, by hand, one line per neuron.

        >>> print(OurNeuralNetwork().explain([2, 3]))
        h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216
        """
        out_h = [self.h1.feedforward(x), self.h2.feedforward(x)]
        return "\n".join(["h1 = " + self.h1.explain(x), "h2 = " + self.h2.explain(x),
                          "o1 = " + self.o1.explain(out_h)])

    @classmethod
    def random(cls, seed=1):
        """A network of nine parameters drawn at random, the same everywhere for a seed:

        >>> OurNeuralNetwork.random(seed=1).h1.weights
        [-1.319310846421546, -1.5970468640313698]
        """
        return cls.from_parameters(*normal_numbers(9, seed))

    @classmethod
    def from_parameters(cls, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        """A network of the nine parameters: h1 = f(w1*x1 + w2*x2 + b1), and so on."""
        return cls(Neuron([w1, w2], b1), Neuron([w3, w4], b2), Neuron([w5, w6], b3))

    def parameters(self):
        """The nine parameters w1, w2, b1, w3, w4, b2, w5, w6, b3 (2 inputs only)."""
        if len(self.h1.weights) != 2:
            raise ValueError("training follows the article's derivation for 2 inputs;"
                             " h1 and h2 have {} weights".format(len(self.h1.weights)))
        w1, w2 = self.h1.weights
        w3, w4 = self.h2.weights
        w5, w6 = self.o1.weights
        return w1, w2, self.h1.bias, w3, w4, self.h2.bias, w5, w6, self.o1.bias

    def set_parameters(self, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        """Set the nine parameters, in place: each neuron keeps its own list."""
        self.h1.weights[0], self.h1.weights[1], self.h1.bias = w1, w2, b1
        self.h2.weights[0], self.h2.weights[1], self.h2.bias = w3, w4, b2
        self.o1.weights[0], self.o1.weights[1], self.o1.bias = w5, w6, b3

    def save(self, path):
        """Write the nine parameters to path as JSON, crash-safely (support/files.py)."""
        from support.files import save_numbers  # only when saving: a small board's heap
        save_numbers(path, PARAMETER_NAMES, self.parameters())

    @classmethod
    def load(cls, path):
        """A network with the parameters that save(path) wrote (support/files.py)."""
        from support.files import load_numbers
        return cls.from_parameters(*load_numbers(path, PARAMETER_NAMES))

    # --- Part 2: training

    def train(self, data, all_y_trues, learn_rate=0.1, epochs=1000, report_every=10, report=print):
        """Stochastic gradient descent on the mean squared error loss (mse_loss, below).

        data is a list of samples [x1, x2], all_y_trues the right answer for
        each. For each epoch, for each sample: the partial derivatives of its loss
        (partial_derivatives, below), then each weight and bias steps learn_rate
        against its own. Every report_every epochs the loss over all the data goes
        to report ("Epoch 0 loss: 0.319"; None for silence). Returns those losses.

        Bad data or settings raise ValueError or TypeError before any weight
        changes; a weight that overflows, ValueError, the old weights kept.
        """
        if self.h1 is self.h2 or self.h1 is self.o1 or self.h2 is self.o1:
            raise ValueError("to train, h1, h2 and o1 must be three different Neuron objects")
        start = self.parameters()
        w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
        # Checked once here, so the loop below need not check every step.
        data, all_y_trues, learn_rate, epochs, report_every, losses = training_set(
            data, all_y_trues, learn_rate, epochs, report_every, start, report)

        try:
            for epoch in range(epochs):
                for x, y_true in zip(data, all_y_trues):
                    (d_L_d_w1, d_L_d_w2, d_L_d_b1, d_L_d_w3, d_L_d_w4, d_L_d_b2,
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
                if isnan(total - total):
                    raise ValueError("a weight overflowed")
                # --- Calculate total loss at the end of each epoch
                if epoch % report_every == 0:
                    self.set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
                    loss = mse_loss(all_y_trues, [self.feedforward(x) for x in data])
                    losses[epoch // report_every] = loss
                    if report is not None:
                        report("Epoch {} loss: {:.3f}".format(epoch, loss))
        except ValueError:  # a weight overflowed, or a sum of them (sigmoid(nan))
            self.set_parameters(*start)
            raise ValueError("training diverged in epoch {}: a weight overflowed; is learn_rate {!r}"
                             " too large, or the data?".format(epoch, learn_rate)) from None
        self.set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
        return losses

    def gradients(self, x, y_true):
        """The partial derivatives of the loss for one sample, by parameter name.

        >>> network = OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
        >>> round(network.gradients([-2, -1], 1)["w1"], 10)  # the article's 0.0214
        0.0214695353

        Bad input raises as in train; a result beyond float range, ValueError.
        """
        parameters = self.parameters()
        data, all_y_trues = training_set([x], [y_true], weights=parameters)[:2]
        partials = partial_derivatives(*(parameters + (data[0], all_y_trues[0])))
        for name, d in zip(PARAMETER_NAMES, partials):
            if isnan(d) or abs(d) == INF:
                raise ValueError("d_L_d_{} overflowed: the numbers are too large".format(name))
        return dict(zip(PARAMETER_NAMES, partials))


def mse_loss(y_true, y_pred):
    """Mean squared error: the average of (y_true - y_pred) squared.

    >>> mse_loss([1, 0, 0, 1], [0, 0, 0, 0])
    0.5

    Lengths that differ or are 0, a nan, or a loss beyond float range raise
    ValueError; a value that is not a number, TypeError.
    """
    n = length(y_true, "y_true")
    if length(y_pred, "y_pred") != n:
        raise ValueError("y_true and y_pred must be the same length, got {} and {}".format(
            n, len(y_pred)))
    total = 0.0
    for i in range(n):
        error = number(y_true[i], "y_true[{}]", i) - number(y_pred[i], "y_pred[{}]", i)
        total += error * error
    if isnan(total) or total == INF:
        raise ValueError("the loss overflowed: the numbers are too large")
    return total / n


def partial_derivatives(w1, w2, b1, w3, w4, b2, w5, w6, b3, x, y_true):
    """The partial derivatives of L = (y_true - y_pred)^2 for one sample x,
    by the chain rule, line by line as in the article: d_L_d_w1, ..., d_L_d_b3.

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


# --- The article's data and worked examples

# Weight (minus 135 lb) and height (minus 66 in); 1 = female, 0 = male.
PEOPLE = [("Alice", [-2, -1], 1), ("Bob", [25, 6], 0), ("Charlie", [17, 4], 0),
          ("Diana", [-15, -6], 1)]
NEW_PEOPLE = [("Emily", [-7, -3]), ("Frank", [20, 2])]  # 128 lb, 63 in; 155 lb, 68 in
# Two neurons (weights, bias, inputs x), then the network on the inputs x.
NEURON_EXAMPLES = [([0.4, 0.7], 0.2, [0.5, 0.3]), ([0, 1], 4, [2, 3])]
NETWORK_EXAMPLE = [2, 3]


def neuron_example(weights, bias, x):
    """One neuron on the inputs x: the hand calculation, then the exact result."""
    neuron = Neuron(weights, bias)
    return ["A neuron with w = {}, b = {}, on x = {}:".format(show_list(weights), show(bias),
                                                              show_list(x)),
            "y = " + neuron.explain(x),
            "feedforward({}) = {}".format(show_list(x), neuron.feedforward(x))]


def network_example(x, network=None, about="every neuron with w = [0, 1], b = 0"):
    """A network (the article's if none) on the inputs x, by hand then exactly."""
    if network is None:
        network = OurNeuralNetwork()
    return ["The network, {}, on x = {}:".format(about, show_list(x)),
            network.explain(x),
            "feedforward({}) = {}".format(show_list(x), network.feedforward(x))]


def worked_examples():
    """The article's three worked examples, as lines of text."""
    lines = []
    for weights, bias, x in NEURON_EXAMPLES:
        lines += neuron_example(weights, bias, x) + [""]
    return lines + network_example(NETWORK_EXAMPLE)


def main(args):
    """Print the worked examples; other args go to learner.py's command line. The exit status."""
    if args:
        import learner  # the learner's tools, beside this file

        return learner.main(args)
    for line in worked_examples():
        print(line)
    return 0


if __name__ == "__main__":
    try:  # Ctrl-C, and a stdout that is closed or full: one line, or quiet
        from learner import run
    except ImportError:  # network.py on its own
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(run(main, sys.argv[1:]))
