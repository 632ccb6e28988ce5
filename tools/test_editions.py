"""Tests for tools/editions.py: the other editions are cut from the real modules.

CPython only (pytest): the tool runs on the teacher's computer, not on a board.
"""

import os
import subprocess
import sys

from tools.editions import MICROBIT_NETWORK, cut, microbit_edition, read, without_docstrings

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def network_py(*args, **options):
    return subprocess.run([sys.executable, os.path.join(PROJECT, "network.py")] + list(args),
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
    real_neuron = without_docstrings(read("neuron.py"))
    assert real_neuron.strip() in edition["neuron.py"]
    for name in ("def sigmoid", "class Neuron", "def feedforward", "def explain"):
        assert name in edition["neuron.py"]
    # Each kept function is the real one, character for character.
    real_network = without_docstrings(read("network.py"))
    for name in ("def network_example", "def neuron_example", "def explain(self, x)"):
        start = real_network.index(name)
        body = real_network[start:real_network.index("\n\n", start)]
        assert body in edition["network.py"], name
    for text in edition.values():
        assert '"""' not in text
    # What the board lacks or has no room for stays out.
    for missing in ("import json", "import sys", "def train", "def save", "def main"):
        assert missing not in edition["network.py"]
    assert "OurNeuralNetwork.train" not in MICROBIT_NETWORK


def test_microbit_edition_prints_the_worked_examples_on_cpython(tmp_path):
    result = network_py("--microbit", str(tmp_path / "board"))
    assert result.returncode == 0 and result.stderr == ""
    assert sorted(os.listdir(str(tmp_path / "board"))) == ["main.py", "network.py", "neuron.py"]
    assert "wrote " in result.stdout
    printed = subprocess.run([sys.executable, "main.py"], cwd=str(tmp_path / "board"),
                             stdout=subprocess.PIPE, universal_newlines=True).stdout
    assert printed == network_py().stdout


def test_single_file_prints_the_worked_examples(tmp_path):
    single = network_py("--single-file").stdout
    assert "from neuron import" not in single
    (tmp_path / "ournn.py").write_text(single)
    printed = subprocess.run([sys.executable, "ournn.py"], cwd=str(tmp_path),
                             stdout=subprocess.PIPE, universal_newlines=True).stdout
    assert printed == network_py().stdout


def test_edition_options_misused_give_one_line_and_status_2(tmp_path):
    a_file = tmp_path / "a_file"
    a_file.write_text("")
    cases = [
        (["--microbit"], "--microbit takes one folder, DIR"),
        (["--single-file", "x"], "--single-file takes no value"),
        (["--microbit", str(a_file)], "--microbit cannot write into "),
    ]
    for args, problem in cases:
        result = network_py(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("network.py: error: " + problem), result.stderr


def test_editions_need_the_tools_folder(tmp_path):
    for name in ("neuron.py", "network.py"):
        (tmp_path / name).write_text(read(name))
    result = subprocess.run([sys.executable, "network.py", "--microbit", "out"], cwd=str(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    assert result.returncode == 2
    assert "needs the project's tools/ folder" in result.stderr
    assert not (tmp_path / "out").exists()
