"""The article's neural network, and its worked examples.

    x1, x2  ->  h1, h2  ->  o1

Two inputs, a hidden layer with two neurons (h1, h2), and one output
neuron (o1) that takes h1 and h2 as its inputs.

Run it:  python3 network.py                the article's three worked examples
         python3 network.py X1 X2          the network on your own inputs
         python3 network.py --single-file  print neuron.py and network.py as one file
"""

import sys

from neuron import Neuron, _show


class OurNeuralNetwork:
    """A neural network with 2 inputs, hidden neurons h1 and h2, output o1.

    With no arguments every neuron has the article's w = [0, 1], b = 0:

    >>> network = OurNeuralNetwork()
    >>> network.feedforward([2, 3])
    0.7216325609518421

    Or bring your own three neurons; o1 needs 2 weights (one for h1, one
    for h2), and h1 and h2 need the same number of weights:

    >>> network = OurNeuralNetwork(Neuron([1, -1], 0), Neuron([2, 0], 1), Neuron([0.5, 0.5], 0))
    >>> round(network.feedforward([2, 3]), 4)
    0.6527
    """

    def __init__(self, h1=None, h2=None, o1=None):
        if h1 is None and h2 is None and o1 is None:
            weights = [0, 1]
            bias = 0
            h1 = Neuron(weights, bias)
            h2 = Neuron(weights, bias)
            o1 = Neuron(weights, bias)
        for name, neuron in (("h1", h1), ("h2", h2), ("o1", o1)):
            if not isinstance(neuron, Neuron):
                raise TypeError("{} must be a Neuron, got {!r}".format(name, neuron))
        if len(h1.weights) != len(h2.weights):
            raise ValueError(
                "h1 and h2 see the same inputs, so need the same number of weights;"
                " got {} and {}".format(len(h1.weights), len(h2.weights))
            )
        if len(o1.weights) != 2:
            raise ValueError(
                "o1 takes h1 and h2 as inputs, so needs 2 weights, got {}".format(
                    len(o1.weights)
                )
            )
        self.h1 = h1
        self.h2 = h2
        self.o1 = o1

    def feedforward(self, x):
        """The network's output o1 for the inputs x, a number between 0 and 1.

        Bad inputs raise as in Neuron.feedforward.
        """
        out_h1 = self.h1.feedforward(x)
        out_h2 = self.h2.feedforward(x)
        # The inputs for o1 are the outputs from h1 and h2
        out_o1 = self.o1.feedforward([out_h1, out_h2])
        return out_o1

    def explain(self, x):
        """The same calculation as feedforward, one line per neuron.

        >>> print(OurNeuralNetwork().explain([2, 3]))
        h1 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        h2 = f(0*2 + 1*3 + 0) = f(3) = 0.9526
        o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216
        """
        out_h = [self.h1.feedforward(x), self.h2.feedforward(x)]
        return "\n".join([
            "h1 = " + self.h1.explain(x),
            "h2 = " + self.h2.explain(x),
            "o1 = " + self.o1.explain(out_h),
        ])


def _list(values):
    return "[" + ", ".join([_show(v) for v in values]) + "]"


def neuron_example(weights, bias, x):
    """One neuron on the inputs x: the hand calculation, then the exact result."""
    neuron = Neuron(weights, bias)
    return [
        "A neuron with w = {}, b = {}, on x = {}:".format(_list(weights), _show(bias), _list(x)),
        "y = " + neuron.explain(x),
        "feedforward({}) = {}".format(_list(x), neuron.feedforward(x)),
    ]


def network_example(network, x):
    """The network on the inputs x: the hand calculation, then the exact result."""
    return [
        "The network, every neuron with w = [0, 1], b = 0, on x = {}:".format(_list(x)),
        network.explain(x),
        "feedforward({}) = {}".format(_list(x), network.feedforward(x)),
    ]


def worked_examples():
    """The article's three worked examples, as lines of text."""
    return (
        neuron_example([0.4, 0.7], 0.2, [0.5, 0.3])
        + [""]
        + neuron_example([0, 1], 4, [2, 3])
        + [""]
        + network_example(OurNeuralNetwork(), [2, 3])
    )


def single_file():
    """neuron.py, then network.py without its import of neuron, as one file.

    For a one-file exercise; made from the real modules so it cannot drift.
    """
    network_lines = _read_beside("network.py").split("\n")
    return "".join([
        "# neuron.py and network.py as one file, made by: python3 network.py --single-file\n",
        "# Run it: python3 ournn.py\n\n",
        _read_beside("neuron.py"),
        "\n\n",
        "\n".join([line for line in network_lines if not line.startswith("from neuron import")]),
    ])


def _read_beside(name):
    # No os.path on MicroPython: cut the folder off __file__ by hand.
    cut = max(__file__.rfind("/"), __file__.rfind("\\")) + 1
    with open(__file__[:cut] + name) as f:
        return f.read()


USAGE = "usage: python3 network.py [X1 X2 | --single-file]"


def main(args):
    """Print the worked examples, or the network on the inputs in args."""
    if not args:
        print("\n".join(worked_examples()))
        return 0
    if args[0] in ("-h", "--help"):
        print(USAGE)
        print("With no arguments, print the article's worked examples;")
        print("with two numbers, run the article's network on them;")
        print("with --single-file, print neuron.py and network.py as one file.")
        return 0
    if args == ["--single-file"]:
        try:
            print(single_file(), end="")
        except OSError as error:
            print("network.py: error: --single-file needs neuron.py and network.py"
                  " side by side ({})".format(error), file=sys.stderr)
            return 2
        return 0
    try:
        x = _parse_inputs(args)
        lines = network_example(OurNeuralNetwork(), x)
    except ValueError as error:
        print("network.py: error: {}".format(error), file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def _parse_inputs(args):
    x = []
    for text in args:
        try:
            value = float(text)
        except ValueError:
            raise ValueError("{!r} is not a number".format(text))
        if value != value:
            raise ValueError("{!r} is not a number".format(text))
        x.append(value)
    if len(x) != 2:
        raise ValueError("expected 2 inputs X1 X2, got {} ({})".format(len(x), USAGE))
    return x


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
