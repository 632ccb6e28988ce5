"""How fast is OurNeuralNetwork().feedforward([2, 3]), beside the seed's own classes? Ratios
measured in one run, on the interpreter that runs it.

    python3 benchmarks/bench_feedforward.py        CPython (or PyPy)
    python3 benchmarks/run_micropython.py          MicroPython's unix port, precompiled

Each candidate computes the article's network, every neuron w = [0, 1], b = 0, on a new
list [2, 3] each call, as a caller makes one, and must give 0.7216325609518421 (to 1e-12):
  ours       network.OurNeuralNetwork
  seed       the project's first commit's Neuron and OurNeuralNetwork (SeedNeuron,
             SeedNetwork, below: copied as they were, what feedforward runs), in plain Python
  floor      the same arithmetic by hand in one expression: as fast as plain Python gets
  numpy      the article's own code with numpy (where numpy is installed)
  micrograd  the same network of micrograd Values (where micrograd is installed)

Goals: ours / seed <= 1.1 on every interpreter; on CPython, numpy / ours >= 4 and
micrograd / ours >= 20 (ours that many times faster). Missed goals print MISSED; none fails
CI. Portable: it runs on MicroPython (no numpy there).
"""

import math

from common import goal, interpreter, micrograd, race
from network import OurNeuralNetwork

CALLS = 2000  # a round: this many calls of one candidate
REPEAT = 40  # rounds: the best of them counts


def seed_sigmoid(x):
    # e^-x overflows for large negative x (OverflowError on CPython,
    # ValueError on MicroPython), so there we use the equal form
    # e^x / (1 + e^x), whose e^x can only underflow to 0.
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)


def seed_number(value, name):
    # float("3") works, but a string is not a number.
    if isinstance(value, (str, bytes)):
        raise TypeError("{} must be a number, got {!r}".format(name, value))
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {!r}".format(name, value))
    if value != value:
        raise ValueError("{} is nan".format(name))
    return value


class SeedNeuron:
    """The seed's Neuron: __init__ and feedforward as they were (its _bad_inputs, which
    feedforward calls only for bad inputs, raises one error for all here)."""

    def __init__(self, weights, bias):
        try:
            weights = list(weights)
        except TypeError:
            raise TypeError("weights must be a list of numbers, got {!r}".format(weights))
        if not weights:
            raise ValueError("weights must not be empty")
        self.weights = [seed_number(w, "weights[{}]".format(i)) for i, w in enumerate(weights)]
        self.bias = seed_number(bias, "bias")

    def feedforward(self, inputs):
        # w1*x1 + w2*x2 + ... + wn*xn + b, summed in that order, as in the article.
        total = 0.0
        i = 0
        try:
            for w in self.weights:
                total += w * inputs[i]
                i += 1
        except (TypeError, IndexError):
            raise self._bad_inputs(inputs)
        total += self.bias
        # One cheap test catches too many inputs and any nan (the only
        # number not equal to itself); the culprit is found only then.
        if i != len(inputs) or total != total:
            raise self._bad_inputs(inputs)
        return seed_sigmoid(total)

    def _bad_inputs(self, inputs):
        return ValueError("bad inputs: {!r}".format(inputs))


class SeedNetwork:
    """The seed's OurNeuralNetwork: __init__ and feedforward as they were."""

    def __init__(self, h1=None, h2=None, o1=None):
        if h1 is None and h2 is None and o1 is None:
            weights = [0, 1]
            bias = 0
            h1 = SeedNeuron(weights, bias)
            h2 = SeedNeuron(weights, bias)
            o1 = SeedNeuron(weights, bias)
        for name, neuron in (("h1", h1), ("h2", h2), ("o1", o1)):
            if not isinstance(neuron, SeedNeuron):
                raise TypeError("{} must be a Neuron, got {!r}".format(name, neuron))
        if len(h1.weights) != len(h2.weights):
            raise ValueError("h1 and h2 see the same inputs, so need the same number of weights")
        if len(o1.weights) != 2:
            raise ValueError("o1 takes h1 and h2 as inputs, so needs 2 weights")
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

    def feedforward(self, x):
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        # The inputs for o1 are the outputs from h1 and h2
        out_o1 = self.o1.feedforward([out_h1, out_h2])
        return out_o1


