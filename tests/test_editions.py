"""Tests for the editions tool (python3 -m tools): the cutting, the single file, the
teacher's exercise, and the writing of an edition into a folder, all or nothing.

CPython only (pytest): the tool runs on the teacher's computer. The micro:bit
editions' own tests are tests/test_microbit.py.
"""

import ast
import importlib.util
import os

import pytest

import tools.cutting
import tools.microbit
from tests.editions_cases import (FULL, PLANTED, STUDENT, failing, folder_as_it_is, network_py,
                                  run)
from tools.__main__ import command
from tools.cutting import (CARRIED, CELL, FILLED, PROGRAMS, body, cells, cut, fill, imports, needed,
                           program, read, used_at_import, without, without_docstrings)
from tools.editions import (ARTICLE, EXERCISE, SINGLE_FILE_LEAVES_OUT, article_code, put_back,
                            support_code, support_modules)

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEPS = [name for name, part, todo, cases in EXERCISE]
# Are the libraries that make a .hex installed (the tools' optional dependencies)?
HEXES = None not in [importlib.util.find_spec(name) for name in ("micropython_microbit_fs",
                                                                 "universal_hex")]


# --- The cutting (tools/cutting.py)


def test_without_docstrings_keeps_code_and_comments():
    source = ('"""Module."""\n\n# Why.\ndef f(x):\n    """One.\n\n    Two.\n    """\n'
              '    return "not a docstring"  # kept\n')
    assert without_docstrings(source) == ('\n# Why.\ndef f(x):\n    return "not a docstring"'
                                          '  # kept\n')


def test_cut_keeps_named_statements_methods_and_their_comments():
    source = (
        "import json\nimport sys\n\n\n"
        "class A:\n    x = 1\n\n    def f(self):\n        return 1\n\n"
        "    # About g.\n    def g(self):\n        return 2\n\n\n"
        "# About B.\nB = 2\nC = 3\n\n\ndef c():\n    pass\n"
    )
    assert cut(source, ["sys", "A.g", "B", "C"]) == (
        "import sys\n\n\n"
        "class A:\n    # About g.\n    def g(self):\n        return 2\n\n\n"
        "# About B.\nB = 2\nC = 3\n"  # no blank line where the source has none
    )


def test_imports_are_what_the_code_uses_the_standard_library_first():
    code = "def f(x):\n    return exp(x) + dot(x, x) + LIMIT\n\n\nLIMIT = 3\n"
    origins = {"exp": "math", "isnan": "math", "dot": "support", "LIMIT": "support"}
    assert imports(code, origins, ["support"]) == (
        "from math import exp\n\nfrom support import dot\n")


