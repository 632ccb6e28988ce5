"""The micro:bit edition: the article's worked examples on a BBC micro:bit, cut from the real modules.

    python3 -m tools --microbit DIR

Made with tools/editions.py's cutting (cut, without_docstrings) and written
with its write_edition, which never replaces a file an edition did not write.
"""

from tools.editions import MARK, cut, read, without_docstrings

# --- The micro:bit edition
#
# The BBC micro:bit (MicroPython 1.9.2) has about 10 KB of heap, a flash
# file system of about 15 KB and a stack for about 6 nested calls. What
# fits: of neuron.py, the sigmoid, the neuron and the numbers' checks; of
# network.py, the network's feedforward and its hand calculation, and the
# worked examples. Docstrings are left out (compiling them takes heap;
# comments cost only flash), and so is what needs training, files or a
# command line.
MICROBIT_NEURON = ["math", "sigmoid", "_real", "deriv_sigmoid", "Neuron.__init__",
                   "Neuron.feedforward", "Neuron.checked", "Neuron.explain", "INF", "number",
                   "length", "show", "show_list"]
MICROBIT_NETWORK = [
    "OurNeuralNetwork.__init__",
    "OurNeuralNetwork.feedforward",
    "OurNeuralNetwork.explain",
    "neuron_example",
    "network_example",
    "NEURON_EXAMPLES",
    "NETWORK_EXAMPLE",
]

MICROBIT_HEADER = """\
# {name} for the BBC micro:bit, {mark}, made from the real
# {name} by: python3 -m tools --microbit DIR
# Docstrings and what the board has no room for are left out.
"""

MICROBIT_MAIN = """\
# main.py for the BBC micro:bit, {mark}, made by: python3 -m tools --microbit DIR
# The article's worked examples, printed at power-up as `python3 network.py`
# prints them (with the board's 6-digit floats).

# neuron first: compiling a module takes heap that network's code would hold.
import neuron
from network import NETWORK_EXAMPLE, NEURON_EXAMPLES, network_example, neuron_example

# The examples are called from here rather than through worked_examples():
# the board's stack has room for only a few nested calls.
for weights, bias, x in NEURON_EXAMPLES:
    for line in neuron_example(weights, bias, x):
        print(line)
    print()
for line in network_example(NETWORK_EXAMPLE):
    print(line)
"""


def microbit_edition():
    """The micro:bit edition: {file name: text} for main.py, neuron.py and network.py."""
    network = cut(without_docstrings(read("network.py")), MICROBIT_NETWORK).lstrip("\n")
    return {
        "main.py": MICROBIT_MAIN.format(mark=MARK),
        "neuron.py": MICROBIT_HEADER.format(name="neuron.py", mark=MARK)
        + cut(without_docstrings(read("neuron.py")), MICROBIT_NEURON).lstrip("\n"),
        "network.py": MICROBIT_HEADER.format(name="network.py", mark=MARK)
        + "from neuron import Neuron, show, show_list\n\n\n" + network,
    }


# --- The training edition: python3 -m tools --microbit DIR train
import ast  # noqa: E402

TRAINING_NEURON = ["sigmoid", "Neuron.__init__", "Neuron.feedforward", "INF"]
TRAINING_NETWORK = ["OurNeuralNetwork.feedforward", "OurNeuralNetwork.set_parameters",
                    "mse_loss", "normal_numbers", "PEOPLE", "NEW_PEOPLE"]
TRAINING_TRAINING = ["partial_derivatives"]
TRAINING_LEARNER = ["loss_chart"]

TRAINING_CHECKS = """\
# The board's stand-ins for the checks of numbers from outside (neuron.py's
# number and length), for which its heap has no room: they trust the
# article's numbers.
def number(value, name, *index):
    return float(value)


def length(values, name):
    return len(values)


def whole_number(value, name, least=None):
    return value


"""

TRAINING_TRAIN = """\


# The board's train: network.py's loop, cut from its train. Left out: train's
# checks of the data (the article's), and its undoing of an overflow.
def train(self, start, data, all_y_trues, learn_rate, epochs, report_every, report, losses):
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
{loop}
    self.set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
    return losses
"""

