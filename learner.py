"""The learner's lessons, beside the article's code: backpropagation by hand, the
training run with its chart, and predictions for people of your own.

Each lesson returns its lines of text, as the command line prints them
(command_line.py: python3 network.py --help) and the playground page shows them
(web/). The people a lesson trains on and predicts are a dict, as
command_line.read_people makes one from a file: ARTICLE, the article's six, by default.
"""

from math import isnan

from support.checks import training_set
from support.numbers import number, show, show_list

try:
    from network import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                         network_example, partial_derivatives)
except ImportError:  # a board, whose built-in network module wins: ours is ournetwork.py
    from ournetwork import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                            network_example, partial_derivatives)

INF = float("inf")
# The article's people: weight (lb) and height (in), shifted by 135 lb and 66 in,
# and the answer, 1 = female; four to train on, and Emily and Frank to predict.
ARTICLE = {"names": ("weight_lb", "height_in", "female"), "shift": (135, 66), "mean": False,
           "train": PEOPLE, "predict": NEW_PEOPLE}


def gradients(network, x, y_true):
    """The partial derivatives of the loss for one sample, by name, as training computes them.

    >>> network = OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
    >>> round(gradients(network, [-2, -1], 1)["w1"], 10)  # the article's 0.0214
    0.0214695353

    Bad input raises as in train; a result beyond float range, ValueError.
    """
    data, all_y_trues = training_set(network, [x], [y_true])[:2]
    partials = partial_derivatives(*(network.parameters() + (data[0], all_y_trues[0])))
    for name, d in zip(PARAMETER_NAMES, partials):
        if isnan(d - d):  # inf - inf is nan
            raise ValueError("d_L_d_{} overflowed: the numbers are too large".format(name))
    return dict(zip(PARAMETER_NAMES, partials))


def backprop_example(x=(-2, -1), y_true=1, network=None, about=None):
    """The article's partial derivative d_L/d_w1 worked by hand, then all nine exactly.

    The article's example (the defaults): every weight 1, every bias 0, and
    Alice, x = [-2, -1], y_true = 1. As a person with a calculator works,
    each number is written to 3 significant figures and each line uses the
    numbers above it as written:

    >>> print("\\n".join(backprop_example()[8:12]))
    d_L/d_ypred = -2 * (1 - 0.524) = -0.952
    d_ypred/d_h1 = w5 * f'(0.0948) = 1 * 0.524 * (1 - 0.524) = 0.249
    d_h1/d_w1 = x1 * f'(-3) = -2 * 0.0452 = -0.0904
    d_L/d_w1 = -0.952 * 0.249 * (-0.0904) = 0.0214

    The exact values come from partial_derivatives, as in training. Numbers
    too large for the calculation raise ValueError, as bad input does.
    """
    if network is None:
        network = OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
        about = about or "every weight 1 and every bias 0"
    about = about or "the weights " + weights_text(network)
    exact = gradients(network, x, y_true)  # checks x and y_true, and overflow
    x = [number(x[0], "x[0]"), number(x[1], "x[1]")]
    y_true = number(y_true, "y_true")
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = network.parameters()
    lines = [
        "Backpropagation for x = {}, y_true = {}, from {}:".format(show_list(x), show(y_true), about),
        "each number to 3 significant figures, each line using the numbers above it as written.",
        "",
        "h1 = " + network.h1.explain(x, figures),
        "h2 = " + network.h2.explain(x, figures),
    ]
    sum_h1 = as_written(w1 * x[0] + w2 * x[1] + b1)
    h1 = as_written(network.h1.feedforward(x))
    h2 = as_written(network.h2.feedforward(x))
    lines.append("o1 = " + network.o1.explain([h1, h2], figures))
    sum_o1 = as_written(w5 * h1 + w6 * h2 + b3)
    y_pred = o1 = as_written(network.o1.feedforward([h1, h2]))

    # The chain rule, as the article writes it:
    # d_L/d_w1 = d_L/d_ypred * d_ypred/d_h1 * d_h1/d_w1
    d_L_d_ypred = as_written(-2 * (y_true - y_pred))
    d_ypred_d_h1 = as_written(w5 * o1 * (1 - o1))  # w5 * f'(sum_o1)
    deriv_h1 = as_written(h1 * (1 - h1))  # f'(sum_h1)
    d_h1_d_w1 = as_written(x[0] * deriv_h1)
    d_L_d_w1 = as_written(d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1)
    for value in (sum_h1, sum_o1, d_L_d_ypred, d_ypred_d_h1, d_h1_d_w1, d_L_d_w1):
        if isnan(value - value):
            raise ValueError("the hand calculation overflowed: the numbers are too large")
    lines += [
        "",
        "d_L/d_w1 = d_L/d_ypred * d_ypred/d_h1 * d_h1/d_w1, by the chain rule:",
        "d_L/d_ypred = -2 * ({} - {}) = {}".format(figures(y_true), figures(y_pred),
                                                   figures(d_L_d_ypred)),
        "d_ypred/d_h1 = w5 * f'({}) = {} * {} * (1 - {}) = {}".format(
            figures(sum_o1), figures(w5), figures(o1), figures(o1), figures(d_ypred_d_h1)),
        "d_h1/d_w1 = x1 * f'({}) = {} * {} = {}".format(
            figures(sum_h1), figures(x[0]), bracket(figures(deriv_h1)), figures(d_h1_d_w1)),
        "d_L/d_w1 = {} * {} * {} = {}".format(
            figures(d_L_d_ypred), bracket(figures(d_ypred_d_h1)),
            bracket(figures(d_h1_d_w1)), figures(d_L_d_w1)),
    ]

    learn_rate = 0.1
    lines += [
        "",
        "Exactly (partial_derivatives, as training uses it): d_L/d_w1 = {}".format(
            exact["w1"] + 0.0),  # + 0.0: never -0.0
        "The hand calculation {} each factor was rounded to 3 figures on the way.".format(
            "agrees to 3 significant figures, though" if figures(exact["w1"]) == figures(d_L_d_w1)
            else "gets {} because".format(figures(d_L_d_w1))),
        "",
        "All nine exactly (4 decimals), and one step of SGD with learn_rate {}:".format(learn_rate),
    ]
    for name, value in zip(PARAMETER_NAMES, (w1, w2, b1, w3, w4, b2, w5, w6, b3)):
        d = exact[name]
        step = value - learn_rate * d
        if abs(step) == INF:
            raise ValueError("{} - {} * d_L/d_{} overflowed: the numbers are too large".format(
                name, learn_rate, name))
        left = "d_L/d_{} = {}".format(name, show(d))
        lines.append(left + " " * max(2, 20 - len(left)) + "{} = {} - {} * {} = {}".format(
            name, show(value), learn_rate, bracket(show(d)), show(step)))
    return lines


