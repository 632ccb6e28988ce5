"""The last lines of the single file (python3 -m tools --single-file > ournn.py).

The single file holds sections 1 and 2 of the article: the neuron, the
network and their worked examples, without the project's command line.
python3 ournn.py prints the three worked examples, as python3
network.py does. Training is not in the single file, and its usage says where
it is. What follows the CARRIED line goes into the single file as it is.
"""

import sys

from network import worked_examples

# --- An edition carries what follows.


# --- The single file's command line, which is not part of the article

USAGE = ("usage: python3 ournn.py    the article's three worked examples\n"
         "Training is not in this file: it is python3 network.py train in the project,\n"
         "and in the notebooks (python3 -m tools --notebook DIR).")


def main(args):
    # Print the worked examples, or the usage; return the exit status.
    if args:
        asked = args in (["-h"], ["--help"])
        print(USAGE, file=sys.stdout if asked else sys.stderr)
        return 0 if asked else 2
    print("\n".join(worked_examples()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
