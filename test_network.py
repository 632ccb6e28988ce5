"""Tests for network.py: the article's network, its worked examples, the CLI."""

import math
import sys

from network import OurNeuralNetwork, main, worked_examples
from neuron import Neuron, sigmoid
from test_neuron import ROUNDING, Skip, raises, same

ARTICLE_NETWORK_TRACE = """\
h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216"""

MAIN_JOB_OUTPUT = """\
A neuron with w = [0.4, 0.7], b = 0.2, on x = [0.5, 0.3]:
y = f(0.4*0.5 + 0.7*0.3 + 0.2) = f(0.61) = 0.6479
feedforward([0.5, 0.3]) = 0.6479408020806503

A neuron with w = [0, 1], b = 4, on x = [2, 3]:
y = f(0*2 + 1*3 + 4) = f(7) = 0.9991
feedforward([2, 3]) = 0.9990889488055994

The network, every neuron with w = [0, 1], b = 0, on x = [2, 3]:
""" + ARTICLE_NETWORK_TRACE + """
feedforward([2, 3]) = 0.7216325609518421
"""


def test_network_from_the_article():
    assert same(OurNeuralNetwork().feedforward([2, 3]), 0.7216325609518421)
    assert round(OurNeuralNetwork().feedforward([2, 3]), 4) == 0.7216


def test_hidden_neurons_give_f_of_3():
    network = OurNeuralNetwork()
    assert same(network.h1.feedforward([2, 3]), 0.9525741268224334)
    assert same(network.h2.feedforward([2, 3]), 0.9525741268224334)


def test_article_weights_on_every_neuron():
    network = OurNeuralNetwork()
    for neuron in (network.h1, network.h2, network.o1):
        assert neuron.weights == [0.0, 1.0]
        assert neuron.bias == 0.0


def test_own_neurons_match_a_hand_computation():
    h1 = Neuron([1, -1, 0.5], 0.25)
    h2 = Neuron([-2, 0, 1], -1)
    o1 = Neuron([3, -0.5], 0.1)
    network = OurNeuralNetwork(h1, h2, o1)
    x = [2, 3, -4]
    out_h1 = 1 / (1 + math.exp(-(1 * 2 + -1 * 3 + 0.5 * -4 + 0.25)))
    out_h2 = 1 / (1 + math.exp(-(-2 * 2 + 0 * 3 + 1 * -4 - 1)))
    expected = 1 / (1 + math.exp(-(3 * out_h1 + -0.5 * out_h2 + 0.1)))
    # The hidden sums are negative, where sigmoid uses the stable form
    # e^x / (1 + e^x): equal to the textbook formula up to rounding.
    assert abs(network.feedforward(x) - expected) <= ROUNDING


def test_explain_the_network():
    assert OurNeuralNetwork().explain([2, 3]) == ARTICLE_NETWORK_TRACE


def test_worked_examples_text():
    lines = "\n".join(worked_examples()).split("\n")
    expected_lines = MAIN_JOB_OUTPUT.rstrip("\n").split("\n")
    assert len(lines) == len(expected_lines)
    for line, expected in zip(lines, expected_lines):
        if expected.startswith("feedforward("):
            # How a float prints differs between interpreters: compare numbers.
            call, number = line.split(" = ")
            expected_call, expected_number = expected.split(" = ")
            assert call == expected_call
            assert same(float(number), float(expected_number))
        else:
            assert line == expected


def test_network_needs_neurons():
    message = raises(TypeError, OurNeuralNetwork, Neuron([0, 1], 0), None, Neuron([0, 1], 0))
    assert message == "h2 must be a Neuron, got None"


def test_output_neuron_needs_two_weights():
    n = Neuron([0, 1], 0)
    message = raises(ValueError, OurNeuralNetwork, n, n, Neuron([0, 1, 2], 0))
    assert "o1 takes h1 and h2 as inputs, so needs 2 weights, got 3" in message


def test_hidden_neurons_need_the_same_number_of_weights():
    message = raises(ValueError, OurNeuralNetwork, Neuron([0, 1], 0), Neuron([1], 0), Neuron([0, 1], 0))
    assert "same number of weights" in message and "got 2 and 1" in message


def test_network_passes_bad_inputs_on_as_errors():
    network = OurNeuralNetwork()
    assert "expected 2 inputs" in raises(ValueError, network.feedforward, [1])
    assert "expected 2 inputs" in raises(ValueError, network.feedforward, [1, 2, 3])
    assert raises(TypeError, network.feedforward, ["a", 1]) == "inputs[0] must be a number, got 'a'"
    assert raises(ValueError, network.feedforward, [1, float("nan")]) == "inputs[1] is nan"


def test_main_rejects_bad_inputs_with_status_2():
    # In-process, so it runs where there is no subprocess (stderr gets the line).
    assert main(["abc", "1"]) == 2
    assert main(["1"]) == 2
    assert main(["1", "2", "3"]) == 2
    assert main(["nan", "1"]) == 2


# The main job as a user runs it. Needs subprocess: CPython and PyPy only.


def run(*args):
    """Run python network.py ARGS in a new process."""
    try:
        import subprocess
    except ImportError:
        raise Skip("needs subprocess")
    if sys.platform == "emscripten":
        raise Skip("needs subprocess, which cannot start processes on " + sys.platform)

    return subprocess.run(
        [sys.executable, "network.py"] + list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        universal_newlines=True,
        cwd=_here(),
    )


def _here():
    import os

    return os.path.dirname(os.path.abspath(__file__))


def test_main_job_prints_the_worked_examples():
    result = run()
    assert result.returncode == 0
    assert result.stdout == MAIN_JOB_OUTPUT
    assert result.stderr == ""


def test_main_job_on_other_inputs():
    result = run("-2", "-1")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == [
        "h1 = f(0*(-2) + 1*(-1) + 0) = f(-1) = 0.2689",
        "h2 = f(0*(-2) + 1*(-1) + 0) = f(-1) = 0.2689",
        "o1 = f(0*0.2689 + 1*0.2689 + 0) = f(0.2689) = 0.5668",
        "feedforward([-2, -1]) = {}".format(sigmoid(sigmoid(-1))),
    ]


def test_bad_command_lines_give_one_line_and_status_2():
    cases = [
        (["abc"], "'abc' is not a number"),
        (["1"], "expected 2 inputs X1 X2, got 1"),
        (["1", "2", "3"], "expected 2 inputs X1 X2, got 3"),
        (["nan", "1"], "'nan' is not a number"),
        (["inf", "1"], "0*inf = nan"),
    ]
    for args, problem in cases:
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("network.py: error: ")
        assert problem in result.stderr


# Installing on a board: package.json tells mip which files to copy, and
# where. ESP32, ESP8266, Pico W and STM32 firmware have a built-in module
# called network that wins over any network.py, so network.py must be
# installed under another name.


def test_board_package_installs_existing_files_under_names_that_do_not_clash():
    import json

    from network import _read_beside

    try:
        package = json.loads(_read_beside("package.json"))
    except OSError:
        raise Skip("package.json is not beside network.py here")
    assert sorted(package) == ["urls", "version"]
    destinations = [destination for destination, source in package["urls"]]
    sources = [source for destination, source in package["urls"]]
    assert sorted(sources) == ["network.py", "neuron.py"]
    for source in sources:
        assert len(_read_beside(source)) > 0
    assert "network.py" not in destinations
    # network.py does "from neuron import ...": neuron.py keeps its name.
    assert "neuron.py" in destinations
    assert 'version = "{}"'.format(package["version"]) in _read_beside("pyproject.toml")
