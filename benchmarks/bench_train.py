"""How fast is OurNeuralNetwork.train? Ratios measured in one run, on the interpreter that runs it.

    python3 benchmarks/bench_train.py              CPython (or PyPy)
    python3 benchmarks/run_micropython.py          MicroPython's unix port, precompiled

Each candidate trains from the same seeded start for 1000 epochs over the
article's four people, learn_rate 0.1, computing the loss every 10 epochs
and formatting the article's "Epoch %d loss: %.3f" line:
  floor     the same algorithm written inline by hand in one function
  ours      network.OurNeuralNetwork.train
  article   the article's loop in plain Python (deriv_sigmoid nine times
            per sample)
  numpy     the article's own code: numpy scalars (if numpy is installed)

Goals: ours / article <= 1.0 (ours no slower than the article's own loop),
on CPython and on MicroPython alike; ours / floor <= 2 (1.5 excellent);
numpy / ours >= 4. Portable: it runs on MicroPython (no numpy there).
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
from network import PEOPLE, OurNeuralNetwork  # noqa: E402
from neuron import deriv_sigmoid, sigmoid  # noqa: E402

DATA = [x for name, x, y in PEOPLE]
ALL_Y_TRUES = [y for name, x, y in PEOPLE]
START = OurNeuralNetwork.random(seed=1).parameters()  # w1, w2, b1, w3, w4, b2, w5, w6, b3


def quiet(line):
    pass


def floor():
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = START
    data = [[float(v) for v in x] for x in DATA]
    ys = [float(y) for y in ALL_Y_TRUES]
    lr = 0.1
    for epoch in range(1000):
        for x, y in zip(data, ys):
            x0 = x[0]
            x1 = x[1]
            h1 = 1 / (1 + exp(-(w1 * x0 + w2 * x1 + b1)))
            h2 = 1 / (1 + exp(-(w3 * x0 + w4 * x1 + b2)))
            o1 = 1 / (1 + exp(-(w5 * h1 + w6 * h2 + b3)))
            g = -2 * (y - o1) * o1 * (1 - o1)
            g1 = g * w5 * h1 * (1 - h1)
            g2 = g * w6 * h2 * (1 - h2)
            w1 -= lr * g1 * x0
            w2 -= lr * g1 * x1
            b1 -= lr * g1
            w3 -= lr * g2 * x0
            w4 -= lr * g2 * x1
            b2 -= lr * g2
            w5 -= lr * g * h1
            w6 -= lr * g * h2
            b3 -= lr * g
        if epoch % 10 == 0:
            total = 0.0
            for x, y in zip(data, ys):
                h1 = 1 / (1 + exp(-(w1 * x[0] + w2 * x[1] + b1)))
                h2 = 1 / (1 + exp(-(w3 * x[0] + w4 * x[1] + b2)))
                o1 = 1 / (1 + exp(-(w5 * h1 + w6 * h2 + b3)))
                total += (y - o1) * (y - o1)
            quiet("Epoch {} loss: {:.3f}".format(epoch, total / len(data)))
    return w1, w2, b1, w3, w4, b2, w5, w6, b3


def ours():
    network = OurNeuralNetwork.random(seed=1)
    network.train(DATA, ALL_Y_TRUES, learn_rate=0.1, epochs=1000, report=quiet)
    return network.parameters()


class ArticleNetwork:
    """The article's network for training: nine attributes, self.w1 ... self.b3."""

    def __init__(self, sigmoid, start):
        self.sigmoid = sigmoid
        self.w1, self.w2, self.b1, self.w3, self.w4, self.b2, self.w5, self.w6, self.b3 = start

    def feedforward(self, x):
        h1 = self.sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = self.sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        return self.sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)

    def parameters(self):
        return self.w1, self.w2, self.b1, self.w3, self.w4, self.b2, self.w5, self.w6, self.b3