TRAINING_MAIN = """\
# main.py for the BBC micro:bit, {mark}, made by: python3 -m tools --microbit DIR train
import neuron
import network
import training
from learner import loss_chart
from microbit import button_a, button_b, display, running_time

reports = [0]


def report(line):
    print(line)
    reports[0] += 1
    dot = reports[0] // 4
    if dot < 25:
        display.set_pixel(dot % 5, dot // 5, 9)


data = [x for name, x, y in network.PEOPLE]
all_y_trues = [y for name, x, y in network.PEOPLE]
start = network.normal_numbers(9, 1)
w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
trained = network.OurNeuralNetwork(neuron.Neuron([w1, w2], b1), neuron.Neuron([w3, w4], b2), neuron.Neuron([w5, w6], b3))
losses = [None] * 100
began = running_time()
training.train(trained, start, data, all_y_trues, 0.1, 1000, 10, report, losses)
seconds = (running_time() - began) / 1000
final = network.mse_loss(all_y_trues, [trained.feedforward(x) for x in data])
print("Final loss (after epoch {{}}, the last): {{:.3f}}".format(999, final))
print()
for line in loss_chart(losses, 10, final, 1000):
    print(line)
print()
for name, x in network.NEW_PEOPLE:
    print("{{}}: [{{}}, {{}}] -> {{:.3f}}".format(name, x[0], x[1], trained.feedforward(x)))
print("trained 1000 epochs in {{:.1f}} s".format(seconds))
"""

TRAINING_NOTE = ("Copy the files to the micro:bit (see docs/microbit.md); main.py trains at"
                 " power-up and prints what `python3 network.py train` prints.")


def _part(name, keep):
    return cut(without_docstrings(read(name)), keep).lstrip("\n")


def _train_loop():
    source = without_docstrings(read("network.py"))
    lines = source.split("\n")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.For) and getattr(node.target, "id", None) == "epoch":
            first = node.lineno - 1
            while lines[first - 1].strip().startswith("#"):
                first -= 1
            end = node.lineno
            while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > node.col_offset):
                end += 1
            indent = node.col_offset - 4
            return "\n".join([line[indent:] for line in lines[first:end]]).rstrip()
    raise ValueError("no train loop in network.py")


def microbit_training_edition():
    def header(name):
        return MICROBIT_HEADER.format(name=name, mark=MARK).replace("--microbit DIR", "--microbit DIR train")
    network = _part("network.py", TRAINING_NETWORK)
    network = network.replace("class OurNeuralNetwork:\n", "class OurNeuralNetwork:\n    def __init__(self, h1, h2, o1):\n        self.h1 = h1\n        self.h2 = h2\n        self.o1 = o1\n\n")
    return {
        "main.py": TRAINING_MAIN.format(mark=MARK),
        "neuron.py": header("neuron.py") + "from math import exp, isnan\n\n\n" + TRAINING_CHECKS
        + _part("neuron.py", TRAINING_NEURON),
        "network.py": header("network.py")
        + "from math import isnan\n\nfrom neuron import Neuron, length, number, sigmoid, whole_number\n\nINF = float(\"inf\")\n\n\n"
        + network,
        "training.py": header("training.py") + "from math import isnan\n\nfrom network import mse_loss\nfrom neuron import sigmoid\n\n\n" + _part("network.py", TRAINING_TRAINING) + TRAINING_TRAIN.format(loop=_train_loop()),
        "learner.py": header("learner.py") + _part("learner.py", TRAINING_LEARNER),
    }


def without_comments(src):
    import io
    import tokenize
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    lines = src.split("\n")
    drop_lines = set()
    trims = {}
    for t in toks:
        if t.type == tokenize.COMMENT:
            r, c = t.start
            if lines[r - 1][:c].strip() == "":
                drop_lines.add(r)
            else:
                trims[r] = c
    res = []
    for i, l in enumerate(lines, 1):
        if i in drop_lines:
            continue
        if i in trims:
            l = l[:trims[i]].rstrip()
        res.append(l)
    return "\n".join(res)
