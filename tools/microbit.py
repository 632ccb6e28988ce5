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


# --- The training edition (prototype)
import io
import tokenize

TRAIN_NEURON = ["sigmoid", "Neuron.__init__", "Neuron.feedforward",
                "INF", "number", "length", "show", "show_list"]
TRAIN_CHECKS = ["INF", "whole_number", "training_set"]
TRAIN_NETWORK = ["INF", "OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
                 "OurNeuralNetwork.train", "OurNeuralNetwork.random",
                 "OurNeuralNetwork.from_parameters", "OurNeuralNetwork.parameters",
                 "OurNeuralNetwork.set_parameters", "mse_loss", "partial_derivatives",
                 "normal_numbers", "PEOPLE", "NEW_PEOPLE"]
TRAIN_LEARNER = ["loss_chart", "train_example"]

TRAINING_MAIN = """\
# main.py for the BBC micro:bit, {mark}
import neuron
import checks
import network
import learner
from microbit import display, running_time

count = [0]


def progress(line):
    print(line)
    count[0] += 1
    n = count[0] // 4
    if n < 25:
        display.set_pixel(n % 5, n // 5, 9)


start = running_time()
net, lines = learner.train_example(progress)
seconds = (running_time() - start) / 1000
for line in lines:
    print(line)
print("trained 1000 epochs in {{:.1f}} s".format(seconds))
"""

TRAINING_NOTE = "TODO"


def without_comments(src):
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


def microbit_training_edition(comments=False):
    header = "# {name} " + MARK + "\n"
    def part(name, keep):
        text = cut(without_docstrings(read(name)), keep).lstrip("\n")
        return text if comments else without_comments(text)
    return {
        "main.py": TRAINING_MAIN.format(mark=MARK),
        "neuron.py": header.format(name="neuron.py") + "from math import exp, isnan\n" + part("neuron.py", TRAIN_NEURON),
        "checks.py": header.format(name="checks.py")
        + "from neuron import length, number\n\n\n" + part("support/checks.py", TRAIN_CHECKS),
        "network.py": header.format(name="network.py")
        + "from math import isnan\n\nfrom neuron import Neuron, number, sigmoid\nfrom checks import training_set, whole_number\n\n\n"
        + part("network.py", TRAIN_NETWORK),
        "learner.py": header.format(name="learner.py")
        + "from neuron import show_list\nfrom network import NEW_PEOPLE, PEOPLE, OurNeuralNetwork, mse_loss\n\n\n"
        + part("learner.py", TRAIN_LEARNER),
    }
