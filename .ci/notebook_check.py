"""Proves the notebooks of python3 -m tools --notebook DIR in a real Jupyter kernel and nbgrader:
each passes nbformat.validate; article.ipynb runs top to bottom and prints the command line's
lines; exercise.ipynb untouched stops at step 1 with its message, and solved in a student's style
passes every check; a mistake planted in each step gets its message; nbgrader generate_assignment
makes exercise.ipynb from the teacher's version, and nbgrader autograde gives full marks.

    VENV/bin/python .ci/notebook_check.py    (VENV: nbclient, ipykernel, nbformat, nbgrader, pytest)
"""

import copy
import os
import shutil
import sys
import tempfile
import time

import nbformat
import nbgrader
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from common import PROJECT, run

sys.path.insert(0, PROJECT)
from tests.editions_cases import PLANTED, STUDENT  # noqa: E402 (the exercise's own tables)

# article.ipynb: cells, and the command line (python3 network.py ...) whose output they print.
ARTICLE = [(["neuron_examples", "network_example"], []), (["backprop"], ["backprop"]),
           (["training"], ["train"]), (["prediction"], ["predict", "128", "63"])]
# The exercise: what is run (the student's version untouched or solved in a student's style, or
# the teacher's with a mistake planted), the cell that must fail (None: none), what it prints.
EXERCISE = [("untouched", None, None, "check-sigmoid", "sigmoid is not written yet.\n    asked:"),
            ("solved in a student's style", STUDENT, None, None, "\nAll six are right.\n")] + [
    ("step {}: {!r}".format(step, mistake.strip()), None, (name, line, mistake),
     "check-" + name.replace(".", "-"), message) for step, name, line, mistake, message in PLANTED]
STUB = "# YOUR CODE HERE\n{0}raise NotImplementedError()"
PASSED = []


def check(good, what, got=""):
    print(("ok:     " if good else "FAILED: ") + what + ("" if good else "\n" + got[-3000:]))
    PASSED.append(good)


def execute(notebook):
    """Run a copy of notebook in a new kernel: (the cell that failed or None, {cell: stdout})."""
    notebook = copy.deepcopy(notebook)
    try:
        NotebookClient(notebook, timeout=120, kernel_name="python3",
                       extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
    except CellExecutionError:
        pass
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    failed = [c.id for c in code if [out for out in c.outputs if out.output_type == "error"]]
    return (failed or [None])[0], dict([(c.id, "".join([o.get("text", "") for o in c.outputs]))
                                         for c in code])


def changed(notebook, bodies=None, planted=None):
    """A copy of notebook, each blank of bodies ({function: lines}) filled in, or the solution
    markers taken out and a mistake planted (function, real line, mistake)."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        name = cell.id.replace("-", ".")
        if bodies and name in bodies:
            indent = " " * (8 if "." in name else 4)
            cell.source = cell.source.replace(indent + STUB.format(indent), "\n".join(bodies[name]))
        if planted and name == planted[0]:
            cell.source = "\n".join([line for line in cell.source.replace(*planted[1:]).split(
                "\n") if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")])
    return notebook


def main(folder):
    status, out, err = run([sys.executable, "-m", "tools", "--notebook", folder])
    check(status == 0, "python3 -m tools --notebook DIR", err)
    made = dict([(name, nbformat.read(os.path.join(folder, name + ".ipynb"), 4))
                 for name in ("article", "exercise", "exercise-teacher")])
    for name, notebook in sorted(made.items()):
        nbformat.validate(notebook)
        check(True, "nbformat.validate: {}.ipynb, {} cells, {} bytes".format(name, len(
            notebook.cells), os.path.getsize(os.path.join(folder, name + ".ipynb"))))
    failed, printed = execute(made["article"])
    held = dict([(cell.id, "".join([o.text for o in cell.outputs]))
                 for cell in made["article"].cells if cell.cell_type == "code"])
    check(failed is None and printed == held, "article.ipynb runs and prints what it holds")
    for ids, args in ARTICLE:
        got = "".join([printed[i] for i in ids])
        check(got == run([sys.executable, "network.py"] + args)[1], "article.ipynb: {} prints what"
              " python3 network.py{} prints".format(" + ".join(ids), " ".join([""] + args)), got)
    for what, bodies, planted, stop, message in EXERCISE:
        failed, printed = execute(changed(made["exercise-teacher" if planted else "exercise"],
                                          bodies, planted))
        check(failed == stop and message in printed[stop or "verdict"], "exercise.ipynb, {}: {}"
              .format(what, "gets " + repr(message) if stop else "passes every check"),
              printed.get(failed or "verdict", ""))
    # nbgrader, in a course folder: the teacher's version as the source, a solved copy as submitted.
    course = os.path.join(folder, "course")
    solved = changed(made["exercise"], STUDENT)
    for step, notebook in (("source", made["exercise-teacher"]), ("submitted/learner", solved)):
        os.makedirs(os.path.join(course, step, "nn"))
        nbformat.write(notebook, os.path.join(course, step, "nn", "exercise.ipynb"))
    venv = os.path.dirname(sys.executable)  # nbgrader runs alembic, from the venv's PATH
    env = dict(os.environ, PATH=venv + os.pathsep + os.environ.get("PATH", ""))
    status, out, err = run(["nbgrader", "generate_assignment", "nn"], cwd=course, env=env)
    release = nbformat.read(os.path.join(course, "release", "nn", "exercise.ipynb"), 4)
    for cell in release.cells:  # what generate_assignment adds to nbgrader's metadata
        cell.metadata.get("nbgrader", {}).pop("checksum", None)
        cell.metadata.get("nbgrader", {}).pop("cell_type", None)
    check(status == 0 and release.cells == made["exercise"].cells,
          "nbgrader {} generate_assignment makes exercise.ipynb".format(nbgrader.__version__), err)
    status, out, err = run(["nbgrader", "autograde", "nn"], cwd=course, env=env)
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + os.path.join(course, "gradebook.db")) as gradebook:
        graded = gradebook.find_submission("nn", "learner")
        check(status == 0 and graded.score == graded.max_score == 6, "nbgrader autograde, a"
              " solved copy: {} of {} points".format(graded.score, graded.max_score), err)


if __name__ == "__main__":
    start, scratch = time.time(), tempfile.mkdtemp()
    try:
        main(scratch)
    finally:
        shutil.rmtree(scratch)
    print("notebook check: {:.0f} s".format(time.time() - start))
    print("{} passed, {} failed".format(PASSED.count(True), PASSED.count(False)))
    sys.exit(0 if PASSED and all(PASSED) else 1)
