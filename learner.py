"""The lessons around the article: backpropagation by hand, the training run with its
chart, and predictions for people of one's own.

Each lesson returns its lines of text, which the command line prints and the
page (web/) and the notebooks show. The people a lesson trains on and predicts
are a support.people.People: the six of the article, ARTICLE, or one's own.
"""

from math import isnan

from support.chart import check_losses, loss_chart
from support.checks import INF, check_finite, check_number, check_whole_number, quoted
from support.network_checks import check_network, check_training_set
from support.people import People, check_people
from support.writing import as_written, bracket, figures, show, show_list

try:
    from network import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                         network_example, partial_derivatives)
except ImportError:  # A board with Wi-Fi has a network module; ours is ournetwork.py.
    from ournetwork import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                            network_example, partial_derivatives)

def article_people():
    """Return the six people of the article, with weights (lb) and heights (in) shifted by 135
    and 66, and the answer 1 for female. Four are to train on; Emily and Frank are to predict."""
    people = People(("weight_lb", "height_in", "female"), (135, 66))
    for name, x, y in PEOPLE:
        people.add(name, x[0] + 135, x[1] + 66, y)
    for name, x in NEW_PEOPLE:
        people.add(name, x[0] + 135, x[1] + 66)
    return people


ARTICLE = article_people()


def gradients(network, x, y_true):
    """Return the partial derivatives of the loss for one sample, by name, as training
    works them out.

    >>> network = OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
    >>> round(gradients(network, [-2, -1], 1)["w1"], 10)  # The article rounds it to 0.0214.
    0.0214695353

    Bad input raises as train's does; a result beyond the range of a float
    raises ValueError.
    """
    data, all_y_trues = check_training_set(check_network(network), [x], [y_true])[:2]
    return _gradients(network, data[0], all_y_trues[0])


def backprop_example(x=(-2, -1), y_true=1, network=None, about=None):
    """Return backpropagation for one sample as lines: d_L/d_w1 worked by hand, as the
    article works it, then all nine partial derivatives exactly, and one step of SGD.

    The defaults are the example of the article: every weight 1, every bias 0, and
    Alice, x = [-2, -1], y_true = 1. As a person with a calculator works,
    each number is written to 3 significant figures and each line uses the
    numbers above it as written:

    >>> print("\\n".join(backprop_example()[8:12]))
    d_L/d_ypred = -2 * (1 - 0.524) = -0.952
    d_ypred/d_h1 = w5 * f'(0.0948) = 1 * 0.524 * (1 - 0.524) = 0.249
    d_h1/d_w1 = x1 * f'(-3) = -2 * 0.0452 = -0.0904
    d_L/d_w1 = -0.952 * 0.249 * (-0.0904) = 0.0214

    The exact values come from partial_derivatives, as in training. Bad input
    raises as gradients says, and so do numbers too large for the calculation.
    """
    if network is None:
        network = OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
        about = about or "every weight 1 and every bias 0"
    about = _check_about(about) or "the weights " + weights_text(network)
    data, all_y_trues = check_training_set(network, [x], [y_true])[:2]
    x, y_true = data[0], all_y_trues[0]
    exact = _gradients(network, x, y_true)
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = network.parameters()
    lines = [
        "Backpropagation for x = {}, y_true = {}, from {}:".format(show_list(x), show(y_true),
                                                                   about),
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
            exact["w1"] + 0.0),  # Adding 0.0 turns -0.0 into 0.0.
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


def train_example(report=print, epochs=1000, learn_rate=0.1, seed=1, report_every=10,
                  network=None, people=ARTICLE):
    """Train on people, then predict the others, as the article does.

    Training starts from the seeded random start, or goes on from network.
    Return the trained network and the lines that follow the reports: the
    final loss, the chart and the predictions ("Emily: [-7, -3] -> 0.964").
    """
    data, all_y_trues = check_people(people).data()
    network = OurNeuralNetwork.random(seed) if network is None else check_network(network)
    losses = network.train(data, all_y_trues, learn_rate, epochs, report_every, report)
    return network, trained_lines(network, losses, epochs, report_every, people, learn_rate)


