"""Tests for learner.py: backpropagation by hand, the training run, predict, the command line.

Plain test functions with assert (see test_neuron.py): they run under pytest
and, with .ci/run_tests.py, on every interpreter of the matrix.
"""

from learner import main
from network import OurNeuralNetwork
from neuron import sigmoid
from test_network import exists, network_from, parameters, people, remove, run, scratch_file, write
from test_neuron import DOUBLE, ROUNDING


def os_listdir(folder):
    import os

    return sorted(os.listdir(folder or "."))


def test_main_rejects_bad_inputs_with_status_2():
    # In-process, so it runs where there is no subprocess (stderr gets the line).
    assert main(["abc", "1"]) == 2
    assert main(["1"]) == 2
    assert main(["1", "2", "3"]) == 2
    assert main(["nan", "1"]) == 2


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
        (["abc"], "unknown command 'abc'"),
        (["abc", "1"], "'abc' is not a number"),
        (["1"], "expected 2 numbers X1 X2, got 1"),
        (["1", "2", "3"], "expected 2 numbers X1 X2, got 3"),
        (["nan", "1"], "'nan' is not a number"),
        (["inf", "1"], "0*inf = nan"),
        (["backprop", "inf", "1", "1"], "'inf' is not a finite number"),
        (["backprop", "1", "2"], "expected 3 numbers X1 X2 Y_TRUE, got 2"),
        (["train", "--epochs", "-1"], "--epochs must be a whole number >= 0, got '-1'"),
        (["train", "--learn-rate"], "--learn-rate needs a value"),
        (["train", "--save", "/no/such/folder/w.json"], "cannot write the weights to"),
        (["--load", "/no/such/file.json", "1", "2"], "cannot read /no/such/file.json"),
        (["--microbit"], "--microbit is made by the editions tool: python3 -m tools --microbit"),
        (["train", "--bogus", "1"], "unknown option '--bogus'"),
        (["-x", "1"], "unknown option '-x'"),
        (["train", "--epochs", "5", "--epochs", "6"], "--epochs is given twice"),
        (["backprop", "--save", "w.json"], "--save makes no sense with backprop"),
        (["train", "--seed", "2", "--load", "w.json"], "--seed picks the random start"),
        (["predict", "abc", "70"], "'abc' is not a number"),
        (["predict", "160"], "expected 2 numbers WEIGHT_LB HEIGHT_IN, got 1"),
    ]
    for args, problem in cases:
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("network.py: error: ")
        assert problem in result.stderr


def test_train_example_prints_the_chart_and_the_predictions():
    from learner import train_example

    lines = []
    network, end = train_example(report=lines.append)
    assert len(lines) == 100
    assert "loss" in end
    if DOUBLE:
        assert end[-2:] == ["Emily: [-7, -3] -> 0.964", "Frank: [20, 2] -> 0.039"]
    else:  # 32-bit floats may round the last digit otherwise
        assert end[-2].startswith("Emily: [-7, -3] -> 0.9")
        assert end[-1].startswith("Frank: [20, 2] -> 0.0")
    chart = [line for line in end if "|" in line]
    assert len(chart) == 10
    assert chart[0].startswith(lines[0][-5:] + " |*")  # the first loss is the top


def test_main_job_trains():
    result = run("train")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Epoch 0 loss: ")
    assert lines[99].startswith("Epoch 990 loss: ")
    assert lines[100] == "Final loss (after epoch 999, the last): 0.002"
    assert lines[-4] == "       0                                               999  epoch"
    assert lines[-2:] == ["Emily: [-7, -3] -> 0.964", "Frank: [20, 2] -> 0.039"]


def test_backprop_by_hand_is_the_articles_calculation():
    from learner import backprop_example
    from network import partial_derivatives

    lines = backprop_example()  # every weight 1, every bias 0, Alice: x = [-2, -1], y_true = 1
    assert lines[3:6] == [
        "h1 = f(1*(-2) + 1*(-1) + 0) = f(-3) = 0.0474",
        "h2 = f(1*(-2) + 1*(-1) + 0) = f(-3) = 0.0474",
        "o1 = f(1*0.0474 + 1*0.0474 + 0) = f(0.0948) = 0.524",
    ]
    assert lines[8:12] == [
        "d_L/d_ypred = -2 * (1 - 0.524) = -0.952",
        "d_ypred/d_h1 = w5 * f'(0.0948) = 1 * 0.524 * (1 - 0.524) = 0.249",
        "d_h1/d_w1 = x1 * f'(-3) = -2 * 0.0452 = -0.0904",
        "d_L/d_w1 = -0.952 * 0.249 * (-0.0904) = 0.0214",
    ]
    exact = float(lines[13].split(" = ")[-1])
    assert lines[13].startswith("Exactly (partial_derivatives")
    assert exact == partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)[0]
    assert abs(exact - 0.02146953526581111) <= (1e-15 if DOUBLE else 1e-6)
    assert "rounded" in lines[14]


