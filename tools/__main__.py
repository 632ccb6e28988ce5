"""python3 -m tools: the other editions of the article's code, and the playground page.

usage: python3 -m tools --single-file      the article's code as one file, on stdout:
                                           python3 -m tools --single-file > ournn.py
       python3 -m tools --exercise         the same as an exercise, six functions to write:
                                           python3 -m tools --exercise > exercise.py
       python3 -m tools --notebook DIR     the article as a Jupyter notebook, and the
                                           exercise as one (the student's version and
                                           the teacher's, for nbgrader), written into
                                           DIR: article.ipynb, exercise.ipynb and
                                           exercise-teacher.ipynb
       python3 -m tools --microbit DIR     the micro:bit edition (the worked examples),
                                           written into DIR: one .hex file for the
                                           board (V1 and V2), and its loose files;
                                           DIR new or empty, or holding only
                                           editions' files
       python3 -m tools --microbit DIR train   the same for the article's training
       python3 -m tools --page             the playground page as one HTML file:
                                           python3 -m tools --page > playground.html

With no option, this usage goes to stderr; a bad command line gets one line there.
Both give exit status 2.
"""

import sys

# Importing tools.cutting puts the project's modules on sys.path.
from tools.cutting import PROJECT  # noqa: F401

# command_line's run handles Ctrl-C and a closed stdout here as it does for network.py.
from command_line import refuse, run, suggestion  # noqa: E402

USAGE = "python3 -m tools --help"
# What each option takes after it, in the words of its error message; "" means no value.
OPTIONS = {"--single-file": "", "--exercise": "", "--page": "", "--notebook": "one folder, DIR",
           "--microbit": "one folder, DIR, and then train or nothing"}


def main(args):
    """Print what the editions tool makes for args, and return the exit status."""
    if args in (["-h"], ["--help"]) or not args:
        print(__doc__[__doc__.index("usage:"):].rstrip(), file=sys.stdout if args else sys.stderr)
        return 0 if args else 2
    try:
        lines = command(args)
    except (ValueError, TypeError) as error:  # An empty DIR raises TypeError.
        return refuse(error, "python3 -m tools", USAGE)
    for line in lines:
        print(line)
    return 0


def command(args):
    """Return what python3 -m tools ARGS prints, as lines. A misused option, or
    a folder that cannot be written, raises ValueError."""
    option = args[0]
    if args in (["--single-file"], ["--exercise"]):
        from tools import editions

        return [(editions.single_file() if option == "--single-file" else editions.exercise())
                .rstrip("\n")]
    if args == ["--page"]:
        from tools.page import page

        return [page().rstrip("\n")]
    if option == "--notebook" and len(args) == 2:
        from tools import notebook

        return notebook.write(args[1])
    if option == "--microbit" and (len(args) == 2 or len(args) == 3 and args[2] == "train"):
        from tools import microbit

        return microbit.write(args[1], training=len(args) == 3)
    if option in OPTIONS:
        raise ValueError("{} takes {}".format(option, OPTIONS[option] or "no value"))
    hint = suggestion(option, sorted(OPTIONS))
    raise ValueError("unknown option {!r}{}".format(option, ": " + hint if hint else ""))


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], main, "python3 -m tools"))
