"""train of the micro:bit training edition (python3 -m tools --microbit DIR train).

It is the loop of OurNeuralNetwork.train, cut from network.py as it is and
filled in as LOOP, with no more around it than the loop needs. The board's
heap has no room for the rest of the real train: its checks of the data and
the settings, its undoing of the steps after an overflow, and its naming of
what overflowed.
"""

from math import isnan  # noqa: F401 (The loop needs it, and the edition imports it.)

from network import mse_loss, partial_derivatives  # noqa: F401 (The loop needs these too.)

# --- An edition carries what follows.


# This is OurNeuralNetwork.train for the board: its loop as network.py has it,
# indented less, run from the start (w1, ..., b3) for epochs, keeping the loss
# every report_every epochs. The board has no room for train's checks of its
# data and settings, or for its undoing of the steps after an overflow.
def train(self, start, data, all_y_trues, learn_rate, epochs, report_every, report):
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = start
    losses = [None] * ((epochs + report_every - 1) // report_every)
    pass  # filled in: LOOP
    self._set_parameters(w1, w2, b1, w3, w4, b2, w5, w6, b3)
    return losses