@pytest.mark.parametrize("fills, problem", [
    ({}, "nothing to fill in for B"),
    ({"B": "B = 1", "C": "C = 2"}, "markers missing or given twice: ['C']"),
])
def test_a_marker_without_its_text_or_a_text_without_its_marker_is_refused(fills, problem):
    with pytest.raises(ValueError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        fill("A = 0\nB = []  " + FILLED + "B\n", fills)


def test_every_program_is_python_with_its_carried_part_and_markers():
    for name in sorted(os.listdir(PROGRAMS)):
        if not name.endswith(".py") or name in ("__init__.py", "conftest.py"):
            continue
        with open(os.path.join(PROGRAMS, name)) as f:
            text = f.read()
        ast.parse(text)  # a real program that linters read
        assert '"""' in text.split("\n")[0], name  # it says what it is
        if CARRIED in text:
            markers = [line.split(FILLED)[1] for line in text.split("\n") if FILLED in line]
            carried = program(name, dict([(marker, "x = 1") for marker in markers]))
            assert FILLED not in carried and CARRIED not in carried, name


def test_the_tools_import_no_circle():
    imported = {}
    for name in ("cutting", "folders", "editions", "notebook", "microbit", "__main__"):
        with open(os.path.join(PROJECT, "tools", name + ".py")) as f:
            tree = ast.parse(f.read())
        imported[name] = set([node.module.split(".")[1] for node in ast.walk(tree)
                              if isinstance(node, ast.ImportFrom) and node.module
                              and node.module.startswith("tools.")]
                             + [alias.name for node in ast.walk(tree)
                                if isinstance(node, ast.ImportFrom) and node.module == "tools"
                                for alias in node.names])
    assert imported["cutting"] == imported["folders"] == set()  # The modules the others import.
    assert imported["editions"] == {"cutting"}
    assert imported["microbit"] == {"cutting", "folders"}
    assert imported["notebook"] == {"cutting", "editions", "folders"}
    assert imported["__main__"] == {"cutting", "editions", "notebook", "microbit", "page"}


# --- The cutting fails loudly (issue 28, item 7): each planted mistake raises ValueError

SOURCE = (
    "import sys\n\n\n"
    "def f(x):  # a comment after the colon\n"
    "\t# Why, with a tab.\n"
    "\treturn x\n\n\n"
    "def g(a,\n      b=1):\n"
    "  # Two spaces.\n"
    "  return a + b\n\n\n"
    "class A:\n"
    "    def m(self):\n"
    "        return 1\n\n"
    "    def one(self): return 2\n"
)


@pytest.mark.parametrize("name, found", [
    ("f", (4, 6, "\t")),  # a def line that does not end with ":", and a tab
    ("g", (10, 12, "  ")),  # a def over two lines, and two spaces
    ("A.m", (16, 17, "        ")),
])
def test_body_takes_its_lines_from_the_ast(name, found):
    assert body(SOURCE, name) == found


@pytest.mark.parametrize("call, problem", [
    (lambda: cut(SOURCE, ["f_renamed"]), "cut: the source has no f_renamed"),
    (lambda: cut(read_neuron(), ["sigmoid_renamed", "Neuron.nothing"]),
     "cut: the source has no sigmoid_renamed, Neuron.nothing"),
    (lambda: without(SOURCE, ["A.gone"]), "without: the source has no A.gone"),
    (lambda: body(SOURCE, "h"), "body: the source has no h"),
    (lambda: body(SOURCE, "A.m.x"), "body: the source has no A.m.x"),
    (lambda: body(SOURCE, "A"), "body: A is not a function"),
    (lambda: body(SOURCE, "A.one"), "body: A.one is written on one line"),
    (lambda: fill("B = []  " + FILLED + "B\n", {}), "nothing to fill in for B"),
    (lambda: fill("A = 0\n", {"C": "C = 2"}), "markers missing or given twice: ['C']"),
    (lambda: program("missing.py"), "No such file"),
])
def test_each_mistake_raises_rather_than_leaving_something_out(call, problem):
    with pytest.raises((ValueError, OSError)) as raised:
        call()
    assert problem in str(raised.value)


def read_neuron():
    with open(os.path.join(PROJECT, "neuron.py")) as f:
        return f.read()


@pytest.mark.parametrize("text, problem", [
    ("x = 1\n" + CELL + "a\n", "code before the first cell"),
    (CELL + "a\nx = 1\n" + CELL + "a\n", "two cells named a"),
])
def test_a_program_of_cells_that_is_not_so_is_refused(tmp_path, monkeypatch, text, problem):
    (tmp_path / "cells.py").write_text('"""Cells."""\n' + CARRIED + "\n" + text)
    monkeypatch.setattr(tools.cutting, "PROGRAMS", str(tmp_path))
    with pytest.raises(ValueError, match=problem):
        cells("cells.py")


def test_docstrings_are_found_by_the_ast_and_only_they():
    source = ('"""Module,\non two lines."""\n\n\ndef f():\n    """One.\n\n    Two.\n    """\n'
              '    x = """not a docstring"""\n    """Nor this: not the first statement."""\n'
              '    return x\n\n\ndef g(): "on the def line"\n')
    assert without_docstrings(source) == (
        '\n\ndef f():\n    x = """not a docstring"""\n    """Nor this: not the first'
        ' statement."""\n    return x\n\n\ndef g(): "on the def line"\n')


def test_what_code_needs_and_what_it_uses_while_it_is_defined():
    code = ("def f(x, write=show):\n    return g(x)\n\n\ndef g(x):\n    return x\n\n\n"
            "def h():\n    pass\n\n\nN = len(LIST)\n")
    assert needed(code, ["f"]) == ["f", "g"]
    assert used_at_import(code) == ["show", "len", "LIST"]


def test_the_support_code_is_what_the_article_needs_and_only_that():
    code = "".join([without(read(name), drop) for name, drop, about in ARTICLE])
    before, after = support_code(code)
    assert before == ""  # the article's code uses nothing of support/ while it is defined
    for needed_name in ("dot", "check_training_set", "quoted", "show_list", "draw_normal"):
        assert "\ndef {}(".format(needed_name) in after, needed_name
    support = "".join([without(read(name)) for name in support_modules(["learner.py"])])
    assert "\ndef parse_number(" not in after and "\ndef figures(" in support
    assert "\ndef figures(" not in after  # the lessons' alone


# --- The single file


def test_single_file_runs_alone_and_prints_the_worked_examples(tmp_path):
    single = run(["-m", "tools", "--single-file"]).stdout
    lines = single.splitlines()
    # A student reads it from the top: the article's code first, its support code after it.
    assert [line for line in lines if line.startswith("def ")][0] == "def sigmoid(x):"
    assert lines.index("def sigmoid(x):") < 80
    assert lines.index("def dot(weights, inputs):") > lines.index("def worked_examples():")
    # Sections 1 and 2 of the article and their support code: at most 450 lines,
    # with at most 40 of the tool's own (its header, the titles and its main).
    code = len(article_code(leave_out=SINGLE_FILE_LEAVES_OUT).splitlines())
    assert len(lines) <= code + 40 and len(lines) <= 450
    for elsewhere in ("from neuron import", "import network", "import support", "learner",
                      "tools/", "network.py --", '"""', "def train(", "def partial_derivatives("):
        assert elsewhere not in single, elsewhere
    (tmp_path / "ournn.py").write_text(single)
    ran = run(["ournn.py"], cwd=str(tmp_path))
    assert (ran.stdout, ran.stderr, ran.returncode) == (network_py(), "", 0)
    assert sorted(os.listdir(str(tmp_path))) == ["ournn.py"]  # It wrote nothing.
    usage = run(["ournn.py", "--help"], cwd=str(tmp_path)).stdout
    assert usage.startswith("usage: python3 ournn.py    the article's three worked examples\n")
    assert "Training is not in this file: it is python3 network.py train" in usage
    for args, status, stream in ((["--help"], 0, 1), (["-h"], 0, 1), (["1", "2"], 2, 2),
                                 (["--load", "x"], 2, 2), (["train"], 2, 2)):
        ran = run(["ournn.py"] + args, cwd=str(tmp_path))
        assert ran.returncode == status, args
        assert (ran.stdout, ran.stderr)[stream - 1] == usage, args


def test_the_single_files_main_is_a_program_of_its_own(capsys):
    from tools.programs.single_main import main

    assert main([]) == 0
    assert capsys.readouterr().out == network_py()


# --- The teacher's exercise


def run_exercise(tmp_path, text):
    (tmp_path / "exercise.py").write_text(text)
    return run(["exercise.py"], cwd=str(tmp_path))


def exercise_text():
    return run(["-m", "tools", "--exercise"]).stdout


def test_untouched_exercise_stops_at_sigmoid(tmp_path):
    result = run_exercise(tmp_path, exercise_text())
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Step 1 of 6 (part 1): sigmoid is not written yet.",
        "    asked:      sigmoid(3)",
        "    the answer: 0.9525741268224334 (in the article, h1 = f(3) = 0.9526)",
        "    your code:  raises NotImplementedError: write it first",
    ]


