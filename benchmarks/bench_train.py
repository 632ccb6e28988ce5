"""How fast is OurNeuralNetwork.train, beside the article's own train()? Ratios measured in one run.

    python3 benchmarks/bench_train.py              CPython (or PyPy)
    python3 benchmarks/run_micropython.py          MicroPython's unix port, precompiled

Each candidate trains from the same seeded start, OurNeuralNetwork.random(1), for 1000 epochs
over the article's four people, learn_rate 0.1, with the loss every 10 epochs as the
article's line "Epoch 0 loss: 0.319" (given to a function that drops it), and must end with
the same nine weights (to 1e-9):
  ours       network.OurNeuralNetwork.train
  article    the article's train() as the article writes it, in plain Python (article(),
             below): its sigmoid on math's exp, deriv_sigmoid called eleven times a sample
             (five on sum_o1, three on sum_h1, three on sum_h2), its feedforward and mse_loss
  floor      the same training written inline by hand in one function, each neuron's
             derivative once from its output: about as fast as plain Python gets (no goal)
  numpy      the article's code with numpy, as it is (where numpy is installed)
  micrograd  the same network of micrograd Values, its gradients by backward() (where
             micrograd is installed: pip install micrograd)

Goals: ours / article <= 0.7 on every interpreter; on CPython, numpy / ours >= 4 and
micrograd / ours >= 20 (ours that many times faster). Missed goals print MISSED; none fails CI.
Portable: it runs on MicroPython (no numpy there).
"""

import math

from common import goal, interpreter, micrograd, race
from network import PEOPLE, OurNeuralNetwork

DATA = [x for name, x, y in PEOPLE]
ALL_Y_TRUES = [y for name, x, y in PEOPLE]
START = OurNeuralNetwork.random(seed=1).parameters()  # w1, w2, b1, w3, w4, b2, w5, w6, b3
REPEAT = 10  # rounds: the best of them counts


def drop(line):
    """Where every candidate's reports go: nowhere, so that printing them costs no one."""


def article(np=None):
    """The article's code for training, as it writes it, returning its OurNeuralNetwork class:
    with numpy, given np; else in plain Python, math's exp for np.exp and lists for arrays.
    The nine weights come in (the article draws them with np.random.normal()), and the
    reports go to report (the article prints them)."""
    exp = np.exp if np else math.exp

    def sigmoid(x):
        # Sigmoid activation function: f(x) = 1 / (1 + e^(-x))
        return 1 / (1 + exp(-x))

    def deriv_sigmoid(x):
        # Derivative of sigmoid: f'(x) = f(x) * (1 - f(x))
        fx = sigmoid(x)
        return fx * (1 - fx)

    def mse_loss(y_true, y_pred):
        # y_true and y_pred are numpy arrays of the same length.
        if np:
            return ((y_true - y_pred) ** 2).mean()
        return sum([(t - p) ** 2 for t, p in zip(y_true, y_pred)]) / len(y_true)

    class ArticleNetwork:
        def __init__(self, weights):
            self.w1, self.w2, self.b1, self.w3, self.w4, self.b2, self.w5, self.w6, self.b3 = weights

        def feedforward(self, x):
            # x is a numpy array with 2 elements.
            h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
            h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
            o1 = sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)
            return o1

        def train(self, data, all_y_trues, report):
            learn_rate = 0.1
            epochs = 1000  # number of times to loop through the entire dataset

            for epoch in range(epochs):
                for x, y_true in zip(data, all_y_trues):
                    # --- Do a feedforward (we'll need these values later)
                    sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
                    h1 = sigmoid(sum_h1)

                    sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
                    h2 = sigmoid(sum_h2)

                    sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
                    o1 = sigmoid(sum_o1)
                    y_pred = o1

                    # --- Calculate partial derivatives.
                    # --- Naming: d_L_d_w1 represents "partial L / partial w1"
                    d_L_d_ypred = -2 * (y_true - y_pred)

                    # Neuron o1
                    d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
                    d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
                    d_ypred_d_b3 = deriv_sigmoid(sum_o1)

                    d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
                    d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)

                    # Neuron h1
                    d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
                    d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
                    d_h1_d_b1 = deriv_sigmoid(sum_h1)

                    # Neuron h2
                    d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
                    d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
                    d_h2_d_b2 = deriv_sigmoid(sum_h2)

                    # --- Update weights and biases
                    # Neuron h1
                    self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
                    self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
                    self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1

                    # Neuron h2
                    self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
                    self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
                    self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2

                    # Neuron o1
                    self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
                    self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
                    self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3

                # --- Calculate total loss at the end of each epoch
                if epoch % 10 == 0:
                    if np:
                        y_preds = np.apply_along_axis(self.feedforward, 1, data)
                    else:
                        y_preds = [self.feedforward(x) for x in data]
                    loss = mse_loss(all_y_trues, y_preds)
                    report("Epoch {} loss: {:.3f}".format(epoch, loss))  # the article: print, %

    return ArticleNetwork


