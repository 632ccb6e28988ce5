"""Tests for the micro:bit editions (python3 -m tools --microbit DIR, and ... DIR train):
the article's code cut as it is, the stand-ins as good as the real functions where
they stand in, and each edition run on CPython as the board runs it.

CPython only (pytest). On an emulated micro:bit V1 they run in CI, from their
Universal Hex (.ci/microbit_check.py).
"""

import ast
import importlib.util
import os
import re
import subprocess
import sys

import pytest

import network
import neuron
import support.arithmetic
import support.checks
import support.network_checks
import support.seeded_random
from tools.cutting import MARK, cut, read, without
from tools.microbit import (EXAMPLES, HEX, TRAINING, microbit_edition,
                            microbit_training_edition, train_loop, write)
from tools.programs import shallow, trusting

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITIONS = [("examples", microbit_edition, EXAMPLES), ("training", microbit_training_edition,
                                                      TRAINING)]
INF = float("inf")
NAN = float("nan")

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

    def scroll(self, text, loop=False, wait=True):
        sys.stderr.write("scroll {}{}\\n".format(text, " (looped)" if loop and not wait else ""))


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


def written(tmp_path, edition):
    """The edition's files written into a folder of tmp_path, with a stand-in for
    the board's microbit module; the folder's name."""
    folder = tmp_path / "board"
    folder.mkdir()
    for name, text in edition().items():
        (folder / name).write_text(text)
    (folder / "microbit.py").write_text(FAKE_MICROBIT)
    return str(folder)


def run_main(folder):
    return subprocess.run([sys.executable, "main.py"], cwd=folder, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=120)