def test_exercise_leaves_six_bodies_and_keeps_everything_else():
    text = exercise_text()
    lines = text.splitlines()
    for name in STEPS:
        assert 'raise NotImplementedError("{} is not written yet")'.format(name) in text
    assert text.count("raise NotImplementedError(") == 6
    for real in ("    def explain(self, inputs, write=None):", "def partial_derivatives(",
                 "def worked_examples():", "def check_pairs(", "def dot("):
        assert real in text
    # The training run is the notebooks' and network.py's: the exercise stays short.
    for elsewhere in ("from neuron import", "learner", "    def train(self, data,",
                      "def check_training_set("):
        assert elsewhere not in text, elsewhere
    # A student meets the first blank at once, and the support code at the end.
    first = [i for i, line in enumerate(lines) if "# TODO, step 1 of 6" in line][0]
    assert lines[first - 1] == "def sigmoid(x):" and first < 100
    assert lines.index("def check_pairs(y_true, y_pred):") > lines.index("def worked_examples():")
    assert len(lines) <= 550


def test_each_step_has_its_hint_and_its_checks_in_one_table():
    assert STEPS == ["sigmoid", "Neuron.feedforward", "OurNeuralNetwork.feedforward",
                     "deriv_sigmoid", "mse_loss", "partial_derivatives"]
    for name, part, todo, cases in EXERCISE:
        assert part == (1 if STEPS.index(name) < 3 else 2) and todo and len(cases) >= 2, name
        assert all([call.startswith(name.split(".")[-1]) or "." + name.split(".")[-1] + "(" in call
                    for call, note in cases]), name


