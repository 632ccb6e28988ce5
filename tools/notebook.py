"""The notebook edition: the article as a Jupyter notebook, and an exercise a teacher can grade.

    python3 -m tools --notebook DIR

writes three notebooks into the folder DIR, which is made if need be:

    article.ipynb            the article's sections in order, each with a few
                             plain words and the real code; its outputs are
                             what the command line prints (python3 network.py,
                             backprop, train, predict)
    exercise.ipynb           the student's version: six functions to write,
                             each followed by a locked cell that checks it
    exercise-teacher.ipynb   the same with the solutions between nbgrader's
                             "### BEGIN SOLUTION" and "### END SOLUTION"
                             markers, and nbgrader's metadata: nbgrader
                             generate_assignment makes the student's version
                             from it, and nbgrader autograde grades it

The code in the cells is cut from the real modules at the moment the notebooks
are made (tools/cutting.py), as the single file's is; the cells that run it,
and the exercise's checks, are real programs (tools/programs/notebook_*.py and
exercise_checker.py). The notebooks are nbformat 4, written with the standard
library's json, and no cell imports anything beyond the standard library: they
run in Jupyter, JupyterLab, VS Code and Colab, on Python 3.8 and later.

The three are written all or nothing (support/files.py's write_files). A
notebook that is already in DIR is replaced only if this tool wrote it and no
one has changed its code since; the other files in DIR are left alone.
"""

import contextlib
import hashlib
import io
import json
import os

from support.files import file_name
from tools.folders import write_folder
from tools.cutting import (MARK, body, cells, cut, defines, imports, names, needed, origins,
                           program, read, uses, without)
from tools.editions import EXERCISE, same_file, steps, support_code, support_modules

NAMES = ("article.ipynb", "exercise.ipynb", "exercise-teacher.ipynb")
MADE_BY = MARK + ", made by: python3 -m tools --notebook DIR"
KERNEL = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
          "language_info": {"name": "python"}}
# nbgrader's markers, and what its generate_assignment puts in their place.
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]
# The modules whose code the notebooks carry, besides the support modules that they import.
MODULES = ["neuron.py", "network.py", "learner.py"]
ARTICLE_LINK = ("[An Introduction to Neural Networks]"
                "(https://victorzhou.com/blog/intro-to-neural-networks/)")


def write(folder):
    """Write the three notebooks into folder, all or nothing; return the lines to show.

    Nothing is written, and ValueError says why, if a notebook of the same
    name is there that this tool did not write, or whose code has been changed.
    """
    folder = file_name(folder)
    texts = dict([(name, json.dumps(notebook, indent=1, sort_keys=True) + "\n")
                  for name, notebook in notebooks().items()])
    for name in texts:
        _replaceable(os.path.join(folder, name))
    lines = write_folder(folder, texts, "--notebook")
    return lines + ["Open them in Jupyter, JupyterLab, VS Code or Colab (docs/notebooks.md)."]


def _replaceable(path):
    # Raise ValueError unless path is free, or holds a notebook that this tool
    # wrote and whose code is as it was written.
    if not os.path.lexists(path):
        return
    try:
        with open(path) as f:
            old = json.load(f)
        mark = old["metadata"]["zero_knowledge_nn"]
        if mark["edition"] == MADE_BY and mark["code"] == _digest(old["cells"]):
            return
        changed = True
    except (ValueError, KeyError, TypeError, OSError):
        changed = False  # The file is not a notebook, or not one that this tool wrote.
    raise ValueError("{} {}: it is not replaced (move it away, or use another folder)".format(
        path, "has been changed since it was written" if changed else "is not one this tool wrote"))


def _digest(cells_):
    # Return a digest of the cells' sources, which leaves their outputs out.
    sources = json.dumps([cell["source"] for cell in cells_]).encode("utf-8")
    return hashlib.sha256(sources).hexdigest()


def notebooks():
    """Return {file name: notebook, as a dict that json writes} for the three notebooks."""
    student, teacher = exercise_notebooks()
    return {"article.ipynb": article_notebook(), "exercise.ipynb": student,
            "exercise-teacher.ipynb": teacher}


