"""Section 1 of the article, the building blocks: the sigmoid activation function, and a neuron.

A neuron multiplies each input by a weight, adds a bias, and passes the sum
through an activation function:

    y = f(w1*x1 + w2*x2 + ... + wn*xn + b)

This is the article's code with numpy taken out: np.exp is math.exp, and
np.dot is dot, a loop over plain lists (support/arithmetic.py). Each function
first checks what it is given, so that no nan or inf is ever an answer; the
checks live in support/. It runs on CPython 3.6+, PyPy, Pyodide and
MicroPython alike.
"""

from math import exp

from support.arithmetic import LOW, check_inputs, dot, sigmoid_input
from support.checks import check_weights_and_bias
from support.writing import show


def sigmoid(x):
    """Return f(x) = 1 / (1 + e^(-x)), which squashes any number into the range 0 to 1.

    >>> sigmoid(0), sigmoid(3)
    (0.5, 0.9525741268224334)

    It never overflows, however large x is: sigmoid(-1000) is 0.0. A nan
    raises ValueError, and anything that is not a number raises TypeError.
    """
    if type(x) is not float or not x > LOW:  # Check x, and keep e^(-x) from overflowing.
        x = sigmoid_input(x)
    # Our activation function: f(x) = 1 / (1 + e^(-x))
    return 1 / (1 + exp(-x))


def deriv_sigmoid(x):
    """Return the slope of the sigmoid at x, which training needs: f'(x) = f(x) * (1 - f(x)).

    >>> deriv_sigmoid(0)
    0.25
    """
    # Derivative of sigmoid: f'(x) = f(x) * (1 - f(x))
    fx = sigmoid(x)
    return fx * (1 - fx)


class Neuron:
    """A neuron with one weight for each of its inputs, and a bias.

    >>> n = Neuron([0, 1], 4)    # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])    # x1 = 2, x2 = 3
    0.9990889488055994

    The weights and the bias must be finite numbers. Anything else raises
    TypeError (not a number, or not a list) or ValueError (nan, inf, no weights).
    """

    def __init__(self, weights, bias):
        # The neuron keeps its own list of floats, so that changing the caller's list later
        # does not change the neuron.
        weights, bias = check_weights_and_bias(weights, bias)
        self.weights = weights
        self.bias = bias

    def feedforward(self, inputs):
        """Return the neuron's output for the inputs: weight them, add the bias, then use the
        activation function.

        >>> Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])
        0.6479408020806503

        The inputs must be numbers, one for each weight. Otherwise TypeError or ValueError
        says what is wrong, and ValueError is also raised for a nan made on the way (0*inf).
        """
        # Weight inputs, add bias, then use the activation function
        total = dot(self.weights, inputs) + self.bias
        return sigmoid(total)

    def explain(self, inputs, write=None):
        """Return the same calculation as feedforward, written out by hand.

        >>> print(Neuron([0.4, 0.7], 0.2).explain([0.5, -2]))
        f(0.4*0.5 + 0.7*(-2) + 0.2) = f(-1) = 0.2689

        write turns each number into text: show (the default) gives at most
        4 decimals. The inputs are checked as feedforward checks them.
        """
        write = write or show
        inputs = check_inputs(self.weights, inputs)
        terms = []
        # This loop is written out, not put in a helper, because a small board such as the
        # micro:bit has room for only a few nested calls.
        for w, x in zip(self.weights, inputs):
            x = write(x)
            terms.append(write(w) + "*" + ("(" + x + ")" if x[:1] == "-" else x))
        total = dot(self.weights, inputs) + self.bias
        # The terms and the bias are joined by " + ", as the article writes f(-2 + -1 + 0).
        return "f({} + {}) = f({}) = {}".format(" + ".join(terms), write(self.bias), write(total),
                                                write(sigmoid(total)))

    def __repr__(self):
        return "Neuron({!r}, {!r})".format(self.weights, self.bias)
