"""Checking the network's and the training's arguments, with the checks of support/checks.py.

network.py's functions hand what they are given to these checks first. The
checks cover the network's three neurons, its nine parameters, mse_loss's two
lists, and train's data and settings, which are all checked once, before the
first step of training. When training stops part way, divergence_error says
why.

>>> check_parameters([1, 0.5], ["w1", "w2"])
(1.0, 0.5)

Anything that is not a number raises TypeError; a nan, an inf, a value out
of range or lengths that differ raise ValueError, each naming the value.
"""

from math import isnan

from support.checks import (INF, check_finite, check_number, check_whole_number, list_length,
                            quoted)


def check_neurons(h1, h2, o1, kind):
    """Raise an error unless h1, h2 and o1 make the network of section 2.

    Each must be an instance of kind, which is the Neuron class. h1 and h2
    need one weight per input, and so the same number of weights, and o1
    needs one weight for each of h1 and h2.
    """
    for name, neuron in (("h1", h1), ("h2", h2), ("o1", o1)):
        if not isinstance(neuron, kind):
            raise TypeError("{} must be a Neuron, got {}".format(name, quoted(neuron)))
    if len(h1.weights) != len(h2.weights):
        raise ValueError("h1 and h2 see the same inputs, so need the same number of"
                         " weights; got {} and {}".format(len(h1.weights), len(h2.weights)))
    if len(o1.weights) != 2:
        raise ValueError("o1 takes h1 and h2 as inputs: it needs 2 weights, got {}".format(
            len(o1.weights)))


def check_network(network):
    """Return network if it is an OurNeuralNetwork (or made like one), or raise the TypeError
    that names what it is instead."""
    if not hasattr(network, "parameters") or not hasattr(network, "h1"):
        raise TypeError("network must be an OurNeuralNetwork, got {}".format(quoted(network)))
    return network


def check_parameters(values, names):
    """Return values as a tuple of finite floats, or raise the error that names the one at
    fault by the matching item of names (w1, w2, b1, ...).

    >>> check_parameters([1, 0.5], ["w1", "w2"])
    (1.0, 0.5)
    """
    checked = []
    for name, value in zip(names, values):
        checked.append(check_finite(value, name))
    return tuple(checked)


def check_pairs(y_true, y_pred):
    """Return mse_loss's two lists as lists of finite floats, of the same length.

    >>> check_pairs([1, 0], (0.5, 0.25))
    ([1.0, 0.0], [0.5, 0.25])
    """
    n = list_length(y_true, "y_true")
    if list_length(y_pred, "y_pred") != n:
        raise ValueError("y_true and y_pred must be the same length, got {} and {}".format(
            n, len(y_pred)))
    trues = []
    preds = []
    for i in range(n):
        trues.append(check_finite(y_true[i], "y_true[{}]", i))
        preds.append(check_finite(y_pred[i], "y_pred[{}]", i))
    return trues, preds


