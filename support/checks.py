"""Checking the values that come in from outside.

The article's functions trust their arguments. This module is what lets them:
each public function of neuron.py and network.py hands what it is given to
one of these checks first, and works only with what the check returns. After
that, a value is trusted.

A number is anything that float() takes as a real number: an int, a float,
a Decimal, a Fraction or a numpy scalar. A word, a bool, a complex number, a
list, a set or a dict is not a number, and raises TypeError. A nan, or a
number too large for a float (an int of 400 digits), raises ValueError. An
infinity is a number, and each caller says whether it may be one.

>>> check_number(3, "bias")
3.0
>>> check_number("3", "weights[{}]", 1)
Traceback (most recent call last):
TypeError: weights[1] must be a number, got '3'

A list is anything with a length that can be indexed from 0, such as a list,
a tuple, an array.array or a numpy array. A word, bytes, a set or a dict is
not a list of numbers.

Every message names the value that is wrong, in the caller's words. The
values it quotes are cut short, so that a value of any size (an int of
5,000 digits, a list of a million items) still gives a one-line message.

The checks for single values come first, then those for the network and
its training. The module imports nothing of the project, so that every other
module may use it. It runs on CPython 3.6+, PyPy and MicroPython.
"""

import sys
from math import isnan

INF = float("inf")


# --- Single values and lists


def check_number(value, name, *index):
    """Return value as a float, or raise the error that names it as name.format(*index).

    An infinity is returned as it is: the caller decides whether it may be one.
    """
    dtype = getattr(value, "dtype", None)  # A numpy value may be a bool, a complex or an array.
    if (isinstance(value, (str, bytes, bytearray, bool, list, tuple, dict, set))
            or getattr(value, "ndim", 0) or getattr(dtype, "kind", "f") in "bcSUO"):
        raise TypeError("{} must be a number, got {}".format(name.format(*index), quoted(value)))
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise TypeError("{} must be a number, got {}".format(name.format(*index),
                                                             quoted(value))) from None
    except OverflowError:  # CPython raises this for an int or a Fraction beyond float range.
        result = None
    if result is not None and isnan(result):
        raise ValueError("{} is nan".format(name.format(*index)))
    # MicroPython turns a huge int into inf, and float() does the same with a huge Decimal.
    if result is None or abs(result) == INF and (
            isinstance(value, int) or not isinstance(value, float) and value != result):
        raise ValueError("{} is beyond the range of a float".format(name.format(*index)))
    return result


def check_finite(value, name, *index):
    """Return value as a finite float, or raise the error that names it.

    >>> check_finite(0.5, "w1")
    0.5
    >>> check_finite(float("inf"), "weights[{}]", 0)
    Traceback (most recent call last):
    ValueError: weights[0] must be a finite number, got inf
    """
    if type(value) is float and -INF < value < INF:  # The common case is decided at once.
        return value
    value = check_number(value, name, *index)
    if value == INF or value == -INF:
        raise ValueError("{} must be a finite number, got {}".format(name.format(*index), value))
    return value


def check_whole_number(value, name, least=None):
    """Return value as an int of at least least (if given), or raise the error that names it.

    >>> check_whole_number(1000, "epochs", 0), check_whole_number(3.0, "seed")
    (1000, 3)

    A whole float, Decimal or Fraction (3.0) is a whole number too; a bool
    is not. A number that is not whole, or is less than least, raises
    ValueError, and so does a count (least given) beyond what an index can
    count. Anything that is not a number raises TypeError.
    """
    if type(value) is not int:
        if isinstance(value, bool) or not hasattr(value, "__index__") or getattr(value, "ndim", 0):
            try:
                value = check_number(value, name)
            except TypeError:
                raise TypeError("{} must be a whole number, got {}".format(
                    name, quoted(value))) from None
        else:  # numpy's integers, and any other integer type, turn into an int here.
            value = value.__index__()
    if value != value // 1 or least is not None and value < least:
        raise ValueError("{} must be a whole number{}, got {}".format(
            name, "" if least is None else " >= {}".format(least), quoted(value)))
    if least is not None and value > sys.maxsize:
        raise ValueError("{}={} is too many: more than can be counted".format(name, quoted(value)))
    return int(value)