def test_exercise_with_the_real_bodies_passes_and_ends_with_its_verdict(tmp_path):
    result = run_exercise(tmp_path, put_back(exercise_text()))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.split("\n")
    examples = len(network_py().splitlines())
    assert lines[:7] == ["Step {} of 6 (part 1): {}: right.".format(number, name)
                         for number, name in enumerate(STEPS, 1)][:3] + [
        "Part 1, the article's feedforward, is done. On to part 2, training."] + [
        "Step {} of 6 (part 2): {}: right.".format(number, name)
        for number, name in enumerate(STEPS, 1)][3:]
    assert lines[7:9] == ["", "The article's worked examples, from your code:"]
    assert "\n".join(lines[9:9 + examples]) + "\n" == network_py()
    # The verdict comes last, where the student sees it.
    assert lines[9 + examples:] == ["", "All six are right.", ""]




@pytest.mark.parametrize("step, name, real, mistake, message", PLANTED)
def test_each_planted_mistake_is_caught_at_its_step(tmp_path, step, name, real, mistake, message):
    solved = put_back(exercise_text())
    assert solved.count(real) == 1, real
    result = run_exercise(tmp_path, solved.replace(real, mistake))
    assert result.returncode == 1, name
    lines = result.stdout.splitlines()
    assert len([line for line in lines if line.endswith(": right.")]) == step - 1
    failed = "Step {} of 6 (part {}): {} is not right yet: {}".format(
        step, 1 if step <= 3 else 2, name, message) + ("" if message.endswith("?") else ".")
    assert lines[step - 1 + (step > 3)] == failed, lines


def test_a_hard_coded_answer_is_caught(tmp_path):
    solved = put_back(exercise_text())
    text = solved.replace("    return 1 / (1 + exp(-x))", "    return 0.9525741268224334")
    result = run_exercise(tmp_path, text)
    assert result.returncode == 1
    assert result.stdout.startswith("Step 1 of 6 (part 1): sigmoid is not right yet")
    assert "asked:      sigmoid(0.61)" in result.stdout


def test_an_error_in_the_students_code_is_reported_at_its_step_and_line(tmp_path):
    text = put_back(exercise_text()).replace(
        "function\n        total = dot(self.weights, inputs) + self.bias\n",
        "function\n        total = dot(self.weights, inputs) + self.bias.value\n")
    line = text.split("\n").index("        total = dot(self.weights, inputs) + self.bias.value") + 1
    lines = run_exercise(tmp_path, text).stdout.splitlines()
    assert lines[1] == ("Step 2 of 6 (part 1): Neuron.feedforward is not right yet: it raised"
                        " an error.")
    assert lines[-1] == ("    your code:  raises AttributeError: 'float' object has no attribute"
                         " 'value' (line {})".format(line))




