"""What the .ci checks share, written once: files.json's lists, runs, outputs, a halving search."""

import json
import os
import subprocess
import sys

CI = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(CI)
UNIX_PORT = [sys.executable, os.path.join(CI, "run_micropython_unix.py")]  # MicroPython's port


def project_files(kind):  # "modules" or "page": the project's files, as files.json lists them
    with open(os.path.join(PROJECT, "files.json")) as f:
        return json.load(f)[kind]


def run(command, cwd=PROJECT, env=None):
    """(exit status, stdout, stderr) of command; exit status 124 if it takes over 300 s."""
    try:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True, timeout=300)
        return done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        return 124, "", "timed out after 300 s"


def same_output(expected, actual, tolerance=1e-12):
    """Line for line alike; the number of a "feedforward(...) = number" line within tolerance."""
    def close(e, a):  # relative: 1e-12 is far finer than 4 decimals, coarser than print's rounding
        try:
            (call, want), (got_call, got) = e.rsplit(" = ", 1), a.rsplit(" = ", 1)
            return call == got_call and abs(float(want) - float(got)) <= tolerance * abs(float(want))
        except ValueError:  # no " = number" in a
            return False
    e_lines, a_lines = expected.splitlines(), actual.splitlines()
    return len(e_lines) == len(a_lines) and all(
        [e == a or e.startswith("feedforward(") and close(e, a) for e, a in zip(e_lines, a_lines)])


def show_difference(title, expected, actual):
    print("--- {}: expected\n{}\n--- got\n{}".format(title, expected.rstrip(), actual.rstrip()))


def first(test, low, high, step=1):
    """The least of low + step, ... high to pass test (failing at low, passing at high), halving."""
    while high - low > step:
        middle = low + (high - low) // step // 2 * step
        low, high = (low, middle) if test(middle) else (middle, high)
    return high
