"""The single file's last lines (python3 -m tools --single-file > ournn.py).

The single file is the article's code and no command line: python3 ournn.py
prints the article's three worked examples, as python3 network.py does, and
takes no arguments. What follows the CARRIED line below goes into it as it is.
"""

import sys

from network import worked_examples

# --- An edition carries what follows.


def main(args):
    # python3 ournn.py prints the article's three worked examples; it takes no arguments.
    if args:
        print("usage: python3 ournn.py    the article's three worked examples",
              file=sys.stdout if args in (["-h"], ["--help"]) else sys.stderr)
        return 0 if args in (["-h"], ["--help"]) else 2
    for line in worked_examples():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