def floor(x):
    # Every neuron w = [0, 1], b = 0, inlined: o1 = f(0*h1 + 1*h2 + 0).
    exp = math.exp
    return 1 / (1 + exp(-(
        0.0 * (1 / (1 + exp(-(0.0 * x[0] + 1.0 * x[1] + 0.0))))
        + 1.0 * (1 / (1 + exp(-(0.0 * x[0] + 1.0 * x[1] + 0.0))))
        + 0.0)))


def article_numpy():
    """The article's code with numpy, as it writes it: its feedforward and inputs."""
    import numpy as np

    def sigmoid(x):
        # Our activation function: f(x) = 1 / (1 + e^(-x))
        return 1 / (1 + np.exp(-x))

    class Neuron:
        def __init__(self, weights, bias):
            self.weights = weights
            self.bias = bias

        def feedforward(self, inputs):
            # Weight inputs, add bias, then use the activation function
            total = np.dot(self.weights, inputs) + self.bias
            return sigmoid(total)

    class ArticleNetwork:
        def __init__(self):
            weights = np.array([0, 1])
            bias = 0

            # The Neuron class here is from the previous section
            self.h1 = Neuron(weights, bias)
            self.h2 = Neuron(weights, bias)
            self.o1 = Neuron(weights, bias)

        def feedforward(self, x):
            out_h1 = self.h1.feedforward(x)
            out_h2 = self.h2.feedforward(x)

            # The inputs for o1 are the outputs from h1 and h2
            out_o1 = self.o1.feedforward(np.array([out_h1, out_h2]))

            return out_o1

    return ArticleNetwork().feedforward, lambda: np.array([2, 3])


def micrograd_network():
    """The same network of micrograd Values: its feedforward (on a list of numbers, as
    micrograd takes them), and None."""
    Value, sigmoid = micrograd()
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = [Value(w) for w in (0, 1, 0, 0, 1, 0, 0, 1, 0)]

    def feedforward(x):
        h1 = sigmoid(w1 * x[0] + w2 * x[1] + b1)
        h2 = sigmoid(w3 * x[0] + w4 * x[1] + b2)
        return sigmoid(w5 * h1 + w6 * h2 + b3).data

    return feedforward, None


def calls(feedforward, new_input=None):
    """A round: CALLS calls of feedforward, each on a new input [2, 3] (or new_input())."""
    def run():
        if new_input:
            for _ in range(CALLS):
                feedforward(new_input())
        else:
            for _ in range(CALLS):
                feedforward([2, 3])
    return run


def main():
    # (name, feedforward, a maker of its input, if not a new list [2, 3] each call)
    candidates = [("ours", OurNeuralNetwork().feedforward, None),
                  ("seed", SeedNetwork().feedforward, None), ("floor", floor, None)]
    try:
        candidates.append(("numpy",) + article_numpy())
    except ImportError:
        print("numpy is not installed: no numpy candidate")
    if micrograd()[0]:
        candidates.append(("micrograd",) + micrograd_network())
    else:
        print("micrograd is not installed: no micrograd candidate (pip install micrograd)")
    for name, feedforward, new_input in candidates:
        x = new_input() if new_input else [2, 3]
        assert abs(feedforward(x) - 0.7216325609518421) < 1e-12, name
    times = race([(name, calls(feedforward, new_input))
                  for name, feedforward, new_input in candidates], REPEAT)
    print("{}, best of {} x {} calls".format(interpreter(), REPEAT, CALLS))
    for name, feedforward, new_input in candidates:
        print("  {:<10} {:8.3f} us per feedforward".format(name, times[name] / CALLS * 1e6))
    ours = times["ours"]
    goal("ours / seed", ours / times["seed"], 1.1, about="  the seed's Neuron and OurNeuralNetwork")
    print("{:<17}= {:6.2f}  (a hand-inlined floor)".format("ours / floor", ours / times["floor"]))
    for name, limit in (("numpy", 4), ("micrograd", 20)):
        if name in times:
            goal(name + " / ours", times[name] / ours, limit, at_most=False,
                 about="  ours that many times faster")


if __name__ == "__main__":
    main()