def test_any_correct_solution_passes(tmp_path):
    lines = exercise_text().split("\n")
    for name, written in STUDENT.items():
        stop = [i for i, line in enumerate(lines)
                if 'raise NotImplementedError("{} is not written yet")'.format(name) in line][0]
        start = stop
        while "# TODO, step" not in lines[start]:
            start -= 1
        lines[start:stop + 1] = written
    result = run_exercise(tmp_path, "\n".join(lines))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All six are right" in result.stdout


# --- The command line


@pytest.mark.parametrize("args, problem", [
    (["--microbit"], "--microbit takes one folder, DIR, and then train or nothing"),
    (["--microbit", "a", "b"], "--microbit takes one folder, DIR, and then train or nothing"),
    (["--single-file", "x"], "--single-file takes no value"),
    (["--exercise", "--single-file"], "--exercise takes no value"),
    (["--page", "x"], "--page takes no value"),
    (["--bogus"], "unknown option '--bogus'"),
    (["--singlefile"], "unknown option '--singlefile': did you mean --single-file?"),
    (["--microbit", PROJECT], "is the project's own folder: its modules are not replaced"),
    (["--microbit", "."], "is the project's own folder"),
    (["--microbit", "web"], "holds app.js, which no edition wrote"),
    (["--microbit", "README.md/x\ny"], "README.md/x\\ny"),
    (["--microbit", ""], "the file name must be a non-empty string, got ''"),
])
def test_an_option_misused_gives_one_line_and_status_2(args, problem):
    result = run(["-m", "tools"] + args)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("python3 -m tools: error: "), result.stderr
    assert problem in result.stderr, result.stderr


def test_page_is_the_page_tools():
    result = run(["-m", "tools", "--page"])
    assert result.returncode == 0 and "<html" in result.stdout.lower()


def test_network_py_points_to_the_editions_tool():
    result = run(["network.py", "--single-file"])
    assert result.returncode == 2
    assert ("--single-file is made by the editions tool: python3 -m tools --single-file"
            in result.stderr)


# --- An edition written into a folder: all or nothing (issue 22), never over a file of the user's


@pytest.fixture
def quick_hexes(monkeypatch):
    """The Universal Hex of each edition made once (about half a second each), or None
    where the libraries are not installed."""
    made = {}
    real = tools.microbit.universal_hex

    def universal_hex(files):
        key = tuple(sorted(files.items()))
        if key not in made:
            made[key] = real(files)
        return made[key]

    monkeypatch.setattr(tools.microbit, "universal_hex", universal_hex)






HALF_WAY = [
    # (what the folder holds first, what fails, at which call, with what)
    ("nothing", "fsync", 2, FULL),
    ("an empty folder", "fsync", 2, FULL),
    ("the training edition", "fsync", 3, FULL),
    ("the training edition", "replace", 2, FULL),
    ("the training edition", "replace", 5, OSError(5, "Input/output error")),
    ("the worked examples", "replace", 1, FULL),
    ("the training edition", "fsync", 1, KeyboardInterrupt()),
]


@pytest.mark.parametrize("first, name, call, error", HALF_WAY)
def test_an_edition_that_fails_half_way_leaves_the_folder_as_it_was(
        tmp_path, monkeypatch, quick_hexes, first, name, call, error):
    board = tmp_path / "board"
    if first == "an empty folder":
        board.mkdir()
    elif first != "nothing":
        command(["--microbit", str(board)] + (["train"] if "training" in first else []))
    before = folder_as_it_is(board)
    failing(monkeypatch, name, call, error)
    expected = KeyboardInterrupt if isinstance(error, KeyboardInterrupt) else ValueError
    with pytest.raises(expected) as raised:
        command(["--microbit", str(board)] + ([] if "training" in first else ["train"]))
    monkeypatch.undo()
    assert folder_as_it_is(board) == before  # no file of the other edition, no temporary file
    if isinstance(error, OSError):
        assert str(raised.value) == "--microbit cannot write into {} ({})".format(
            board, error.strerror)


