"""Tests for tools/microbit.py's training edition (python3 -m tools --microbit DIR train).

CPython only (pytest): the tool runs on the teacher's computer. The edition
itself runs here with a stand-in for the board's microbit module; on an
emulated micro:bit it runs in CI (.ci/microbit_check.py).
"""

import ast
import os
import subprocess
import sys

import network
from tools.editions import MARK, cut, read, without_docstrings
from tools.microbit import TRAINING_NOTE, microbit_training_edition

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["main.py", "network.py", "neuron.py", "run.py", "training.py"]

# The board's microbit module, for CPython: what the display shows goes to
# stderr; button A is pressed once, then button B, then main.py is stopped.
FAKE_MICROBIT = """\
import sys
import time

_began = time.time()
_presses = ["a", "b"]


def running_time():
    return int((time.time() - _began) * 1000)


class _Display:
    def set_pixel(self, x, y, value):
        sys.stderr.write("pixel {} {} {}\\n".format(x, y, value))

    def show(self, text):
        sys.stderr.write("show {}\\n".format(text))


class _Button:
    def __init__(self, name):
        self.name = name

    def was_pressed(self):
        if not _presses:
            raise SystemExit(0)  # the end of the test: the board would go on
        if _presses[0] == self.name:
            del _presses[0]
            return True
        return False


display = _Display()
button_a = _Button("a")
button_b = _Button("b")
"""


def training_lines():
    """What `python3 network.py train` prints, but the loss chart."""
    lines = subprocess.run([sys.executable, os.path.join(PROJECT, "network.py"), "train"],
                           stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout
    lines = lines.splitlines()
    start = lines.index("loss")
    end = start
    while not lines[end].endswith("  epoch"):
        end += 1
    return lines[:start] + lines[end + 2:]


def the_loop(source):
    """The for epoch loop in source's function or method named train, as an ast node."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == "train":
            loops = [n for n in ast.walk(node) if isinstance(n, ast.For)
                     and getattr(n.target, "id", None) == "epoch"]
            assert len(loops) == 1
            return loops[0]
    raise AssertionError("no train")


def test_training_edition_files_carry_the_mark_and_no_docstrings():
    edition = microbit_training_edition()
    assert sorted(edition) == FILES
    for name, text in edition.items():
        assert MARK in text.split("\n")[0], name
        assert '"""' not in text, name
        compile(text, name, "exec")  # each is Python


def test_the_articles_steps_are_cut_from_network_py_as_they_are():
    edition = microbit_training_edition()
    # partial_derivatives, character for character (docstring aside).
    real = cut(without_docstrings(read("network.py")), ["partial_derivatives"]).strip("\n")
    assert real.startswith("def partial_derivatives")
    assert real in edition["network.py"]
    # train's loop: the same statements, and the same lines, comments and all,
    # indented as in a function rather than in a method's try.
    assert ast.dump(the_loop(edition["training.py"])) == ast.dump(the_loop(read("network.py")))
    loop = the_loop(read("network.py"))
    real = read("network.py").split("\n")[loop.lineno - 1:loop.end_lineno]
    real = "\n".join([line[loop.col_offset - 4:] for line in real])
    assert real.startswith("    for epoch in range(epochs):")
    assert "\n" + real + "\n" in edition["training.py"]
    # Also cut as they are: the feedforwards, set_parameters, sigmoid and mse_loss.
    for module, names in (("network.py", ["mse_loss", "OurNeuralNetwork.feedforward",
                                          "OurNeuralNetwork.set_parameters", "NEW_PEOPLE"]),
                          ("neuron.py", ["sigmoid", "Neuron.feedforward"])):
        for name in names:
            text = cut(without_docstrings(read(module)), [name]).strip("\n")
            if name.startswith(("OurNeuralNetwork.", "Neuron.")):
                text = text.split("\n", 1)[1]  # the method, without its class line
            assert text in edition[module], name


def test_the_seeded_start_and_the_data_are_the_real_ones():
    text = microbit_training_edition()["network.py"]
    values = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and node.targets[0].id in ("START", "DATA", "ALL_Y_TRUES"):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    assert values["START"] == network.normal_numbers(9, 1)
    assert values["START"] == list(network.OurNeuralNetwork.random(seed=1).parameters())
    assert values["DATA"] == [x for name, x, y in network.PEOPLE]
    assert values["ALL_Y_TRUES"] == [y for name, x, y in network.PEOPLE]


def test_training_edition_prints_what_network_py_train_prints_and_shows_the_answers(tmp_path):
    board = tmp_path / "board"
    written = subprocess.run([sys.executable, "-m", "tools", "--microbit", str(board), "train"],
                             cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True)
    assert written.returncode == 0 and written.stderr == ""
    assert sorted(os.listdir(str(board))) == FILES
    assert written.stdout.splitlines()[-1] == TRAINING_NOTE
    assert [line.split()[1] for line in written.stdout.splitlines()[:-1]] == [
        str(board / name) for name in FILES]

    (board / "microbit.py").write_text(FAKE_MICROBIT)
    ran = subprocess.run([sys.executable, "main.py"], cwd=str(board), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    printed = ran.stdout.splitlines()
    # Double precision here: the same lines exactly, then the time.
    assert printed[:-1] == training_lines()
    assert printed[-1].startswith("trained 1000 epochs in ") and printed[-1].endswith(" s")
    shown = ran.stderr.splitlines()
    # A dot every 40 epochs, all 25 of them, then F for Emily; A: F again, B: M for Frank.
    pixels = [line for line in shown if line.startswith("pixel ")]
    assert len(pixels) == 100 and len(set(pixels)) == 25
    every_led = ["pixel {} {} 9".format(x, y) for x in range(5) for y in range(5)]
    assert sorted(set(pixels)) == sorted(every_led)
    assert [line for line in shown if line.startswith("show ")] == ["show F", "show F", "show M"]


def test_the_edition_fits_the_boards_file_system_with_room_to_spare():
    # The file system holds about 15 KB (measured under QEMU: 15,100 bytes in
    # one file); .ci/microbit_check.py puts the files on an emulated board.
    total = sum(len(text.encode()) for text in microbit_training_edition().values())
    assert total <= 12000, total
