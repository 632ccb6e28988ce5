"""Tests for learner.py: the lessons. Backpropagation by hand, the gradients,
the training run and its chart, predictions, for the article's people and for
people of one's own.

Plain test functions (see test_neuron.py): they run under pytest and, with
.ci/run_tests.py, on every interpreter of the matrix.
"""

from learner import (ARTICLE, backprop_example, gradients, predict,
                     predictions, shift_line, train_example, weights_text)
from network import PARAMETER_NAMES, OurNeuralNetwork, partial_derivatives
from neuron import Neuron, sigmoid
from support.chart import loss_chart
from support.people import People
from support.writing import figures
from tests.helpers import DOUBLE, INF, ROUNDING, network_from, parameters, people, raises

# People of one's own, as parse_people makes them: kg and cm, shifted by the
# mean of those with an answer.
CLASS = People(("weight_kg", "height_cm", "female"), (70.0, 175.0), True)
for _row in (("Jo", 60.0, 170.0, 1.0), ("Al", 80.0, 180.0, 0.0), ("Mo", 70.0, 165.0, None)):
    CLASS.add(*_row)


def test_gradients_are_the_partial_derivatives_by_name():
    network = OurNeuralNetwork.random(seed=3)
    before = parameters(network)
    d = gradients(network, [1, 2], 0)
    assert sorted(d) == sorted(PARAMETER_NAMES)
    expected = partial_derivatives(*(before + [[1.0, 2.0], 0.0]))
    assert [d[name] for name in PARAMETER_NAMES] == list(expected)
    assert parameters(network) == before  # the weights are not changed


def test_gradients_of_the_articles_example():
    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    d = gradients(network, [-2, -1], 1)
    article = [0.0215, 0.0107, -0.0107, 0.0215, 0.0107, -0.0107, -0.0113, -0.0113, -0.2376]
    assert [round(d[name], 4) for name in PARAMETER_NAMES] == article
    assert abs(d["w1"] - 0.02146953526581111) <= (1e-15 if DOUBLE else 1e-6)


def test_gradients_check_their_input_and_say_what_overflowed():
    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    assert raises(ValueError, gradients, network, [INF, 0], 1) == (
        "data[0][0] is inf: training needs finite numbers")
    assert raises(TypeError, gradients, network, [1, "a"], 1) == "data[0][1] must be a number, got 'a'"
    # h1's sum is 1e300 - 1e300 = 0 and o1's is 0 too, but d_L_d_w1 is
    # -1 * (w5 * 0.25) * (x1 * 0.25) = -1e300 * 1e300 / 16:
    through = network_from([1, 1, 0, 1, 1, 0, 1e300, -1e300, 0])
    assert raises(ValueError, gradients, through, [1e300, -1e300], 1) == (
        "d_L_d_w1 overflowed: the numbers are too large")
    wide = OurNeuralNetwork(Neuron([1, 1, 1], 0), Neuron([1, 1, 1], 0), Neuron([1, 1], 0))
    assert raises(ValueError, gradients, wide, [1, 2, 3], 1) == (
        "training follows the article's derivation for 2 inputs; h1 and h2 have 3 weights")


def test_train_example_prints_the_chart_and_the_predictions():
    lines = []
    network, end = train_example(report=lines.append)
    trained = OurNeuralNetwork.random(1)
    trained.train(*people(), report=None)
    assert parameters(network) == parameters(trained)
    assert len(lines) == 100
    assert end[0] == "Final loss (after epoch 999, the last): 0.002"
    if DOUBLE:
        assert end[-2:] == ["Emily: [-7, -3] -> 0.964", "Frank: [20, 2] -> 0.039"]
    assert end[-2:] == ["Emily: [-7, -3] -> {:.3f}".format(trained.feedforward([-7, -3])),
                        "Frank: [20, 2] -> {:.3f}".format(trained.feedforward([20, 2]))]
    chart = [line for line in end if "|" in line]
    assert len(chart) == 10
    assert chart[0].startswith(lines[0][-5:] + " |*")  # the first loss is the top


