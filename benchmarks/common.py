"""What the benchmarks share: the interpreter's name, a race of candidates timed in one run, a
goal's line, and micrograd with a sigmoid. Portable, like the benchmarks: CPython, PyPy and
MicroPython (where benchmarks/run_micropython.py precompiles it beside them).
"""

import gc
import sys
import time
from math import exp

try:  # the project's modules, beside this folder
    import os

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
except (ImportError, AttributeError):  # MicroPython: run_micropython.py sets its path
    pass


def interpreter():
    """Which interpreter runs this: "cpython 3.11.7", "micropython 1.28.0"."""
    version = sys.implementation.version
    return "{} {}".format(sys.implementation.name, ".".join([str(v) for v in version[:3]]))


def seconds(function):
    """How long function() takes, in seconds, by the interpreter's finest clock."""
    if hasattr(time, "perf_counter"):
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    start = time.ticks_us()  # MicroPython
    function()
    return time.ticks_diff(time.ticks_us(), start) / 1e6


def race(candidates, repeat):
    """{name: the best of repeat times of run()} for each (name, run) of candidates, in rounds
    interleaved so that a busy moment of the machine hurts every candidate alike; each from a
    freshly collected heap, so that no candidate pays for another's garbage."""
    times = {}
    for _ in range(repeat):
        for name, run in candidates:
            gc.collect()
            t = seconds(run)
            times[name] = min(times.get(name, t), t)
    return times


def goal(what, ratio, limit, at_most=True, about=""):
    """Print a ratio and its goal: "ours / article   =  0.55  (goal <= 0.7: met)"."""
    met = ratio <= limit if at_most else ratio >= limit
    print("{:<17}= {:6.2f}  (goal {} {}: {}){}".format(
        what, ratio, "<=" if at_most else ">=", limit, "met" if met else "MISSED", about))


def micrograd():
    """micrograd's Value, and the sigmoid as a Value operation written as micrograd writes its
    own relu (micrograd has no exp); (None, None) where micrograd is not installed."""
    try:
        from micrograd.engine import Value
    except ImportError:
        return None, None

    def sigmoid(value):
        s = 1 / (1 + exp(-value.data))
        out = Value(s, (value,), "sigmoid")

        def _backward():
            value.grad += s * (1 - s) * out.grad
        out._backward = _backward
        return out

    return Value, sigmoid
