"""The article's network, its training, and its worked examples.

    x1, x2  ->  h1, h2  ->  o1

The network has two inputs, a hidden layer of two neurons (h1 and h2), and an output neuron
(o1) that takes h1 and h2 as its inputs (section 2). Training follows (sections 3 and 4):
the mean squared error loss, its partial derivatives by the chain rule, and stochastic
gradient descent on four people. The code keeps the article's order, names and comments,
with lists where it has numpy arrays. The checks of what each function is given are in
support/, the lessons in learner.py, and the command line in command_line.py.
"""

import sys
from math import isnan

from neuron import Neuron, sigmoid
from support.network_checks import (check_neurons, check_pairs, check_parameters,
                                    check_training_set, divergence_error)
from support.seeded_random import draw_normal
from support.writing import show, show_list

# The nine parameters, neuron by neuron: h1 = f(w1*x1 + w2*x2 + b1),
# h2 = f(w3*x1 + w4*x2 + b2), o1 = f(w5*h1 + w6*h2 + b3).
PARAMETER_NAMES = ("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3")


def mse_loss(y_true, y_pred):
    """Return the mean squared error loss: the average of (y_true - y_pred) squared.

    >>> mse_loss([1, 0, 0, 1], [0, 0, 0, 0])
    0.5

    Lists of different lengths, a nan, an inf or a loss too large for a float raise
    ValueError, and a value that is not a number raises TypeError.
    """
    # y_true and y_pred are lists of the same length, where the article has numpy arrays.
    y_true, y_pred = check_pairs(y_true, y_pred)
    total = 0.0
    for t, p in zip(y_true, y_pred):
        total += (t - p) * (t - p)
    if total == float("inf"):
        raise ValueError("the loss overflowed: y_true and y_pred are too far apart to square")
    return total / len(y_true)