def test_backprop_nine_derivatives_and_one_step_match_training():
    from learner import backprop_example
    from network import PARAMETER_NAMES

    lines = backprop_example()[-9:]
    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    partials = network.gradients([-2, -1], 1)
    network.train([[-2, -1]], [1], learn_rate=0.1, epochs=1, report=None)
    article = [0.0215, 0.0107, -0.0107, 0.0215, 0.0107, -0.0107, -0.0113, -0.0113, -0.2376]
    for line, name, rounded, after in zip(lines, PARAMETER_NAMES, article, parameters(network)):
        derivative, step = line.split("  ")[0], line.split("  ")[-1].strip()
        assert derivative.strip() == "d_L/d_{} = {}".format(name, rounded)
        assert round(partials[name], 4) == rounded
        assert step.startswith(name + " = ")
        assert abs(float(step.split(" = ")[-1]) - after) <= 0.00005 + ROUNDING


def test_backprop_each_line_uses_the_numbers_above_it_as_written():
    # Independently of how the trace was made: evaluate each written
    # expression and check its result, written to 3 significant figures.
    from learner import backprop_example

    for x, y_true in (([-2, -1], 1), ([25, 6], 0), ([-15, -6], 1), ([0.5, -1.5], 0.3)):
        lines = backprop_example(x, y_true)
        for line in lines[8:12]:
            expression, result = line.split(" = ")[-2:]
            value = eval(expression)
            assert abs(float(result) - value) <= 0.005 * abs(value) + 1e-12, line
        for line in lines[3:6]:  # h = f(sum) = f(s) = value
            weighted_sum, s, value = line.split(" = ")[1:]
            assert abs(float(s[2:-1]) - eval(weighted_sum[2:-1])) <= 0.005 * abs(float(s[2:-1])) + 1e-12
            assert abs(float(value) - sigmoid(float(s[2:-1]))) <= 0.005 * float(value), line


def test_three_significant_figures():
    from learner import figures

    cases = [(0.0474258731775668, "0.0474"), (-0.952, "-0.952"), (31, "31"), (1234.5, "1230"),
             (0.0999999, "0.1"), (9.77e-11, "9.77e-11"), (0, "0"), (1.0, "1"), (-2, "-2")]
    for x, text in cases:
        assert figures(x) == text, (x, figures(x))


def test_command_line_bad_input_exits_2_and_writes_nothing():
    folder_file = scratch_file("weights.json")
    save = ["--save", folder_file]
    bad = [
        ["backprop", "1"], ["backprop", "a", "b", "c"], ["backprop", "nan", "1", "1"],
        ["backprop", "inf", "1", "1"], ["backprop", "1", "2", "3", "4"],
        ["train", "--epochs"], ["train", "--epochs", "-1"] + save, ["train", "--epochs", "2.5"] + save,
        ["train", "--epochs", "x"] + save, ["train", "--learn-rate", "0"] + save,
        ["train", "--learn-rate", "-1"] + save, ["train", "--learn-rate", "nan"] + save,
        ["train", "--learn-rate", "inf"] + save, ["train", "--report-every", "0"] + save,
        ["train", "--seed", "1.5"] + save, ["train", "--bogus", "1"] + save, ["train"] + save[:1],
        ["train", "--epochs", "100000000000000000000"] + save, ["train", "--load", "."] + save,
        ["train", "--save", folder_file + "/no/such/folder/w.json"],
        ["--load"], ["--load", folder_file], ["--load", folder_file, "1", "2"],
        ["--load", ".", "1", "2"],  # a folder: not readable as a file
        ["--load", folder_file, "train"], ["abc", "1"], ["1"], ["1", "2", "3"], ["nan", "1"],
    ]
    for args in bad:
        assert main(args) == 2, args
        assert not exists(folder_file), args
        assert os_listdir(folder_file[:folder_file.rfind("/")]) == [], args
    write(folder_file, "{not json")
    try:
        for args in (["--load", folder_file, "1", "2"], ["--load", folder_file, "backprop"]):
            assert main(args) == 2, args
    finally:
        remove(folder_file)