def trained_lines(network, losses, epochs, report_every=10, people=ARTICLE, learn_rate=0.1):
    """Return what train prints after its reports: the final loss, a line if the training
    ended saturated, the chart and the predictions."""
    data, all_y_trues = check_people(people).data()
    check_network(network)
    epochs = check_whole_number(epochs, "epochs", 0)  # The checked value is the one written.
    final = mse_loss(all_y_trues, [network.feedforward(x) for x in data])
    if epochs:
        lines = ["Final loss (after epoch {}, the last): {:.3f}".format(epochs - 1, final)]
    else:
        lines = ["Final loss (no epochs trained): {:.3f}".format(final)]
    note = saturation_note(network, people, losses, learn_rate)
    lines += [note] if note else []
    return lines + [""] + loss_chart(losses, report_every, final, epochs) + [
        ""] + predictions(network, people)


def saturation_note(network, people, losses, learn_rate):
    """Return one plain sentence if training ended saturated, or else None.

    Saturated means that the loss is still large and no longer falling, and
    that the neurons sit where the sigmoid is flat, so that the partial
    derivatives are nearly 0 and training is stuck: either every output is
    near 0 or 1 (a learning rate too large is the usual cause, or else weights
    too large), or h1 and h2 give every person the same output (which happens
    when the inputs are far from 0, because they were not shifted).
    """
    data, all_y_trues = check_people(people).data()
    check_network(network)
    losses = check_losses(losses, "losses")
    learn_rate = check_finite(learn_rate, "learn_rate")
    outputs = [network.feedforward(x) for x in data]
    final = mse_loss(all_y_trues, outputs)
    if not losses or final < 0.05 or final < 0.95 * losses[len(losses) // 2]:
        return None  # The network has learned, or its loss is still falling.
    if not [y for y in outputs if 0.01 < y < 0.99]:
        if learn_rate > 1:
            cause = ("the learning rate {} is the likely cause; try a smaller one, such as"
                     " 0.1".format(show(learn_rate)))
        else:  # A small learning rate, so the weights it started from are too large.
            cause = ("their weights are the likely cause, too large to learn from; start again"
                     " from smaller ones, such as a random start")
        return ("Every output is near 0 or 1 and the loss has stopped falling at {:.3f}: the"
                " neurons are saturated, and {}.".format(final, cause))
    for neuron in (network.h1, network.h2):
        hidden = [neuron.feedforward(x) for x in data]
        if max(hidden) - min(hidden) > 0.01 or [h for h in hidden if 0.01 < h < 0.99]:
            return None  # A hidden neuron still tells people apart, or can learn to.
    for j in (0, 1):
        inputs = [x[j] for x in data]
        if abs(sum([v / len(inputs) for v in inputs])) > max(inputs) - min(inputs):
            return ("Every person gets the same output and the loss has stopped falling at {:.3f}:"
                    " h1 and h2 are saturated, because the inputs are far from 0; shift them"
                    " nearer 0, as the article subtracts 135 lb and 66 in.".format(final))
    return None


def predictions(network, people=ARTICLE):
    """Return the network's answer for each person to predict, as train prints it.

    >>> predictions(OurNeuralNetwork())
    ['Emily: [-7, -3] -> 0.512', 'Frank: [20, 2] -> 0.707']
    """
    check_network(network)
    lines = []
    for name, x in check_people(people).predict:
        lines.append("{}: {} -> {:.3f}".format(name, show_list(x), network.feedforward(x)))
    return lines


def shift_line(people):
    """Return the line with which train says that it shifts people by their mean.

    >>> shift_line(People(("weight_kg", "height_cm", "female"), (68.25, 172.625), True))
    'shifted by the mean of your people: weight_kg - 68.25, height_cm - 172.625'
    """
    return "shifted by the mean of your people: " + check_people(people).shift_text()


def predict(a, b, network=None, about=None, people=ARTICLE):
    """Return the network's answer for a person as lines: the shift, the hand calculation, and
    what the answer means.

    a and b are the person's two measurements: for the people of the article,
    weight in lb and height in in. Without a network, the one trained as in
    the article (seed 1, 1000 epochs) answers.

    >>> print("\\n".join(predict(128, 63)[-2:]))
    feedforward([-7, -3]) = 0.9644576138353858
    Prediction: 0.964, near 1: female (in the article's data 1 = female, 0 = male)

    Where a and b lie far from the people the network learned from, a last
    line says that the answer means little (distance_note).
    """
    a_name, b_name, answer = check_people(people).names
    a = check_number(a, a_name)
    b = check_number(b, b_name)
    if abs(a) == INF or abs(b) == INF:
        raise ValueError("{} and {} must be finite numbers".format(a_name, b_name))
    x = people.shifted(a, b)
    _check_about(about)
    if network is not None:
        check_network(network)
    else:
        network = train_example(None)[0]
        about = "trained as in the article (seed 1, 1000 epochs, learn rate 0.1)"
    y = network.feedforward(x)
    about = about or "of the weights " + weights_text(network)
    article = people.names == ARTICLE.names and people.shift == ARTICLE.shift
    if article:
        first = "Weight {} lb, height {} in, shifted as in the article".format(show(a), show(b))
        meaning = "in the article's data 1 = female, 0 = male"
    else:
        first = "{} {}, {} {}, shifted as the weights were trained".format(a_name, show(a), b_name,
                                                                            show(b))
        meaning = "in your people's data 1 = {0}, 0 = not {0}".format(answer)
    lines = ["{}: x = [{} - {}, {} - {}] = {}".format(first, show(a), show(people.shift[0]),
                                                    show(b), show(people.shift[1]), show_list(x))]
    lines += network_example(x, network, about)
    word = ("female" if y >= 0.5 else "male") if article else (
        answer if y >= 0.5 else "not " + answer)
    lines.append("Prediction: {:.3f}, near {}: {} ({})".format(y, 1 if y >= 0.5 else 0, word,
                                                              meaning))
    note = distance_note(people, a, b)
    return lines + ([note] if note else [])


def distance_note(people, a, b):
    """Return one plain sentence if the measurements a and b lie far from the people the
    network learned from, so that its answer means little; or else None.

    Far means beyond the range of the people's measurements by more than its width (or a
    tenth of its upper end, or 1, if either is more). The sentence asks about the units.

    >>> print(distance_note(ARTICLE, 60, 170))
    60 lb and 170 in are far from the people this network learned from (weights from 120 to 160 lb, heights from 60 to 72 in): its answer means little. Were they in kg and cm?
    """
    a = check_number(a, check_people(people).names[0])  # An inf, which the page may send, is far.
    b = check_number(b, people.names[1])
    if people.ranges is None:
        return None
    article = people.names == ARTICLE.names
    far = []
    for value, (low, high), name, unit in zip((a, b), people.ranges, people.names,
                                              ("lb", "in")):
        width = max(high - low, abs(high) * 0.1, 1.0)
        if value < low - width or value > high + width:
            far.append("{} {}".format(show(value), unit) if article else "{} {}".format(
                name, show(value)))
    if not far:
        return None
    (low_a, high_a), (low_b, high_b) = [(show(low), show(high)) for low, high in people.ranges]
    if article:
        ranges = "weights from {} to {} lb, heights from {} to {} in".format(
            low_a, high_a, low_b, high_b)
        question = "Were they in kg and cm?"
    else:
        ranges = "{} from {} to {}, {} from {} to {}".format(
            people.names[0], low_a, high_a, people.names[1], low_b, high_b)
        question = "Were they in the units of {} and {}?".format(people.names[0], people.names[1])
    return ("{} {} far from the people this network learned from ({}): its answer means little."
            " {}".format(" and ".join(far), "are" if len(far) > 1 else "is", ranges, question))


def weights_text(network):
    """Return a network's weights as the hand calculations write them.

    >>> weights_text(OurNeuralNetwork())
    'h1: w = [0, 1], b = 0; h2: w = [0, 1], b = 0; o1: w = [0, 1], b = 0'
    """
    check_network(network)
    weights = []
    for name, neuron in (("h1", network.h1), ("h2", network.h2), ("o1", network.o1)):
        weights.append("{}: w = {}, b = {}".format(name, show_list(neuron.weights),
                                                   show(neuron.bias)))
    return "; ".join(weights)


# --- Private helpers


def _gradients(network, x, y_true):
    # Return the nine partial derivatives for one checked sample, by name, or
    # raise ValueError if one of them overflowed.
    partials = partial_derivatives(*(network.parameters() + (x, y_true)))
    for name, d in zip(PARAMETER_NAMES, partials):
        if isnan(d - d):  # This is nan exactly when d is inf or nan.
            raise ValueError("d_L_d_{} overflowed: the numbers are too large".format(name))
    return dict(zip(PARAMETER_NAMES, partials))


def _check_about(about):
    # Return about, the words that name a network, or raise TypeError unless it is words or None.
    if about is not None and not isinstance(about, str):
        raise TypeError("about must be words that name the network, got {}".format(quoted(about)))
    return about