def check_training_set(network, data, all_y_trues, learn_rate=0.1, epochs=0, report_every=1,
                       report=None):
    """Return train's arguments, checked, as the training uses them.

    The result is (samples, labels, learn_rate, epochs, report_every, losses).
    The samples come back as lists of two floats and the labels as floats;
    learn_rate is a float, epochs and report_every are ints, and losses is a
    list with an empty slot (None) for each report.

    >>> check_training_set(None, [(-2, -1)], [1])
    ([[-2.0, -1.0]], [1.0], 0.1, 0, 1, [])

    The network must have three different neurons with finite weights for 2
    inputs. When network is None, it is not checked, and neither is the data
    against its weights. Anything that is not a number raises TypeError. A
    nan or an inf in the data, data too large for the network's weights,
    lengths that differ, a label outside 0 to 1, or a setting out of range
    raises ValueError naming it.
    """
    weights = None
    if network is not None:
        check_network(network)
        if network.h1 is network.h2 or network.h1 is network.o1 or network.h2 is network.o1:
            raise ValueError("to train, h1, h2 and o1 must be three different Neuron objects")
        weights = network.parameters()
        for w in weights:
            if w == INF or w == -INF or isnan(w):
                raise ValueError("the network has a weight or bias of {}: training needs finite"
                                 " ones".format(w))
    if report is not None and not callable(report):
        raise TypeError("report must be a function, such as print, or None; got {}".format(
            quoted(report)))
    epochs = check_whole_number(epochs, "epochs", 0)
    report_every = check_whole_number(report_every, "report_every", 1)
    learn_rate = check_number(learn_rate, "learn_rate")
    if not 0 < learn_rate < INF:
        raise ValueError("learn_rate must be > 0 and finite, got {!r}".format(learn_rate))
    n = list_length(data, "data")
    if list_length(all_y_trues, "all_y_trues") != n:
        raise ValueError("data and all_y_trues must be the same length, got {} and {}".format(
            n, len(all_y_trues)))
    samples = []
    labels = []
    for i in range(n):
        if list_length(data[i], "data[{}]".format(i)) != 2:
            raise ValueError("data[{}] must have 2 features, got {}".format(i, len(data[i])))
        samples.append([_datum(data[i][0], "data[{}][0]", i), _datum(data[i][1], "data[{}][1]", i)])
        overflowing = weights and _overflowing(weights, samples[i])
        if overflowing:
            raise ValueError("data[{}] is too large for the network's weights: {}'s weighted sum"
                             " is {} + {} + {}".format(i, *overflowing))
        label = _datum(all_y_trues[i], "all_y_trues[{}]", i)
        # The sigmoid's output lies between 0 and 1, so a label outside that range cannot be
        # learned.
        if not 0 <= label <= 1:
            raise ValueError("all_y_trues[{}] must be from 0 to 1, as the network's output is"
                             " (the article's answers are 1 and 0), got {!r}".format(i, label))
        labels.append(label)
    # The slots for the losses are made before training starts, while the heap
    # still has room in one piece, because a list grown one item at a time needs
    # ever larger blocks. On a board, a small microcontroller such as the BBC
    # micro:bit with a few kilobytes of heap, that room soon runs out.
    reports = (epochs + report_every - 1) // report_every
    try:
        if reports > 10 ** 7:  # That many slots would take 80 MB, more than any run needs.
            raise MemoryError
        losses = [None] * reports
    except (MemoryError, OverflowError):
        raise ValueError("epochs={} is too many: no room for a loss every {} epochs"
                         " (report less often)".format(epochs, report_every)) from None
    return samples, labels, learn_rate, epochs, report_every, losses


def divergence_error(error, epoch, learn_rate, weights, names, data, losses, report_every):
    """Return the exception that train raises when error stopped it in epoch.

    weights are the nine parameters as they were when it stopped. An error
    raised by the caller's report (after the epoch's loss was kept), or one
    where nothing overflowed, is returned as it is. Otherwise the result is a
    ValueError that names what overflowed, which is either a weight or a
    hidden neuron's weighted sum for one sample.
    """
    if epoch % report_every == 0 and losses[epoch // report_every] is not None:
        return error
    about = "training diverged in epoch {}: ".format(epoch)
    advice = "; is learn_rate {!r} too large, or the data?".format(learn_rate)
    for name, w in zip(names, weights):
        if isnan(w - w):  # This is nan exactly when w is inf or nan.
            return ValueError("{}{} overflowed ({}){}".format(about, name, w, advice))
    for i in range(len(data)):
        overflowing = _overflowing(weights, data[i])
        if overflowing:
            return ValueError("{}{}'s weighted sum for data[{}] overflowed ({} + {} + {}){}".format(
                about, overflowing[0], i, overflowing[1], overflowing[2], overflowing[3], advice))
    return error


# --- Private helpers


def _datum(value, name, i):
    # Return a number of the training data as a finite float.
    value = check_number(value, name, i)
    if value == INF or value == -INF:
        raise ValueError("{} is inf: training needs finite numbers".format(name.format(i)))
    return value


def _overflowing(weights, x):
    # Return (name, term, term, term) for the first hidden neuron whose weighted
    # sum for x is nan, as it is when one term is inf and another -inf. Return
    # None when both sums are numbers.
    w1, w2, b1, w3, w4, b2 = weights[:6]
    for name, terms in (("h1", (w1 * x[0], w2 * x[1], b1)), ("h2", (w3 * x[0], w4 * x[1], b2))):
        if isnan(terms[0] + terms[1] + terms[2]):
            return (name,) + terms
    return None
