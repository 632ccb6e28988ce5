"""Tests for network.py: the article's network, its training, its worked examples."""

import math
import sys

from network import OurNeuralNetwork, worked_examples
from neuron import Neuron
from test_neuron import DOUBLE, ROUNDING, Skip, raises, same

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
    assert "o1 takes h1 and h2 as inputs: it needs 2 weights, got 3" in message


def test_hidden_neurons_need_the_same_number_of_weights():
    message = raises(ValueError, OurNeuralNetwork, Neuron([0, 1], 0), Neuron([1], 0), Neuron([0, 1], 0))
    assert "same number of weights" in message and "got 2 and 1" in message


def test_network_passes_bad_inputs_on_as_errors():
    network = OurNeuralNetwork()
    assert "expected 2 inputs" in raises(ValueError, network.feedforward, [1])
    assert "expected 2 inputs" in raises(ValueError, network.feedforward, [1, 2, 3])
    assert raises(TypeError, network.feedforward, ["a", 1]) == "inputs[0] must be a number, got 'a'"
    assert raises(ValueError, network.feedforward, [1, float("nan")]) == "inputs[1] is nan"



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




# Installing on a board: package.json tells mip which files to copy, and
# where. ESP32, ESP8266, Pico W and STM32 firmware have a built-in module
# called network that wins over any network.py, so network.py must be
# installed under another name.


def _read_beside(name):
    """A file of the project, beside network.py (no os.path on MicroPython)."""
    import network

    cut = max(network.__file__.rfind("/"), network.__file__.rfind("\\")) + 1
    with open(network.__file__[:cut] + name) as f:
        return f.read()


def test_board_package_installs_existing_files_under_names_that_do_not_clash():
    import json

    try:
        package = json.loads(_read_beside("package.json"))
    except OSError:
        raise Skip("package.json is not beside network.py here")
    assert sorted(package) == ["urls", "version"]
    destinations = [destination for destination, source in package["urls"]]
    sources = [source for destination, source in package["urls"]]
    assert sorted(sources) == ["learner.py", "network.py", "neuron.py", "support/__init__.py",
                              "support/checks.py", "support/files.py"]
    for source in sources:
        assert len(_read_beside(source)) > 0
    assert "network.py" not in destinations
    # network.py does "from neuron import ...": neuron.py keeps its name.
    assert "neuron.py" in destinations
    assert 'version = "{}"'.format(package["version"]) in _read_beside("pyproject.toml")


# Training: loss, backpropagation, stochastic gradient descent


def people():
    from network import PEOPLE

    return [x for name, x, y in PEOPLE], [y for name, x, y in PEOPLE]


def parameters(network):
    return [network.h1.weights[0], network.h1.weights[1], network.h1.bias,
            network.h2.weights[0], network.h2.weights[1], network.h2.bias,
            network.o1.weights[0], network.o1.weights[1], network.o1.bias]


def network_from(p):
    return OurNeuralNetwork(Neuron(p[0:2], p[2]), Neuron(p[3:5], p[5]), Neuron(p[6:8], p[8]))


def test_mse_loss_of_the_article():
    from network import mse_loss

    assert mse_loss([1, 0, 0, 1], [0, 0, 0, 0]) == 0.5
    assert mse_loss([1.0], [0.75]) == 0.0625
    assert mse_loss((0, 1), (0.5, 0.5)) == 0.25


def test_mse_loss_bad_input():
    from network import mse_loss

    message = raises(ValueError, mse_loss, [1, 0], [0])
    assert message == "y_true and y_pred must be the same length, got 2 and 1"
    assert raises(ValueError, mse_loss, [], []) == "y_true must not be empty"


def test_alice_with_the_articles_weights():
    # Every weight 1, every bias 0; Alice is x = [-2, -1], y = 1.
    from neuron import deriv_sigmoid

    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    x = [-2, -1]
    assert round(network.h1.feedforward(x), 4) == 0.0474
    assert round(network.feedforward(x), 3) == 0.524
    d_L_d_w1 = network.gradients(x, 1)["w1"]
    assert abs(d_L_d_w1 - 0.02146953526581111) <= (1e-12 if DOUBLE else 1e-6)
    # The article rounds on the way (o1 = 0.524, then each factor) and
    # gets 0.0214; unrounded it is 0.02147.
    o1 = round(network.feedforward(x), 3)
    sum_o1 = 2 * network.h1.feedforward(x)
    d_L_d_ypred = round(-2 * (1 - o1), 3)
    d_ypred_d_h1 = round(1 * deriv_sigmoid(sum_o1), 3)
    d_h1_d_w1 = round(-2 * deriv_sigmoid(-3), 4)
    assert (d_L_d_ypred, d_ypred_d_h1, d_h1_d_w1) == (-0.952, 0.249, -0.0904)
    assert round(d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1, 4) == 0.0214


