"""The building blocks of the article: the sigmoid activation and one neuron.

A neuron multiplies each input by a weight, adds a bias, and passes the sum
through an activation function:

    y = f(w1*x1 + w2*x2 + ... + wn*xn + b)

Plain Python (lists, loops and math's exp), so it runs on CPython 3.6+,
PyPy, Pyodide and MicroPython alike. Two helpers are shared with the other
modules: number() checks a number from outside, show() writes one as the
hand calculations do.
"""

from math import exp, isnan


def sigmoid(x):
    """Squash any number into the range 0..1: f(x) = 1 / (1 + e^-x).

    >>> sigmoid(0)
    0.5
    >>> sigmoid(3)
    0.9525741268224334

    It never overflows, however large x is: sigmoid(-1000) is 0.0. A nan
    raises ValueError; something that is not a number, TypeError.
    """
    if type(x) is not float:  # an int, a Decimal, a word...: checked, as a float
        big = isinstance(x, int) and not -1e308 < x < 1e308  # an int as good as inf
        x = (INF if x > 0 else -INF) if big else number(x, "x")
    # e^-x overflows for large negative x (OverflowError on CPython,
    # ValueError on MicroPython), so there we use the equal form
    # e^x / (1 + e^x), whose e^x can only underflow to 0.
    if x >= 0:
        return 1 / (1 + exp(-x))
    if isnan(x):  # asked, not assumed: once warm, PyPy's JIT took nan for < 0 here
        raise ValueError("sigmoid(nan): x is nan")
    e = exp(x)
    return e / (1 + e)


def deriv_sigmoid(x):
    """The slope (derivative) of sigmoid at x: f(x) * (1 - f(x)).

    >>> deriv_sigmoid(0)
    0.25

    Like sigmoid, it never overflows: deriv_sigmoid(1000) is 0.0.
    """
    fx = sigmoid(x)
    return fx * (1 - fx)


class Neuron:
    """A neuron with one weight per input and a bias.

    >>> n = Neuron([0, 1], 4)    # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])    # x1 = 2, x2 = 3
    0.9990889488055994

    A weight or bias that is not a number raises TypeError; a nan, or an
    int beyond float range, ValueError.
    """

    def __init__(self, weights, bias):
        n = length(weights, "weights")  # a list of numbers, not empty
        self.weights = []
        for i in range(n):  # a loop, not a comprehension: see explain
            self.weights.append(number(weights[i], "weights[{}]", i))
        self.bias = number(bias, "bias")

    def __repr__(self):
        return "Neuron({!r}, {!r})".format(self.weights, self.bias)

    def feedforward(self, inputs):
        """Weight the inputs, add the bias, then use the activation function.

        >>> Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])
        0.6479408020806503

        The inputs must be numbers, as many as there are weights (else
        ValueError or TypeError); a nan anywhere raises ValueError.
        """
        # w1*x1 + w2*x2 + ... + wn*xn + b, summed in that order, as in the article.
        total = 0.0
        i = 0
        try:
            for w in self.weights:
                total += w * inputs[i]
                i += 1
            total += self.bias
            # One cheap test catches too many inputs and any nan or inf on the
            # way (inf - inf is nan); the culprit is sought only then.
            if i == len(inputs) and not isnan(total - total):
                return sigmoid(total)
        except (TypeError, LookupError, ArithmeticError):
            pass
        # Something is unusual: each input checked, then the same sum again.
        total = 0.0
        for i, x in enumerate(self.checked(inputs)):
            total += self.weights[i] * x
        return sigmoid(total + self.bias)

    def checked(self, inputs):
        """The inputs as floats, one per weight, or the error that says what is wrong.

        >>> Neuron([0, 1], 0).checked((2, 3))
        [2.0, 3.0]

        Too few or too many raise ValueError; anything that is not a number,
        TypeError; a nan, or one made on the way (0*inf, inf - inf), ValueError.
        """
        n = length(inputs, "inputs")
        if n != len(self.weights):
            raise ValueError("expected {} inputs, one per weight, got {}".format(len(self.weights), n))
        xs = []
        total = 0.0
        for i in range(n):
            x = number(inputs[i], "inputs[{}]", i)
            w = self.weights[i]
            if isnan(w * x):
                raise ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(i, show(w), show(x)))
            if isnan(total + w * x):
                raise ValueError("the weighted sum is {} + {} = nan".format(show(total), show(w * x)))
            total += w * x
            xs.append(x)
        if isnan(total + self.bias):
            raise ValueError("the weighted sum plus the bias is {} + {} = nan".format(
                show(total), show(self.bias)))
        return xs

    def explain(self, inputs, write=None):
        """The same calculation, written out by hand.

        >>> print(Neuron([0, 1], 4).explain([2, 3]))
        f(0*2 + 1*3 + 4) = f(7) = 0.9991

        Each number is written by write (default: show, 4 decimals at most,
        whole numbers without a point). Bad inputs raise as in feedforward.
        """
        write = write or show
        inputs = self.checked(inputs)
        # Loops, not comprehensions or helpers: each call is a level of a
        # small board's shallow stack.
        terms = []
        total = 0.0
        for w, x in zip(self.weights, inputs):
            x_text = write(x)
            if x_text.startswith("-"):  # 0.4*(-2) reads better than 0.4*-2
                x_text = "(" + x_text + ")"
            terms.append(write(w) + "*" + x_text)
            total += w * x
        total += self.bias
        # Every term and the bias joined by " + ", as the article writes f(-2 + -1 + 0).
        sum_text = " + ".join(terms) + " + " + write(self.bias)
        return "f({}) = f({}) = {}".format(sum_text, write(total), write(sigmoid(total)))


