"""What the tests share: plain functions, the same under pytest and without it.

The portable tests run under pytest and, with .ci/run_tests.py, on MicroPython,
CPython 3.6+, PyPy and Pyodide: no fixtures, no f-strings, nothing a board lacks.

    each(cases)            a test run once per case: pytest's parametrize, and CASES
    check(call, expected)  a case of the battery: the value call() gives, or its error
    Skip, raises, same     a test that cannot run here; an error's message; a float
    Scratch()              a folder for a test's files, removed with them afterwards
    python(args)           python3 ARGS in the project's folder, where processes are
    printed_by(f, args)    f(args) with its output caught
"""

import sys

# Boards with 32-bit floats cannot reproduce the article's 16-digit numbers;
# there we allow a relative error of 1e-6 (single precision has ~7 digits).
DOUBLE = 1.0 + 2.0 ** -30 != 1.0
# Rounding differences between two equal formulas: a few units in the last place.
ROUNDING = 1e-15 if DOUBLE else 1e-6
INF = float("inf")
NAN = float("nan")
BIG = 10 ** 400  # an int beyond float range
PARAMETER_NAMES = ("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3")

pytest = sys.modules.get("pytest")  # under pytest; None under .ci/run_tests.py
if pytest is not None:
    Skip = pytest.skip.Exception
else:

    class Skip(Exception):
        """Raised by a test that cannot run on this interpreter."""


# --- Tables of cases: each case its own test

# {test function: its cases}, for .ci/run_tests.py, which calls the function
# once per case. (MicroPython's functions cannot carry attributes.)
CASES = {}
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def case_id(case):
    """A case's name (its first item) made of letters, digits and _, for pytest -k:

    "sigmoid(-10**400)" is sigmoid_minus_10_400, "--epochs -1" epochs_minus_1."""
    name = str(case[0]) if isinstance(case, tuple) else str(case)
    text = ""
    for i in range(len(name)):
        c = name[i]
        sign = c == "-" and (i == 0 or name[i - 1] not in _LETTERS + "-") and name[i + 1:i + 2] != "-"
        text += c if c in _LETTERS else "_minus_" if sign else "_"
    while "__" in text:
        text = text.replace("__", "_")
    return text.strip("_") or "case"


def each(cases):
    """Decorate a test of one argument, case: it runs once per case of cases,
    a list of tuples whose first item names the case (one pytest item each)."""
    ids = [case_id(case) for case in cases]
    for i in range(len(ids)):
        if ids[i] in ids[:i]:
            raise ValueError("two cases are called {}: give each a name of its own".format(ids[i]))

    def mark(test):
        CASES[test] = cases
        if pytest is not None:
            return pytest.mark.parametrize("case", cases, ids=ids)(test)
        return test

    return mark


def is_error(expected):
    """Is expected an (exception type, fragment of its message) pair?"""
    return (isinstance(expected, tuple) and len(expected) == 2 and isinstance(expected[0], type)
            and issubclass(expected[0], BaseException))


def check(call, expected):
    """A case of the battery: call() raises exactly expected[0] with expected[1] in
    its message, where expected is such a pair, or else gives expected."""
    try:
        got = call()
    except Exception as error:  # noqa: B902 (any other kind is the failure)
        if not is_error(expected):
            raise
        assert type(error) is expected[0], "raised {}: {}".format(type(error).__name__, error)
        assert expected[1] in str(error), "the message is {!r}, not about {!r}".format(
            str(error), expected[1])
        return
    assert not is_error(expected), "gave {!r}, raised no {}".format(got, expected[0].__name__)
    assert got == expected, "gave {!r}, not {!r}".format(got, expected)


def raises(error_type, function, *args, **options):
    """Call function(*args, **options); return the message of the error_type it must raise."""
    try:
        function(*args, **options)
    except error_type as error:
        assert type(error) is error_type, "raised {!r}".format(error)
        return str(error)
    raise AssertionError("{} did not raise {}".format(function, error_type.__name__))


def same(actual, expected):
    """Exactly equal on double precision, within 1e-6 relative on 32-bit floats."""
    if DOUBLE:
        return actual == expected
    return abs(actual - expected) <= 1e-6 * max(1.0, abs(expected))


# --- The article's data, and networks by their nine parameters


