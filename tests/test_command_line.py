"""Tests for command_line.py: what python3 network.py ARGS prints, reads and writes,
and people of one's own (a people file, --people, --shift).

In-process (command_line.main), so that they run on every interpreter of the
matrix with .ci/run_tests.py; what is printed is caught where sys.stdout can
be replaced (not on MicroPython: there those tests skip). The README's own
examples run as a user runs them, in a process of their own.
"""

import json

from command_line import main
from support.people_files import parse_people, read_people
from learner import ARTICLE, train_example
from network import OurNeuralNetwork, network_example, worked_examples
from neuron import sigmoid
from tests.helpers import (Scratch, each, listing, parameters, people, printed_by, project,
                           python, raises, read, write)


def printed(args):
    """(exit status, the lines main(args) prints on stdout); nothing on stderr."""
    status, out, err = printed_by(main, args)
    assert err == "", err
    return status, out.split("\n")[:-1]


def test_help_and_the_worked_examples():
    status, lines = printed(["--help"])
    assert status == 0 and lines[0].startswith("usage: python3 network.py ")
    assert printed([]) == (0, "\n".join(worked_examples()).split("\n"))


def test_the_network_on_inputs_of_ones_own():
    status, lines = printed(["-2", "-1"])
    assert status == 0
    assert lines[1:] == [
        "h1 = f(0*(-2) + 1*(-1) + 0) = f(-1) = 0.2689",
        "h2 = f(0*(-2) + 1*(-1) + 0) = f(-1) = 0.2689",
        "o1 = f(0*0.2689 + 1*0.2689 + 0) = f(0.2689) = 0.5668",
        "feedforward([-2, -1]) = {}".format(sigmoid(sigmoid(-1))),
    ]
    # inf is a number too, where it makes no nan: h1 = h2 = f(inf) = 1, o1 = f(1).
    assert printed(["-2", "inf"])[1][-1] == "feedforward([-2, inf]) = {}".format(sigmoid(1.0))


# A bad command line: exit status 2, and one line on stderr that names the problem.
BAD = [
    ("unknown command", ["abc"], "unknown command 'abc': try predict, backprop, train, web, or X1 X2"),
    ("a word for X1", ["abc", "1"], "unknown command 'abc': try predict, backprop, train, web, or X1 X2"),
    ("a misspelled command", ["predcit", "128", "63"], "unknown command 'predcit': did you mean predict?"),
    ("one number", ["1"], "expected 2 numbers X1 X2, got 1"),
    ("three numbers", ["1", "2", "3"], "expected 2 numbers X1 X2, got 3"),
    ("nan", ["nan", "1"], "'nan' is not a number"),
    ("inf times 0", ["inf", "1"], "weights[0]*inputs[0] is 0*inf = nan"),
    ("401 digits", ["1" * 401, "1"], "'{}...{}' is beyond the range of a float".format("1" * 59, "1" * 9)),
    ("1e400", ["1", "-1e400"], "'-1e400' is beyond the range of a float"),
    ("backprop inf", ["backprop", "inf", "1", "1"], "'inf' is not a finite number"),
    ("backprop of 2", ["backprop", "1", "2"], "expected 3 numbers X1 X2 Y_TRUE, got 2"),
    ("negative epochs", ["train", "--epochs", "-1"], "--epochs must be a whole number >= 0, got '-1'"),
    ("epochs 2.5", ["train", "--epochs", "2.5"], "--epochs must be a whole number >= 0, got '2.5'"),
    ("learn rate 0", ["train", "--learn-rate", "0"], "--learn-rate must be a number > 0, got '0'"),
    ("learn rate nan", ["train", "--learn-rate", "nan"], "--learn-rate must be a number > 0, got 'nan'"),
    ("no learn rate", ["train", "--learn-rate"], "--learn-rate needs a value"),
    ("port 65536", ["web", "--port", "65536"], "--port must be a whole number from 0 to 65535, got '65536'"),
    ("save no folder", ["train", "--save", "/no/such/folder/w.json"],
     "cannot write the weights to /no/such/folder/w.json (No such file or directory)"),
    ("load no file", ["--load", "/no/such/file.json", "1", "2"],
     "cannot read /no/such/file.json (No such file or directory)"),
    ("an edition", ["--microbit"], "--microbit is made by the editions tool: python3 -m tools --microbit"),
    ("unknown option", ["train", "--bogus", "1"], "unknown option '--bogus'"),
    ("dash x", ["-x", "1"], "unknown option '-x'"),
    ("option misspelled", ["train", "--epoch", "5"], "unknown option '--epoch': did you mean --epochs?"),
    ("option without its hyphen", ["train", "--learnrate", "1"],
     "unknown option '--learnrate': did you mean --learn-rate?"),
    ("option twice", ["train", "--epochs", "5", "--epochs", "6"], "--epochs is given twice"),
    ("save with backprop", ["backprop", "--save", "w.json"], "--save makes no sense with backprop"),
    ("seed and load", ["train", "--seed", "2", "--load", "w.json"],
     "--seed picks the random start and --load starts from FILE: give one"),
    ("shift without people", ["train", "--shift", "1", "2"],
     "--shift shifts the measurements of --people FILE: give both"),
    ("shift of one", ["train", "--people", "people.csv", "--shift", "1"], "--shift needs two numbers A B"),
    ("shift of a word", ["train", "--people", "people.csv", "--shift", "a", "2"],
     "--shift must be two numbers A B: 'a' is not a number"),
    ("predict a word", ["predict", "abc", "70"], "'abc' is not a number"),
    ("predict one", ["predict", "160"], "expected 2 numbers WEIGHT_LB HEIGHT_IN, got 1"),
    ("people missing", ["train", "--people", "/no/such.csv"], "cannot read /no/such.csv (No such file or directory)"),
]