ArticleNetwork = article()  # made once, as a module of the article's code would be


def ours():
    network = OurNeuralNetwork.random(seed=1)
    network.train(DATA, ALL_Y_TRUES, learn_rate=0.1, epochs=1000, report=drop)
    return network.parameters()


def article_plain():
    network = ArticleNetwork(START)
    network.train(DATA, ALL_Y_TRUES, drop)
    return network.w1, network.w2, network.b1, network.w3, network.w4, network.b2, network.w5, \
        network.w6, network.b3


def article_numpy():
    import numpy as np

    network = article(np)([np.float64(w) for w in START])
    network.train(np.array(DATA), np.array(ALL_Y_TRUES), drop)
    return network.w1, network.w2, network.b1, network.w3, network.w4, network.b2, network.w5, \
        network.w6, network.b3


def floor():
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = START
    data = [[float(v) for v in x] for x in DATA]
    ys = [float(y) for y in ALL_Y_TRUES]
    lr = 0.1
    exp = math.exp
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
            drop("Epoch {} loss: {:.3f}".format(epoch, total / len(data)))
    return w1, w2, b1, w3, w4, b2, w5, w6, b3


def micrograd_train():
    """The same training on a network of micrograd Values: each sample's loss, backward()."""
    Value, sigmoid = micrograd()
    weights = [Value(w) for w in START]
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = weights

    def feedforward(x):
        h1 = sigmoid(w1 * x[0] + w2 * x[1] + b1)
        h2 = sigmoid(w3 * x[0] + w4 * x[1] + b2)
        return sigmoid(w5 * h1 + w6 * h2 + b3)

    for epoch in range(1000):
        for x, y_true in zip(DATA, ALL_Y_TRUES):
            loss = (y_true - feedforward(x)) ** 2
            for w in weights:
                w.grad = 0
            loss.backward()
            for w in weights:
                w.data -= 0.1 * w.grad
        if epoch % 10 == 0:
            loss = sum([(y - feedforward(x)) ** 2 for x, y in zip(DATA, ALL_Y_TRUES)]) / len(DATA)
            drop("Epoch {} loss: {:.3f}".format(epoch, loss.data))
    return [w.data for w in weights]


def main():
    candidates = [("ours", ours), ("article", article_plain), ("floor", floor)]
    try:
        __import__("numpy")
        candidates.append(("numpy", article_numpy))
    except ImportError:
        print("numpy is not installed: no numpy candidate")
    if micrograd()[0]:
        candidates.append(("micrograd", micrograd_train))
    else:
        print("micrograd is not installed: no micrograd candidate (pip install micrograd)")
    # The same training from the same start: the same weights, up to rounding.
    expected = ours()
    for name, run in candidates:
        assert max([abs(a - b) for a, b in zip(run(), expected)]) < 1e-9, name
    times = race(candidates, REPEAT)
    print("{}, 1000 epochs x 4 samples, best of {}".format(interpreter(), REPEAT))
    for name, run in candidates:
        print("  {:<10} {:8.1f} ms".format(name, times[name] * 1e3))
    ours_time = times["ours"]
    goal("ours / article", ours_time / times["article"], 0.7,
         about="  the article's train(), in plain Python")
    print("{:<17}= {:6.2f}  (the article's train() / a hand-inlined floor)".format(
        "article / floor", times["article"] / times["floor"]))
    print("{:<17}= {:6.2f}".format("ours / floor", ours_time / times["floor"]))
    for name, limit in (("numpy", 4), ("micrograd", 20)):
        if name in times:
            goal(name + " / ours", times[name] / ours_time, limit, at_most=False,
                 about="  ours that many times faster")


if __name__ == "__main__":
    main()