def test_gradients_match_finite_differences():
    # Central differences of the loss, through feedforward: independent of
    # the hand-derived partial derivatives.
    from network import PARAMETER_NAMES, normal_numbers

    if not DOUBLE:
        raise Skip("a finite difference needs double precision")
    numbers = normal_numbers(5 * 12, seed=7)
    h = 1e-6
    for trial in range(5):
        p = numbers[12 * trial: 12 * trial + 9]
        x = [3 * numbers[12 * trial + 9], 3 * numbers[12 * trial + 10]]
        y_true = 1 if numbers[12 * trial + 11] > 0 else 0
        analytic = network_from(p).gradients(x, y_true)
        for i in range(9):
            up = list(p)
            up[i] += h
            down = list(p)
            down[i] -= h
            loss_up = (y_true - network_from(up).feedforward(x)) ** 2
            loss_down = (y_true - network_from(down).feedforward(x)) ** 2
            numeric = (loss_up - loss_down) / (2 * h)
            a = analytic[PARAMETER_NAMES[i]]
            # 1e-6 relative; 1e-10 absolute for partials that are nearly 0.
            assert abs(a - numeric) <= 1e-6 * abs(numeric) + 1e-10, (trial, i, a, numeric)


def test_gradients_do_not_change_the_weights():
    network = OurNeuralNetwork.random(seed=3)
    before = parameters(network)
    network.gradients([1, 2], 0)
    assert parameters(network) == before


def test_seeded_start_is_the_same_everywhere():
    expected = [-1.319310846421546, -1.5970468640313698, -0.43415607858177196,
                0.38315364410316377, 1.6914949355141706, -0.02328068205308309,
                -0.2692382285693835, 0.37671591498736134, -0.060202026767750993]
    for value, e in zip(parameters(OurNeuralNetwork.random(seed=1)), expected):
        assert same(value, e)
    assert parameters(OurNeuralNetwork.random(seed=2)) != parameters(OurNeuralNetwork.random(seed=1))


def test_training_on_the_articles_people():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    start = mse_loss_of(network, data, all_y_trues)
    lines = []
    losses = network.train(data, all_y_trues, learn_rate=0.1, epochs=1000, report=lines.append)
    assert len(losses) == 100  # one every 10 epochs: 0, 10, ..., 990
    assert lines[0] == "Epoch 0 loss: {:.3f}".format(losses[0])
    assert lines[-1] == "Epoch 990 loss: {:.3f}".format(losses[-1])
    assert len(lines) == 100
    final = mse_loss_of(network, data, all_y_trues)
    assert final < losses[-1] < losses[0] < start
    assert final < start / 50
    assert network.feedforward([-7, -3]) > 0.9  # Emily
    assert network.feedforward([20, 2]) < 0.1  # Frank


def mse_loss_of(network, data, all_y_trues):
    from network import mse_loss

    return mse_loss(all_y_trues, [network.feedforward(x) for x in data])


def test_one_training_step_follows_the_gradients():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    from network import PARAMETER_NAMES

    d = network.gradients(data[0], all_y_trues[0])
    network.train(data[:1], all_y_trues[:1], learn_rate=0.5, epochs=1, report=None)
    for name, old, new in zip(PARAMETER_NAMES, before, parameters(network)):
        assert same(new, old - 0.5 * d[name])



