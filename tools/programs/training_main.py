"""main.py of the micro:bit training edition (python3 -m tools --microbit DIR train).

At power-up it trains the article's network as `python3 network.py train`
does (run.py). What follows the CARRIED line is the board's main.py, HEADER
filled in; tests/test_microbit.py runs it on CPython with a stand-in for the
board's microbit module.
"""

# --- An edition carries what follows.
# filled in: HEADER
# At power-up: the article's training, as `python3 network.py train` runs it (run.py).
import gc

# Each module after those it imports, the garbage collected between: the
# board compiles each from source, which needs room in one piece.
import support
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