def people():
    """The article's four people: (data, all_y_trues)."""
    from network import PEOPLE

    return [x for name, x, y in PEOPLE], [y for name, x, y in PEOPLE]


def network_from(p):
    """The network of the nine parameters p, built from Neurons (not from_parameters)."""
    from network import OurNeuralNetwork
    from neuron import Neuron

    return OurNeuralNetwork(Neuron(p[0:2], p[2]), Neuron(p[3:5], p[5]), Neuron(p[6:8], p[8]))


def parameters(network):
    """The nine parameters, read from the neurons themselves (not network.parameters())."""
    return [network.h1.weights[0], network.h1.weights[1], network.h1.bias,
            network.h2.weights[0], network.h2.weights[1], network.h2.bias,
            network.o1.weights[0], network.o1.weights[1], network.o1.bias]


# --- Files: a scratch folder of the test's own, removed afterwards


class Scratch:
    """with Scratch() as folder: a new empty folder, removed with all it holds
    when the block ends (in TMPDIR, or beside the tests where there is no tempfile)."""

    def __enter__(self):
        import os

        try:
            import tempfile

            self.folder = tempfile.mkdtemp()
        except ImportError:  # MicroPython
            from random import getrandbits

            self.folder = "_scratch_{:08x}".format(getrandbits(32))
            os.mkdir(self.folder)
        return self.folder

    def __exit__(self, *error):
        remove_tree(self.folder)


def remove_tree(path):
    """Remove the file or folder at path, and all a folder holds (links are not followed)."""
    import os

    try:
        import shutil
        import stat
    except ImportError:  # MicroPython: no links, no modes to mend
        if os.stat(path)[0] & 0o170000 == 0o040000:
            for name in os.listdir(path):
                remove_tree(path + "/" + name)
            os.rmdir(path)
        else:
            os.remove(path)
        return
    for folder, folders, files in os.walk(path):  # a test may have made one read-only
        os.chmod(folder, 0o700)
    if stat.S_ISDIR(os.lstat(path).st_mode):
        shutil.rmtree(path)
    else:
        os.remove(path)


def write(path, data):
    """Write data (text or bytes) to the file at path."""
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def read(path):
    """The bytes of the file at path."""
    with open(path, "rb") as f:
        return f.read()


def listing(folder):
    """The names in folder, sorted."""
    import os

    return sorted(os.listdir(folder))


# --- Programs: the command line, in-process and in a process of its own


def printed_by(function, args, must_catch=True):
    """function(args), with stdout and stderr caught: (its result, stdout, stderr).
    Where sys.stdout cannot be replaced (MicroPython): Skip, or, unless
    must_catch, (its result, None, None), what it printed going to the console."""
    import io

    saved = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    try:
        sys.stdout, sys.stderr = out, err
    except AttributeError:
        if must_catch:
            raise Skip("cannot catch what is printed here ({})".format(sys.implementation.name))
        return function(args), None, None
    try:
        return function(args), out.getvalue(), err.getvalue()
    finally:
        sys.stdout, sys.stderr = saved


def project():
    """The project's folder (the one that holds network.py), absolute where it can be."""
    import network

    try:
        import os.path

        return os.path.dirname(os.path.abspath(network.__file__))
    except ImportError:  # MicroPython: no os.path
        here = network.__file__.replace("\\", "/")
        return here[:here.rfind("/")] if "/" in here else "."


def processes():
    """The modules that run programs (os, subprocess), or Skip where there are none."""
    try:
        import os
        import subprocess
    except ImportError:
        raise Skip("needs subprocess, which {} lacks".format(sys.implementation.name))
    if sys.platform == "emscripten":
        raise Skip("needs processes, which {} cannot start".format(sys.platform))
    return os, subprocess


def python(args, timeout=120, **options):
    """python3 ARGS in the project's folder, with no stdin: (exit status, stdout, stderr).
    options go to subprocess.run (cwd, env, preexec_fn...)."""
    os, subprocess = processes()
    options.setdefault("cwd", project())
    options.setdefault("stdin", subprocess.DEVNULL)
    options.setdefault("stdout", subprocess.PIPE)
    result = subprocess.run([sys.executable] + list(args), stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=timeout, **options)
    return result.returncode, result.stdout, result.stderr
