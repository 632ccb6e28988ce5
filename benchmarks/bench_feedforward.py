"""How fast is OurNeuralNetwork().feedforward([2, 3])? Ratios measured in one run.

    python3 benchmarks/bench_feedforward.py

Compares, on x = [2, 3]:
  floor      the same arithmetic written by hand as one inline expression
             (as fast as pure Python gets)
  unchecked  the same Neuron / OurNeuralNetwork structure without input checks
  ours       network.OurNeuralNetwork
  numpy      the article's own numpy code (if numpy is installed)

Targets: ours / unchecked <= 1.10 (the checks cost at most 10%),
ours / floor <= 3.5, numpy / ours >= 3.
"""

import os
import sys
import timeit
from math import exp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from network import OurNeuralNetwork  # noqa: E402
from neuron import sigmoid  # noqa: E402


def floor(x):
    # Every neuron w = [0, 1], b = 0, inlined: o1 = f(0*h1 + 1*h2 + 0).
    return 1 / (1 + exp(-(
        0.0 * (1 / (1 + exp(-(0.0 * x[0] + 1.0 * x[1] + 0.0))))
        + 1.0 * (1 / (1 + exp(-(0.0 * x[0] + 1.0 * x[1] + 0.0))))
        + 0.0)))


class UncheckedNeuron:
    def __init__(self, weights, bias):
        self.weights = [float(w) for w in weights]
        self.bias = float(bias)

    def feedforward(self, inputs):
        # neuron.Neuron.feedforward, less its try/except and final check.
        total = 0.0
        i = 0
        for w in self.weights:
            total += w * inputs[i]
            i += 1
        total += self.bias
        return sigmoid(total)


class UncheckedNetwork:
    def __init__(self):
        self.h1 = UncheckedNeuron([0, 1], 0)
        self.h2 = UncheckedNeuron([0, 1], 0)
        self.o1 = UncheckedNeuron([0, 1], 0)

    def feedforward(self, x):
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        return self.o1.feedforward([out_h1, out_h2])


def article_numpy_network():
    """The article's code, verbatim apart from layout."""
    import numpy as np

    def np_sigmoid(x):
        return 1 / (1 + np.exp(-x))

    class Neuron:
        def __init__(self, weights, bias):
            self.weights = weights
            self.bias = bias

        def feedforward(self, inputs):
            total = np.dot(self.weights, inputs) + self.bias
            return np_sigmoid(total)

    class NumpyNetwork:
        def __init__(self):
            weights = np.array([0, 1])
            bias = 0
            self.h1 = Neuron(weights, bias)
            self.h2 = Neuron(weights, bias)
            self.o1 = Neuron(weights, bias)

        def feedforward(self, x):
            out_h1 = self.h1.feedforward(x)
            out_h2 = self.h2.feedforward(x)
            return self.o1.feedforward(np.array([out_h1, out_h2]))

    return NumpyNetwork().feedforward, np.array([2, 3])


def best_time(function, x, number, repeat):
    """Seconds per call, the best of repeat runs of number calls."""
    timer = timeit.Timer(lambda: function(x))
    return min(timer.repeat(repeat=repeat, number=number)) / number


def main():
    number = 2000
    repeat = 40
    candidates = [
        ("floor", floor, [2, 3]),
        ("unchecked", UncheckedNetwork().feedforward, [2, 3]),
        ("ours", OurNeuralNetwork().feedforward, [2, 3]),
    ]
    try:
        candidates.append(("numpy",) + article_numpy_network())
    except ImportError:
        print("numpy is not installed: skipping the article's numpy version")
    for name, function, x in candidates:
        assert abs(function(x) - 0.7216325609518421) < 1e-15, name
    # Interleave the rounds so that a busy moment hurts every candidate alike.
    times = {}
    for _ in range(repeat):
        for name, function, x in candidates:
            t = best_time(function, x, number, 1)
            times[name] = min(times.get(name, t), t)
    print("{} {}, best of {} x {} calls".format(
        sys.implementation.name, sys.version.split()[0], repeat, number))
    for name, _, _ in candidates:
        print("  {:<10} {:8.3f} us per feedforward".format(name, times[name] * 1e6))
    ours = times["ours"]
    print("ours / unchecked = {:.2f}   (target <= 1.10: what the input checks cost)".format(
        ours / times["unchecked"]))
    print("ours / floor     = {:.2f}   (target <= 3.5: hand-written inline expression)".format(
        ours / times["floor"]))
    print("unchecked / floor = {:.2f}  (the article's one-object-per-neuron structure)".format(
        times["unchecked"] / times["floor"]))
    if "numpy" in times:
        print("numpy / ours     = {:.2f}   (target >= 3: ours is that many times faster)".format(
            times["numpy"] / ours))


if __name__ == "__main__":
    main()
