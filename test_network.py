"""Tests for network.py: the article's network, its training, its worked examples.

Plain test functions (see test_neuron.py): they run under pytest and, with
.ci/run_tests.py, on every interpreter of the matrix.
"""

import math

from network import PARAMETER_NAMES, OurNeuralNetwork, mse_loss, partial_derivatives, worked_examples
from neuron import Neuron, deriv_sigmoid
from tests.helpers import (DOUBLE, INF, NAN, Scratch, Skip, each, listing, network_from,
                           parameters, people, python, raises, read, same)

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
    # sigmoid is the textbook formula, for negative sums too: exactly equal.
    assert network.feedforward(x) == expected


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
    assert message == "o1 takes h1 and h2 as inputs: it needs 2 weights, got 3"


def test_hidden_neurons_need_the_same_number_of_weights():
    message = raises(ValueError, OurNeuralNetwork, Neuron([0, 1], 0), Neuron([1], 0), Neuron([0, 1], 0))
    assert message == ("h1 and h2 see the same inputs, so need the same number of weights;"
                       " got 2 and 1")


def test_network_passes_bad_inputs_on_as_errors():
    network = OurNeuralNetwork()
    assert raises(ValueError, network.feedforward, [1]) == "expected 2 inputs, one per weight, got 1"
    assert raises(ValueError, network.feedforward, [1, 2, 3]) == (
        "expected 2 inputs, one per weight, got 3")
    assert raises(TypeError, network.feedforward, ["a", 1]) == "inputs[0] must be a number, got 'a'"
    assert raises(ValueError, network.feedforward, [1, NAN]) == "inputs[1] is nan"


def test_main_job_prints_the_worked_examples():
    # The main job as a user runs it: CPython and PyPy (a process of its own).
    status, out, err = python(["network.py"])
    assert (status, out, err) == (0, MAIN_JOB_OUTPUT, "")


# The nine parameters


def test_parameters_from_and_back():
    p = (0.5, -1.0, 2.0, 0.25, 3.0, -0.5, 1.5, -2.0, 0.75)
    network = OurNeuralNetwork.from_parameters(*p)
    assert network.parameters() == p
    assert parameters(network) == list(p)  # w1, w2, b1 are h1's, and so on
    assert network.feedforward([1, 2]) == network_from(p).feedforward([1, 2])
    backwards = list(reversed(p))
    network.set_parameters(*backwards)
    assert parameters(network) == backwards


def test_from_and_set_parameters_check_their_nine_values_by_name():
    network = OurNeuralNetwork.random(1)
    before = parameters(network)
    for i, name in enumerate(PARAMETER_NAMES):
        for bad, error, message in ((INF, ValueError, "{} must be a finite number, got inf"),
                                    (NAN, ValueError, "{} is nan"),
                                    ("1", TypeError, "{} must be a number, got '1'")):
            values = [1] * 9
            values[i] = bad
            assert raises(error, OurNeuralNetwork.from_parameters, *values) == message.format(name)
            assert raises(error, network.set_parameters, *values) == message.format(name)
            assert parameters(network) == before  # nothing set


def test_seeded_start_is_the_same_everywhere():
    expected = [-1.319310846421546, -1.5970468640313698, -0.43415607858177196,
                0.38315364410316377, 1.6914949355141706, -0.02328068205308309,
                -0.2692382285693835, 0.37671591498736134, -0.060202026767750993]
    for value, e in zip(parameters(OurNeuralNetwork.random(seed=1)), expected):
        assert same(value, e)
    assert parameters(OurNeuralNetwork.random(seed=2)) != parameters(OurNeuralNetwork.random(seed=1))


# Training: loss, backpropagation, stochastic gradient descent


def test_mse_loss_of_the_article():
    assert mse_loss([1, 0, 0, 1], [0, 0, 0, 0]) == 0.5
    assert mse_loss([1.0], [0.75]) == 0.0625
    assert mse_loss((0, 1), (0.5, 0.5)) == 0.25


def test_mse_loss_bad_input():
    message = raises(ValueError, mse_loss, [1, 0], [0])
    assert message == "y_true and y_pred must be the same length, got 2 and 1"
    assert raises(ValueError, mse_loss, [], []) == "y_true must not be empty"
    assert raises(ValueError, mse_loss, [1, INF], [0, 0]) == "y_true[1] must be a finite number, got inf"
    assert raises(ValueError, mse_loss, [1], [-INF]) == "y_pred[0] must be a finite number, got -inf"
    assert raises(ValueError, mse_loss, [1e200], [-1e200]) == (
        "the loss overflowed: y_true and y_pred are too far apart to square")


