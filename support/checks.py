"""The network's and training's arguments, checked at the door: not the article's code.

network.py calls these so that its functions can be the article's lines:

    neurons(h1, h2, o1, Neuron)         OurNeuralNetwork's three neurons
    finite_parameters(values, names)    the nine weights and biases, finite floats
    pairs(y_true, y_pred)               mse_loss's two lists, finite floats
    training_set(network, data, ...)    train's arguments, checked once before the first step
    diverged(error, epoch, ...)         what train raises when it stops part way

Each raises TypeError (not a number, not a list) or ValueError (nan, inf,
out of range, lengths that differ) with a message that names the culprit.
"""

from math import isnan

from support.numbers import finite, length, number, whole_number

INF = float("inf")


def neurons(h1, h2, o1, kind):
    """Do h1, h2 and o1 make the article's network? Three objects of kind (Neuron),
    h1 and h2 with one weight per input, o1 with one for each of h1 and h2."""
    for name, neuron in (("h1", h1), ("h2", h2), ("o1", o1)):
        if not isinstance(neuron, kind):
            raise TypeError("{} must be a Neuron, got {!r}".format(name, neuron))
    if len(h1.weights) != len(h2.weights):
        raise ValueError("h1 and h2 see the same inputs, so need the same number of"
                         " weights; got {} and {}".format(len(h1.weights), len(h2.weights)))
    if len(o1.weights) != 2:
        raise ValueError("o1 takes h1 and h2 as inputs: it needs 2 weights, got {}".format(
            len(o1.weights)))


def finite_parameters(values, names):
    """values (w1, w2, b1, ... by names) as a tuple of finite floats, or the error naming one.

    >>> finite_parameters([1, 0.5], ["w1", "w2"])
    (1.0, 0.5)
    """
    checked = []
    for name, value in zip(names, values):
        checked.append(finite(value, name))
    return tuple(checked)


def pairs(y_true, y_pred):
    """mse_loss's lists as lists of finite floats, the same length and not empty.

    >>> pairs([1, 0], (0.5, 0.25))
    ([1.0, 0.0], [0.5, 0.25])
    """
    n = length(y_true, "y_true")
    if length(y_pred, "y_pred") != n:
        raise ValueError("y_true and y_pred must be the same length, got {} and {}".format(
            n, len(y_pred)))
    trues = []
    preds = []
    for i in range(n):
        trues.append(finite(y_true[i], "y_true[{}]", i))
        preds.append(finite(y_pred[i], "y_pred[{}]", i))
    return trues, preds


def training_set(network, data, all_y_trues, learn_rate=0.1, epochs=0, report_every=1,
                 report=None):
    """train's arguments, checked: (samples, labels, learn_rate, epochs, a slot for
    each report's loss).

    >>> training_set(None, [(-2, -1)], [1])
    ([[-2.0, -1.0]], [1.0], 0.1, 0, [])

    network (None: any) must be three different neurons of finite weights,
    for 2 inputs. Anything not a number raises TypeError; a nan or inf in the
    data, data too large for the network's weights, lengths that differ,
    labels beyond 0..1, or settings out of range, ValueError naming it.
    """
    weights = None
    if network is not None:
        if network.h1 is network.h2 or network.h1 is network.o1 or network.h2 is network.o1:
            raise ValueError("to train, h1, h2 and o1 must be three different Neuron objects")
        weights = network.parameters()
        for w in weights:
            if w == INF or w == -INF or isnan(w):
                raise ValueError("the network has a weight or bias of {}: training needs finite"
                                 " ones".format(w))
    if report is not None and not callable(report):
        raise TypeError("report must be a function, such as print, or None; got {!r}".format(report))
    epochs = whole_number(epochs, "epochs", 0)
    report_every = whole_number(report_every, "report_every", 1)
    learn_rate = number(learn_rate, "learn_rate")
    if not 0 < learn_rate < INF:
        raise ValueError("learn_rate must be > 0 and finite, got {!r}".format(learn_rate))
    n = length(data, "data")
    if length(all_y_trues, "all_y_trues") != n:
        raise ValueError("data and all_y_trues must be the same length, got {} and {}".format(
            n, len(all_y_trues)))
    samples = []
    labels = []
    for i in range(n):
        if length(data[i], "data[{}]".format(i)) != 2:
            raise ValueError("data[{}] must have 2 features, got {}".format(i, len(data[i])))
        samples.append([_datum(data[i][0], "data[{}][0]", i), _datum(data[i][1], "data[{}][1]", i)])
        overflowing = weights and _overflowing(weights, samples[i])
        if overflowing:
            raise ValueError("data[{}] is too large for the network's weights: {}'s weighted sum"
                             " is {} + {} + {}".format(i, *overflowing))
        label = _datum(all_y_trues[i], "all_y_trues[{}]", i)
        if not 0 <= label <= 1:  # what else could an output of 0..1 learn?
            raise ValueError("all_y_trues[{}] must be from 0 to 1, as the network's output is"
                             " (the article's answers are 1 and 0), got {!r}".format(i, label))
        labels.append(label)
    # One slot per report, made first, while a small board's heap still has
    # room in one piece (a list grown one item at a time needs ever larger blocks).
    reports = (epochs + report_every - 1) // report_every
    try:
        if reports > 10 ** 7:  # 80 MB of slots: more than any run can want
            raise MemoryError
        losses = [None] * reports
    except (MemoryError, OverflowError):
        raise ValueError("epochs={} is too many: no room for a loss every {} epochs (report less"
                         " often)".format(epochs, report_every)) from None
    return samples, labels, learn_rate, epochs, losses


def _datum(value, name, i):
    # A number of the training data, finite.
    value = number(value, name, i)
    if value == INF or value == -INF:
        raise ValueError("{} is inf: training needs finite numbers".format(name.format(i)))
    return value


def diverged(error, epoch, learn_rate, weights, names, data, losses, report_every):
    """What train raises when error stopped it in epoch, the weights as they were then:
    error itself where it came from report (raised once the epoch's loss was in
    losses) or where nothing overflowed; else a ValueError naming what overflowed
    (a weight, or a hidden neuron's weighted sum for a sample).
    """
    if epoch % report_every == 0 and losses[epoch // report_every] is not None:
        return error
    about = "training diverged in epoch {}: ".format(epoch)
    advice = "; is learn_rate {!r} too large, or the data?".format(learn_rate)
    for name, w in zip(names, weights):
        if isnan(w - w):  # inf - inf is nan
            return ValueError("{}{} overflowed ({}){}".format(about, name, w, advice))
    for i in range(len(data)):
        overflowing = _overflowing(weights, data[i])
        if overflowing:
            return ValueError("{}{}'s weighted sum for data[{}] overflowed ({} + {} + {}){}".format(
                about, overflowing[0], i, overflowing[1], overflowing[2], overflowing[3], advice))
    return error


def _overflowing(weights, x):
    # (the hidden neuron, and the terms) whose weighted sum for x is nan (inf - inf), or None.
    w1, w2, b1, w3, w4, b2 = weights[:6]
    for name, terms in (("h1", (w1 * x[0], w2 * x[1], b1)), ("h2", (w3 * x[0], w4 * x[1], b2))):
        if isnan(terms[0] + terms[1] + terms[2]):
            return (name,) + terms
    return None