def article_train(self, sigmoid, deriv_sigmoid, data, all_y_trues, total_loss):
    """The article's train(), verbatim but for the names passed in:
    deriv_sigmoid nine times per sample."""
    learn_rate = 0.1
    epochs = 1000
    for epoch in range(epochs):
        for x, y_true in zip(data, all_y_trues):
            sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
            h1 = sigmoid(sum_h1)
            sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
            h2 = sigmoid(sum_h2)
            sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
            o1 = sigmoid(sum_o1)
            y_pred = o1
            d_L_d_ypred = -2 * (y_true - y_pred)
            d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
            d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
            d_ypred_d_b3 = deriv_sigmoid(sum_o1)
            d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
            d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)
            d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
            d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
            d_h1_d_b1 = deriv_sigmoid(sum_h1)
            d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
            d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
            d_h2_d_b2 = deriv_sigmoid(sum_h2)
            self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
            self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
            self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1
            self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
            self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
            self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2
            self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
            self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
            self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3
        if epoch % 10 == 0:
            loss = total_loss(self)
            quiet("Epoch %d loss: %.3f" % (epoch, loss))
    return self.parameters()


def article_loop():
    """The article's loop in plain Python, with our sigmoid and deriv_sigmoid."""

    def total_loss(network):
        total = 0.0
        for x, y in zip(DATA, ALL_Y_TRUES):
            o1 = network.feedforward(x)
            total += (y - o1) * (y - o1)
        return total / len(DATA)

    network = ArticleNetwork(sigmoid, START)
    return article_train(network, sigmoid, deriv_sigmoid, DATA, ALL_Y_TRUES, total_loss)


def article_numpy():
    """The article's own code: numpy arrays for the data, numpy scalars in the loop."""
    import numpy as np

    def np_sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def np_deriv_sigmoid(x):
        fx = np_sigmoid(x)
        return fx * (1 - fx)

    data = np.array(DATA)
    all_y_trues = np.array(ALL_Y_TRUES)

    def total_loss(network):
        y_preds = np.apply_along_axis(network.feedforward, 1, data)
        return ((all_y_trues - y_preds) ** 2).mean()

    # The article draws the start with np.random.normal(); ours, to start alike.
    network = ArticleNetwork(np_sigmoid, [np.float64(v) for v in START])
    return article_train(network, np_sigmoid, np_deriv_sigmoid, data, all_y_trues, total_loss)


def seconds(function):
    """How long function() takes, in seconds, by the interpreter's finest clock."""
    if hasattr(time, "perf_counter"):
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    start = time.ticks_us()  # MicroPython
    function()
    return time.ticks_diff(time.ticks_us(), start) / 1e6


def main():
    repeat = 5
    candidates = [("floor", floor), ("ours", ours), ("article", article_loop)]
    try:
        import numpy  # noqa: F401

        candidates.append(("numpy", article_numpy))
    except ImportError:
        print("numpy is not installed: skipping the article's numpy version")
    # Same algorithm, same start: the same trained weights, up to rounding.
    expected = floor()
    for name, function in candidates:
        assert max([abs(a - b) for a, b in zip(function(), expected)]) < 1e-9, name
    times = {}
    for _ in range(repeat):  # interleaved, best of each
        for name, function in candidates:
            t = seconds(function)
            times[name] = min(times.get(name, t), t)
    print("{}, 1000 epochs x 4 samples, best of {}".format(interpreter(), repeat))
    for name, _ in candidates:
        print("  {:<8} {:7.1f} ms".format(name, times[name] * 1e3))
    ratio = times["ours"] / times["article"]
    print("ours / article  = {:.2f}   (goal <= 1.0: {}; the article's own loop in plain"
          " Python)".format(ratio, verdict(ratio <= 1.0)))
    to_floor = times["ours"] / times["floor"]
    print("ours / floor    = {:.2f}   (goal <= 2, 1.5 excellent: {})".format(
        to_floor, verdict(to_floor <= 2)))
    print("article / floor = {:.2f}".format(times["article"] / times["floor"]))
    if "numpy" in times:
        faster = times["numpy"] / times["ours"]
        print("numpy / ours    = {:.2f}   (goal >= 4: {})".format(
            faster, verdict(faster >= 4)))


if __name__ == "__main__":
    main()
