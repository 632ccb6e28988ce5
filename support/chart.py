"""The losses of a training run, drawn in text: the chart that `python3 network.py train` prints.

No plotting library is needed, and a small board can draw it too: each row is
written out as it is drawn, with no grid of characters held in memory.
"""

from support.checks import INF


def loss_chart(losses, report_every=10, final=None, epochs=None, height=10, width=50):
    """Return the losses that train returns, one every report_every epochs, drawn in text.

    final, if given, is the loss after the last of epochs: it is drawn last,
    and the axis ends at that epoch.

    >>> print("\\n".join(loss_chart([0.5, 0.25], report_every=10, final=0.0, epochs=20, height=3)))
    loss
    0.500 |*
          | *
    0.000 |  *
          +---
           0 19  epoch

    With no losses (no epochs) there is nothing to draw.
    """
    if not losses:
        return ["loss: no epochs, so nothing to draw"]
    if width < 1 or height < 2 or final is not None and epochs is None:
        raise ValueError("loss_chart needs a width of 1 or more, a height of 2 or more, and the"
                         " epochs with the final loss")
    for loss in losses + [final or 0.0]:
        if not 0 <= loss < INF:  # A nan is not >= 0 either.
            raise ValueError("a loss is a finite number >= 0, got {!r}".format(loss))
    step = max(1, (len(losses) + width - 1) // width)  # At most width columns, then final.
    columns = list(range(0, len(losses), step))
    last = columns[-1] * report_every
    if final is not None and epochs - 1 > last:
        last = epochs - 1
    else:
        final = None
    top = max(max(losses), final or 0.0)
    lines = ["loss"]
    # The chart is drawn row by row from the top, each row written out as it
    # is drawn: a grid of characters in memory would take a small board's heap.
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