def list_length(values, name):
    """Return the length of values, a list of numbers with at least one item.

    >>> list_length((2, 3), "inputs")
    2

    Anything that is not such a list raises TypeError naming it as name; an
    empty list raises ValueError.
    """
    try:
        if isinstance(values, (str, bytes, bytearray, dict, set)):
            raise TypeError
        n = len(values)
        values[0:0]  # Only a list-like value can be sliced; a mapping cannot.
    except (TypeError, LookupError):
        raise TypeError("{} must be a list of numbers, got {}".format(name, quoted(values))) from None
    if n == 0:
        raise ValueError("{} must not be empty".format(name))
    return n


def check_weights_and_bias(weights, bias):
    """Return a neuron's weights, as a new list of finite floats, and its bias.

    >>> check_weights_and_bias((0, 1), 4)
    ([0.0, 1.0], 4.0)

    Weights that are not a list, or an empty list, raise as list_length
    says. A weight or a bias that is not a finite number raises as
    check_finite says.
    """
    n = list_length(weights, "weights")
    floats = []
    for i in range(n):  # A loop rather than a comprehension leaves a board's stack one call shallower.
        floats.append(check_finite(weights[i], "weights[{}]", i))
    return floats, check_finite(bias, "bias")


def quoted(value):
    """Return value as a message quotes it: its repr, cut short if it is long.

    >>> quoted("3"), quoted(10 ** 100)
    ("'3'", 'an integer of 101 digits')
    """
    try:
        text = repr(value)
    except ValueError:  # CPython refuses to write out an int of more than 4,300 digits.
        return "an integer of more than 4300 digits" if isinstance(value, int) else (
            "a value too long to write out")
    if len(text) <= 80:
        return text
    if isinstance(value, int) and not isinstance(value, bool):
        return "an integer of {} digits".format(len(text.lstrip("-")))
    return text[:60] + "..." + text[-10:]


# --- The network and its training


def check_neurons(h1, h2, o1, kind):
    """Raise an error unless h1, h2 and o1 make the article's network.

    Each must be an instance of kind (Neuron); h1 and h2 need one weight per
    input, the same number each, and o1 needs one weight for each of h1 and h2.
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


def check_parameters(values, names):
    """Return values, named w1, w2, b1, ... by names, as a tuple of finite floats.

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

    The result is (samples, labels, learn_rate, epochs, report_every, losses):
    the samples as lists of two floats, the labels as floats, the settings as
    a float and ints, and losses a list with a slot for each report.

    >>> check_training_set(None, [(-2, -1)], [1])
    ([[-2.0, -1.0]], [1.0], 0.1, 0, 1, [])

    The network (None for any) must have three different neurons of finite
    weights for 2 inputs. Anything that is not a number raises TypeError. A
    nan or an inf in the data, data too large for the network's weights,
    lengths that differ, a label outside 0 to 1, or a setting out of range
    raises ValueError naming it.
    """
    weights = None
    if network is not None:
        if not hasattr(network, "parameters") or not hasattr(network, "h1"):
            raise TypeError("network must be an OurNeuralNetwork, got {}".format(quoted(network)))
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
        if not 0 <= label <= 1:  # An output of 0 to 1 can learn nothing else.
            raise ValueError("all_y_trues[{}] must be from 0 to 1, as the network's output is"
                             " (the article's answers are 1 and 0), got {!r}".format(i, label))
        labels.append(label)
    # The slots for the losses are made before training starts, while a small
    # board's heap still has room in one piece: a list grown one item at a time
    # needs ever larger blocks.
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
    ValueError that names what overflowed: a weight, or a hidden neuron's
    weighted sum for one sample.
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
    # Return (the hidden neuron, its three terms) whose weighted sum for x is
    # nan, because inf - inf is nan, or None when both sums are numbers.
    w1, w2, b1, w3, w4, b2 = weights[:6]
    for name, terms in (("h1", (w1 * x[0], w2 * x[1], b1)), ("h2", (w3 * x[0], w4 * x[1], b2))):
        if isnan(terms[0] + terms[1] + terms[2]):
            return (name,) + terms
    return None
