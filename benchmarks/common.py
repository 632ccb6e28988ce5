"""What the benchmarks share: the interpreter's name, and a goal's verdict.

Portable, like the benchmarks: CPython, PyPy and MicroPython (where
benchmarks/run_micropython.py precompiles it beside them).
"""

import sys


def interpreter():
    """Which interpreter runs this: "cpython 3.11.7", "micropython 1.28.0"."""
    version = sys.implementation.version
    return "{} {}".format(sys.implementation.name, ".".join([str(v) for v in version[:3]]))


def verdict(met):
    """How a ratio's line says whether its goal is met: "met" or "MISSED"."""
    return "met" if met else "MISSED"
