"""The cells of exercise.ipynb that are not cut from the modules (tools/notebook.py).

Each cell starts with a line "# --- cell: NAME". The check cell of each step
is made by tools/notebook.py from CHECK below it; the last cell checks all six
again and, when they are right, runs the worked examples with the
student's code. The imports below are there only for linters: the notebook
defines these names itself, in earlier cells (its checks cell carries
exercise_checker.py).
"""

from network import NEW_PEOPLE, PEOPLE, OurNeuralNetwork
from support.writing import show_list
from tools.programs.exercise_checker import check_exercise, check_step

STEP = 1  # in each check cell, tools/notebook.py writes the number of its step here

# --- An edition carries what follows.
# --- cell: check
# The check of this step: it says that your function is right, or what is wrong.
assert check_step(STEP), "step STEP is not right yet: the lines above say why"

# --- cell: verdict
# This checks all six again, in order. When they are right, it runs the
# worked examples and the training with your code.


def train_with_your_code():
    # Train, printing the loss every 200 epochs, then Emily's and Frank's answers.
    print("\nThe article's training, from your code (its loss every 200 epochs):")
    network = OurNeuralNetwork.random(1)
    network.train([x for name, x, y in PEOPLE], [y for name, x, y in PEOPLE], report_every=200)
    for name, x in NEW_PEOPLE:
        print("{}: {} -> {:.3f}".format(name, show_list(x), network.feedforward(x)))


assert check_exercise(train_with_your_code) == 0, "not all six are right yet: the lines above say which"
