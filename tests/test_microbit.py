"""Tests for the micro:bit editions (python3 -m tools --microbit DIR, and ... DIR train).

They check that the article's code is cut as it is, that each stand-in gives what
the real function gives where it stands in, that the tool refuses an edition
whose modules would miss a name, and that each edition runs on CPython as the
board runs it.

They run on CPython only (pytest). CI runs the editions on an emulated micro:bit
V1, from their Universal Hex, and types at its prompt (.ci/microbit_check.py).
"""

import ast
import importlib.util
import inspect
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
import tools.microbit
from tools.cutting import MARK, cut, read, without
from tools.microbit import (EXAMPLES, HEX, SHALLOW, TRAINING, TRUSTING, microbit_edition,
                            microbit_training_edition, modules, train_loop, write)
from tools.programs import shallow, trusting

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EDITIONS = [("examples", microbit_edition, EXAMPLES), ("training", microbit_training_edition,
                                                      TRAINING)]
INF = float("inf")
NAN = float("nan")

# The board's microbit module, for CPython. What the display shows goes to
# stderr. Button A is pressed once, then button B, and then main.py is stopped.
FAKE_MICROBIT = """\
import sys
import time

_began = time.time()
_presses = ["a", "b"]


def running_time():
    return int((time.time() - _began) * 1000)


class Image:
    YES = "YES"


class _Display:
    def set_pixel(self, x, y, value):
        sys.stderr.write("pixel {} {} {}\\n".format(x, y, value))

    def show(self, image):
        sys.stderr.write("show {}\\n".format(image))

    def scroll(self, text):
        sys.stderr.write("scroll {}\\n".format(text))


class _Button:
    def __init__(self, name):
        self.name = name

    def was_pressed(self):
        if not _presses:
            raise SystemExit(0)  # This ends the test, where the board would go on.
        if _presses[0] == self.name:
            del _presses[0]
            return True
        return False


display = _Display()
button_a = _Button("a")
button_b = _Button("b")
"""

# CPython's gc module has no threshold(), which MicroPython's has, so main.py is
# run with one that does nothing: CPython collects its garbage anyway.
RUN_MAIN = "import gc, runpy\ngc.threshold = lambda amount: None\nrunpy.run_path('main.py')\n"


def written(tmp_path, edition):
    """Write the edition's files into a folder of tmp_path, with a stand-in for the
    board's microbit module, and return the folder's name."""
    folder = tmp_path / "board"
    folder.mkdir()
    for name, text in edition().items():
        (folder / name).write_text(text)
    (folder / "microbit.py").write_text(FAKE_MICROBIT)
    return str(folder)