@each(BAD)
def test_a_bad_command_line_gets_one_line_and_status_2(case):
    name, args, problem = case
    status, out, err = printed_by(main, args, must_catch=False)
    assert status == 2
    if out is not None:
        assert (out, err) == ("", "network.py: error: {} (see: python3 network.py --help)\n".format(
            problem))


def test_a_bad_command_line_in_a_process_of_its_own():
    status, out, err = python(["network.py", "train", "--epochs", "x"])
    assert (status, out) == (2, "")
    assert err == ("network.py: error: --epochs must be a whole number >= 0, got 'x'"
                   " (see: python3 network.py --help)\n")


def test_train_save_then_load():
    with Scratch() as folder:
        path = folder + "/weights.json"
        status, lines = printed(["train", "--epochs", "20", "--report-every", "5", "--seed", "3",
                                 "--learn-rate", "0.5", "--save", path])
        assert status == 0 and lines[-1] == "saved the trained weights to " + path
        assert [line[:line.index(":")] for line in lines[:4]] == [
            "Epoch 0 loss", "Epoch 5 loss", "Epoch 10 loss", "Epoch 15 loss"]
        trained = OurNeuralNetwork.random(seed=3)
        trained.train(*people(), learn_rate=0.5, epochs=20, report=None)
        loaded = OurNeuralNetwork.load(path)
        assert parameters(loaded) == parameters(trained)
        assert listing(folder) == ["weights.json"]
        assert sorted(json.loads(read(path).decode())) == sorted(
            ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"])  # the article's people: no shift
        status, lines = printed(["--load", path, "-2", "-1"])
        about = "the weights in {} ({})".format(path, weights_of(trained))
        assert (status, "\n".join(lines)) == (0, "\n".join(network_example([-2, -1], trained, about)))
        status, lines = printed(["--load", path, "backprop", "-7", "-3", "1"])
        assert status == 0 and lines[0] == (
            "Backpropagation for x = [-7, -3], y_true = 1, from the weights in " + path + " ("
            + weights_of(trained) + "):")


def weights_of(network):
    from learner import weights_text

    return weights_text(network)


def test_train_continues_from_saved_weights():
    with Scratch() as folder:
        path = folder + "/weights.json"
        assert printed(["train", "--epochs", "30", "--save", path])[0] == 0
        first = OurNeuralNetwork.load(path)
        status, lines = printed(["train", "--epochs", "20", "--load", path, "--save", path])
        assert status == 0 and lines[0] == "Training the weights in {} ({}):".format(
            path, weights_of(first))
        expected = OurNeuralNetwork.random(1)
        expected.train(*people(), epochs=30, report=None)
        assert parameters(first) == parameters(expected)
        expected.train(*people(), epochs=20, report=None)
        assert parameters(OurNeuralNetwork.load(path)) == parameters(expected)


def test_predict_with_saved_weights():
    from tests.helpers import network_from

    with Scratch() as folder:
        path = folder + "/weights.json"
        network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
        network.save(path)
        status, lines = printed(["predict", "135", "66", "--load", path])
        assert status == 0
        assert lines[0] == ("Weight 135 lb, height 66 in, shifted as in the article:"
                            " x = [135 - 135, 66 - 66] = [0, 0]")
        assert lines[1] == "The network, the weights in {} ({}), on x = [0, 0]:".format(
            path, weights_of(network))
        assert lines[-2] == "feedforward([0, 0]) = {}".format(network.feedforward([0, 0]))


# People of one's own: a people file


def people_csv():
    """people.csv's rows, read here with plain splits: [(name, a, b, answer or None)]."""
    with open(project() + "/people.csv") as f:
        rows = [line.split(",") for line in f.read().split("\n")[1:] if line]
    return [(r[0], float(r[1]), float(r[2]), float(r[3]) if r[3] else None) for r in rows]


def test_people_csv_holds_the_articles_six():
    rows = people_csv()
    assert [row[0] for row in rows] == ["Alice", "Bob", "Charlie", "Diana", "Emily", "Frank"]
    for (name, a, b, y), (article_name, x, article_y) in zip(rows, ARTICLE.train):
        assert (name, [a - 135, b - 66], y) == (article_name, x, article_y)
    assert [(name, [a - 135, b - 66]) for name, a, b, y in rows[4:]] == ARTICLE.predict


def test_train_on_the_articles_people_file_with_the_articles_shift_prints_what_train_prints():
    path = project() + "/people.csv"
    assert printed(["train", "--people", path, "--shift", "135", "66"]) == printed(["train"])
    assert printed(["train", "--people", path, "--shift", "135", "66", "--epochs", "7",
                    "--seed", "4"]) == printed(["train", "--epochs", "7", "--seed", "4"])


def test_train_on_a_people_file_shifts_by_the_mean_of_those_with_an_answer():
    rows = people_csv()
    answered = [row for row in rows if row[3] is not None]
    mean = (sum(row[1] for row in answered) / len(answered),
            sum(row[2] for row in answered) / len(answered))
    assert mean == (141.25, 66.75)
    status, lines = printed(["train", "--people", project() + "/people.csv", "--epochs", "40"])
    assert status == 0
    assert lines[0] == "shifted by the mean of your people: weight_lb - 141.25, height_in - 66.75"
    network = OurNeuralNetwork.random(1)
    reports = []
    network.train([[a - mean[0], b - mean[1]] for name, a, b, y in answered],
                  [y for name, a, b, y in answered], epochs=40, report=reports.append)
    assert lines[1:5] == reports
    assert lines[-2:] == ["Emily: [-13.25, -3.75] -> {:.3f}".format(network.feedforward([-13.25, -3.75])),
                          "Frank: [13.75, 1.25] -> {:.3f}".format(network.feedforward([13.75, 1.25]))]


def test_a_saved_file_keeps_the_shift_and_names_and_predict_applies_them():
    text = "name,weight_kg,height_cm,female\nJo,60,170,1\nAl,80,180,0\nMo,70,165,\n"
    with Scratch() as folder:
        path = folder + "/weights.json"
        write(folder + "/class.csv", text)
        status, lines = printed(["train", "--people", folder + "/class.csv", "--epochs", "30",
                                 "--save", path])
        assert status == 0 and lines[0] == (
            "shifted by the mean of your people: weight_kg - 70, height_cm - 175")
        saved = json.loads(read(path).decode())
        assert saved["shift"] == [70.0, 175.0]
        assert saved["names"] == ["weight_kg", "height_cm", "female"]
        network = OurNeuralNetwork.random(1)
        network.train([[-10, -5], [10, 5]], [1, 0], epochs=30, report=None)
        assert parameters(OurNeuralNetwork.load(path)) == parameters(network)
        status, lines = printed(["predict", "66", "171", "--load", path])
        assert status == 0
        assert lines[0] == ("weight_kg 66, height_cm 171, shifted as the weights were trained:"
                            " x = [66 - 70, 171 - 175] = [-4, -4]")
        y = network.feedforward([-4, -4])
        assert lines[-1] == ("Prediction: {:.3f}, near {}: {} (in your people's data 1 = female,"
                             " 0 = not female)".format(y, 1 if y >= 0.5 else 0,
                                                       "female" if y >= 0.5 else "not female"))


def test_weights_trained_on_people_of_ones_own_train_further_on_those_people_only():
    text = "name,weight_kg,height_cm,female\nJo,60,170,1\nAl,80,180,0\n"
    with Scratch() as folder:
        path = folder + "/weights.json"
        write(folder + "/class.csv", text)
        assert printed(["train", "--people", folder + "/class.csv", "--epochs", "10",
                        "--save", path])[0] == 0
        before = read(path)
        for args, other in (
                (["train", "--load", path, "--save", path], "135, height_in - 66"),  # lb and in: no
                (["train", "--load", path, "--people", project() + "/people.csv"], "70, height_in - 175"),
                (["train", "--load", path, "--people", folder + "/class.csv", "--shift", "71",
                  "175"], None)):
            status, out, err = printed_by(main, args, must_catch=False)
            assert status == 2 and read(path) == before
            if out is not None:
                assert out == "" and err == (
                    "network.py: error: {} was trained on weight_kg - 70, height_cm - 175, not {}:"
                    " give --people with those (and no other --shift) (see: python3 network.py"
                    " --help)\n".format(path, "weight_lb - " + other if other else
                                        "weight_kg - 71, height_cm - 175"))
        # With them, on from the saved weights and the saved shift (no mean said).
        status, lines = printed(["train", "--load", path, "--people", folder + "/class.csv",
                                 "--epochs", "5", "--save", path])
        assert status == 0 and lines[0].startswith("Training the weights in ")
        network = OurNeuralNetwork.random(1)
        network.train([[-10, -5], [10, 5]], [1, 0], epochs=10, report=None)
        network.train([[-10, -5], [10, 5]], [1, 0], epochs=5, report=None)
        assert parameters(OurNeuralNetwork.load(path)) == parameters(network)


def test_an_old_weights_file_loads_with_the_articles_shift_and_names():
    nine = '{"w1": 1, "w2": 1, "b1": 0, "w3": 1, "w4": 1, "b2": 0, "w5": 1, "w6": 1, "b3": 0}'
    with Scratch() as folder:
        path = folder + "/old.json"
        write(path, nine)
        status, lines = printed(["predict", "128", "63", "--load", path])
        assert status == 0
        assert lines[0] == ("Weight 128 lb, height 63 in, shifted as in the article:"
                            " x = [128 - 135, 63 - 66] = [-7, -3]")
        assert lines[-1].endswith("(in the article's data 1 = female, 0 = male)")


def test_parse_people_reads_names_measurements_and_answers():
    text = ('\ufeffname, weight_kg ,height_cm,female\r\n"Smith, Jo",60,170,1\r\n\r\n'
            'Al,80.5,180,0\r\nMo,70,165,\r\n')
    people_ = parse_people(text, "class.csv")
    assert people_.names == ("weight_kg", "height_cm", "female")
    assert people_.rows == [("Smith, Jo", 60.0, 170.0, 1.0), ("Al", 80.5, 180.0, 0.0),
                               ("Mo", 70.0, 165.0, None)]
    assert people_.mean and people_.shift == ((60 + 80.5) / 2, 175.0)
    assert people_.train == [("Smith, Jo", [60 - 70.25, -5.0], 1.0), ("Al", [80.5 - 70.25, 5.0], 0.0)]
    assert people_.predict == [("Mo", [70 - 70.25, -10.0])]
    shifted = parse_people(text, "class.csv", (60, 170))
    assert not shifted.mean and shifted.shift == (60, 170)
    assert shifted.train[1] == ("Al", [20.5, 10.0], 0.0)


def test_read_people_reads_a_file_and_names_it_in_its_errors():
    with Scratch() as folder:
        path = folder + "/class.csv"
        write(path, "name,a,b,y\nJo,1,2,1\nAl,3,4,0\n")
        assert read_people(path).train == [("Jo", [-1.0, -1.0], 1.0), ("Al", [1.0, 1.0], 0.0)]
        write(path, "name,a,b,y\nJo,1,2,1\nAl,3,x,0\n")
        assert raises(ValueError, read_people, path) == path + ", line 3: b: 'x' is not a number"


def test_the_readmes_command_examples_print_what_it_shows():
    # Each "$ python3 ..." line of the README, run: it prints the indented
    # lines shown under it, up to the next command (stdout and stderr together).
    python(["--version"])  # skips where there are no processes
    import subprocess
    import sys

    with open(project() + "/README.md") as f:
        lines = f.read().split("\n")
    examples = []
    collecting = False
    for line in lines:
        if line.startswith("    $ python3 "):
            examples.append((line[len("    $ python3 "):].split(), []))
            collecting = True
        elif collecting and (line.startswith("    ") or not line):  # a blank line: still the block
            examples[-1][1].append(line[4:])
        else:
            collecting = False
    for args, shown in examples:
        while shown and not shown[-1]:
            shown.pop()  # the blank lines after the block
    assert len(examples) >= 3
    for args, shown in examples:
        result = subprocess.run([sys.executable] + args, cwd=project(), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True)
        assert result.stdout.rstrip("\n").split("\n") == shown, args


def test_train_example_is_what_train_prints():
    lines = []
    network, end = train_example(report=lines.append)
    assert printed(["train"]) == (0, lines + end)
