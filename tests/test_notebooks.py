"""Tests for the notebook edition (python3 -m tools --notebook DIR) without Jupyter.

The notebooks' code cells run here in order, in one namespace, as a kernel runs
them. .ci/notebook_check.py runs them in a real kernel, and runs nbgrader.
"""

import ast
import contextlib
import io
import json
import os
import re
import sys

import pytest

from tests.editions_cases import FULL, PLANTED, STUDENT, failing, folder_as_it_is, network_py
from tools import notebook as notebooks
from tools.__main__ import command
from tools.cutting import read

NAMES = ["article.ipynb", "exercise-teacher.ipynb", "exercise.ipynb"]
STANDARD_LIBRARY = getattr(sys, "stdlib_module_names", {"io", "math", "sys"})
# article.ipynb: cells, and the command line (python3 network.py ...) whose output they print.
ARTICLE = [(["neuron_examples", "network_example"], []), (["backprop"], ["backprop"]),
           (["training"], ["train"]), (["prediction"], ["predict", "128", "63"])]


@pytest.fixture(scope="module")
def made():
    """The three notebooks, made once: {file name: notebook}."""
    return notebooks.notebooks()


def source(cell):
    return "".join(cell["source"])


def run_cells(notebook):
    """Run the code cells of notebook in order, as a kernel does, until one raises:
    (the id of the cell that raised, or None; {the id of each cell run: what it printed})."""
    namespace = {"__name__": "__main__"}
    printed = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(source(cell), cell["id"], "exec"), namespace)
        except Exception:  # the cell's own error, as a kernel shows it
            printed[cell["id"]] = out.getvalue()
            return cell["id"], printed
        printed[cell["id"]] = out.getvalue()
    return None, printed


def solved(teacher):
    """The teacher's version with nbgrader's markers taken out: the exercise solved."""
    notebook = json.loads(json.dumps(teacher))
    for cell in notebook["cells"]:
        cell["source"] = [line for line in cell["source"] if "### BEGIN SOLUTION" not in line
                          and "### END SOLUTION" not in line]
    return notebook


def with_bodies(student, bodies):
    """The student's version with each blank of bodies ({function: its lines}) filled in."""
    notebook = json.loads(json.dumps(student))
    for cell in notebook["cells"]:
        name = cell["id"].replace("-", ".")
        if name in bodies:
            indent = " " * (8 if "." in name else 4)
            stub = indent + "# YOUR CODE HERE\n" + indent + "raise NotImplementedError()"
            text = source(cell)
            assert text.count(stub) == 1, name
            cell["source"] = text.replace(stub, "\n".join(bodies[name]))
    return notebook


# --- The notebooks, as files


def test_each_notebook_is_nbformat_4_with_cells_jupyter_reads(made):
    assert sorted(made) == NAMES
    for name, notebook in made.items():
        assert (notebook["nbformat"], notebook["nbformat_minor"]) == (4, 5), name
        assert notebook["metadata"]["kernelspec"]["language"] == "python"
        ids = [cell["id"] for cell in notebook["cells"]]
        assert len(set(ids)) == len(ids), name
        for cell in notebook["cells"]:
            assert re.match(r"^[a-zA-Z0-9_-]{1,64}$", cell["id"]), cell["id"]
            assert all([isinstance(line, str) for line in cell["source"]])
            assert all([line.endswith("\n") for line in cell["source"][:-1]])
            keys = {"cell_type", "id", "metadata", "source"}
            if cell["cell_type"] == "code":
                keys |= {"execution_count", "outputs"}
                compile(source(cell), cell["id"], "exec")  # Python, whole
            assert set(cell) == keys, cell["id"]
        assert json.loads(json.dumps(notebook)) == notebook  # JSON, and nothing else


def test_no_cell_imports_anything_beyond_the_standard_library(made):
    for name, notebook in made.items():
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                for node in ast.walk(ast.parse(source(cell))):
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        modules = [node.module] if isinstance(node, ast.ImportFrom) else [
                            alias.name for alias in node.names]
                        assert set(modules) <= set(STANDARD_LIBRARY), (name, cell["id"], modules)


def test_the_code_is_the_modules_own(made):
    article = "".join([source(cell) for cell in made["article.ipynb"]["cells"]])
    neuron = read("neuron.py")
    for line in ("def sigmoid(x):", "    return 1 / (1 + exp(-x))",
                 "        total = dot(self.weights, inputs) + self.bias"):
        assert line in neuron and line in article


# --- article.ipynb