class OurNeuralNetwork:
    """A neural network with:
      - 2 inputs
      - a hidden layer with 2 neurons (h1, h2)
      - an output layer with 1 neuron (o1)

    With no arguments, every neuron has the weights w = [0, 1] and the bias b = 0:

    >>> OurNeuralNetwork().feedforward([2, 3])
    0.7216325609518421

    You may also give three Neurons of your own: h1 and h2 with as many weights, o1 with 2.
    """

    def __init__(self, h1=None, h2=None, o1=None):
        if h1 is None and h2 is None and o1 is None:
            weights = [0, 1]
            bias = 0
            # The Neuron class here is from the previous section (neuron.py)
            h1 = Neuron(weights, bias)
            h2 = Neuron(weights, bias)
            o1 = Neuron(weights, bias)
        check_neurons(h1, h2, o1, Neuron)  # h1 and h2 need as many weights, and o1 needs 2.
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

    def feedforward(self, x):
        """Return the network's output o1 for the inputs x (checked as Neuron.feedforward does)."""
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        # The inputs for o1 are the outputs from h1 and h2
        out_o1 = self.o1.feedforward([out_h1, out_h2])
        return out_o1

    def explain(self, x):
        """Return the calculation of feedforward written out by hand, a line for each neuron.

        >>> print(OurNeuralNetwork().explain([2, 3]))
        h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216
        """
        out_h = [self.h1.feedforward(x), self.h2.feedforward(x)]
        return "\n".join(["h1 = " + self.h1.explain(x), "h2 = " + self.h2.explain(x),
                          "o1 = " + self.o1.explain(out_h)])

    # --- Training: sections 3 and 4 of the article

    def train(self, data, all_y_trues, learn_rate=0.1, epochs=1000, report_every=10, report=print):
        """Train the network by stochastic gradient descent; return the losses it reported.

        data is a list of samples [x1, x2] and all_y_trues their answers. For each sample, each
        weight and bias steps by learn_rate times its partial derivative (below). Every report_every
        epochs, report gets a line such as "Epoch 0 loss: 0.319" (with report=None, nothing).

        Bad data or settings raise ValueError or TypeError before any weight changes. If training
        stops part way, the weights are as they were, and a ValueError names what overflowed.
        """
        # Everything is checked once here, so that the loop need not check each step.
        data, all_y_trues, learn_rate, epochs, report_every, losses = check_training_set(
            self, data, all_y_trues, learn_rate, epochs, report_every, report)
        w1, w2, b1, w3, w4, b2, w5, w6, b3 = start = self.parameters()
        try:
            for epoch in range(epochs):
                for x, y_true in zip(data, all_y_trues):
                    # --- Do a feedforward, then calculate partial derivatives (below)
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
                # w - w is 0 for a number and nan for an inf, so one test finds any
                # weight that overflowed.
                if isnan(w1 - w1 + w2 - w2 + b1 - b1 + w3 - w3 + w4 - w4 + b2 - b2
                         + w5 - w5 + w6 - w6 + b3 - b3):
                    raise ValueError("a weight overflowed")
                # --- Calculate total loss at the end of each epoch
                if epoch % report_every == 0:
                    self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
                    loss = mse_loss(all_y_trues, [self.feedforward(x) for x in data])
                    losses[epoch // report_every] = loss
                    if report is not None:
                        report("Epoch {} loss: {:.3f}".format(epoch, loss))
        except BaseException as error:  # The weights go back to what they were.
            self._set_parameters(*start)
            if not isinstance(error, Exception):  # Ctrl-C is raised as it is.
                raise
            raise divergence_error(error, epoch, learn_rate, (w1, w2, b1, w3, w4, b2, w5, w6, b3),
                                   PARAMETER_NAMES, data, losses, report_every)
        self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
        return losses

    @classmethod
    def random(cls, seed=1):
        """Return a network of nine parameters drawn as the article's np.random.normal() draws
        them. The same seed gives the same network on every interpreter."""
        return cls.from_parameters(*draw_normal(9, seed))

    @classmethod
    def from_parameters(cls, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        """Return the network of the nine parameters: h1 = f(w1*x1 + w2*x2 + b1), and so on."""
        network = cls()  # Its three neurons get the parameters, checked, in place.
        network.set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
        return network

    def parameters(self):
        """Return the nine parameters w1, w2, b1, w3, w4, b2, w5, w6, b3 of a 2-input network."""
        if len(self.h1.weights) != 2:
            raise ValueError("training follows the article's derivation for 2 inputs;"
                             " h1 and h2 have {} weights".format(len(self.h1.weights)))
        w1, w2 = self.h1.weights
        w3, w4 = self.h2.weights
        w5, w6 = self.o1.weights
        return w1, w2, self.h1.bias, w3, w4, self.h2.bias, w5, w6, self.o1.bias

    def set_parameters(self, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        """Set the nine parameters in place, each checked to be a finite number."""
        values = check_parameters((w1, w2, b1, w3, w4, b2, w5, w6, b3), PARAMETER_NAMES)
        self._set_parameters(*values)

    def _set_parameters(self, w1, w2, b1, w3, w4, b2, w5, w6, b3):
        # Its callers (set_parameters, train, load) give it values they have checked.
        self.h1.weights[0], self.h1.weights[1], self.h1.bias = w1, w2, b1
        self.h2.weights[0], self.h2.weights[1], self.h2.bias = w3, w4, b2
        self.o1.weights[0], self.o1.weights[1], self.o1.bias = w5, w6, b3

    def save(self, path, about=None):
        """Write the nine parameters to path as JSON, whole or not at all (see save_numbers)."""
        from support.files import save_numbers  # Imported here to spare a small board's heap.
        save_numbers(path, PARAMETER_NAMES, self.parameters(), about)

    @classmethod
    def load(cls, path):
        """Return a network with the parameters that save(path) wrote, checked as they are read."""
        from support.files import load_numbers
        network = cls()
        network._set_parameters(*load_numbers(path, PARAMETER_NAMES))
        return network


def partial_derivatives(w1, w2, b1, w3, w4, b2, w5, w6, b3, x, y_true):
    """Return the partial derivatives of L = (y_true - y_pred)^2 for one sample x, worked
    out by the chain rule line by line as the article does: d_L_d_w1, ..., d_L_d_b3.

    >>> [round(d, 4) for d in partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)]
    [0.0215, 0.0107, -0.0107, 0.0215, 0.0107, -0.0107, -0.0113, -0.0113, -0.2376]

    It trusts its arguments: train checks the data once, before the first step.
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
    # deriv_sigmoid(sum) is f(sum) * (1 - f(sum)), and f(sum) is the neuron's output, which we
    # already have. So each derivative is worked out once per neuron, from that output.
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

    return (d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1,
            d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2,
            d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1,
            d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3,
            d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4,
            d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2,
            d_L_d_ypred * d_ypred_d_w5,
            d_L_d_ypred * d_ypred_d_w6,
            d_L_d_ypred * d_ypred_d_b3)


# --- The data and the worked examples
# Weight (minus 135 lb) and height (minus 66 in); 1 = female, 0 = male.
PEOPLE = [("Alice", [-2, -1], 1), ("Bob", [25, 6], 0), ("Charlie", [17, 4], 0),
          ("Diana", [-15, -6], 1)]
NEW_PEOPLE = [("Emily", [-7, -3]), ("Frank", [20, 2])]  # Emily 128 lb, 63 in; Frank 155 lb, 68 in
# Two neurons (weights, bias, inputs x), then the network on the inputs x.
NEURON_EXAMPLES = [([0.4, 0.7], 0.2, [0.5, 0.3]), ([0, 1], 4, [2, 3])]
NETWORK_EXAMPLE = [2, 3]


def neuron_example(weights, bias, x):
    """Return one neuron's calculation on the inputs x as lines: by hand, then exactly."""
    neuron = Neuron(weights, bias)
    return ["A neuron with w = {}, b = {}, on x = {}:".format(show_list(weights), show(bias),
                                                              show_list(x)),
            "y = " + neuron.explain(x),
            "feedforward({}) = {}".format(show_list(x), neuron.feedforward(x))]


def network_example(x, network=None, about="every neuron with w = [0, 1], b = 0"):
    """Return the lines of a network's calculation on x, by hand then exactly; about names it."""
    if network is None:
        network = OurNeuralNetwork()
    return ["The network, {}, on x = {}:".format(about, show_list(x)),
            network.explain(x),
            "feedforward({}) = {}".format(show_list(x), network.feedforward(x))]


def worked_examples():
    """Return the article's three worked examples as lines of text."""
    lines = []
    for weights, bias, x in NEURON_EXAMPLES:
        lines += neuron_example(weights, bias, x) + [""]
    return lines + network_example(NETWORK_EXAMPLE)


if __name__ == "__main__":
    # Run as a program, this file hands its arguments to the command line, which imports this
    # file again as the module network (PEP 395). Ctrl-C during that import exits quietly.
    try:
        from command_line import run
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(run(sys.argv[1:]))