def test_training_bad_input_leaves_the_weights_alone():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    cases = [
        (ValueError, (data, all_y_trues[:3]), {}, "same length, got 4 and 3"),
        (ValueError, ([], []), {}, "data must not be empty"),
        (ValueError, ([[1, 2, 3]], [1]), {}, "data[0] must have 2 features, got 3"),
        (ValueError, ([[1]], [1]), {}, "data[0] must have 2 features, got 1"),
        (TypeError, ([[1, "a"]], [1]), {}, "data[0][1] must be a number"),
        (TypeError, ([5], [1]), {}, "data[0] must be a list of numbers"),
        (TypeError, (data, [1, 0, "no", 1]), {}, "all_y_trues[2] must be a number"),
        (ValueError, (data, [1, 0, float("nan"), 1]), {}, "all_y_trues[2] is nan"),
        (ValueError, (data, all_y_trues), {"epochs": -1}, "epochs must be a whole number >= 0"),
        (ValueError, (data, all_y_trues), {"epochs": 2.5}, "epochs must be a whole number >= 0"),
        (ValueError, (data, all_y_trues), {"learn_rate": 0}, "learn_rate must be > 0"),
        (ValueError, (data, all_y_trues), {"learn_rate": -0.1}, "learn_rate must be > 0"),
        (ValueError, (data, all_y_trues), {"learn_rate": float("nan")}, "learn_rate is nan"),
        (ValueError, (data, all_y_trues), {"report_every": 0}, "report_every must be"),
    ]
    for error_type, args, options, problem in cases:
        try:
            network.train(args[0], args[1], **options)
        except error_type as error:
            assert problem in str(error), (problem, str(error))
        else:
            raise AssertionError("no {} for {}".format(error_type, problem))
        assert parameters(network) == before, problem


def test_training_needs_the_articles_2_input_network_of_3_neurons():
    n = Neuron([0, 1], 0)
    message = raises(ValueError, OurNeuralNetwork(n, n, n).train, [[1, 2]], [1])
    assert "three different Neuron objects" in message
    wide = OurNeuralNetwork(Neuron([1, 1, 1], 0), Neuron([1, 1, 1], 0), Neuron([1, 1], 0))
    assert "2 inputs" in raises(ValueError, wide.train, [[1, 2, 3]], [1])
    assert "2 inputs" in raises(ValueError, wide.gradients, [1, 2, 3], 1)


def test_one_loss_per_report_when_epochs_do_not_divide_evenly():
    # The list of losses is sized up front: no empty slot may be left over.
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    lines = []
    losses = network.train(data, all_y_trues, epochs=25, report_every=10, report=lines.append)
    assert lines == ["Epoch {} loss: {:.3f}".format(epoch, loss)
                     for epoch, loss in zip((0, 10, 20), losses)]
    assert len(losses) == 3 and None not in losses
    losses = network.train(data, all_y_trues, epochs=1, report_every=10, report=None)
    assert len(losses) == 1 and losses[0] is not None


def test_zero_epochs_change_nothing():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    assert network.train(data, all_y_trues, epochs=0) == []
    assert parameters(network) == before


def test_a_diverging_training_stops_with_a_clear_error_and_no_nan():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    message = raises(ValueError, network.train, data, all_y_trues, float("inf"), 5, 10, None)
    assert message == "learn_rate must be > 0 and finite, got inf"
    assert parameters(network) == before
    # Weights so large that one step overflows them: the weights from before are kept.
    huge = network_from([1e308, -1e308, 1e308, -1e308, 1e308, 1e308, -1e308, 1e308, 1e308])
    message = raises(ValueError, huge.train, data, all_y_trues, 1e308, 5, 10, None)
    assert "training diverged in epoch 0" in message and "is learn_rate 1e+308 too large" in message
    assert parameters(huge) == [1e308, -1e308, 1e308, -1e308, 1e308, 1e308, -1e308, 1e308, 1e308]
    infinite = network_from([float("inf"), 1, 0, 1, 1, 0, 1, 1, 0])
    assert "training needs finite ones" in raises(ValueError, infinite.train, data, all_y_trues)
    # Far too large but finite: the outputs saturate, the weights stay numbers.
    network.train(data, all_y_trues, learn_rate=1e300, epochs=20, report=None)
    for value in parameters(network):
        assert value - value == 0


# Save and load


def scratch_file(name):
    """A path for a file the test may write, in a new empty folder of its own."""
    import os

    try:
        import tempfile
    except ImportError:  # MicroPython: a folder beside the tests, removed with the file
        from random import getrandbits

        folder = "_scratch_{:08x}".format(getrandbits(32))
        os.mkdir(folder)
        return folder + "/" + name
    return tempfile.mkdtemp() + "/" + name