def notebook(cells_, extra=None):
    """Return a notebook of cells_, nbformat 4.5, carrying the edition's mark."""
    metadata = dict(KERNEL, zero_knowledge_nn={"edition": MADE_BY, "code": _digest(cells_)})
    metadata.update(extra or {})
    return {"cells": cells_, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def markdown(cell_id, text, metadata=None):
    """Return a markdown cell of text."""
    return {"cell_type": "markdown", "id": cell_id, "metadata": metadata or {},
            "source": _lines(text)}


def code(cell_id, text, metadata=None):
    """Return a code cell of text, not yet run."""
    return {"cell_type": "code", "execution_count": None, "id": cell_id,
            "metadata": metadata or {}, "outputs": [], "source": _lines(text)}


def _lines(text):
    # Return a cell's source as nbformat writes it: its lines, each but the last
    # ending with its newline.
    lines = text.strip("\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + lines[-1:]


def _text(cell):
    return "".join(cell["source"])


def _folded():
    return {"jupyter": {"source_hidden": True}}


def _support_cell(code_text, cell_id, metadata=None):
    # Return the cell, for the top of a notebook, that holds the imports and the
    # support code that code_text needs.
    support = "".join(support_code(code_text, support_modules(MODULES)))
    modules = MODULES + support_modules(MODULES)
    head = imports(support + code_text, origins(modules, same_file(modules)))
    text = ("# The support code, not from the article: it checks what comes in, and writes\n"
            "# numbers as the hand calculations do. Run this cell first.\n" + head + "\n\n"
            + support.lstrip("\n"))
    return code(cell_id, text, dict(_folded(), **(metadata or {})))


# --- article.ipynb

ARTICLE_INTRO = """\
# Neural networks from scratch, in plain Python

This notebook follows Victor Zhou's article """ + ARTICLE_LINK + """, section by \
section, with the code of the zero-knowledge-nn project: plain Python, with no numpy and \
nothing to install. Each section says in a few words what its code does, and each example \
prints what the project's command line prints, so that you can find every number of the \
article here.

Run the cells in order from the top (Run All). The first code cell holds the support \
code, which checks what comes in and writes numbers. It is not from the article, so \
Jupyter shows it folded, and you may skip it. This notebook was made from the project's modules by \
`python3 -m tools --notebook DIR`."""

# A cell of SECTIONS holds markdown text; or a list [(module, the names to keep)]
# of code to cut from the modules, where None keeps the whole network class; or
# one of these three markers, which article_notebook replaces with what it names.
RUN = "the cell of notebook_article.py of the same id"
LESSONS = "what the cells above call of learner.py"
PEOPLE = "section 3's words, with a table of its people"
SECTIONS = [
    # Each cell is its id and what it holds. A cell of code from the modules ends
    # with the cell of notebook_article.py of the same id, if there is one.
    ("part-1", """\
## 1. Building blocks: neurons

A neuron takes inputs, multiplies each by a weight, adds a bias, and passes the sum \
through an activation function: y = f(w1\\*x1 + w2\\*x2 + b). The activation function is \
the sigmoid, f(x) = 1 / (1 + e^(-x)), which turns any number into one between 0 and 1. \
In the code, numpy's `np.exp` is `math.exp`, and `np.dot` is `dot`, a loop over plain \
lists. The lines that call the support code check what comes in."""),
    ("neuron", [("neuron.py", ["sigmoid", "Neuron.__init__", "Neuron.feedforward",
                               "Neuron.explain"])]),
    ("neuron-text", """\
The article's neurons: with the weights [0, 1] and the bias 4, the inputs [2, 3] give \
0.9990889488055994. Each is worked by hand first, as the article writes it, then exactly."""),
    ("neuron_examples", [("network.py", ["NEURON_EXAMPLES", "neuron_example"])]),
    ("part-2", """\
## 2. Combining neurons into a neural network

The network has 2 inputs, a hidden layer of 2 neurons (h1 and h2), and an output neuron \
o1 that takes the outputs of h1 and h2 as its inputs. With every weight [0, 1] and every \
bias 0, the inputs [2, 3] give h1 = h2 = f(3) = 0.9526, and o1 = f(0.9526) = 0.7216."""),
    ("network", [("network.py", ["OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
                                 "OurNeuralNetwork.explain"])]),
    ("network_example", [("network.py", ["NETWORK_EXAMPLE", "network_example"])]),
    ("part-3", PEOPLE),
    ("loss", [("network.py", ["PEOPLE", "NEW_PEOPLE", "mse_loss"])]),
    ("part-4", """\
## 4. Training a neural network, part 2: backpropagation

Training changes the weights and biases so that the loss gets smaller. To know which \
way to move each one, it needs the partial derivative of the loss with respect to it, \
which the chain rule gives: for w1, d_L/d_w1 = d_L/d_ypred \\* d_ypred/d_h1 \\* d_h1/d_w1. \
`partial_derivatives` works out all nine for one person. It needs the derivative of the \
sigmoid, f'(x) = f(x) \\* (1 - f(x))."""),
    ("derivatives", [("neuron.py", ["deriv_sigmoid"]),
                     ("network.py", ["PARAMETER_NAMES", "partial_derivatives"])]),
    ("sgd", """\
### Stochastic gradient descent: the complete network

Training goes through the people again and again; each pass is an epoch. For each \
person it works out the nine partial derivatives, then moves each weight and bias a \
little against its own: w1 = w1 - learn_rate \\* d_L/d_w1. Here is the network class again, \
complete, as the article gives it at its end: with `train`, and the methods that training \
needs (a random start that is the same on every computer, and the nine parameters)."""),
    ("complete", [("network.py", None)]),
    ("lessons-text", """\
### The lessons

The next cell holds the project's lessons (learner.py, not from the article): the \
backpropagation worked by hand, the training run with a chart of its loss, and the \
predictions. Jupyter shows it folded."""),
    ("lessons", LESSONS),
    ("backprop-text", """\
### Backpropagation for Alice, by hand

The article works out d_L/d_w1 for Alice (x = [-2, -1], whose answer is 1) from every \
weight 1 and every bias 0, and gets 0.0214. The next cell does the same, each number to 3 \
significant figures as a person with a calculator writes it down, then all nine exactly."""),
    ("backprop", RUN),
    ("training-text", """\
### Training

The article's training: 1000 epochs from a seeded random start, with a learning rate of \
0.1. It prints the loss every 10 epochs, then draws the loss, and gives the network's \
answers for Emily and Frank, whom it has not seen: near 1 means female, near 0 male."""),
    ("training", RUN),
    ("part-5", """\
## 5. Your turn

Type your own weight (in pounds) and height (in inches) into the next cell and run it. \
It trains the network as above, then works out its answer for you by hand. The network \
has learned from four people only, so take its answer lightly."""),
    ("prediction", RUN),
]


def _people_text():
    # Return the text of section 3, with the article's people as a table.
    import network

    rows = ["| {} | {} | {} | {} |".format(name, x[0], x[1], "female (1)" if y else "male (0)")
            for name, x, y in network.PEOPLE]
    return "\n".join([
        "## 3. Training a neural network, part 1: the loss", "",
        "The network learns to tell a person's gender from their weight and height. The"
        " article's four people are shifted so that the numbers are small: the weight minus"
        " 135 lb, and the height minus 66 in.", "",
        "| Name | Weight (minus 135 lb) | Height (minus 66 in) | Gender |",
        "| --- | --- | --- | --- |"] + rows + ["",
        "The loss says how wrong the network is: the mean squared error, the average of"
        " (y_true - y_pred) squared. For the answers 1, 0, 0, 1 and a network that always"
        " says 0, it is 0.5."])


def article_notebook():
    """Return article.ipynb: the sections of the article in order, with the outputs of the code."""
    runs = cells("notebook_article.py")
    found = []
    for cell_id, what in SECTIONS:
        if what == PEOPLE:
            found.append(markdown(cell_id, _people_text()))
        elif what == LESSONS:
            found.append(None)  # This cell is made once the cells that call the lessons are known.
        elif what == RUN:
            found.append(code(cell_id, runs.pop(cell_id)))
        elif isinstance(what, list):
            text = _modules(what)
            if cell_id in runs:  # The cell that runs this example follows the code it needs.
                text += "\n\n\n" + runs.pop(cell_id)
            found.append(code(cell_id, text))
        else:
            found.append(markdown(cell_id, what))
    if runs:
        raise ValueError("notebook_article.py has cells that no section places: " + ", ".join(
            sorted(runs)))
    code_so_far = "\n\n\n".join([_text(cell) for cell in found
                                 if cell and cell["cell_type"] == "code"])
    lessons = _lessons(code_so_far)
    found[found.index(None)] = code("lessons", lessons, _folded())
    everything = code_so_far + "\n\n\n" + lessons
    found = [markdown("intro", ARTICLE_INTRO), _support_cell(everything, "support")] + found
    _run(found)
    return notebook(found)


def _modules(parts):
    # Return the code that parts asks for, without docstrings. parts is a list of
    # (module, the names to keep); None in place of the names keeps the whole
    # network class except the methods that write and read files.
    texts = []
    for module, keep in parts:
        if keep is None:
            keep = [name for name in names(read(module)) if name.startswith("OurNeuralNetwork.")
                    and name not in ("OurNeuralNetwork.save", "OurNeuralNetwork.load")]
        texts.append(cut(without(read(module)), keep).strip("\n"))
    return "\n\n\n".join(texts)


def _lessons(code_text):
    # Return the lessons of learner.py that code_text calls, with what they need
    # of learner.py, but without what the notebook's other cells define.
    lessons = without(read("learner.py"))
    support = support_code(code_text + "\n" + lessons, support_modules(MODULES))
    defined = set(defines(code_text)) | set(defines("".join(support)))
    keep = [name for name in needed(lessons, uses(code_text)) if name not in defined]
    return ("# The lessons of learner.py, not from the article: backpropagation by hand,\n"
            "# the training run with its chart, and the predictions.\n"
            + cut(lessons, keep).strip("\n"))


def _run(cells_):
    # Run the code cells in order, in one namespace, as a notebook does, and
    # keep what each prints as its output; number them as Jupyter would.
    namespace = {"__name__": "__main__"}
    count = 0
    for cell in cells_:
        if cell["cell_type"] != "code":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(_text(cell), "<cell {}>".format(cell["id"]), "exec"), namespace)
        count += 1
        cell["execution_count"] = count
        if printed.getvalue():
            cell["outputs"] = [{"name": "stdout", "output_type": "stream",
                                "text": printed.getvalue().splitlines(True)}]


# --- exercise.ipynb and exercise-teacher.ipynb

EXERCISE_INTRO = """\
# Exercise: the neural network of the article, written by you

This is the exercise of Victor Zhou's article """ + ARTICLE_LINK + """, in plain Python. \
You write six functions, in the order of the article: part 1 (steps 1 to 3) is the \
feedforward, and part 2 (steps 4 to 6) is what training needs. The rest is given.

Write each function where it says `# YOUR CODE HERE`, in place of the line \
`raise NotImplementedError()`, and run its cell. The cell below it checks your function: \
it calls it with a few inputs and compares the answers with those of the real code. It \
says that your function is right, or what it asked, what the answer is and what your \
code gave. Run All stops at the first step that is not right. When all six are right, the \
last cell runs the article's worked examples and its training with your code.

The first two code cells hold the support code and the exercise's checks. Jupyter \
shows them folded, and keeps them locked, as it keeps the check cells."""

PARTS = {1: "## Part 1: the feedforward\n\nA neuron, then the network of three neurons.",
         4: "## Part 2: what training needs\n\nThe derivative of the sigmoid, the loss, and"
            " the partial derivatives of the loss for one person."}
# The statements of the modules that each step's cell holds, among them the function to write.
STEP_CELLS = {
    "sigmoid": [("neuron.py", ["sigmoid"])],
    "Neuron.feedforward": [("neuron.py", ["Neuron.__init__", "Neuron.feedforward",
                                          "Neuron.explain"])],
    "OurNeuralNetwork.feedforward": [("network.py", None)],
    "deriv_sigmoid": [("neuron.py", ["deriv_sigmoid"])],
    "mse_loss": [("network.py", ["mse_loss"])],
    "partial_derivatives": [("network.py", ["PARAMETER_NAMES", "partial_derivatives"])],
}
DATA = ("network.py", ["PEOPLE", "NEW_PEOPLE", "NEURON_EXAMPLES", "NETWORK_EXAMPLE",
                       "neuron_example", "network_example", "worked_examples"])
STEP_TEXT = """\
### Step {number} of 6: `{name}`

{hint}{more}"""
MORE = {"OurNeuralNetwork.feedforward": " The class also holds `train` and the methods that"
        " training needs, which part 2 uses; you write only `feedforward`."}


def _nbgrader(cell_id, kind):
    # Return nbgrader's metadata for a cell of the given kind: a solution to
    # write, a graded check (1 point), or a locked cell that no one may change.
    grade, solution, locked = {"solution": (False, True, False), "check": (True, False, True),
                               "locked": (False, False, True)}[kind]
    metadata = {"grade": grade, "grade_id": cell_id, "locked": locked, "schema_version": 3,
                "solution": solution, "task": False}
    if grade:
        metadata["points"] = 1
    return {"nbgrader": metadata}


def _locked(cell_id, kind, metadata=None):
    # Return the metadata of a cell of the exercise. It holds nbgrader's own, and
    # the flags that Jupyter reads to lock the cell, set as nbgrader
    # generate_assignment sets them.
    metadata = dict(metadata or {}, **_nbgrader(cell_id, kind))
    metadata["deletable"] = False
    if kind != "solution":
        metadata["editable"] = False
    return metadata


def exercise_notebooks():
    """Return (exercise.ipynb, exercise-teacher.ipynb): the student's version and the teacher's."""
    own = cells("notebook_exercise.py")
    if "STEP" not in own["check"]:
        raise ValueError("notebook_exercise.py: the check cell has no STEP to fill in")
    checker = without(program("exercise_checker.py", {"EXERCISE": steps()}), ["if"]).strip("\n")
    data = _modules([DATA])
    student, teacher = [], []
    for number, (name, part, hint, cases) in enumerate(EXERCISE, 1):
        words = [markdown("part-{}".format(part), PARTS[number])] if number in PARTS else []
        words.append(markdown("step-{}".format(number), STEP_TEXT.format(
            number=number, name=name, hint=" ".join(hint).replace("*", "\\*"),
            more=MORE.get(name, ""))))
        text = _modules(STEP_CELLS[name])
        first, end, indent = body(text, name)
        lines = text.split("\n")
        solution_id = name.replace(".", "-")
        check_id = "check-" + solution_id
        check = code(check_id, own["check"].replace("STEP", str(number)),
                     _locked(check_id, "check"))
        # The student's blank is what nbgrader generate_assignment puts in place
        # of the teacher's solution, between its markers.
        for version, blank in ((student, STUB), (teacher, [BEGIN] + lines[first:end] + [END])):
            blank = [indent + line if line in STUB + [BEGIN, END] else line for line in blank]
            solution = code(solution_id, "\n".join(lines[:first] + blank + lines[end:]),
                            _locked(solution_id, "solution"))
            version += words + [solution, check]
    every = "\n\n\n".join([_text(cell) for cell in teacher if cell["cell_type"] == "code"]
                          + [checker, data, own["verdict"]])
    head = [markdown("intro", EXERCISE_INTRO), _support_cell(every, "support")]
    head[1]["metadata"].update(_locked("support", "locked"))
    head.append(code("checks", "# The exercise's checks: each step's calls, and their answers"
                     " from the real code.\n" + checker, _locked("checks", "locked", _folded())))
    tail = [markdown("data-text", "### The article's data and worked examples\n\nThe people"
                     " that training learns from, and the worked examples that the last cell"
                     " runs with your code."),
            code("data", data, _locked("data", "locked")),
            markdown("all-six", "### All six\n\nThe last cell checks all six steps again and,"
                     " when they are right, runs the article's worked examples and its"
                     " training with your code."),
            code("verdict", own["verdict"], _locked("verdict", "locked"))]
    return (notebook(head + student + tail),
            notebook(head + teacher + tail, {"celltoolbar": "Create Assignment"}))
