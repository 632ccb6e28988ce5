"""main.py of the micro:bit training edition (python3 -m tools --microbit DIR train).

At power-up it trains the network as `python3 network.py train`
does, by running run.py. What follows the CARRIED line is the board's main.py,
with HEADER filled in; tests/test_microbit.py runs it on CPython with a
stand-in for the board's microbit module.
"""

# --- An edition carries what follows.
# filled in: HEADER
# At power-up, run.py trains the network as `python3 network.py train` does.
import gc

# Each module is imported after those it imports, with the garbage collected
# after each: the board compiles each module from source, and that needs room
# on the heap in one piece.
import checks
gc.collect()
import arithmetic
gc.collect()
import neuron
gc.collect()
import network
gc.collect()
import training
gc.collect()
import run
gc.collect()

run.main()