def network_py(*args):
    return subprocess.run([sys.executable, os.path.join(PROJECT, "network.py")] + list(args),
                          stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout


@pytest.mark.parametrize("title, edition, modules", EDITIONS)
def test_each_file_carries_the_mark_and_no_docstring_and_is_python(title, edition, modules):
    for name, text in edition().items():
        assert MARK in text.split("\n")[0], name
        assert '"""' not in text, name
        compile(text, name, "exec")


@pytest.mark.parametrize("title, edition, modules", EDITIONS)
def test_the_articles_code_is_cut_from_the_real_modules_as_it_is(title, edition, modules):
    files = edition()
    for name, parts in modules:
        for source, keep in parts:
            for kept in keep or []:
                text = cut(without(read(source)), [kept]).strip("\n")
                if "." in kept:
                    text = text.split("\n", 1)[1]  # the method, without its class line
                assert text in files[name], (name, kept)


def the_loop(source):
    """The for epoch loop of source's function or method train, as an ast node."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == "train":
            return [n for n in ast.walk(node) if isinstance(n, ast.For)
                    and getattr(n.target, "id", None) == "epoch"][0]


def test_the_training_runs_train_s_own_loop_lines_comments_and_all():
    text = microbit_training_edition()["training.py"]
    assert ast.dump(the_loop(text)) == ast.dump(the_loop(read("network.py")))
    real = [line.strip() for line in read("network.py").split("\n")]
    for line in train_loop().split("\n"):
        assert line.strip() in real and "\n" + line + "\n" in text, line


@pytest.mark.parametrize("title, edition, modules", EDITIONS)
def test_main_imports_each_module_after_those_it_imports(title, edition, modules):
    files = edition()
    board = [name[:-3] for name, parts in modules] + (["run"] if title == "training" else [])
    assert re.findall(r"(?m)^import (\w+)$", files["main.py"]) == ["gc"] + board
    for i, name in enumerate(board):
        for a, b in re.findall(r"(?m)^from (\w+) import|^import (\w+)$", files[name + ".py"]):
            assert (a or b) in ("math", "microbit") or (a or b) in board[:i], (name, a or b)


# --- The stand-ins: the real ones' answers and errors


SHALLOW_CASES = [
    ("check_weights_and_bias", ([0, 1], 4)), ("check_weights_and_bias", ((0.5, -2), 0.25)),
    ("check_weights_and_bias", ([1, "a"], 0)), ("check_weights_and_bias", ([1, NAN], 0)),
    ("check_weights_and_bias", ([1, INF], 0)), ("check_weights_and_bias", ([1, 2], -INF)),
    ("check_weights_and_bias", ([True, 1], 0)), ("check_weights_and_bias", ([], 0)),
    ("check_weights_and_bias", ({3: "x"}, 0)), ("check_weights_and_bias", ([10 ** 400], 0)),
    ("check_weights_and_bias", ([1], None)), ("dot", ([0, 1], [2, 3])), ("dot", ([0.4, 0.7], [0.5, 0.3])),
    ("dot", ([0, 1], [1])), ("dot", ([0, 1], [1, 2, 3])), ("dot", ([0, 1], [1, "a"])),
    ("dot", ([0, 1], [NAN, 1])), ("dot", ([0, 1], [INF, 1])), ("dot", ([1, 1], [INF, -INF])),
    ("dot", ([0, 1], 5)), ("dot", ([0, 1], [])), ("dot", ([0, 1], "ab")),
    ("dot", ([0, 1], [10 ** 400, 1])), ("dot", ([1, 1], [1e308, 1e308])),
]


def outcome(function, args):
    try:
        return function(*args)
    except (TypeError, ValueError) as error:
        return type(error).__name__ + ": " + str(error)


@pytest.mark.parametrize("name, args", SHALLOW_CASES)
def test_a_shallow_stand_in_answers_and_fails_as_the_real_one(name, args):
    real = support.checks if name == "check_weights_and_bias" else support.arithmetic
    assert outcome(getattr(shallow, name), args) == outcome(getattr(real, name), args)


TRUSTED = [
    # (the real module, the function, the article's numbers)
    (neuron, "sigmoid", (3.0,)), (neuron, "sigmoid", (-0.61,)), (neuron, "sigmoid", (0.0,)),
    (neuron, "sigmoid", (-1000.0,)), (neuron, "sigmoid", (1000.0,)), (neuron, "sigmoid", (-88.5,)),
    (neuron, "sigmoid", (709.5,)),
    (support.arithmetic, "dot", ([0.4, 0.7], [0.5, 0.3])), (support.arithmetic, "dot", ([0, 1], [-2, -1])),
    (support.checks, "check_number", (-1.5,)),
    (support.checks, "check_weights_and_bias", ([0.5, -1.5], 0.25)),
    (support.network_checks, "check_parameters", ((1.0, 2.0, 3.0), ("w1", "w2", "b1"))),
    (support.network_checks, "check_pairs", ([1.0, 0.0], [0.5, 0.25])),
]


@pytest.mark.parametrize("module, name, args", TRUSTED)
def test_a_trusting_stand_in_gives_the_real_ones_answer_for_the_articles_numbers(module, name,
                                                                                 args):
    if name == "check_number":
        args = args + ("x",)
    assert getattr(trusting, name)(*args) == getattr(module, name)(*args)


# --- Each edition on CPython, as the board runs it


def test_the_worked_examples_edition_prints_what_network_py_prints(tmp_path):
    ran = run_main(written(tmp_path, microbit_edition))
    assert (ran.stdout, ran.returncode) == (network_py(), 0)
    assert ran.stderr == "scroll o1 = 0.7216 (looped)\n"  # the display, for a board alone


def test_the_training_edition_prints_the_training_and_shows_the_answers(tmp_path):
    ran = run_main(written(tmp_path, microbit_training_edition))
    assert ran.returncode == 0, ran.stderr
    printed = ran.stdout.splitlines()
    chart = re.compile(r"(?m)^loss\n(.*\n)*?.*  epoch\n\n")  # no room for the chart on the board
    assert printed[:-1] == chart.sub("", network_py("train")).splitlines()  # double precision
    assert re.match(r"^trained 1000 epochs in \d+\.\d s$", printed[-1])
    shown = ran.stderr.splitlines()
    # A dot every 40 epochs, all 25 LEDs, then F for Emily; A: F again, B: M for Frank.
    pixels = [line for line in shown if line.startswith("pixel ")]
    assert len(pixels) == 100
    assert sorted(set(pixels)) == sorted(["pixel {} {} 9".format(x, y) for x in range(5)
                                          for y in range(5)])
    assert [line for line in shown if line.startswith("show ")] == ["show F", "show F", "show M"]


def test_the_seeded_start_and_the_data_are_the_real_ones():
    run_py = microbit_training_edition()["run.py"]
    start = [node for node in ast.parse(run_py).body if isinstance(node, ast.Assign)
             and node.targets[0].id == "START"][0]
    assert ast.literal_eval(start.value) == support.seeded_random.draw_normal(9, 1)
    assert ast.literal_eval(start.value) == list(network.OurNeuralNetwork.random(1).parameters())
    assert "PEOPLE = " in microbit_training_edition()["network.py"]  # the real list, cut


@pytest.mark.parametrize("title, edition, modules", EDITIONS)
def test_the_files_fit_the_boards_file_system_with_room_to_spare(title, edition, modules):
    # The V1's file system: 30 KB (micropython-microbit-fs); half of it at most.
    assert sum([len(text.encode()) for text in edition().values()]) <= 15000


@pytest.mark.skipif(None in [importlib.util.find_spec(name) for name in (
    "micropython_microbit_fs", "universal_hex")], reason="the .hex libraries are not installed")
@pytest.mark.parametrize("training", [False, True])
def test_the_hex_holds_the_loose_files_for_the_v1_and_the_v2(tmp_path, training):
    import micropython_microbit_fs as fs
    from universal_hex import BoardId, separate_uhex

    lines = write(str(tmp_path / "board"), training)
    loose = (microbit_training_edition if training else microbit_edition)()
    assert lines[-1].startswith("Use {}: drag it onto the MICROBIT drive".format(
        tmp_path / "board" / HEX[training]))
    parts = separate_uhex((tmp_path / "board" / HEX[training]).read_text())
    assert sorted([part.board_id for part in parts]) == [BoardId.V1, BoardId.V2]
    for part in parts:
        assert dict([(f.name, f.get_text()) for f in fs.get_files(part.hex)]) == loose
        version = fs.get_device_info(part.hex).micropython_version
        assert ("MicroPython v1.9.2" if part.board_id == BoardId.V1
                else "MicroPython v1.18") in version