def test_train_example_on_people_of_ones_own():
    lines = []
    network, end = train_example(report=lines.append, epochs=30, people=CLASS)
    trained = OurNeuralNetwork.random(1)
    trained.train([[-10.0, -5.0], [10.0, 5.0]], [1.0, 0.0], epochs=30, report=None)
    assert parameters(network) == parameters(trained)
    assert len(lines) == 3
    assert end[-1] == "Mo: [0, -10] -> {:.3f}".format(trained.feedforward([0.0, -10.0]))


def test_predictions_and_the_shift_line():
    network = OurNeuralNetwork()
    assert predictions(network) == ["Emily: [-7, -3] -> {:.3f}".format(network.feedforward([-7, -3])),
                                    "Frank: [20, 2] -> {:.3f}".format(network.feedforward([20, 2]))]
    assert predictions(network, CLASS) == ["Mo: [0, -10] -> {:.3f}".format(
        network.feedforward([0, -10]))]
    assert shift_line(CLASS) == "shifted by the mean of your people: weight_kg - 70, height_cm - 175"
    assert shift_line(People(CLASS.names, (68.25, 172.625), True)) == (
        "shifted by the mean of your people: weight_kg - 68.25, height_cm - 172.625")


def test_backprop_by_hand_is_the_articles_calculation():
    lines = backprop_example()  # every weight 1, every bias 0, Alice: x = [-2, -1], y_true = 1
    assert lines[0] == ("Backpropagation for x = [-2, -1], y_true = 1, from every weight 1 and"
                        " every bias 0:")
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
    assert lines[13].startswith("Exactly (partial_derivatives, as training uses it): d_L/d_w1 = ")
    exact = float(lines[13].split(" = ")[-1])
    assert exact == partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)[0]
    assert abs(exact - 0.02146953526581111) <= (1e-15 if DOUBLE else 1e-6)
    # 0.02147 is 0.0215 to 3 figures: the article's 0.0214 comes from rounding on the way.
    assert lines[14] == ("The hand calculation gets 0.0214 because each factor was rounded to 3"
                         " figures on the way.")


def test_backprop_nine_derivatives_and_one_step_match_training():
    lines = backprop_example()[-9:]
    network = network_from([1, 1, 0, 1, 1, 0, 1, 1, 0])
    partials = gradients(network, [-2, -1], 1)
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
    for x, y_true in (([-2, -1], 1), ([25, 6], 0), ([-15, -6], 1), ([0.5, -1.5], 0.3)):
        lines = backprop_example(x, y_true)
        for line in lines[8:12]:
            expression, result = line.split(" = ")[-2:]
            value = eval(expression, {})
            assert abs(float(result) - value) <= 0.005 * abs(value) + 1e-12, line
        for line in lines[3:6]:  # h = f(sum) = f(s) = value
            weighted_sum, s, value = line.split(" = ")[1:]
            s = float(s[2:-1])
            assert abs(s - eval(weighted_sum[2:-1], {})) <= 0.005 * abs(s) + 1e-12, line
            assert abs(float(value) - sigmoid(s)) <= 0.005 * float(value), line


def test_three_significant_figures():
    cases = [(0.0474258731775668, "0.0474"), (-0.952, "-0.952"), (31, "31"), (1234.5, "1230"),
             (0.0999999, "0.1"), (9.77e-11, "9.77e-11"), (0, "0"), (1.0, "1"), (-2, "-2"),
             (-0.0, "0"), (-1e-30, "-1e-30"), (123456789.0, "1.23e8")]
    for x, text in cases:
        assert figures(x) == text, (x, figures(x))


def test_loss_chart_axis_ends_at_the_last_epoch_trained():
    lines = []
    network, end = train_example(report=lines.append, epochs=25)
    assert [line[:line.index(":")] for line in lines] == ["Epoch 0 loss", "Epoch 10 loss",
                                                          "Epoch 20 loss"]
    assert end[0].startswith("Final loss (after epoch 24, the last): ")
    assert end[-4].split() == ["0", "24", "epoch"]
    assert loss_chart([]) == ["loss: no epochs, so nothing to draw"]
    network, end = train_example(report=None, epochs=0)
    assert end[0].startswith("Final loss (no epochs trained): ")
    assert parameters(network) == parameters(OurNeuralNetwork.random(1))


