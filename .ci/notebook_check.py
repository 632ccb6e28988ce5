"""Proves the notebook edition (python3 -m tools --notebook DIR) in a real Jupyter kernel and nbgrader:
each notebook passes nbformat.validate; article.ipynb runs top to bottom and prints the command
line's lines; the student's version, untouched, stops at step 1 with its message; its blanks
filled in another style than the project's pass every check; a mistake planted in each step
gets that step's message; nbgrader generate_assignment makes the student's version from the
teacher's, and nbgrader autograde gives a solved copy full marks.

    VENV/bin/python .ci/notebook_check.py    (VENV: nbclient, ipykernel, nbformat, nbgrader, pytest)
"""

import copy
import os
import shutil
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from common import PROJECT, run, show_difference

sys.path.insert(0, PROJECT)
from tests.test_editions import PLANTED, STUDENT  # noqa: E402 (the exercise's own tables)

# article.ipynb: its cells, and the command line whose output they print, together.
ARTICLE = [(["neuron_examples", "network_example"], []), (["backprop"], ["backprop"]),
           (["training"], ["train"]), (["prediction"], ["predict", "128", "63"])]
STUB = "    # YOUR CODE HERE\n    raise NotImplementedError()"
PASSED = []


def check(good, what, expected="", got=""):
    print(("ok:     " if good else "FAILED: ") + what)
    PASSED.append(good)
    if not good and (expected or got):
        show_difference(what, expected, got)


def execute(notebook):
    """Run notebook in a fresh kernel: (the id of the cell that failed or None, {id: its stdout})."""
    failed = None
    try:
        NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    except CellExecutionError:
        failed = [cell.id for cell in notebook.cells if cell.cell_type == "code" and
                  [out for out in cell.outputs if out.output_type == "error"]][0]
    return failed, dict([(cell.id, "".join([out.get("text", "") for out in cell.outputs]))
                         for cell in notebook.cells if cell.cell_type == "code"])


def filled(notebook, bodies):
    """A copy of the student's notebook, each blank of bodies ({function: its lines}) filled in."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        name = cell.id.replace("-", ".")
        if name in bodies:
            indent = "        " if "." in name else "    "
            cell.source = cell.source.replace(STUB.replace("    ", indent), "\n".join(bodies[name]))
    return notebook


def main():
    folder = tempfile.mkdtemp()
    try:
        status, out, err = run([sys.executable, "-m", "tools", "--notebook", folder])
        check(status == 0, "python3 -m tools --notebook DIR", "", err)
        made = dict([(name, nbformat.read(os.path.join(folder, name + ".ipynb"), 4))
                     for name in ("article", "exercise", "exercise-teacher")])
        for name, notebook in sorted(made.items()):
            nbformat.validate(notebook)
            check(True, "nbformat.validate: {}.ipynb ({} cells, {} bytes)".format(name, len(
                notebook.cells), os.path.getsize(os.path.join(folder, name + ".ipynb"))))
        kept = dict([(cell.id, "".join([o.get("text", "") for o in cell.outputs]))
                     for cell in made["article"].cells if cell.cell_type == "code"])
        failed, printed = execute(copy.deepcopy(made["article"]))
        check(failed is None and printed == kept, "article.ipynb runs and prints what it holds")
        for ids, args in ARTICLE:
            expected = run([sys.executable, "network.py"] + args)[1]
            got = "".join([printed[i] for i in ids])
            check(got == expected, "article.ipynb: {} is python3 network.py {}".format(
                " + ".join(ids), " ".join(args)), expected, got)
        failed, printed = execute(copy.deepcopy(made["exercise"]))
        check(failed == "check-sigmoid" and printed[failed].startswith(
            "Step 1 of 6 (part 1): sigmoid is not written yet.\n"), "exercise.ipynb untouched stops"
              " at step 1", "", printed.get(failed, ""))
        solved = filled(made["exercise"], STUDENT)
        failed, printed = execute(copy.deepcopy(solved))
        check(failed is None and printed["verdict"].endswith("\nAll six are right.\n"),
              "exercise.ipynb, solved in a student's style, passes every check", "",
              printed.get(failed or "verdict"))
        real = made["exercise-teacher"]
        for step, name, line, mistake, message in PLANTED:
            teacher = copy.deepcopy(real)
            for cell in teacher.cells:
                if cell.id == name.replace(".", "-"):
                    cell.source = "\n".join([text for text in cell.source.replace(
                        line, mistake).split("\n") if "### " not in text])
            failed, printed = execute(teacher)
            check(failed == "check-" + name.replace(".", "-") and message in printed[failed],
                  "step {}, {}: {!r} gets {!r}".format(step, name, mistake.strip(), message),
                  message, printed.get(failed, ""))
        grade(folder, made, solved)
    finally:
        shutil.rmtree(folder)
    print("{} passed, {} failed".format(PASSED.count(True), PASSED.count(False)))
    return 0 if all(PASSED) else 1


def grade(folder, made, solved):
    """nbgrader in a course folder: generate_assignment, then autograde of a solved copy."""
    course = os.path.join(folder, "course")
    for step, notebook in (("source", made["exercise-teacher"]), ("submitted/learner", solved)):
        os.makedirs(os.path.join(course, step, "nn"))
        nbformat.write(notebook, os.path.join(course, step, "nn", "exercise.ipynb"))
    venv = os.path.dirname(sys.executable)  # nbgrader runs alembic, from the venv's PATH
    env = dict(os.environ, PATH=venv + os.pathsep + os.environ.get("PATH", ""))
    status, out, err = run(["nbgrader", "generate_assignment", "nn"], cwd=course, env=env)
    release = nbformat.read(os.path.join(course, "release", "nn", "exercise.ipynb"), 4)

    def cells(notebook):
        found = []
        for cell in notebook.cells:
            metadata = copy.deepcopy(cell.metadata)
            for key in ("checksum", "cell_type"):  # what generate_assignment adds
                metadata.get("nbgrader", {}).pop(key, None)
            found.append((cell.cell_type, cell.id, cell.source, metadata))
        return found
    check(status == 0 and cells(release) == cells(made["exercise"]),
          "nbgrader generate_assignment makes exercise.ipynb", "", err[-2000:])
    status, out, err = run(["nbgrader", "autograde", "nn"], cwd=course, env=env)
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + os.path.join(course, "gradebook.db")) as gradebook:
        submission = gradebook.find_submission("nn", "learner")
        score, most = submission.score, submission.max_score
    check(status == 0 and score == most == 6, "nbgrader autograde: {} of {}".format(score, most),
          "", err[-2000:])


if __name__ == "__main__":
    start = time.time()
    status = main()
    print("notebook check: {:.0f} s".format(time.time() - start))
    sys.exit(status)