def test_the_article_runs_and_prints_what_it_holds_and_the_command_line_prints(made):
    article = made["article.ipynb"]
    failed, printed = run_cells(article)
    assert failed is None
    held = dict([(cell["id"], "".join(["".join(out["text"]) for out in cell["outputs"]]))
                 for cell in article["cells"] if cell["cell_type"] == "code"])
    assert printed == held
    for ids, args in ARTICLE:
        assert "".join([printed[i] for i in ids]) == network_py(*args), args
    assert printed["loss"] == "0.5\n"


def test_the_article_walks_its_sections_in_order(made):
    cells = made["article.ipynb"]["cells"]
    headings = [source(cell).split("\n")[0] for cell in cells if cell["cell_type"] == "markdown"
                and source(cell).startswith("## ")]
    assert [heading[:5] for heading in headings] == ["## 1.", "## 2.", "## 3.", "## 4.", "## 5."]
    outputs = "".join(["".join(out["text"]) for cell in cells if cell["cell_type"] == "code"
                       for out in cell["outputs"]])
    for number in ("0.9990889488055994", "0.7216325609518421", "d_L/d_w1 = -0.952 * 0.249 *"
                   " (-0.0904) = 0.0214", "Emily: [-7, -3] -> 0.964", "0.000 |"):
        assert number in outputs, number
    assert [cell["id"] for cell in cells if cell["cell_type"] == "code"][-1] == "prediction"
    assert "weight_lb = 128" in source(cells[-1])


# --- exercise.ipynb and exercise-teacher.ipynb


def test_the_students_version_untouched_stops_at_the_first_blank(made):
    failed, printed = run_cells(made["exercise.ipynb"])
    assert failed == "check-sigmoid"
    assert printed[failed].split("\n") == [
        "Step 1 of 6 (part 1): sigmoid is not written yet.",
        "    asked:      sigmoid(3)",
        "    the answer: 0.9525741268224334 (in the article, h1 = f(3) = 0.9526)",
        "    your code:  raises NotImplementedError: write it first", ""]


def test_the_students_version_is_what_nbgrader_makes_of_the_teachers(made):
    # nbgrader's generate_assignment puts "# YOUR CODE HERE" and "raise
    # NotImplementedError()" in place of each solution, indented as its marker.
    student, teacher = made["exercise.ipynb"]["cells"], made["exercise-teacher.ipynb"]["cells"]
    assert len(student) == len(teacher)
    solutions = 0
    for mine, theirs in zip(student, teacher):
        assert (mine["id"], mine["cell_type"], mine["metadata"]) == (
            theirs["id"], theirs["cell_type"], theirs["metadata"])
        cleared = re.sub(r"( *)### BEGIN SOLUTION\n.*?### END SOLUTION",
                         r"\1# YOUR CODE HERE\n\1raise NotImplementedError()", source(theirs),
                         flags=re.S)
        assert source(mine) == cleared, mine["id"]
        solutions += cleared != source(theirs)
    assert solutions == 6


def test_the_nbgrader_metadata_gives_six_graded_checks_of_a_point_each(made):
    cells = made["exercise-teacher.ipynb"]["cells"]
    graded = [cell["id"] for cell in cells if cell["metadata"].get("nbgrader", {}).get("grade")]
    assert graded == ["check-" + name.replace(".", "-") for name in STEPS]
    for cell in cells:
        nbgrader = cell["metadata"].get("nbgrader")
        if nbgrader is None:
            assert cell["cell_type"] == "markdown"
            continue
        assert nbgrader["schema_version"] == 3 and nbgrader["grade_id"] == cell["id"]
        assert nbgrader.get("points", 0) == (1 if nbgrader["grade"] else 0)
        assert cell["metadata"]["deletable"] is False
        assert cell["metadata"].get("editable", True) is nbgrader["solution"]  # locked, but answers


STEPS = ["sigmoid", "Neuron.feedforward", "OurNeuralNetwork.feedforward", "deriv_sigmoid",
         "mse_loss", "partial_derivatives"]


def test_the_teachers_solutions_pass_and_the_last_cell_says_so(made):
    failed, printed = run_cells(solved(made["exercise-teacher.ipynb"]))
    assert failed is None
    for number, name in enumerate(STEPS, 1):
        check = printed["check-" + name.replace(".", "-")]
        assert check.startswith("Step {} of 6 (part {}): {}: right.\n".format(
            number, 1 if number <= 3 else 2, name))
    verdict = printed["verdict"].split("\n")
    assert verdict[-3:] == ["", "All six are right.", ""]
    assert len(verdict) < 40  # it all fits in the cell's output, however short


