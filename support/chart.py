"""The chart of a training run's losses, drawn in text, that `python3 network.py train` prints.

No plotting library is needed, and a board can draw the chart too. (In this
project a board means a small microcontroller such as the BBC micro:bit,
which runs MicroPython in a few kilobytes of heap.) Each row is finished as
a line of text before the next is begun, so no grid of characters is ever
held in memory.
"""

from support.checks import INF, check_finite, check_whole_number, quoted


def loss_chart(losses, report_every=10, final=None, epochs=None, height=10, width=50):
    """Return a chart, as a list of lines of text, of the losses that train returns, one
    every report_every epochs.

    If final is given, it is the loss after the last epoch, and epochs must
    be given too. It is then drawn as the last column, and the axis ends at
    that epoch, unless the losses already reach it.

    >>> print("\\n".join(loss_chart([0.5, 0.25], report_every=10, final=0.0, epochs=20, height=3)))
    loss
    0.500 |*
          | *
    0.000 |  *
          +---
           0 19  epoch

    When there are no losses, because training ran for no epochs, the chart is
    a single line that says there is nothing to draw.
    """
    # The checked values are used from here on, so that what is drawn is what was checked.
    losses = check_losses(losses, "losses")
    report_every = check_whole_number(report_every, "report_every", 1)
    height = check_whole_number(height, "height", 2)
    width = check_whole_number(width, "width", 1)
    if final is not None:
        if epochs is None:
            raise ValueError("loss_chart needs the epochs with the final loss")
        final = check_losses([final], "final")[0]
        epochs = check_whole_number(epochs, "epochs", 0)
    if not losses:
        return ["loss: no epochs, so nothing to draw"]
    # A column for every step-th loss makes at most width columns, plus one for final.
    step = max(1, (len(losses) + width - 1) // width)
    columns = list(range(0, len(losses), step))
    last = columns[-1] * report_every
    if final is not None and epochs - 1 > last:
        last = epochs - 1
    else:
        final = None
    top = max(max(losses), final or 0.0)
    lines = ["loss"]
    # The chart is drawn row by row from the top, and each row is finished as a
    # line of text before the next begins, because a grid of characters in
    # memory would take too much of a board's heap.
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


def check_losses(losses, name):
    """Return losses, such as train returns, as a list of finite floats >= 0, or raise the
    error that names the one at fault as name[i].

    >>> check_losses((0.5, 0), "losses")
    [0.5, 0.0]
    """
    if type(losses) is list and not [loss for loss in losses
                                     if type(loss) is not float or not 0 <= loss < INF]:
        # This is train's own list, used as it is, because a copy would need as much
        # heap again, which a board may not have.
        return losses
    try:
        if isinstance(losses, (str, bytes, dict, set)):
            raise TypeError
        n = len(losses)
    except TypeError:
        raise TypeError("{} must be a list of losses, got {}".format(name,
                                                                   quoted(losses))) from None
    checked = []
    for i in range(n):
        loss = check_finite(losses[i], name + "[{}]", i)
        if loss < 0:
            raise ValueError("{}[{}] is a loss, so must be >= 0, got {!r}".format(name, i, loss))
        checked.append(loss)
    return checked
