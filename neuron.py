"""The article's section 1, its building blocks: the sigmoid activation function, and a neuron.

A neuron multiplies each input by a weight, adds a bias, and passes the sum
through an activation function:

    y = f(w1*x1 + w2*x2 + ... + wn*xn + b)

The article's code with numpy gone: np.exp is math's exp, np.dot is dot, a
loop over plain lists. What is not the article's (the checks at each
function's door, so that no nan or inf is ever an answer, and the writing of
numbers) is support/numbers.py's. Runs on CPython 3.6+, PyPy, Pyodide and
MicroPython alike.
"""

from math import exp

from support.numbers import LIMIT, LOW, checked_inputs, dot, outside, show, weights_and_bias


def sigmoid(x):
    """Squash any number into the range 0..1: f(x) = 1 / (1 + e^(-x)).

    >>> sigmoid(0), sigmoid(3)
    (0.5, 0.9525741268224334)

    It never overflows, however large x is: sigmoid(-1000) is 0.0. A nan
    raises ValueError; something that is not a number, TypeError.
    """
    if type(x) is not float or not LOW < x < LIMIT:  # checked; e^(-x) kept from overflowing
        x = outside(x)
    # Our activation function: f(x) = 1 / (1 + e^(-x))
    return 1 / (1 + exp(-x))


def deriv_sigmoid(x):
    """The slope of sigmoid at x, which training needs: f'(x) = f(x) * (1 - f(x)).

    >>> deriv_sigmoid(0)
    0.25
    """
    # Derivative of sigmoid: f'(x) = f(x) * (1 - f(x))
    fx = sigmoid(x)
    return fx * (1 - fx)


class Neuron:
    """A neuron with one weight per input, and a bias.

    >>> n = Neuron([0, 1], 4)    # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])    # x1 = 2, x2 = 3
    0.9990889488055994

    The weights and the bias must be finite numbers: anything else raises
    TypeError (not a number, not a list) or ValueError (nan, inf, no weights).
    """

    def __init__(self, weights, bias):
        weights, bias = weights_and_bias(weights, bias)  # checked, as floats; the list our own
        self.weights = weights
        self.bias = bias

    def feedforward(self, inputs):
        """Weight the inputs, add the bias, then use the activation function.

        >>> Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])
        0.6479408020806503

        The inputs must be numbers, one per weight (else TypeError or
        ValueError); a nan, or one made on the way (0*inf), raises ValueError.
        (dot looks at each input only if the sum is wrong: there a bool counts
        as 0 or 1, and a dict or bytes indexed 0, 1... as a list.)
        """
        # Weight inputs, add bias, then use the activation function
        total = dot(self.weights, inputs) + self.bias
        return sigmoid(total)

    def explain(self, inputs, write=show):
        """The same calculation, written out by hand (each number by write):

        >>> print(Neuron([0.4, 0.7], 0.2).explain([0.5, -2]))
        f(0.4*0.5 + 0.7*(-2) + 0.2) = f(-1) = 0.2689
        """
        inputs = checked_inputs(self.weights, inputs)  # bad ones raise as in feedforward
        terms = []
        for w, x in zip(self.weights, inputs):  # a loop, not a helper: a board's stack is shallow
            x = write(x)
            terms.append(write(w) + "*" + ("(" + x + ")" if x[:1] == "-" else x))
        total = dot(self.weights, inputs) + self.bias
        # Every term and the bias joined by " + ", as the article writes f(-2 + -1 + 0).
        return "f({} + {}) = f({}) = {}".format(" + ".join(terms), write(self.bias), write(total),
                                                write(sigmoid(total)))

    def __repr__(self):
        return "Neuron({!r}, {!r})".format(self.weights, self.bias)