def test_a_new_folder_is_made_and_left_out_again_when_the_writing_fails(tmp_path, monkeypatch,
                                                                       quick_hexes):
    failing(monkeypatch, "replace", 3, FULL)
    with pytest.raises(ValueError, match="No space left on device"):
        command(["--microbit", str(tmp_path / "new" / "folders" / "board")])
    monkeypatch.undo()
    assert os.listdir(str(tmp_path)) == []


def user_file(board):
    (board / "notes.txt").write_text("mine\n")


def user_hex(board):
    (board / "examples.hex").write_text(":020000040000FA\n:00000001FF\n")


def link(board):
    os.symlink(os.path.join(PROJECT, "network.py"), str(board / "network.py"))


def read_only(board):
    command(["--microbit", str(board)])
    (board / "main.py").chmod(0o444)


def edition_and_folder(board):
    command(["--microbit", str(board), "train"])
    (board / "saved").mkdir()


def edited_mark(board):
    command(["--microbit", str(board)])
    text = (board / "neuron.py").read_text()
    (board / "neuron.py").write_text("# my own neuron.py" + text[text.index("\n"):])


REFUSED = [
    # (how the folder was made, what the tool says)
    (user_file, "holds notes.txt, which no edition wrote: use a new or empty folder"),
    (user_hex, "holds examples.hex, which no edition wrote"),
    (link, "holds network.py, which no edition wrote"),
    (read_only, "main.py is read-only: not replaced"),
    (edition_and_folder, "holds saved, which no edition wrote"),
    (edited_mark, "holds neuron.py, which no edition wrote"),
]


@pytest.mark.parametrize("prepare, problem", REFUSED)
def test_a_folder_holding_what_no_edition_wrote_is_refused_before_anything_is_written(
        tmp_path, quick_hexes, prepare, problem):
    board = tmp_path / "board"
    board.mkdir()
    prepare(board)
    before = folder_as_it_is(board) if prepare is not link else sorted(os.listdir(str(board)))
    for args in ([], ["train"]):
        with pytest.raises(ValueError, match=problem):
            command(["--microbit", str(board)] + args)
        assert (folder_as_it_is(board) if prepare is not link
                else sorted(os.listdir(str(board)))) == before


def test_an_edition_replaces_an_earlier_one_and_names_what_another_left(tmp_path, quick_hexes):
    board = tmp_path / "board"
    command(["--microbit", str(board), "train"])
    command(["--microbit", str(board), "train"])  # its own files, replaced
    lines = command(["--microbit", str(board)])
    others = sorted(set(tools.microbit.microbit_training_edition())
                    - set(tools.microbit.microbit_edition()))
    if HEXES:
        others = sorted(others + ["training.hex"])
    assert "left alone in {}, from another edition: {} (not part of this one)".format(
        board, ", ".join(others)) in lines
    for name, text in tools.microbit.microbit_edition().items():
        assert (board / name).read_text() == text


def test_without_the_hex_libraries_the_loose_files_and_one_line_how_to_get_the_hex(
        tmp_path, monkeypatch):
    monkeypatch.setattr(tools.microbit, "universal_hex", lambda files: None)
    lines = command(["--microbit", str(tmp_path / "board")])
    assert sorted(os.listdir(str(tmp_path / "board"))) == sorted(tools.microbit.microbit_edition())
    assert lines[-1] == (
        "No examples.hex, the one file for the board: it needs micropython-microbit-fs and"
        " universal-hex (Python 3.9+): python3 -m pip install micropython-microbit-fs==0.1.2"
        " universal-hex==0.1.0; meanwhile copy the .py files onto the board (docs/microbit.md).")


def test_the_hex_libraries_named_as_pyproject_toml_names_them():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    with open(os.path.join(PROJECT, "pyproject.toml"), "rb") as f:
        extra = tomllib.load(f)["project"]["optional-dependencies"]["microbit"]
    pins = [requirement.split(";")[0].strip() for requirement in extra]
    assert tools.microbit.INSTALL == "python3 -m pip install " + " ".join(pins)
