"""python3 -m tools: write the other editions of the article's code (see tools/editions.py).

usage: python3 -m tools --single-file      the article's code as one file, on stdout:
                                           python3 -m tools --single-file > ournn.py
       python3 -m tools --exercise         the same as an exercise, six functions to write:
                                           python3 -m tools --exercise > exercise.py
       python3 -m tools --microbit DIR     write the micro:bit edition (the worked
                                           examples) into DIR: a new or empty folder,
                                           or one holding only editions' files
       python3 -m tools --microbit DIR train   the same for the article's training

A bad command line gets one line on stderr and exit status 2.
"""

import sys

from tools.editions import command

from learner import refuse, run  # Ctrl-C and a closed or full stdout, as for network.py


def main(args):
    """Print what the editions tool makes for args; returns the exit status."""
    if args in (["-h"], ["--help"]) or not args:
        print(__doc__[__doc__.index("usage:"):].rstrip(), file=sys.stdout if args else sys.stderr)
        return 0 if args else 2
    try:
        lines = command(args)
    except ValueError as error:
        return refuse(error, "python3 -m tools", "python3 -m tools --help")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(run(main, sys.argv[1:], "python3 -m tools"))
