"""Tests for tools/editions.py (python3 -m tools): the other editions are cut from the real modules.

CPython only (pytest): the tool runs on the teacher's computer, not on a board.
"""

import os
import subprocess
import sys

from tools.editions import MARK, cut, put_back, read, without_docstrings
from tools.microbit import MICROBIT_NETWORK, microbit_edition

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def network_py(*args, **options):
    return subprocess.run([sys.executable, os.path.join(PROJECT, "network.py")] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **options)


def tools(*args, **options):
    """python3 -m tools ARGS, from the project's folder."""
    return subprocess.run([sys.executable, "-m", "tools"] + list(args), cwd=PROJECT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **options)


def test_without_docstrings_keeps_code_and_comments():
    source = '"""Module."""\n\n# Why.\ndef f(x):\n    """One.\n\n    Two.\n    """\n    return "not a docstring"  # kept\n'
    assert without_docstrings(source) == '\n# Why.\ndef f(x):\n    return "not a docstring"  # kept\n'


def test_cut_keeps_named_statements_methods_and_their_comments():
    source = (
        "import json\nimport sys\n\n\n"
        "class A:\n    x = 1\n\n    def f(self):\n        return 1\n\n"
        "    # About g.\n    def g(self):\n        return 2\n\n\n"
        "# About B.\nB = 2\n\n\ndef c():\n    pass\n"
    )
    assert cut(source, ["sys", "A.g", "B"]) == (
        "import sys\n\n\n"
        "class A:\n    # About g.\n    def g(self):\n        return 2\n\n\n"
        "# About B.\nB = 2\n"
    )


def test_microbit_edition_is_the_real_code_without_docstrings():
    edition = microbit_edition()
    assert sorted(edition) == ["main.py", "network.py", "neuron.py"]
    # Each kept function is the real one, character for character.
    for module, names in (("neuron.py", ("def sigmoid", "def feedforward(self, inputs)",
                                         "def explain(self, inputs", "def number")),
                          ("network.py", ("def network_example", "def neuron_example",
                                          "def explain(self, x)"))):
        real = without_docstrings(read(module))
        for name in names:
            start = real.index(name)
            body = real[start:real.index("\n\n", start)]
            assert body in edition[module], name
    for text in edition.values():
        assert '"""' not in text
        assert MARK in text.split("\n")[0]
    # What the board lacks or has no room for stays out.
    for missing in ("import json", "import sys", "def train", "def save", "def main"):
        assert missing not in edition["network.py"]
    for missing in ("import os", "def write_file", "def training_set"):
        assert missing not in edition["neuron.py"]
    assert "OurNeuralNetwork.train" not in MICROBIT_NETWORK


def test_microbit_edition_prints_the_worked_examples_on_cpython(tmp_path):
    result = tools("--microbit", str(tmp_path / "board"))
    assert result.returncode == 0 and result.stderr == ""
    assert sorted(os.listdir(str(tmp_path / "board"))) == ["main.py", "network.py", "neuron.py"]
    assert "wrote " in result.stdout
    printed = subprocess.run([sys.executable, "main.py"], cwd=str(tmp_path / "board"),
                             stdout=subprocess.PIPE, universal_newlines=True).stdout
    assert printed == network_py().stdout


