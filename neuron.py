"""The building blocks of the article: the sigmoid activation and one neuron.

A neuron multiplies each input by a weight, adds a bias, and passes the sum
through an activation function:

    y = f(w1*x1 + w2*x2 + ... + wn*xn + b)

Plain Python (lists, loops and math's exp), so it runs on CPython 3.6+,
PyPy, Pyodide and MicroPython alike.
"""

from math import exp, isnan


def sigmoid(x):
    """Squash any number into the range 0..1: f(x) = 1 / (1 + e^-x).

    >>> sigmoid(0)
    0.5
    >>> sigmoid(3)
    0.9525741268224334

    It never raises for a float, however large: sigmoid(-1000) is 0.0.
    """
    # e^-x overflows for large negative x (OverflowError on CPython,
    # ValueError on MicroPython), so there we use the equal form
    # e^x / (1 + e^x), whose e^x can only underflow to 0.
    if x >= 0:
        return 1 / (1 + exp(-x))
    e = exp(x)
    return e / (1 + e)


def deriv_sigmoid(x):
    """The slope (derivative) of sigmoid at x: f(x) * (1 - f(x)).

    >>> deriv_sigmoid(0)
    0.25

    Like sigmoid, it never raises for a float: deriv_sigmoid(1000) is 0.0.
    """
    fx = sigmoid(x)
    return fx * (1 - fx)


def _number(value, name, *index):
    # value as a float, or an error that names it: name.format(*index), as
    # "weights[{}]" with index 1 is weights[1]; made only for an error.
    # float("3") works, but a string is not a number.
    if isinstance(value, (str, bytes)):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value))
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {!r}".format(name.format(*index), value)) from None
    if isnan(value):
        raise ValueError("{} is nan".format(name.format(*index)))
    return value


def _show(x):
    # How a number is written in a hand calculation: 3, 0.61, 0.9526.
    if isnan(x) or abs(x) >= 1e15:  # nan, inf, or too long to write out
        return str(x)
    if x == int(x):
        return str(int(x))
    text = "{:.4f}".format(x).rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class Neuron:
    """A neuron with one weight per input and a bias.

    >>> n = Neuron([0, 1], 4)    # w1 = 0, w2 = 1, b = 4
    >>> n.feedforward([2, 3])    # x1 = 2, x2 = 3
    0.9990889488055994

    A weight or bias that is not a number raises TypeError; a nan raises
    ValueError.
    """

    def __init__(self, weights, bias):
        try:
            weights = list(weights)
        except TypeError:
            raise TypeError("weights must be a list of numbers, got {!r}".format(weights)) from None
        if not weights:
            raise ValueError("weights must not be empty")
        self.weights = []
        for i in range(len(weights)):  # a loop, not a comprehension: see explain
            self.weights.append(_number(weights[i], "weights[{}]", i))
        self.bias = _number(bias, "bias")

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
        except (TypeError, IndexError):
            raise self._bad_inputs(inputs) from None
        total += self.bias
        # One cheap test catches too many inputs and any nan on the way
        # (nan + anything is nan); the culprit is found only then.
        if i != len(inputs) or isnan(total):
            raise self._bad_inputs(inputs)
        return sigmoid(total)

    def explain(self, inputs, show=_show):
        """The same calculation, written out by hand.

        >>> print(Neuron([0, 1], 4).explain([2, 3]))
        f(0*2 + 1*3 + 4) = f(7) = 0.9991

        Numbers are rounded to 4 decimals, whole numbers have no point;
        show, if given, is the function that writes each number instead.
        Bad inputs raise as in feedforward.
        """
        y = self.feedforward(inputs)  # checks the inputs, too
        # Loops, not comprehensions or helpers: each call is a level of a
        # small board's shallow stack.
        terms = []
        total = 0.0
        for w, x in zip(self.weights, inputs):
            x_text = show(x)
            if x_text.startswith("-"):  # 0.4*(-2) reads better than 0.4*-2
                x_text = "(" + x_text + ")"
            terms.append(show(w) + "*" + x_text)
            total += w * x
        total += self.bias
        if self.bias < 0:
            sum_text = " + ".join(terms) + " - " + show(-self.bias)
        else:
            sum_text = " + ".join(terms) + " + " + show(self.bias)
        return "f({}) = f({}) = {}".format(sum_text, show(total), show(y))

    def _bad_inputs(self, inputs):
        # Only called once something is wrong: say what, and where.
        try:
            n = len(inputs)
        except TypeError:
            return TypeError("inputs must be a sequence of numbers, got {!r}".format(inputs))
        if n != len(self.weights):
            return ValueError(
                "expected {} inputs, one per weight, got {}".format(len(self.weights), n))
        total = 0.0
        for i in range(n):
            x = inputs[i]
            w = self.weights[i]
            try:
                _number(x, "inputs[{}]", i)
            except (TypeError, ValueError) as error:
                return error
            if isnan(w * x):
                return ValueError("weights[{0}]*inputs[{0}] is {1}*{2} = nan".format(
                    i, _show(w), _show(x)))
            if isnan(total + w * x):
                return ValueError("the weighted sum is {} + {} = nan".format(
                    _show(total), _show(w * x)))
            total += w * x
        if isnan(total + self.bias):
            return ValueError("the weighted sum plus the bias is {} + {} = nan".format(
                _show(total), _show(self.bias)))
        return TypeError("inputs must be numbers, got {!r}".format(inputs))