def test_alice_with_the_articles_weights():
    # Every weight 1, every bias 0; Alice is x = [-2, -1], y = 1.
    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    x = [-2, -1]
    assert round(network.h1.feedforward(x), 4) == 0.0474
    assert round(network.feedforward(x), 3) == 0.524
    d_L_d_w1 = partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, x, 1)[0]
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


def test_partial_derivatives_match_finite_differences():
    # Central differences of the loss, through feedforward: independent of
    # the hand-derived partial derivatives.
    from support.seeded_random import draw_normal

    if not DOUBLE:
        raise Skip("a finite difference needs double precision")
    numbers = draw_normal(5 * 12, seed=7)
    h = 1e-6
    for trial in range(5):
        p = numbers[12 * trial: 12 * trial + 9]
        x = [3 * numbers[12 * trial + 9], 3 * numbers[12 * trial + 10]]
        y_true = 1 if numbers[12 * trial + 11] > 0 else 0
        analytic = partial_derivatives(*(p + [x, y_true]))
        for i in range(9):
            up = list(p)
            up[i] += h
            down = list(p)
            down[i] -= h
            loss_up = (y_true - network_from(up).feedforward(x)) ** 2
            loss_down = (y_true - network_from(down).feedforward(x)) ** 2
            numeric = (loss_up - loss_down) / (2 * h)
            # 1e-6 relative; 1e-10 absolute for partials that are nearly 0.
            assert abs(analytic[i] - numeric) <= 1e-6 * abs(numeric) + 1e-10, (trial, i)


def test_training_on_the_articles_people():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    start = mse_loss_of(network, data, all_y_trues)
    lines = []
    losses = network.train(data, all_y_trues, learn_rate=0.1, epochs=1000, report=lines.append)
    assert len(losses) == 100  # one every 10 epochs: 0, 10, ..., 990
    assert lines == ["Epoch {} loss: {:.3f}".format(10 * i, loss) for i, loss in enumerate(losses)]
    final = mse_loss_of(network, data, all_y_trues)
    assert final < losses[-1] < losses[0] < start
    assert final < start / 50
    assert network.feedforward([-7, -3]) > 0.9  # Emily
    assert network.feedforward([20, 2]) < 0.1  # Frank


def mse_loss_of(network, data, all_y_trues):
    return mse_loss(all_y_trues, [network.feedforward(x) for x in data])


def test_one_training_step_follows_the_partial_derivatives():
    data, all_y_trues = people()
    for i in range(4):  # each person in turn, one step each
        network = OurNeuralNetwork.random(seed=1)
        before = parameters(network)
        d = partial_derivatives(*(before + [data[i], all_y_trues[i]]))
        network.train(data[i:i + 1], all_y_trues[i:i + 1], learn_rate=0.5, epochs=1, report=None)
        for old, new, d_L in zip(before, parameters(network), d):
            assert new == old - 0.5 * d_L