def remove(path):
    """Remove the file at path, and its folder if scratch_file made it here."""
    import os

    os.remove(path)
    if path.startswith("_scratch_"):
        os.rmdir(path[:path.rfind("/")])


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def test_save_and_load_give_identical_predictions():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    network.train(data, all_y_trues, epochs=50, report=None)
    path = scratch_file("network.json")
    try:
        network.save(path)
        loaded = OurNeuralNetwork.load(path)
    finally:
        remove(path)
    assert parameters(loaded) == parameters(network)
    for x in data + [[-7, -3], [20, 2]]:
        assert loaded.feedforward(x) == network.feedforward(x)


def test_loading_a_bad_file_says_what_is_wrong():
    path = scratch_file("bad.json")
    good = '{"w1": 1, "w2": 2, "b1": 0, "w3": 1, "w4": 1, "b2": 0, "w5": 1, "w6": 1, "b3": 0}'
    cases = [
        ("{not json", "is not valid JSON"),
        ("[1, 2, 3]", "must hold a JSON object of the 9 numbers w1, w2, b1,"),
        (good.replace(', "b3": 0', ""), "must hold a JSON object of the 9 numbers"),
        (good.replace('"w1": 1', '"w7": 1'), "must hold a JSON object of the 9 numbers"),
        (good + "\n", None),
        (good.replace('"w2": 2', '"w2": "2"'), "w2 must be a finite number, got '2'"),
        (good.replace('"w2": 2', '"w2": true'), "w2 must be a finite number, got True"),
        (good.replace('"w2": 2', '"w2": 1e999'), "w2 must be a finite number, got inf"),
    ]
    try:
        write(path, good)
        assert parameters(OurNeuralNetwork.load(path)) == [1, 2, 0, 1, 1, 0, 1, 1, 0]
        for text, problem in cases:
            write(path, text)
            if problem is None:  # a good file, but for its layout
                assert parameters(OurNeuralNetwork.load(path)) == [1, 2, 0, 1, 1, 0, 1, 1, 0]
                continue
            message = raises(ValueError, OurNeuralNetwork.load, path)
            assert problem in message, (problem, message)
    finally:
        remove(path)



def exists(path):
    try:
        open(path).close()
    except OSError:
        return False
    return True


def test_a_failed_save_leaves_the_old_file_whole_and_nothing_behind():
    # A disk that fills up as the file is flushed: os.fsync fails (CPython).
    from support import files

    if not hasattr(files.os, "fsync"):
        raise Skip("no os.fsync here to make fail")
    path = scratch_file("weights.json")
    OurNeuralNetwork.random(seed=1).save(path)
    with open(path) as f:
        old = f.read()
    real_fsync = files.os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    files.os.fsync = full
    try:
        assert "No space" in raises(OSError, OurNeuralNetwork.random(seed=2).save, path)
    finally:
        files.os.fsync = real_fsync
    with open(path) as f:
        assert f.read() == old
    folder = path[:path.rfind("/")]
    assert files.os.listdir(folder) == ["weights.json"]  # no temporary file left
    # A save that works replaces the file whole.
    OurNeuralNetwork.random(seed=2).save(path)
    assert parameters(OurNeuralNetwork.load(path)) == parameters(OurNeuralNetwork.random(seed=2))
    assert files.os.listdir(folder) == ["weights.json"]
    remove(path)


def test_loading_a_hostile_file_raises_value_error_only():
    path = scratch_file("hostile.json")
    good = '{"w1": 1, "w2": 2, "b1": 0, "w3": 1, "w4": 1, "b2": 0, "w5": 1, "w6": 1, "b3": 0}'
    cases = [
        ("[" * 1024, "not"),  # nested as deep as 1 KB allows
        ("[" * 500 + "]" * 500, "must hold a JSON object of the 9 numbers"),
        ('{"w1": ' * 100 + "1" + "}" * 100, "must hold a JSON object of the 9 numbers"),
        (good + " " * 2000, "larger than 1024 bytes"),
        (good.replace('"w2": 2', '"w2": {"a": 1}'), "w2 must be a finite number"),
        (good.replace('"w2": 2', '"w2": [2]'), "w2 must be a finite number"),
    ]
    try:
        for text, problem in cases:
            write(path, text)
            try:
                OurNeuralNetwork.load(path)
            except Exception as error:  # noqa: B902 (any other kind is the failure)
                assert isinstance(error, ValueError), (text[:20], repr(error))
                assert problem in str(error), (problem, str(error))
            else:
                raise AssertionError("loaded " + text[:20])
    finally:
        remove(path)
