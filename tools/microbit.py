"""The micro:bit editions, cut from the real modules: the article's worked examples,
and its training, on a BBC micro:bit.

    python3 -m tools --microbit DIR          the worked examples
    python3 -m tools --microbit DIR train    the training

Made with tools/editions.py's cutting (cut, without_docstrings) and written
with its write_edition, which never replaces a file an edition did not write.
"""

import ast

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
MICROBIT_NEURON = ["math", "sigmoid", "deriv_sigmoid", "Neuron.__init__",
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
#
# The article's training at power-up, with the article's settings (1000
# epochs, learn rate 0.1, the loss every 10 epochs) from the seeded start.
# Cut as they are: partial_derivatives and the loop of OurNeuralNetwork.train,
# and what they use: the network's feedforward, set_parameters, mse_loss and
# Emily and Frank (network.py), sigmoid and the neuron's feedforward (neuron.py).
# The board's heap (about 10 KB) holds no more, so these are left out
# (docs/microbit.md has the figures):
#   - the checks of numbers from outside: two stand-ins trust the article's
#     numbers, and the constructors keep theirs unchecked;
#   - train's checks of its data and settings (support/checks.py), and its
#     undoing of the steps after an overflow;
#   - normal_numbers and PEOPLE: the seeded start's nine numbers and the data
#     are worked out by the real code when the edition is made;
#   - the loss chart (learner.py): it does not compile in what heap is left.
# The board compiles each module from source, which needs at least 1.6 KB
# of heap more than the module then keeps: so five small modules, each
# imported before the one that imports it (the stack has no room for an
# import within an import within an import), and two lines in main.py.
TRAINING_NEURON = ["sigmoid", "Neuron.feedforward"]
TRAINING_NETWORK = ["OurNeuralNetwork.feedforward", "OurNeuralNetwork.set_parameters", "mse_loss",
                    "partial_derivatives", "NEW_PEOPLE"]

TRAINING_HEADER = """\
# {name} for the BBC micro:bit, {mark}, made from the real
# {source} by: python3 -m tools --microbit DIR train
# Docstrings and what the board has no room for are left out.
"""

# Hand-written stand-ins for what the board has no room for (see above).
STAND_INS = """\
# number and length stand in for the real ones, which check numbers from
# outside; the numbers here are the article's. (No room for the checks.)
def number(value, name, *index):
    return float(value)


def length(values, name):
    return len(values)


"""
NEURON_INIT = """\
    def __init__(self, weights, bias):  # the board's: the numbers unchecked
        self.weights = weights
        self.bias = bias

"""
NETWORK_INIT = """\
    def __init__(self, h1, h2, o1):  # the board's: the neurons unchecked
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

"""
WORKED_OUT = """\


# Worked out from network.py when this edition was made: the article's data
# (PEOPLE's inputs and answers), and the seeded start, normal_numbers(9, seed=1)
# (w1, w2, b1, w3, w4, b2, w5, w6, b3).
DATA = {data!r}
ALL_Y_TRUES = {all_y_trues!r}
START = [{start}]
"""

TRAIN = """\
# OurNeuralNetwork.train for the board: its loop as network.py has it, and
# around it no more than the loop needs. Left out: train's checks of its data
# and settings, and its undoing of the steps after an overflow.
def train(self, start, data, all_y_trues, learn_rate, epochs, report_every, report, losses):
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
{loop}
    self.set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
    return losses
"""

TRAINING_MAIN = """\
# main.py for the BBC micro:bit, {mark}, made by: python3 -m tools --microbit DIR train
# At power-up: the article's training (run.py; code kept here in main.py would
# take twice the heap it takes in a module).
from run import main

main()
"""

TRAINING_RUN = """\
# run.py for the BBC micro:bit, {mark}, made by: python3 -m tools --microbit DIR train
# The article's training, run by main.py at power-up. It prints what
# `python3 network.py train` prints (the loss every 10 epochs, the final loss,
# Emily and Frank) but the loss chart, with the board's 6-digit floats, then the
# board's time for the 1000 epochs. A dot lights up every 40 epochs; then
# button A shows Emily's answer, button B Frank's: F (female) or M (male).

# Each module before the one that imports it: the board's stack has no room
# for an import within an import within an import.
import neuron
import network
import training
from microbit import button_a, button_b, display, running_time


def report(line):
    # Each of train's reports ("Epoch 40 loss: 0.065"), and a dot every 40 epochs.
    print(line)
    dot = int(line.split()[1]) // 40
    display.set_pixel(dot % 5, dot // 5, 9)


def main():
    # As `python3 network.py train` runs it (learner.py's train_example).
    data = network.DATA
    all_y_trues = network.ALL_Y_TRUES
    w = network.START
    net = network.OurNeuralNetwork(neuron.Neuron([w[0], w[1]], w[2]),
                                   neuron.Neuron([w[3], w[4]], w[5]),
                                   neuron.Neuron([w[6], w[7]], w[8]))
    began = running_time()
    training.train(net, w, data, all_y_trues, 0.1, 1000, 10, report, [None] * 100)
    seconds = (running_time() - began) / 1000
    final = network.mse_loss(all_y_trues, [net.feedforward(x) for x in data])
    print("Final loss (after epoch 999, the last): {{:.3f}}".format(final))
    print()
    answers = ""
    for name, x in network.NEW_PEOPLE:
        y = net.feedforward(x)
        print("{{}}: [{{}}, {{}}] -> {{:.3f}}".format(name, x[0], x[1], y))
        answers += "F" if y >= 0.5 else "M"  # in the article's data 1 = female, 0 = male
    print("trained 1000 epochs in {{:.1f}} s".format(seconds))
    display.show(answers[0])
    while True:
        if button_a.was_pressed():
            display.show(answers[0])
        if button_b.was_pressed():
            display.show(answers[1])
"""

# What python3 -m tools --microbit DIR train prints after the files it wrote.
TRAINING_NOTE = ("Copy the five files written to the micro:bit (see docs/microbit.md); at power-up"
                 " main.py trains the network as `python3 network.py train` does and prints"
                 " the same lines but the chart, then the board's time for it.")


def microbit_training_edition():
    """The training edition: {file name: text} for main.py and the four modules it runs."""
    import network as real  # the seeded start, worked out by the real code

    def header(name, source="network.py"):
        return TRAINING_HEADER.format(name=name, source=source, mark=MARK)

    neuron = _with_init(_part("neuron.py", TRAINING_NEURON), "Neuron", NEURON_INIT)
    network = _with_init(_part("network.py", TRAINING_NETWORK), "OurNeuralNetwork", NETWORK_INIT)
    return {
        "main.py": TRAINING_MAIN.format(mark=MARK),
        "run.py": TRAINING_RUN.format(mark=MARK),
        "neuron.py": header("neuron.py", "neuron.py") + "from math import exp, isnan\n\n"
        "INF = float(\"inf\")\n\n\n" + STAND_INS + neuron,
        "network.py": header("network.py") + "from math import isnan\n\n"
        "from neuron import length, number, sigmoid\n\nINF = float(\"inf\")\n\n\n"
        + network + WORKED_OUT.format(
            data=[x for name, x, y in real.PEOPLE], all_y_trues=[y for name, x, y in real.PEOPLE],
            start=_numbers(real.normal_numbers(9, 1))),
        "training.py": header("training.py") + "from math import isnan\n\n"
        "from network import mse_loss, partial_derivatives\n\n\n" + TRAIN.format(loop=train_loop()),
    }


def train_loop():
    """The loop of OurNeuralNetwork.train in network.py (for epoch in ...), with the
    comments just above it, as it is there, indented as in a function's body."""
    source = without_docstrings(read("network.py"))
    lines = source.split("\n")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.For) and getattr(node.target, "id", None) == "epoch":
            first = node.lineno - 1
            while lines[first - 1].strip().startswith("#"):
                first -= 1
            end = node.lineno  # past the last line indented deeper than the for
            while end < len(lines) and (not lines[end].strip()
                                        or _indent(lines[end]) > node.col_offset):
                end += 1
            return "\n".join([line[node.col_offset - 4:] for line in lines[first:end]]).rstrip("\n")
    raise ValueError("network.py has no training loop (for epoch in ...)")


def _numbers(values):
    # values as a list's items, three to a line.
    rows = [", ".join([repr(v) for v in values[i:i + 3]]) for i in range(0, len(values), 3)]
    return (",\n" + " " * 9).join(rows)


def _indent(line):
    return len(line) - len(line.lstrip())


def _part(name, keep):
    # The statements named in keep, cut from the real module name, without docstrings.
    return cut(without_docstrings(read(name)), keep).lstrip("\n")


def _with_init(source, cls, init):
    # source with init as the first method of its class cls.
    line = "class {}:\n".format(cls)
    if line not in source:
        raise ValueError("no class {} to give the board's constructor".format(cls))
    return source.replace(line, line + init, 1)
