"""main.py of the micro:bit edition (python3 -m tools --microbit DIR).

At power-up it prints the worked examples as `python3 network.py` prints them
(with the board's 6-digit floats), then scrolls the network's answer once on
the display and leaves a tick there. It leaves neuron and network imported,
and room on the heap, for a learner to try them at the prompt. The board runs
main.py again at every soft reset (Ctrl-D at the prompt), so the prompt is the
same after one. What follows the CARRIED line is the board's main.py, with
HEADER filled in; tests/test_microbit.py runs it on CPython.
"""

# --- An edition carries what follows.
# filled in: HEADER
# The worked examples, printed at power-up as `python3 network.py`
# prints them (with the board's 6-digit floats). The prompt after them keeps
# neuron and network imported, for a learner to try.
import gc

# The board compiles each module, and each line typed at its prompt, from
# source, and that needs room on the heap in one piece. Collecting the garbage
# whenever 256 bytes have been allocated since the last collection keeps what
# stays on the heap close together, and the free heap in large pieces.
gc.threshold(256)

# Each module is imported after those it imports, with the garbage collected after each.
import checks
gc.collect()
import writing
gc.collect()
import arithmetic
gc.collect()
import neuron
gc.collect()
import network
gc.collect()
import examples
gc.collect()

# These are the calls of network.py's worked_examples(), written out here with
# the network made here, because the board's stack has room for only a few
# nested calls.
for weights, bias, x in examples.NEURON_EXAMPLES:
    for line in examples.neuron_example(weights, bias, x):
        print(line)
    print()
for line in examples.network_example(examples.NETWORK_EXAMPLE, network.OurNeuralNetwork()):
    print(line)

# This is worked out now, since NETWORK_EXAMPLE is deleted below.
answer = "{:.4f}".format(network.OurNeuralNetwork().feedforward(examples.NETWORK_EXAMPLE))

# The board's MicroPython cannot forget a module, since it has no sys.modules,
# so main.py empties examples instead, and drops its own names, to leave their
# room to the prompt.
del (examples.NEURON_EXAMPLES, examples.NETWORK_EXAMPLE, examples.neuron_example,
     examples.network_example, examples.show_list)
del weights, bias, x, line
gc.collect()

# The answer scrolls once on the display, for a board with no console to print
# to, and then a tick stays. The scroll ends before the prompt starts, so the
# heap it takes is free again; the tick is one of the board's built-in images,
# and takes none.
from microbit import Image, display

display.scroll(answer)
display.show(Image.YES)
del Image, display, answer
gc.collect()
