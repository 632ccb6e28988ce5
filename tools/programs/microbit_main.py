"""main.py of the micro:bit edition (python3 -m tools --microbit DIR): the
article's worked examples, printed at power-up as `python3 network.py` prints
them (with the board's 6-digit floats), then the network's answer scrolled on
the display. What follows the CARRIED line is the board's main.py, HEADER
filled in; tests/test_microbit.py runs it on CPython.
"""

# --- An edition carries what follows.
# filled in: HEADER
# The article's worked examples, printed at power-up as `python3 network.py`
# prints them (with the board's 6-digit floats).
import gc

# Each module after those it imports, the garbage collected between: the
# board compiles each from source, which needs room in one piece.
import support
gc.collect()
import shallow
gc.collect()
import neuron
gc.collect()
import network
gc.collect()
import examples
gc.collect()

# worked_examples(), its calls written out and the network made here: the
# board's stack has room for only a few nested calls.
for weights, bias, x in examples.NEURON_EXAMPLES:
    for line in examples.neuron_example(weights, bias, x):
        print(line)
    print()
for line in examples.network_example(examples.NETWORK_EXAMPLE, network.OurNeuralNetwork()):
    print(line)

# And the network's answer on the display, scrolled over and over: for a board
# with no console to print to.
from microbit import display

o1 = network.OurNeuralNetwork().feedforward(examples.NETWORK_EXAMPLE)
display.scroll("o1 = {:.4f}".format(o1), loop=True, wait=False)