def run_main(folder):
    return subprocess.run([sys.executable, "-c", RUN_MAIN], cwd=folder, stdout=subprocess.PIPE,
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
                    text = text.split("\n", 1)[1]  # This is the method, without its class line.
                assert text in files[name], (name, kept)


def the_loop(source):
    """Return the for epoch loop of the function or method train in source, as an ast node."""
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


# --- The tool fails loudly on an edition that would miss a name on the board


def replaced(edition, name, parts):
    """Return edition with the parts of its board module name replaced."""
    return [(board, parts if board == name else kept) for board, kept in edition]


MISSING = [
    # The real check_number, which calls quoted, without quoted.
    (replaced(TRAINING, "checks.py", [("support/checks.py", ["INF", "check_number"]),
                                      (TRUSTING, ["check_weights_and_bias", "check_neurons",
                                                  "check_pairs"])]),
     "the board's checks.py would use quoted, which no module on the board defines"),
    # A method that needs support/seeded_random.py, which the board has not got.
    (replaced(TRAINING, "network.py", [("network.py", [
        "mse_loss", "OurNeuralNetwork.__init__", "OurNeuralNetwork.random",
        "OurNeuralNetwork.from_parameters", "OurNeuralNetwork._set_parameters"])]),
     "the board's network.py would use draw_normal (from support.seeded_random), which no module"
     " on the board defines"),
    # The worked examples with written, which calls show, in place of show.
    (replaced(EXAMPLES, "writing.py", [("support/writing.py", ["written"])]),
     "the board's writing.py would use show, which no module on the board defines"),
]


@pytest.mark.parametrize("edition, problem", MISSING)
def test_an_edition_whose_board_would_miss_a_name_is_refused(edition, problem):
    with pytest.raises(ValueError) as raised:
        modules(edition)
    assert str(raised.value).startswith(problem)


def test_a_network_py_without_the_training_loop_is_refused(monkeypatch):
    source = read("network.py").replace("for epoch in range(epochs):", "while epochs:")
    monkeypatch.setattr(tools.microbit, "read", lambda name: source)
    with pytest.raises(ValueError, match=r"network.py has no training loop \(for epoch in"):
        train_loop()


# --- The stand-ins, each against the real one


STAND_INS = [(shallow, SHALLOW, EXAMPLES), (trusting, TRUSTING, TRAINING)]
REAL = {"sigmoid": neuron, "dot": support.arithmetic, "check_neurons": support.network_checks,
        "check_pairs": support.network_checks}


@pytest.mark.parametrize("programs, path, edition", STAND_INS)
def test_each_stand_in_takes_the_real_ones_parameters_and_its_edition_uses_it(programs, path,
                                                                            edition):
    used = [name for board, parts in edition for source, keep in parts if source == path
            for name in keep]
    stand_ins = sorted([name for name, value in vars(programs).items() if inspect.isfunction(value)
                        and value.__module__ == programs.__name__])
    assert sorted(used) == stand_ins
    for name in stand_ins:
        real = getattr(REAL.get(name, support.checks), name)
        assert inspect.signature(getattr(programs, name)) == inspect.signature(real), name


LONG = "x" * 100
# These are values a board can hold. A board has no numpy, Decimal or Fraction,
# and none of these ints is too long for CPython to write out (MicroPython
# writes out an int of any length).
VALUES = [3, 3.5, -0.0, 10 ** 20, -7, INF, -INF, NAN, 10 ** 400, -10 ** 400, "3", b"3",
          bytearray(b"3"), True, False, None, [1], (1,), {1: 2}, {1}, LONG, list(range(40)),
          2 ** 400, 1j]
SHALLOW_CASES = [("check_number", (value, "inputs[{}]", 1)) for value in VALUES] + [
    ("quoted", (value,)) for value in VALUES] + [
    ("check_weights_and_bias", ([0, 1], 4)), ("check_weights_and_bias", ((0.5, -2), 0.25)),
    ("check_weights_and_bias", ([1, "a"], 0)), ("check_weights_and_bias", ([1, NAN], 0)),
    ("check_weights_and_bias", ([1, INF], 0)), ("check_weights_and_bias", ([1, 2], -INF)),
    ("check_weights_and_bias", ([True, 1], 0)), ("check_weights_and_bias", ([], 0)),
    ("check_weights_and_bias", ({3: "x"}, 0)), ("check_weights_and_bias", ([10 ** 400], 0)),
    ("check_weights_and_bias", ([1], None)), ("check_weights_and_bias", ([1], LONG)),
    ("check_weights_and_bias", (b"ab", 0)), ("check_weights_and_bias", (range(2), 0)),
    # A neuron's weights are floats, as dot sees them.
    ("dot", ([0.0, 1.0], [2, 3])), ("dot", ([0.4, 0.7], [0.5, 0.3])), ("dot", ([0.0, 1.0], (2, 3))),
    ("dot", ([0.0, 1.0], [1])), ("dot", ([0.0, 1.0], [1, 2, 3])), ("dot", ([0.0, 1.0], [1, "a"])),
    ("dot", ([0.0, 1.0], [NAN, 1])), ("dot", ([0.0, 1.0], [INF, 1])),
    ("dot", ([1.0, 1.0], [INF, -INF])), ("dot", ([1.0, 1.0], [INF, 1])), ("dot", ([0.0, 1.0], 5)),
    ("dot", ([0.0, 1.0], [])), ("dot", ([0.0, 1.0], "ab")), ("dot", ([0.0, 1.0], b"ab")),
    ("dot", ([0.0, 1.0], [True, 1])), ("dot", ([0.0, 1.0], [2, False])),
    ("dot", ([0.0, 1.0], {0: 2, 1: 3})), ("dot", ([0.0, 1.0], {2, 3})),
    ("dot", ([0.0, 1.0], range(2))), ("dot", ([0.0, 1.0], [10 ** 400, 1])),
    ("dot", ([1.0, 1.0], [1e308, 1e308])), ("dot", ([0.0, 1.0], [None, 1])),
    ("dot", ([0.0, 1.0], [LONG, 1])), ("dot", ([0.5, -2.0], [-2, 0.25])),
]


def outcome(function, args):
    try:
        return function(*args)
    except (TypeError, ValueError) as error:
        return type(error).__name__ + ": " + str(error)


@pytest.mark.parametrize("name, args", SHALLOW_CASES)
def test_a_shallow_stand_in_answers_and_fails_as_the_real_one(name, args):
    real = getattr(REAL.get(name, support.checks), name)
    assert repr(outcome(getattr(shallow, name), args)) == repr(outcome(real, args))


TRUSTED = [
    # The function, and the article's numbers, or the numbers of its training.
    ("sigmoid", (3.0,)), ("sigmoid", (-0.61,)), ("sigmoid", (0.0,)), ("sigmoid", (-1000.0,)),
    ("sigmoid", (1000.0,)), ("sigmoid", (-88.5,)), ("sigmoid", (709.5,)),
    ("dot", ([0.4, 0.7], [0.5, 0.3])), ("dot", ([0, 1], [-2, -1])),
    ("check_number", (-1.5, "x")), ("check_number", (-1000.0, "x")),
    ("check_weights_and_bias", ([0.5, -1.5], 0.25)),
    ("check_neurons", (neuron.Neuron([0, 1], 0), neuron.Neuron([1, 0], 0),
                       neuron.Neuron([1, 1], 0), neuron.Neuron)),
    ("check_pairs", ([1.0, 0.0], [0.5, 0.25])),
]


@pytest.mark.parametrize("name, args", TRUSTED)
def test_a_trusting_stand_in_gives_the_real_ones_answer_for_the_articles_numbers(name, args):
    real = getattr(REAL.get(name, support.checks), name)
    assert getattr(trusting, name)(*args) == real(*args)


# --- Each edition on CPython, as the board runs it


def test_the_worked_examples_edition_prints_what_network_py_prints(tmp_path):
    ran = run_main(written(tmp_path, microbit_edition))
    assert (ran.stdout, ran.returncode) == (network_py(), 0)
    # The answer scrolls once, then a tick stays: for a board with no console.
    assert ran.stderr == "scroll 0.7216\nshow YES\n"


def test_main_py_leaves_neuron_and_network_for_the_prompt_and_empties_examples(tmp_path):
    # What a learner types at the prompt after main.py, whose names the prompt shares.
    learner = RUN_MAIN.replace("runpy.run_path('main.py')", "names = runpy.run_path('main.py')") + (
        "import network\n"
        "print(network.OurNeuralNetwork().explain([2, 3]))\n"
        "import examples\n"
        "print(sorted(name for name in vars(examples) if not name.startswith('__')))\n"
        "print(sorted(name for name in names if not name.startswith('__')))\n")
    ran = subprocess.run([sys.executable, "-c", learner], cwd=written(tmp_path, microbit_edition),
                         stdout=subprocess.PIPE, universal_newlines=True, check=True)
    assert ran.stdout == network_py() + (
        "h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526\n"
        "h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526\n"
        "o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216\n"
        "['Neuron', 'OurNeuralNetwork', 'show']\n"  # What examples imported, no more.
        "['arithmetic', 'checks', 'examples', 'gc', 'network', 'neuron', 'writing']\n")


def test_the_training_edition_prints_the_training_and_shows_the_answers(tmp_path):
    ran = run_main(written(tmp_path, microbit_training_edition))
    assert ran.returncode == 0, ran.stderr
    printed = ran.stdout.splitlines()
    chart = re.compile(r"(?m)^loss\n(.*\n)*?.*  epoch\n\n")  # The board has no room for the chart.
    assert printed[:-1] == chart.sub("", network_py("train")).splitlines()  # Double precision.
    assert re.match(r"^trained 1000 epochs in \d+\.\d s$", printed[-1])
    shown = ran.stderr.splitlines()
    # A dot every 40 epochs lights all 25 LEDs, then F shows for Emily; A shows
    # F again, and B shows M for Frank.
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
    assert "PEOPLE = " in microbit_training_edition()["network.py"]  # The real list, cut.


@pytest.mark.parametrize("title, edition, modules", EDITIONS)
def test_the_files_fit_the_boards_file_system_with_room_to_spare(title, edition, modules):
    # The V1's file system holds 30 KB (micropython-microbit-fs); they take half of it at most.
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