def test_a_solution_in_another_style_passes(made):
    failed, printed = run_cells(with_bodies(made["exercise.ipynb"], STUDENT))
    assert failed is None and printed["verdict"].endswith("\nAll six are right.\n")


@pytest.mark.parametrize("step, name, real, mistake, message", PLANTED)
def test_a_planted_mistake_gets_its_message_at_its_step(made, step, name, real, mistake, message):
    teacher = solved(made["exercise-teacher.ipynb"])
    for cell in teacher["cells"]:
        if cell["id"] == name.replace(".", "-"):
            assert source(cell).count(real) == 1
            cell["source"] = source(cell).replace(real, mistake)
    failed, printed = run_cells(teacher)
    assert failed == "check-" + name.replace(".", "-")
    ending = "" if message.endswith("?") else "."
    assert printed[failed].startswith("Step {} of 6 (part {}): {} is not right yet: {}{}\n".format(
        step, 1 if step <= 3 else 2, name, message, ending)), printed[failed]


# --- The notebooks written into a folder: all or nothing, never over a file of the user's


def written(folder):
    return sorted([name for name in os.listdir(str(folder))])


def test_the_three_are_written_and_read_back_and_written_again(tmp_path):
    folder = tmp_path / "class"
    lines = command(["--notebook", str(folder)])
    assert written(folder) == NAMES
    assert lines[:3] == ["wrote {} ({} bytes)".format(folder / name, (folder / name).stat().st_size)
                         for name in NAMES]
    made = notebooks.notebooks()
    for name in NAMES:
        assert json.loads((folder / name).read_text()) == made[name]
    # Run and saved again: its outputs have changed, but not its code.
    article = (folder / "article.ipynb").read_text()
    (folder / "article.ipynb").write_text(article.replace('"execution_count": 1',
                                                          '"execution_count": 7'))
    (folder / "notes.txt").write_text("mine\n")
    command(["--notebook", str(folder)])
    assert written(folder) == NAMES + ["notes.txt"]  # another file is left alone


def changed_code(folder):
    path = folder / "exercise.ipynb"
    path.write_text(path.read_text().replace("raise NotImplementedError()", "return 1"))


def foreign(folder):
    (folder / "article.ipynb").write_text('{"cells": [], "metadata": {}}\n')


def not_json(folder):
    (folder / "exercise-teacher.ipynb").write_text("my notes\n")


REFUSED = [
    (changed_code, "exercise.ipynb has been changed since it was written: it is not replaced"),
    (foreign, "article.ipynb is not one this tool wrote: it is not replaced"),
    (not_json, "exercise-teacher.ipynb is not one this tool wrote"),
]


@pytest.mark.parametrize("prepare, problem", REFUSED)
def test_a_notebook_that_is_not_the_tools_as_it_wrote_it_is_never_replaced(tmp_path, prepare,
                                                                          problem):
    folder = tmp_path / "class"
    command(["--notebook", str(folder)])
    prepare(folder)
    before = folder_as_it_is(folder)
    with pytest.raises(ValueError, match=problem):
        command(["--notebook", str(folder)])
    assert folder_as_it_is(folder) == before


@pytest.mark.parametrize("name, call", [("fsync", 2), ("replace", 2), ("replace", 3)])
def test_a_writing_that_fails_half_way_leaves_the_folder_as_it_was(tmp_path, monkeypatch, name,
                                                                  call):
    folder = tmp_path / "class"
    command(["--notebook", str(folder)])
    (folder / "exercise.ipynb").unlink()
    before = folder_as_it_is(folder)
    failing(monkeypatch, name, call, FULL)
    with pytest.raises(ValueError, match=r"cannot write into .* \(No space left on device\)"):
        command(["--notebook", str(folder)])
    monkeypatch.undo()
    assert folder_as_it_is(folder) == before


def test_a_new_folder_is_left_out_again_when_the_writing_fails(tmp_path, monkeypatch):
    failing(monkeypatch, "replace", 2, FULL)
    with pytest.raises(ValueError, match="No space left on device"):
        command(["--notebook", str(tmp_path / "new" / "class")])
    monkeypatch.undo()
    assert os.listdir(str(tmp_path)) == []


@pytest.mark.parametrize("args, problem", [
    (["--notebook"], "--notebook takes one folder, DIR"),
    (["--notebook", "a", "b"], "--notebook takes one folder, DIR"),
    (["--notebook", ""], "the file name must be a non-empty string, got ''"),
])
def test_a_notebook_option_misused_gives_one_line(args, problem):
    with pytest.raises((ValueError, TypeError), match=re.escape(problem)):
        command(args)