def test_command_line_train_save_then_load():
    import network

    path = scratch_file("weights.json")
    assert main(["train", "--epochs", "20", "--report-every", "5", "--seed", "3",
                 "--learn-rate", "0.5", "--save", path]) == 0
    trained = OurNeuralNetwork.random(seed=3)
    trained.train(*people(), learn_rate=0.5, epochs=20, report=None)
    loaded = OurNeuralNetwork.load(path)
    assert parameters(loaded) == parameters(trained)
    assert os_listdir(path[:path.rfind("/")]) == ["weights.json"]
    lines = network.network_example([-2, -1], loaded, "the weights in " + path)
    assert lines[0].startswith("The network, the weights in " + path)
    assert lines[-1] == "feedforward([-2, -1]) = {}".format(trained.feedforward([-2, -1]))
    assert main(["--load", path, "-2", "-1"]) == 0
    assert main(["--load", path, "backprop", "-7", "-3", "1"]) == 0
    remove(path)


def test_predict_shifts_the_inputs_and_says_what_the_answer_means():
    from learner import predict

    emily = predict(128, 63)
    assert emily[0] == ("Weight 128 lb, height 63 in, shifted as in the article:"
                        " x = [128 - 135, 63 - 66] = [-7, -3]")
    assert emily[1].startswith("The network, trained as in the article (seed 1, 1000 epochs")
    assert emily[2].startswith("h1 = f(") and "\no1 = f(" in emily[2]
    assert emily[-1].startswith("Prediction: 0.964, near 1: female")
    frank = predict(155, 68)
    assert frank[0].endswith("x = [155 - 135, 68 - 66] = [20, 2]")
    assert frank[-1].startswith("Prediction: 0.039, near 0: male")
    # The same network as the training run's, which gives Emily and Frank.
    from learner import train_example

    trained, lines = train_example(report=None)
    assert emily[-2] == "feedforward([-7, -3]) = {}".format(trained.feedforward([-7, -3]))


def test_predict_with_saved_weights():
    from learner import predict

    path = scratch_file("weights.json")
    network_from([1, 1, 0, 1, 1, 0, 1, 1, 0]).save(path)
    try:
        assert main(["predict", "135", "66", "--load", path]) == 0
        network = OurNeuralNetwork.load(path)
        lines = predict(135, 66, network, "mine")
        assert lines[1] == "The network, mine, on x = [0, 0]:"
        assert lines[-2] == "feedforward([0, 0]) = {}".format(network.feedforward([0, 0]))
    finally:
        remove(path)


def test_train_continues_from_saved_weights():
    path = scratch_file("weights.json")
    try:
        assert main(["train", "--epochs", "30", "--save", path]) == 0
        first = OurNeuralNetwork.load(path)
        assert main(["train", "--epochs", "20", "--load", path, "--save", path]) == 0
        expected = OurNeuralNetwork.random(1)
        expected.train(*people(), epochs=30, report=None)
        assert parameters(first) == parameters(expected)
        expected.train(*people(), epochs=20, report=None)
        assert parameters(OurNeuralNetwork.load(path)) == parameters(expected)
    finally:
        remove(path)


def test_loss_chart_axis_ends_at_the_last_epoch_trained():
    from learner import loss_chart, train_example

    lines = []
    network, end = train_example(report=lines.append, epochs=25)
    assert lines == ["Epoch 0 loss: {}".format(lines[0][-5:]), "Epoch 10 loss: " + lines[1][-5:],
                     "Epoch 20 loss: " + lines[2][-5:]]
    assert end[0].startswith("Final loss (after epoch 24, the last): ")
    assert end[-4].split() == ["0", "24", "epoch"]
    assert loss_chart([]) == ["loss: no epochs, so nothing to draw"]
    network, end = train_example(report=None, epochs=0)
    assert end[0].startswith("Final loss (no epochs trained): ")


def test_the_readmes_command_examples_print_what_it_shows():
    # Each "$ python3 ..." line of the README, run: it prints the indented
    # lines shown under it, up to the next command (stdout and stderr together).
    run("--help")  # skips where there is no subprocess
    import os
    import subprocess
    import sys

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(here, "README.md")) as f:
        lines = f.read().split("\n")
    examples = []
    collecting = False
    for line in lines:
        if line.startswith("    $ python3 "):
            examples.append((line[len("    $ python3 "):].split(), []))
            collecting = True
        elif collecting and line.startswith("    "):
            examples[-1][1].append(line[4:])
        else:
            collecting = False
    assert len(examples) >= 2
    for args, shown in examples:
        result = subprocess.run([sys.executable] + args, cwd=here, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True)
        assert result.stdout.rstrip("\n").split("\n") == shown, args
