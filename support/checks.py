"""train's arguments, checked once before the first step: not the article's code.

network.py's train and gradients use training_set, normal_numbers uses
whole_number; the learner's command line checks its settings with them
before it prints a line.
"""

import sys

from neuron import length, number

INF = float("inf")


def whole_number(value, name, least=None):
    """value as an int (of at least least, if given), or an error naming it.

    >>> whole_number(1000, "epochs", 0), whole_number(3.0, "seed")
    (1000, 3)

    A number that is not whole (2.5) or out of range (less than least, or
    more epochs than an index can count) raises ValueError; anything that is
    not a number (a word, a bool), TypeError.
    """
    if type(value) is not int:
        if isinstance(value, bool) or not hasattr(value, "__index__") or getattr(value, "ndim", 0):
            try:  # 3.0, Decimal(3), Fraction(3) are whole numbers too; a bool or an array is not
                value = number(value, name)
            except TypeError:
                raise TypeError("{} must be a whole number, got {!r}".format(name, value)) from None
        else:  # numpy's integers, and any other integer type
            value = value.__index__()
    if value != value // 1 or least is not None and value < least:
        raise ValueError("{} must be a whole number{}, got {!r}".format(
            name, "" if least is None else " >= {}".format(least), value))
    if least is not None and value > sys.maxsize:  # epochs beyond what can ever run
        raise ValueError("{}={} is too many: more than can be counted".format(name, value))
    return int(value)


def training_set(data, all_y_trues, learn_rate=0.1, epochs=0, report_every=1, weights=(),
                 report=None):
    """train's arguments, checked: (samples, labels, learn_rate, epochs, report_every,
    a slot for each report's loss).

    >>> training_set([(-2, -1)], [1])
    ([[-2.0, -1.0]], [1.0], 0.1, 0, 1, [])

    Anything not a number raises TypeError; a nan or inf in the data or the
    weights, lengths that differ, or settings out of range, ValueError naming it.
    """
    if report is not None and not callable(report):
        raise TypeError("report must be a function, such as print, or None; got {!r}".format(report))
    for w in weights:
        if w == INF or w == -INF:
            raise ValueError("the network has a weight or bias of {}: training needs finite"
                             " ones".format(w))
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
        samples.append([number(data[i][0], "data[{}][0]", i), number(data[i][1], "data[{}][1]", i)])
        labels.append(number(all_y_trues[i], "all_y_trues[{}]", i))
        for value in samples[i] + [labels[i]]:
            if value == INF or value == -INF:
                raise ValueError("data[{0}] or all_y_trues[{0}] is inf: training needs finite"
                                 " numbers".format(i))
    # One slot per report, made first, while a small board's heap still has
    # room in one piece (a list grown one item at a time needs ever larger blocks).
    try:
        losses = [None] * ((epochs + report_every - 1) // report_every)
    except (MemoryError, OverflowError):
        raise ValueError("epochs={} is too many: no room for a loss every {} epochs".format(
            epochs, report_every)) from None
    return samples, labels, learn_rate, epochs, report_every, losses
