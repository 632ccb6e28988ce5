"""The reference: our training against the article's own train(), as the article writes it.

From the seeded start (OurNeuralNetwork.random(1): nine numbers in place of
the article's nine np.random.normal() calls), on the article's four people,
learn_rate 0.1, 1000 epochs: every weight and bias ends within 1e-12 of the
article's, and every loss reported (every 10 epochs) agrees. Twice: the
article's code in plain Python (math.exp for np.exp, lists for its arrays),
and, where numpy is installed, the article's numpy code itself.

The article's code is written out here as the article has it, but for its
start and its print (the epoch lines are kept, to compare). Our training
computes each neuron's sigmoid derivative once, from its output; the article
calls deriv_sigmoid eleven times per sample (five for sum_o1, three each for
sum_h1 and sum_h2), and so does this copy: REFERENCE counts the calls.

pytest only (CPython, PyPy): the portable tests check training against the
gradients and finite differences (test_network.py).
"""

import math

import pytest

from network import PARAMETER_NAMES, PEOPLE, OurNeuralNetwork

DATA = [x for name, x, y in PEOPLE]  # Alice, Bob, Charlie, Diana
ALL_Y_TRUES = [y for name, x, y in PEOPLE]
# What the article's code did: how many times it called deriv_sigmoid, and each loss it computed.
RECORD = {"deriv_sigmoid": 0, "losses": []}


def article(np):
    """The article's part 2 code, with np as its numpy: numpy itself, or PLAIN.

    Returns its OurNeuralNetwork class, started from the seeded nine numbers.
    """

    def sigmoid(x):
        # Sigmoid activation function: f(x) = 1 / (1 + e^(-x))
        return 1 / (1 + np.exp(-x))

    def deriv_sigmoid(x):
        # Derivative of sigmoid: f'(x) = f(x) * (1 - f(x))
        RECORD["deriv_sigmoid"] += 1  # (counted: not the article's)
        fx = sigmoid(x)
        return fx * (1 - fx)

    def mse_loss(y_true, y_pred):
        # y_true and y_pred are numpy arrays of the same length.
        loss = ((y_true - y_pred) ** 2).mean()
        RECORD["losses"].append(loss)  # (recorded: not the article's)
        return loss

    class OurNeuralNetwork:
        def __init__(self, start):
            # Weights (the article: np.random.normal() each; here the seeded start)
            self.w1, self.w2, self.b1, self.w3, self.w4, self.b2, self.w5, self.w6, self.b3 = start

        def feedforward(self, x):
            # x is a numpy array with 2 elements.
            h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
            h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
            o1 = sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)
            return o1

        def train(self, data, all_y_trues):
            """
            - data is a (n x 2) numpy array, n = # of samples in the dataset.
            - all_y_trues is a numpy array with n elements.
              Elements in all_y_trues correspond to those in data.
            """
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
                    y_preds = np.apply_along_axis(self.feedforward, 1, data)
                    loss = mse_loss(all_y_trues, y_preds)
                    print("Epoch %d loss: %.3f" % (epoch, loss))

    return OurNeuralNetwork


class Vector(list):
    """A numpy array of numbers, as much of one as the article's train() uses."""

    def __sub__(self, other):
        return Vector([a - b for a, b in zip(self, other)])

    def __rsub__(self, other):
        return Vector([b - a for a, b in zip(self, other)])

    def __pow__(self, power):
        return Vector([a ** power for a in self])

    def mean(self):
        return sum(self) / len(self)


class PLAIN:
    """numpy, as the article's train() uses it, in plain Python."""

    exp = staticmethod(math.exp)

    @staticmethod
    def apply_along_axis(function, axis, rows):
        assert axis == 1  # the function of each row
        return Vector([function(row) for row in rows])

    @staticmethod
    def array(values):
        return Vector(values)


def ours():
    """Our training from the seeded start: (its nine parameters, its report lines, its losses)."""
    network = OurNeuralNetwork.random(1)
    lines = []
    losses = network.train(DATA, ALL_Y_TRUES, learn_rate=0.1, epochs=1000, report_every=10,
                           report=lines.append)
    return network.parameters(), lines, losses


def the_articles(np, capsys):
    """The article's training from the same start: (its nine parameters, the lines it
    printed); RECORD holds its deriv_sigmoid calls and its losses."""
    network = article(np)(OurNeuralNetwork.random(1).parameters())
    RECORD["deriv_sigmoid"] = 0
    RECORD["losses"] = []
    capsys.readouterr()
    network.train(np.array(DATA), np.array(ALL_Y_TRUES))
    parameters = (network.w1, network.w2, network.b1, network.w3, network.w4, network.b2,
                  network.w5, network.w6, network.b3)
    return parameters, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("version", ["plain_python", "numpy"])
def test_training_matches_the_articles_train(version, capsys):
    np = PLAIN if version == "plain_python" else pytest.importorskip(
        "numpy", reason="the article's numpy version needs numpy")
    parameters, lines, losses = ours()
    expected, printed = the_articles(np, capsys)
    assert RECORD["deriv_sigmoid"] == 11 * 4 * 1000  # eleven calls per sample, 4 samples, 1000 epochs
    assert len(expected) == 9 and parameters != OurNeuralNetwork.random(1).parameters()  # trained
    for name, value, reference in zip(PARAMETER_NAMES, parameters, expected):
        assert abs(value - reference) <= 1e-12, (name, value, reference)
    # The losses reported every 10 epochs: as printed, and as computed.
    assert len(printed) == 100 and printed[0].startswith("Epoch 0 loss: 0.")
    assert printed[-1].startswith("Epoch 990 loss: 0.00")
    assert lines == printed
    assert len(RECORD["losses"]) == len(losses) == 100
    for epoch, loss, reference in zip(range(0, 1000, 10), losses, RECORD["losses"]):
        assert abs(loss - reference) <= 1e-12, (epoch, loss, reference)
