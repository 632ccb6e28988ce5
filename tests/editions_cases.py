"""What the tests of the editions and of the notebooks share: the exercise's planted
mistakes and a student's correct solutions, and helpers for folders and files.

tests/test_editions.py, tests/test_notebooks.py and .ci/notebook_check.py read
these tables, so that a step checked one way is checked the same way everywhere.
"""

import os
import subprocess
import sys

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args, cwd=PROJECT):
    """python3 ARGS in cwd: the finished process, its output as text."""
    return subprocess.run([sys.executable] + list(args), cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)


def network_py(*args):
    return run(["network.py"] + list(args)).stdout


PLANTED = [
    # (step, function, a real line, the mistake, what the checker says)
    (1, "sigmoid", "return 1 / (1 + exp(-x))", "return 1 / (1 - exp(-x))", "the answer differs"),
    (1, "sigmoid", "return 1 / (1 + exp(-x))", "1 / (1 + exp(-x))",
     "it returns None: is its return statement missing?"),
    (2, "Neuron.feedforward",
     "activation function\n        total = dot(self.weights, inputs) + self.bias",
     "activation function\n        total = dot(self.weights, inputs)", "the answer differs"),
    (3, "OurNeuralNetwork.feedforward", "self.o1.feedforward([out_h1, out_h2])",
     "self.o1.feedforward([out_h2, out_h1])", "the answer differs"),
    (4, "deriv_sigmoid", "return fx * (1 - fx)", "return fx * (1 + fx)", "the answer differs"),
    (5, "mse_loss", "total += (t - p) * (t - p)", "total += t - p", "the answer differs"),
    (6, "partial_derivatives", "d_L_d_ypred = -2 * (y_true - y_pred)",
     "d_L_d_ypred = 2 * (y_true - y_pred)",
     "d_L_d_w1 should be 0.02146953526581111, not -0.02146953526581111"),
]

STUDENT = {
    # Correct, but not written as the project writes them.
    "sigmoid": ["    from math import tanh", "    return 0.5 * (1 + tanh(x / 2))"],
    "deriv_sigmoid": ["    return sigmoid(x) - sigmoid(x) ** 2"],
    "Neuron.feedforward": [
        "        return sigmoid(sum([w * x for w, x in zip(self.weights, inputs)]) + self.bias)"],
    "OurNeuralNetwork.feedforward": [
        "        return self.o1.feedforward([self.h1.feedforward(x), self.h2.feedforward(x)])"],
    "mse_loss": ["    return sum([(t - p) ** 2 for t, p in zip(y_true, y_pred)]) / len(y_true)"],
    "partial_derivatives": [
        # The article's own way: deriv_sigmoid of each sum, products in another order.
        "    sum_h1 = w1 * x[0] + w2 * x[1] + b1",
        "    h1 = sigmoid(sum_h1)",
        "    sum_h2 = w3 * x[0] + w4 * x[1] + b2",
        "    h2 = sigmoid(sum_h2)",
        "    sum_o1 = w5 * h1 + w6 * h2 + b3",
        "    y_pred = sigmoid(sum_o1)",
        "    d_L_d_ypred = -2 * (y_true - y_pred)",
        "    d_o1 = deriv_sigmoid(sum_o1)",
        "    d1 = deriv_sigmoid(sum_h1)",
        "    d2 = deriv_sigmoid(sum_h2)",
        "    return (x[0] * d1 * w5 * d_o1 * d_L_d_ypred, x[1] * d1 * w5 * d_o1 * d_L_d_ypred,",
        "            d1 * w5 * d_o1 * d_L_d_ypred, x[0] * d2 * w6 * d_o1 * d_L_d_ypred,",
        "            x[1] * d2 * w6 * d_o1 * d_L_d_ypred, d2 * w6 * d_o1 * d_L_d_ypred,",
        "            h1 * d_o1 * d_L_d_ypred, h2 * d_o1 * d_L_d_ypred, d_o1 * d_L_d_ypred)",
    ],
}


def folder_as_it_is(folder):
    """What a folder holds: {name: (bytes, mode)}, or None where there is none."""
    if not os.path.exists(str(folder)):
        return None
    held = {}
    for name in sorted(os.listdir(str(folder))):
        path = os.path.join(str(folder), name)
        if os.path.isdir(path):
            held[name] = ("a folder", os.listdir(path))
            continue
        with open(path, "rb") as f:
            held[name] = (f.read(), os.stat(path).st_mode)
    return held


def failing(monkeypatch, name, call, error):
    """os.<name> raises error at its call-th call, as a full disk would."""
    real = getattr(os, name)
    calls = []

    def fails(*args):
        calls.append(args)
        if len(calls) == call:
            raise error
        return real(*args)

    monkeypatch.setattr(os, name, fails)


FULL = OSError(28, "No space left on device")