DATA, LABELS = people()
BAD_TRAINING = [  # (name, data, all_y_trues, options, the error, what its message says)
    ("labels shorter", DATA, LABELS[:3], {}, ValueError,
     "data and all_y_trues must be the same length, got 4 and 3"),
    ("no data", [], [], {}, ValueError, "data must not be empty"),
    ("3 features", [[1, 2, 3]], [1], {}, ValueError, "data[0] must have 2 features, got 3"),
    ("1 feature", [[1]], [1], {}, ValueError, "data[0] must have 2 features, got 1"),
    ("a word in the data", [[1, "a"]], [1], {}, TypeError, "data[0][1] must be a number, got 'a'"),
    ("a number for a sample", [5], [1], {}, TypeError, "data[0] must be a list of numbers, got 5"),
    ("a word for a label", DATA, [1, 0, "no", 1], {}, TypeError, "all_y_trues[2] must be a number, got 'no'"),
    ("a nan label", DATA, [1, 0, NAN, 1], {}, ValueError, "all_y_trues[2] is nan"),
    ("an inf label", DATA, [1, 0, INF, 1], {}, ValueError,
     "all_y_trues[2] is inf: training needs finite numbers"),
    ("a label of 1e160", DATA, [1, 0, 1e160, 1], {}, ValueError,
     "all_y_trues[2] must be from 0 to 1, as the network's output is (the article's answers are"
     " 1 and 0), got 1e+160"),
    ("a label of -0.5", DATA, [1, 0, -0.5, 1], {}, ValueError, "all_y_trues[2] must be from 0 to 1"),
    ("a label of 2", DATA, [1, 0, 2, 1], {}, ValueError, "all_y_trues[2] must be from 0 to 1"),
    ("epochs -1", DATA, LABELS, {"epochs": -1}, ValueError, "epochs must be a whole number >= 0, got -1"),
    ("epochs 2.5", DATA, LABELS, {"epochs": 2.5}, ValueError, "epochs must be a whole number >= 0, got 2.5"),
    ("learn_rate 0", DATA, LABELS, {"learn_rate": 0}, ValueError, "learn_rate must be > 0 and finite"),
    ("learn_rate -0.1", DATA, LABELS, {"learn_rate": -0.1}, ValueError, "learn_rate must be > 0 and finite"),
    ("learn_rate nan", DATA, LABELS, {"learn_rate": NAN}, ValueError, "learn_rate is nan"),
    ("report_every 0", DATA, LABELS, {"report_every": 0}, ValueError,
     "report_every must be a whole number >= 1, got 0"),
]


@each(BAD_TRAINING)
def test_training_bad_input_is_refused_up_front(case):
    name, data, all_y_trues, options, error, message = case
    network = OurNeuralNetwork.random(seed=1)
    lines = []
    assert message in raises(error, network.train, data, all_y_trues, report=lines.append, **options)
    assert parameters(network) == parameters(OurNeuralNetwork.random(seed=1))
    assert lines == []  # checked before the first epoch


def test_training_needs_the_articles_2_input_network_of_3_neurons():
    n = Neuron([0, 1], 0)
    message = raises(ValueError, OurNeuralNetwork(n, n, n).train, [[1, 2]], [1])
    assert message == "to train, h1, h2 and o1 must be three different Neuron objects"
    wide = OurNeuralNetwork(Neuron([1, 1, 1], 0), Neuron([1, 1, 1], 0), Neuron([1, 1], 0))
    assert raises(ValueError, wide.train, [[1, 2, 3]], [1]) == (
        "training follows the article's derivation for 2 inputs; h1 and h2 have 3 weights")


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


def test_a_weight_that_overflows_is_named_and_the_old_weights_are_kept():
    # Every parameter 0 but w5 = 1, an input of 1e200 and a learn rate of 1e200:
    # the first sample's step of w1 is 1e200 * 1e200 / 16, which overflows.
    start = [0.0] * 6 + [1.0, 0.0, 0.0]
    step = [w - 1e200 * d for w, d in zip(start, partial_derivatives(*(start + [[1e200, 0], 1])))]
    overflowed = [name for name, w in zip(PARAMETER_NAMES, step) if abs(w) == INF]
    assert overflowed == ["w1"]  # worked out independently of train
    network = network_from(start)
    message = raises(ValueError, network.train, [[1e200, 0]], [1], 1e200, 5, 1, None)
    assert message == ("training diverged in epoch 0: w1 overflowed (inf); is learn_rate 1e+200"
                       " too large, or the data?")
    assert parameters(network) == start


def test_a_hidden_sum_that_overflows_is_named_and_the_old_weights_are_kept():
    # The first sample's step gives w1 and w2 about 6e198 each; h1's terms for
    # the second sample are then -inf and inf: inf - inf, nan on the way.
    start = [0.0, 0.0, 0.0, 1e100, 1e150, 1e100, 1e100, 1e150, -1e150]
    data = [[1, 1], [-1e155, 1e155]]
    step = [w - 1e100 * d for w, d in zip(start, partial_derivatives(*(start + [data[0], 1])))]
    assert (step[0] * data[1][0], step[1] * data[1][1]) == (-INF, INF)  # by hand
    network = network_from(start)
    message = raises(ValueError, network.train, data, [1, 0], 1e100, 5, 1, None)
    assert message == ("training diverged in epoch 0: h1's weighted sum for data[1] overflowed"
                       " (-inf + inf + {!r}); is learn_rate 1e+100 too large, or the data?".format(step[2]))
    assert parameters(network) == start


