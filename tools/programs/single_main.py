"""The last lines of the single file (python3 -m tools --single-file > ournn.py).

The single file is the article's code without the project's command line.
python3 ournn.py prints the article's three worked examples, as python3
network.py does, and python3 ournn.py train trains the network as python3
network.py train does: the same start, the same losses and the same answers
for Emily and Frank, without the chart. What follows the CARRIED line goes
into the single file as it is.
"""

import sys

from network import NEW_PEOPLE, PEOPLE, OurNeuralNetwork, worked_examples
from support.writing import show_list

# --- An edition carries what follows.


# --- The single file's command line, which is not part of the article

USAGE = ("usage: python3 ournn.py          the article's three worked examples\n"
         "       python3 ournn.py train    the article's training: its loss every 10 epochs,\n"
         "                                 then the answers for Emily and Frank (the project's\n"
         "                                 python3 network.py train also draws the loss)")


def main(args):
    # Do what the command line args ask, and return the exit status.
    if args == ["train"]:
        network = OurNeuralNetwork.random(1)
        network.train([x for name, x, y in PEOPLE], [y for name, x, y in PEOPLE])
        for name, x in NEW_PEOPLE:
            print("{}: {} -> {:.3f}".format(name, show_list(x), network.feedforward(x)))
        return 0
    if args:
        asked = args in (["-h"], ["--help"])
        print(USAGE, file=sys.stdout if asked else sys.stderr)
        return 0 if asked else 2
    print("\n".join(worked_examples()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