def figures(x):
    """x to 3 significant figures, as a person with a calculator writes it down.

    >>> figures(0.0474258), figures(-0.952), figures(1234.5), figures(9.77e-11), figures(-0.0)
    ('0.0474', '-0.952', '1230', '9.77e-11', '0')
    """
    if type(x) is not float:
        x = number(x, "x")
    if isnan(x) or abs(x) == INF:
        return str(x)
    if x == 0:
        return "0"  # and never -0
    text = "{:.2e}".format(x)  # 4.74e-02: three figures, and the power of 10
    power = int(text[text.index("e") + 1:])
    if power < -4 or power > 5:
        return text[:text.index("e")].rstrip("0").rstrip(".") + "e" + str(power)
    places = 2 - power
    if places <= 0:
        return str(int(float(text)))
    text = ("{:." + str(places) + "f}").format(float(text))
    return text.rstrip("0").rstrip(".")


def as_written(x):
    """The number a person goes on with: x to 3 significant figures."""
    return float(figures(x))


def bracket(text):
    """A factor after the first: 0.249 * (-0.0904) reads better than 0.249 * -0.0904."""
    return "(" + text + ")" if text.startswith("-") else text


def loss_chart(losses, report_every=10, final=None, epochs=None, height=10, width=50):
    """The losses train returns (one every report_every epochs), drawn in text.

    final, if given, is the loss after the last of epochs, drawn last, and
    the axis ends at that epoch:

    >>> print("\\n".join(loss_chart([0.5, 0.25], report_every=10, final=0.0, epochs=20, height=3)))
    loss
    0.500 |*
          | *
    0.000 |  *
          +---
           0 19  epoch

    No losses (no epochs) leave nothing to draw.
    """
    if not losses:
        return ["loss: no epochs, so nothing to draw"]
    if width < 1 or height < 2 or final is not None and epochs is None:
        raise ValueError("loss_chart needs a width of 1 or more, a height of 2 or more, and the"
                         " epochs with the final loss")
    for loss in losses + [final or 0.0]:
        if not 0 <= loss < INF:  # nan is not >= 0
            raise ValueError("a loss is a finite number >= 0, got {!r}".format(loss))
    step = max(1, (len(losses) + width - 1) // width)  # at most width columns, and final
    columns = list(range(0, len(losses), step))
    last = columns[-1] * report_every
    if final is not None and epochs - 1 > last:
        last = epochs - 1
    else:
        final = None
    top = max(max(losses), final or 0.0)
    lines = ["loss"]
    # Row by row from the top, each written out as it is drawn (no grid
    # of characters in memory: a small board has little heap).
    for row in range(height):
        if row == 0:
            line = "{:.3f} |".format(top)
        elif row == height - 1:
            line = "{:.3f} |".format(0.0)
        else:
            line = "      |"
        for i in columns + ([None] if final is not None else []):
            loss = final if i is None else losses[i]
            level = int(round(loss / top * (height - 1))) if top > 0 else 0
            line += "*" if level == height - 1 - row else " "
        lines.append(line.rstrip())
    count = len(columns) + (final is not None)
    lines.append("      +" + "-" * count)
    first = "0"
    gap = " " * max(1, count - len(first) - len(str(last)))
    lines.append("       " + first + gap + str(last) + "  epoch")
    return lines


def train_example(report=print, epochs=1000, learn_rate=0.1, seed=1, report_every=10,
                  network=None, people=ARTICLE):
    """The article's training run: train on people, then predict the others.

    From the seeded start (or network, trained further); returns the
    trained network and the lines that follow the reports: the final loss,
    the chart, and the predictions ("Emily: [-7, -3] -> 0.964").
    """
    data = [x for name, x, y in people["train"]]
    all_y_trues = [y for name, x, y in people["train"]]
    if network is None:
        network = OurNeuralNetwork.random(seed)
    losses = network.train(data, all_y_trues, learn_rate, epochs, report_every, report)
    return network, trained_lines(network, losses, epochs, report_every, people)


def trained_lines(network, losses, epochs, report_every=10, people=ARTICLE):
    """What train prints after its reports: the final loss, the chart, the predictions."""
    data = [x for name, x, y in people["train"]]
    all_y_trues = [y for name, x, y in people["train"]]
    final = mse_loss(all_y_trues, [network.feedforward(x) for x in data])
    if epochs:
        lines = ["Final loss (after epoch {}, the last): {:.3f}".format(epochs - 1, final)]
    else:
        lines = ["Final loss (no epochs trained): {:.3f}".format(final)]
    return lines + [""] + loss_chart(losses, report_every, final, epochs) + [
        ""] + predictions(network, people)


def predictions(network, people=ARTICLE):
    """The network's answer for each person to predict, as train prints it:

    >>> predictions(OurNeuralNetwork())
    ['Emily: [-7, -3] -> 0.512', 'Frank: [20, 2] -> 0.707']
    """
    lines = []
    for name, x in people["predict"]:
        lines.append("{}: {} -> {:.3f}".format(name, show_list(x), network.feedforward(x)))
    return lines


def shift_line(people):
    """How people's measurements are shifted to their mean, as train says it first:

    >>> shift_line(dict(ARTICLE, shift=(68.25, 172.625)))
    'shifted by the mean of your people: weight_lb - 68.25, height_in - 172.625'
    """
    return "shifted by the mean of your people: " + shifted(people)


def shifted(people):
    """people's two measurements and their shift: 'weight_lb - 135, height_in - 66'."""
    (a, b), (shift_a, shift_b) = people["names"][:2], people["shift"]
    return "{} - {}, {} - {}".format(a, show(shift_a), b, show(shift_b))


def predict(a, b, network=None, about=None, people=ARTICLE):
    """The network's answer for a person, as lines: the shift, the hand calculation, the meaning.

    a and b are the person's two measurements (for the article's people,
    weight in lb and height in in). Without a network, the article's:
    trained from seed 1 for 1000 epochs.

    >>> print("\\n".join(predict(128, 63)[-2:]))
    feedforward([-7, -3]) = 0.9644576138353858
    Prediction: 0.964, near 1: female (in the article's data 1 = female, 0 = male)
    """
    a_name, b_name, answer = people["names"]
    a = number(a, a_name)
    b = number(b, b_name)
    if abs(a) == INF or abs(b) == INF:
        raise ValueError("{} and {} must be finite numbers".format(a_name, b_name))
    shift = people["shift"]
    x = [a - shift[0], b - shift[1]]
    if network is None:
        network = train_example(None)[0]
        about = "trained as in the article (seed 1, 1000 epochs, learn rate 0.1)"
    y = network.feedforward(x)
    about = about or "of the weights " + weights_text(network)
    article = people["names"] == ARTICLE["names"] and shift == ARTICLE["shift"]
    if article:
        first = "Weight {} lb, height {} in, shifted as in the article".format(show(a), show(b))
        meaning = "in the article's data 1 = female, 0 = male"
    else:
        first = "{} {}, {} {}, shifted as the weights were trained".format(a_name, show(a), b_name,
                                                                            show(b))
        meaning = "in your people's data 1 = {0}, 0 = not {0}".format(answer)
    lines = ["{}: x = [{} - {}, {} - {}] = {}".format(first, show(a), show(shift[0]), show(b),
                                                    show(shift[1]), show_list(x))]
    lines += network_example(x, network, about)
    word = ("female" if y >= 0.5 else "male") if article else (
        answer if y >= 0.5 else "not " + answer)
    lines.append("Prediction: {:.3f}, near {}: {} ({})".format(y, 1 if y >= 0.5 else 0, word,
                                                              meaning))
    return lines


def weights_text(network):
    """A network's weights as the hand calculations write them.

    >>> weights_text(OurNeuralNetwork())
    'h1: w = [0, 1], b = 0; h2: w = [0, 1], b = 0; o1: w = [0, 1], b = 0'
    """
    weights = []
    for name, neuron in (("h1", network.h1), ("h2", network.h2), ("o1", network.o1)):
        weights.append("{}: w = {}, b = {}".format(name, show_list(neuron.weights), show(neuron.bias)))
    return "; ".join(weights)