def test_data_too_large_for_the_start_are_refused_before_training():
    # Weights of 1e308 give h1 for Bob 25e308 - 6e308 + 1e308: inf - inf from the start.
    data, all_y_trues = people()
    start = [1e308, -1e308, 1e308, -1e308, 1e308, 1e308, -1e308, 1e308, 1e308]
    huge = network_from(start)
    message = raises(ValueError, huge.train, data, all_y_trues, 0.1, 5, 10, None)
    assert message == ("data[1] is too large for the network's weights: h1's weighted sum is"
                       " inf + -inf + 1e+308")
    assert 1e308 * 25 == INF and -1e308 * 6 == -INF  # h1's terms for Bob, by hand
    assert parameters(huge) == start


def test_training_refuses_what_would_not_be_finite():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    message = raises(ValueError, network.train, data, all_y_trues, INF, 5, 10, None)
    assert message == "learn_rate must be > 0 and finite, got inf"
    assert parameters(network) == before
    # Far too large but finite: the outputs saturate, the weights stay numbers.
    network.train(data, all_y_trues, learn_rate=1e300, epochs=20, report=None)
    assert parameters(network) != before
    for value in parameters(network):
        assert abs(value) < INF and not math.isnan(value)


def test_an_error_of_report_is_passed_on_unchanged_and_the_weights_kept():
    # (More errors of report's in tests/test_hostile.py, class messages.)
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    before = parameters(network)
    lines = []
    error = ValueError("the caller's own")

    def report(line):
        lines.append(line)
        if len(lines) == 3:  # in epoch 20, after 20 epochs of training
            raise error

    try:
        network.train(data, all_y_trues, 0.1, 100, 10, report)
    except ValueError as raised:
        assert raised is error, raised
    assert len(lines) == 3 and parameters(network) == before


# Save and load


def test_save_and_load_give_identical_predictions():
    data, all_y_trues = people()
    network = OurNeuralNetwork.random(seed=1)
    network.train(data, all_y_trues, epochs=50, report=None)
    with Scratch() as folder:
        path = folder + "/network.json"
        network.save(path)
        loaded = OurNeuralNetwork.load(path)
        assert listing(folder) == ["network.json"]
    assert parameters(loaded) == parameters(network) != parameters(OurNeuralNetwork.random(1))
    for x in data + [[-7, -3], [20, 2]]:
        assert loaded.feedforward(x) == network.feedforward(x)


# Loading what is not a weights file: tests/test_hostile.py, class files.


def test_each_parameter_is_checked_once_where_it_comes_in():
    # Every check of a parameter ends in support.checks.check_finite, which the
    # modules below import by name; count its calls on the nine values given.
    from support import checks, files, network_checks

    values = [0.125 + i for i in range(9)]
    seen = []
    real = checks.check_finite

    def counted(value, name, *index):
        seen.extend([value] if value in values else [])
        return real(value, name, *index)

    with Scratch() as folder:
        path = folder + "/weights.json"
        OurNeuralNetwork.from_parameters(*values).save(path)
        for module in (checks, files, network_checks):
            module.check_finite = counted
        try:
            made, loaded = OurNeuralNetwork.from_parameters(*values), OurNeuralNetwork.load(path)
        finally:
            for module in (checks, files, network_checks):
                module.check_finite = real
    assert sorted(seen) == sorted(values + values)  # once by from_parameters, once by load
    assert list(made.parameters()) == list(loaded.parameters()) == values


def test_a_failed_save_leaves_the_old_file_whole_and_nothing_behind():
    # A disk that fills up as the file is flushed: os.fsync fails (CPython).
    from support import files

    if not hasattr(files.os, "fsync"):
        raise Skip("no os.fsync here to make fail")
    real_fsync = files.os.fsync

    def full(fd):
        raise OSError(28, "No space left on device")

    with Scratch() as folder:
        path = folder + "/weights.json"
        OurNeuralNetwork.random(seed=1).save(path)
        old = read(path)
        files.os.fsync = full
        try:
            assert "No space" in raises(OSError, OurNeuralNetwork.random(seed=2).save, path)
        finally:
            files.os.fsync = real_fsync
        assert read(path) == old
        assert listing(folder) == ["weights.json"]  # no temporary file left
        # A save that works replaces the file whole.
        OurNeuralNetwork.random(seed=2).save(path)
        assert parameters(OurNeuralNetwork.load(path)) == parameters(OurNeuralNetwork.random(seed=2))
        assert listing(folder) == ["weights.json"]