def test_loss_chart_draws_each_loss_at_its_height():
    assert loss_chart([0.5, 0.25], report_every=10, final=0.0, epochs=20, height=3) == [
        "loss", "0.500 |*", "      | *", "0.000 |  *", "      +---", "       0 19  epoch"]


def test_predict_shifts_the_inputs_and_says_what_the_answer_means():
    emily = predict(128, 63)
    assert emily[0] == ("Weight 128 lb, height 63 in, shifted as in the article:"
                        " x = [128 - 135, 63 - 66] = [-7, -3]")
    assert emily[1].startswith("The network, trained as in the article (seed 1, 1000 epochs")
    assert emily[2].startswith("h1 = f(") and "\no1 = f(" in emily[2]
    frank = predict(155, 68)
    assert frank[0].endswith("x = [155 - 135, 68 - 66] = [20, 2]")
    # The same network as the training run's, which gives Emily and Frank.
    trained, lines = train_example(report=None)
    for lines, x, shown in ((emily, [-7, -3], "[-7, -3]"), (frank, [20, 2], "[20, 2]")):
        y = trained.feedforward(x)
        assert lines[-2] == "feedforward({}) = {}".format(shown, y)
        assert lines[-1] == ("Prediction: {:.3f}, near {}: {} (in the article's data 1 = female,"
                             " 0 = male)".format(y, 1 if y >= 0.5 else 0,
                                                 "female" if y >= 0.5 else "male"))
    if DOUBLE:
        assert emily[-1].startswith("Prediction: 0.964, near 1: female")
        assert frank[-1].startswith("Prediction: 0.039, near 0: male")


def test_predict_for_people_of_ones_own_in_their_words():
    network = network_from([0, 1, 0, 0, 1, 0, 1, 1, -1])
    lines = predict(60, 170, network, "mine", CLASS)
    assert lines[0] == ("weight_kg 60, height_cm 170, shifted as the weights were trained:"
                        " x = [60 - 70, 170 - 175] = [-10, -5]")
    assert lines[1] == "The network, mine, on x = [-10, -5]:"
    y = network.feedforward([-10, -5])
    assert lines[-1] == ("Prediction: {:.3f}, near {}: {} (in your people's data 1 = female,"
                         " 0 = not female)".format(y, 1 if y >= 0.5 else 0,
                                                   "female" if y >= 0.5 else "not female"))


def test_predict_refuses_what_is_not_a_finite_number():
    network = OurNeuralNetwork()
    assert raises(ValueError, predict, INF, 66, network, "mine") == (
        "weight_lb and height_in must be finite numbers")
    assert raises(TypeError, predict, "a", 66, network, "mine") == (
        "weight_lb must be a number, got 'a'")
    assert raises(ValueError, predict, 60, INF, network, "mine", CLASS) == (
        "weight_kg and height_cm must be finite numbers")


def test_weights_text_and_the_articles_people():
    assert weights_text(network_from([0.5, -1, 0, 1, 1, 2, 3, 4, 0.25])) == (
        "h1: w = [0.5, -1], b = 0; h2: w = [1, 1], b = 2; o1: w = [3, 4], b = 0.25")
    assert ARTICLE.names == ("weight_lb", "height_in", "female")
    assert ARTICLE.shift == (135, 66) and not ARTICLE.mean
    # Alice is 133 lb and 65 in; Frank 155 lb and 68 in (the article's table).
    assert ARTICLE.train[0] == ("Alice", [133 - 135, 65 - 66], 1)
    assert ARTICLE.predict[1] == ("Frank", [155 - 135, 68 - 66])
    assert ARTICLE.ranges == ((120, 160), (60, 72))
