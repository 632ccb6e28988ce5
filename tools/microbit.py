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