def test_single_file_runs_alone_and_prints_the_worked_examples(tmp_path):
    single = tools("--single-file").stdout
    assert len(single.splitlines()) <= 450
    # Nothing in it refers to a file that is not there.
    for elsewhere in ("from neuron import", "import network", "learner", "tools/", "network.py --"):
        assert elsewhere not in single, elsewhere
    (tmp_path / "ournn.py").write_text(single)
    ran = subprocess.run([sys.executable, "ournn.py"], cwd=str(tmp_path), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    assert ran.stdout == network_py().stdout and ran.stderr == "" and ran.returncode == 0
    assert sorted(os.listdir(str(tmp_path))) == ["ournn.py"]  # it wrote nothing
    for args, status in ((["--help"], 0), (["-h"], 0), (["1", "2"], 2), (["--load", "x"], 2)):
        ran = subprocess.run([sys.executable, "ournn.py"] + args, cwd=str(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        assert ran.returncode == status, args
        assert len((ran.stdout + ran.stderr).splitlines()) == 1, args
        assert (ran.stdout + ran.stderr).startswith("usage: python3 ournn.py"), args


def test_edition_options_misused_give_one_line_and_status_2(tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("")
    cases = [
        (["--microbit"], "--microbit takes one folder, DIR, and then train or nothing"),
        (["--single-file", "x"], "--single-file takes no value"),
        (["--microbit", str(a_file)], "{} is not a folder".format(a_file)),
        (["--bogus"], "unknown option '--bogus'"),
        (["--microbit", PROJECT], "is the project's own folder: its modules are not replaced"),
        (["--microbit", "."], "is the project's own folder"),
    ]
    for args, problem in cases:
        result = tools(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("python3 -m tools: error: "), result.stderr
        assert problem in result.stderr, result.stderr


def test_editions_never_replace_a_file_they_did_not_write(tmp_path):
    board = tmp_path / "board"
    board.mkdir()
    (board / "main.py").write_text("print('my own program')\n")
    result = tools("--microbit", str(board))
    assert result.returncode == 2 and "holds main.py, which no edition wrote" in result.stderr
    assert sorted(os.listdir(str(board))) == ["main.py"]  # nothing written at all
    assert (board / "main.py").read_text() == "print('my own program')\n"
    (board / "main.py").unlink()
    assert tools("--microbit", str(board)).returncode == 0
    assert tools("--microbit", str(board)).returncode == 0  # an earlier edition is replaced
    assert sorted(os.listdir(str(board))) == ["main.py", "network.py", "neuron.py"]


def test_an_edition_names_what_another_edition_left_in_its_folder(tmp_path):
    board = tmp_path / "board"
    assert tools("--microbit", str(board), "train").returncode == 0
    result = tools("--microbit", str(board))
    assert result.returncode == 0
    assert ("left alone in {}, from another edition: run.py, training.py (not part of this one)"
            .format(board)) in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1].startswith("Copy main.py, network.py and neuron.py ")
    assert sorted(os.listdir(str(board))) == ["main.py", "network.py", "neuron.py",
                                              "run.py", "training.py"]  # nothing deleted


def test_an_edition_writes_all_its_files_or_none(tmp_path):
    board = tmp_path / "board"
    assert tools("--microbit", str(board)).returncode == 0
    before = {name: (board / name).read_text() for name in os.listdir(str(board))}
    (board / "network.py").chmod(0o444)  # read-only: refused before main.py is replaced
    result = tools("--microbit", str(board), "train")
    assert result.returncode == 2 and "network.py is read-only: not replaced" in result.stderr
    assert {name: (board / name).read_text() for name in os.listdir(str(board))} == before
    (board / "notes.txt").write_text("mine\n")  # a folder holding a file of the user's
    (board / "network.py").chmod(0o644)
    result = tools("--microbit", str(board), "train")
    assert result.returncode == 2 and "holds notes.txt, which no edition wrote" in result.stderr
    assert sorted(os.listdir(str(board))) == ["main.py", "network.py", "neuron.py", "notes.txt"]
    result = tools("--microbit", "web")  # the project's own folders too
    assert result.returncode == 2 and "which no edition wrote" in result.stderr


def test_network_py_points_to_the_editions_tool():
    result = network_py("--single-file")
    assert result.returncode == 2
    assert "--single-file is made by the editions tool: python3 -m tools --single-file" in result.stderr


# The teacher's exercise


def run_exercise(tmp_path, text):
    (tmp_path / "exercise.py").write_text(text)
    return subprocess.run([sys.executable, "exercise.py"], cwd=str(tmp_path),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


def exercise_text():
    return tools("--exercise").stdout


def test_untouched_exercise_stops_at_sigmoid(tmp_path):
    result = run_exercise(tmp_path, exercise_text())
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Step 1 of 6 (part 1): sigmoid is not written yet.",
        "    asked:      sigmoid(3)",
        "    the answer: 0.9525741268224334 (the article's h1 = f(3) = 0.9526)",
        "    your code:  raises NotImplementedError: write it first",
    ]


def test_exercise_leaves_six_bodies_and_keeps_everything_else():
    text = exercise_text()
    for name in ("sigmoid", "Neuron.feedforward", "OurNeuralNetwork.feedforward",
                 "deriv_sigmoid", "mse_loss", "partial_derivatives"):
        assert 'raise NotImplementedError("{} is not written yet")'.format(name) in text
    assert text.count("raise NotImplementedError(") == 6
    # The rest is real: the hand calculation, training, the examples.
    for real in ("    def explain(self, inputs, write=None):", "    def train(self, data,",
                 "def worked_examples():", "def training_set("):
        assert real in text
    assert "from neuron import" not in text and "learner" not in text
    assert len(text.splitlines()) <= 550


def test_exercise_with_the_real_bodies_passes_and_prints_the_examples(tmp_path):
    result = run_exercise(tmp_path, put_back(exercise_text()))
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for number, name in enumerate(["sigmoid", "Neuron.feedforward", "OurNeuralNetwork.feedforward",
                                   "deriv_sigmoid", "mse_loss", "partial_derivatives"], 1):
        assert "Step {} of 6 (part {}): {}: right.\n".format(number, 1 if number <= 3 else 2, name) in out
    assert out.index("Part 1, the article's feedforward, is done.") < out.index("Step 4 of 6")
    start = out.index("from your code:\n\n") + len("from your code:\n\n")
    examples = out[start:out.index("\nAnd the article's training, from your code:")]
    assert examples == network_py().stdout
    assert out.endswith("Emily: [-7, -3] -> 0.964\nFrank: [20, 2] -> 0.039\n")


PLANTED = [
    # (step, function, a real line, the mistake)
    (1, "sigmoid", "return 1 / (1 + exp(-x))", "return 1 / (1 - exp(-x))"),
    (2, "Neuron.feedforward", "            total += self.bias\n            # One cheap",
     "            pass  # the bias forgotten\n            # One cheap"),
    (3, "OurNeuralNetwork.feedforward", "self.o1.feedforward([out_h1, out_h2])",
     "self.o1.feedforward([out_h2, out_h1])"),
    (4, "deriv_sigmoid", "return fx * (1 - fx)", "return fx * (1 + fx)"),
    (5, "mse_loss", "total += error * error", "total += error"),
    (6, "partial_derivatives", "d_L_d_ypred = -2 * (y_true - y_pred)",
     "d_L_d_ypred = 2 * (y_true - y_pred)"),
]


def test_each_planted_mistake_is_caught_at_its_step(tmp_path):
    solved = put_back(exercise_text())
    for step, name, real, mistake in PLANTED:
        assert solved.count(real) == 1, real
        result = run_exercise(tmp_path, solved.replace(real, mistake))
        assert result.returncode == 1, name
        lines = result.stdout.splitlines()
        failed = [line for line in lines if "is not right yet" in line]
        assert failed and failed[0].startswith(
            "Step {} of 6 (part {}): {} is not right yet".format(step, 1 if step <= 3 else 2, name)), lines
        assert len([line for line in lines if line.endswith(": right.")]) == step - 1
        assert "All six are right" not in result.stdout
    # The wrong sign in partial_derivatives names the first derivative it spoils.
    assert "d_L_d_w1 should be 0.021469535265811114, not -0.02146953526581" in result.stdout


def test_a_hard_coded_answer_is_caught(tmp_path):
    solved = put_back(exercise_text())
    text = solved.replace("    if x >= 0:\n        return 1 / (1 + exp(-x))",
                          "    if x >= 0:\n        return 0.9525741268224334")
    result = run_exercise(tmp_path, text)
    assert result.returncode == 1
    assert result.stdout.startswith("Step 1 of 6 (part 1): sigmoid is not right yet")
    assert "asked:      sigmoid(0.61)" in result.stdout


def test_an_error_in_the_students_code_is_reported_at_its_step_and_line(tmp_path):
    solved = put_back(exercise_text())
    text = solved.replace("            total += self.bias\n            # One cheap",
                          "            total += self.bias.value\n            # One cheap")
    line = text.split("\n").index("            total += self.bias.value") + 1
    result = run_exercise(tmp_path, text)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[1] == "Step 2 of 6 (part 1): Neuron.feedforward is not right yet: it raised an error."
    assert lines[-1] == ("    your code:  raises AttributeError: 'float' object has no attribute"
                         " 'value' (line {})".format(line))


STUDENT = {
    # Correct, but not written as the project writes them.
    "sigmoid": ["    from math import tanh", "    return 0.5 * (1 + tanh(x / 2))"],
    "deriv_sigmoid": ["    return sigmoid(x) - sigmoid(x) ** 2"],
    "Neuron.feedforward": [
        "        return sigmoid(sum([w * x for w, x in zip(self.weights, inputs)]) + self.bias)"],
    "OurNeuralNetwork.feedforward": [
        "        return self.o1.feedforward([self.h1.feedforward(x), self.h2.feedforward(x)])"],
    "mse_loss": ["    return sum([(t - p) ** 2 for t, p in zip(y_true, y_pred)]) / len(y_true)"],
    "partial_derivatives": [
        # The article's own way: deriv_sigmoid of each sum, products in another order.
        "    sum_h1 = w1 * x[0] + w2 * x[1] + b1",
        "    h1 = sigmoid(sum_h1)",
        "    sum_h2 = w3 * x[0] + w4 * x[1] + b2",
        "    h2 = sigmoid(sum_h2)",
        "    sum_o1 = w5 * h1 + w6 * h2 + b3",
        "    y_pred = sigmoid(sum_o1)",
        "    d_L_d_ypred = -2 * (y_true - y_pred)",
        "    d_o1 = deriv_sigmoid(sum_o1)",
        "    d1 = deriv_sigmoid(sum_h1)",
        "    d2 = deriv_sigmoid(sum_h2)",
        "    return (x[0] * d1 * w5 * d_o1 * d_L_d_ypred, x[1] * d1 * w5 * d_o1 * d_L_d_ypred,",
        "            d1 * w5 * d_o1 * d_L_d_ypred, x[0] * d2 * w6 * d_o1 * d_L_d_ypred,",
        "            x[1] * d2 * w6 * d_o1 * d_L_d_ypred, d2 * w6 * d_o1 * d_L_d_ypred,",
        "            h1 * d_o1 * d_L_d_ypred, h2 * d_o1 * d_L_d_ypred, d_o1 * d_L_d_ypred)",
    ],
}


def test_any_correct_solution_passes(tmp_path):
    lines = exercise_text().split("\n")
    for name, body in STUDENT.items():
        stop = [i for i, line in enumerate(lines)
                if 'raise NotImplementedError("{} is not written yet")'.format(name) in line][0]
        start = stop
        while "# TODO, step" not in lines[start]:
            start -= 1
        lines[start:stop + 1] = body
    result = run_exercise(tmp_path, "\n".join(lines))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All six are right" in result.stdout