# --- Helpers shared by the modules: not the article's code, but what keeps
# its numbers honest (number, length) and writes them as the article does (show).

INF = float("inf")


def number(value, name, *index):
    """value as a float, or an error naming it: name.format(*index).

    >>> number(3, "bias")
    3.0
    >>> number("3", "weights[{}]", 1)
    Traceback (most recent call last):
    TypeError: weights[1] must be a number, got '3'

    Anything float() takes as a real number will do (int, float, Decimal,
    Fraction, a numpy scalar); a word, a bool, a complex number or a list
    raises TypeError; nan, or a finite number beyond float range (an int of
    400 digits, Decimal("1e400")), ValueError. inf is a number: the caller
    decides whether it may be one.
    """
    dtype = getattr(value, "dtype", None)  # a numpy value: a bool, a complex, an array?
    if (isinstance(value, (str, bytes, bytearray, bool, list, tuple, dict, set))
            or getattr(value, "ndim", 0) or getattr(dtype, "kind", "f") in "bcSUO"):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value))
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value)) from None
    except OverflowError:  # CPython: an int or a Fraction beyond float range
        result = None
    if result is not None and isnan(result):
        raise ValueError("{} is nan".format(name.format(*index)))
    # MicroPython makes a huge int inf, and so does float() a huge Decimal.
    if result is None or abs(result) == INF and (
            isinstance(value, int) or not isinstance(value, float) and value != result):
        raise ValueError("{} is beyond the range of a float".format(name.format(*index)))
    return result


def length(values, name):
    """len(values) of a list, tuple or the like (not a word, a set or a dict), at least 1.

    >>> length((2, 3), "inputs")
    2

    Anything else raises TypeError naming it; an empty one, ValueError.
    """
    try:
        if isinstance(values, (str, bytes, bytearray, dict, set)):
            raise TypeError
        n = len(values)
        values[0:0]
    except (TypeError, LookupError):
        raise TypeError("{} must be a list of numbers, got {!r}".format(name, values)) from None
    if n == 0:
        raise ValueError("{} must not be empty".format(name))
    return n


def show(x):
    """How a number is written in a hand calculation: 3, 0.61, 0.9526.

    >>> show(3.0), show(0.95257), show(-0.5)
    ('3', '0.9526', '-0.5')

    Whole numbers have no point, others 4 decimals at most; inf, nan and
    numbers too long to write out keep Python's form (1e+20).
    """
    if type(x) is not float:
        x = number(x, "x")  # a word, say, is an error; 3 is 3.0, shown as 3
    if isnan(x) or abs(x) >= 1e15:  # nan, inf, or too long to write out
        return str(x)
    if x == int(x):
        return str(int(x))
    text = "{:.4f}".format(x).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def show_list(values):
    """A list as the article writes it: [0.5, 0.3]."""
    shown = []
    for v in values:  # a loop, not a comprehension: one call less on a board's stack
        shown.append(show(v))
    return "[" + ", ".join(shown) + "]"
