"""How fast is OurNeuralNetwork().feedforward([2, 3])? Ratios measured in one run, on the
interpreter that runs it.

    python3 benchmarks/bench_feedforward.py        CPython (or PyPy)
    python3 benchmarks/run_micropython.py          MicroPython's unix port, precompiled

Compares, on x = [2, 3]:
  floor      the same arithmetic written by hand as one inline expression
             (as fast as pure Python gets)
  unchecked  the same Neuron / OurNeuralNetwork structure without input checks
  ours       network.OurNeuralNetwork
  numpy      the article's own numpy code (if numpy is installed)

Goals: ours / floor <= 2.0 on CPython and on MicroPython alike; ours /
unchecked <= 1.10 (the checks cost at most 10%); numpy / ours >= 3.
Portable: it runs on MicroPython (no numpy there).
"""

import sys
import time
from math import exp

try:  # the project's modules, beside this folder
    import os

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
except (ImportError, AttributeError):  # MicroPython: run_micropython.py sets its path
    pass

from common import interpreter, verdict  # noqa: E402
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


def per_call(function, x, number):
    """Seconds per call of function on the inputs x, over number calls, by the
    interpreter's finest clock. Each call gets a new list, as a caller's code
    makes one: on MicroPython's unix port the floor took 13.5 us a call given
    the same list each time and 1.1 us given a new one (ours: 3.1 us either way)."""
    x0, x1 = x
    calls = range(number)
    if hasattr(time, "perf_counter"):
        start = time.perf_counter()
        for _ in calls:
            function([x0, x1])
        return (time.perf_counter() - start) / number
    start = time.ticks_us()  # MicroPython
    for _ in calls:
        function([x0, x1])
    return time.ticks_diff(time.ticks_us(), start) / 1e6 / number


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
        assert abs(function(x) - 0.7216325609518421) < 1e-12, name
    # Interleave the rounds so that a busy moment hurts every candidate alike.
    times = {}
    for _ in range(repeat):
        for name, function, x in candidates:
            t = per_call(function, x, number)
            times[name] = min(times.get(name, t), t)
    print("{}, best of {} x {} calls".format(interpreter(), repeat, number))
    for name, _, _ in candidates:
        print("  {:<10} {:8.3f} us per feedforward".format(name, times[name] * 1e6))
    ours = times["ours"]
    ratio = ours / times["floor"]
    print("ours / floor     = {:.2f}   (goal <= 2.0: {}; the floor: one hand-inlined"
          " expression)".format(ratio, verdict(ratio <= 2.0)))
    checks = ours / times["unchecked"]
    print("ours / unchecked = {:.2f}   (goal <= 1.10: {}; what the input checks cost)".format(
        checks, verdict(checks <= 1.10)))
    print("unchecked / floor = {:.2f}  (the article's one-object-per-neuron structure)".format(
        times["unchecked"] / times["floor"]))
    if "numpy" in times:
        faster = times["numpy"] / ours
        print("numpy / ours     = {:.2f}   (goal >= 3: {}; ours is that many times faster)".format(
            faster, verdict(faster >= 3)))


if __name__ == "__main__":
    main()
