"""The learner's tools, beside the article's code: backpropagation by hand,
the training run with its loss chart, predictions for your own numbers,
saved weights, and the command line that runs them all.

usage: python3 network.py               the article's three worked examples
       python3 network.py X1 X2         the article's network on the inputs X1 X2
       python3 network.py predict WEIGHT_LB HEIGHT_IN [--load FILE]
               is this person female (near 1) or male (near 0)? The inputs
               are shifted as in the article (minus 135 lb, minus 66 in);
               the network is the article's trained one, or FILE's
       python3 network.py backprop [X1 X2 Y_TRUE] [--load FILE]
               backpropagation by hand for one sample (default: Alice, -2 -1 1),
               from every weight 1 and every bias 0, or from FILE's weights
       python3 network.py train [--epochs N] [--learn-rate R] [--seed S]
                                [--report-every K] [--load FILE] [--save FILE]
               train on the article's four people (defaults: 1000 epochs,
               learn rate 0.1, seed 1, the loss every 10 epochs), from the
               seeded start or from FILE's weights; --save writes the result
       python3 network.py --load FILE X1 X2     a saved network on X1 X2
       python3 network.py web [--port P]        the playground page, served on
               127.0.0.1 (default port 8000); open the address it prints
       python3 learner.py ...                   the same commands
The editions (one file, the exercise, the micro:bit) are made by
python3 -m tools --help, in a checkout of the project.
"""

import sys
from math import isnan

from neuron import number, show, show_list
from support.checks import training_set

try:
    from network import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                         network_example, worked_examples)
except ImportError:  # a board, whose built-in network module wins: ours is ournetwork.py
    from ournetwork import (NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss,
                            network_example, worked_examples)

# The article's shift: its data is weight minus 135 lb and height minus 66 in.
SHIFT = (135, 66)
INF = float("inf")


def backprop_example(x=(-2, -1), y_true=1, network=None, about="every weight 1 and every bias 0"):
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
    gradients = network.gradients(x, y_true)  # checks x and y_true, and overflow
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
        if isnan(value) or abs(value) == INF:
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
    exact = gradients["w1"]
    lines += [
        "",
        "Exactly (partial_derivatives, as training uses it): d_L/d_w1 = {}".format(exact),
        "The hand calculation {} each factor was rounded to 3 figures on the way.".format(
            "agrees to 3 significant figures, though" if figures(exact) == figures(d_L_d_w1)
            else "gets {} because".format(figures(d_L_d_w1))),
        "",
        "All nine exactly (4 decimals), and one step of SGD with learn_rate {}:".format(learn_rate),
    ]
    for name, value in zip(PARAMETER_NAMES, (w1, w2, b1, w3, w4, b2, w5, w6, b3)):
        d = gradients[name]
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

    >>> figures(0.0474258), figures(-0.952), figures(1234.5), figures(9.77e-11)
    ('0.0474', '-0.952', '1230', '9.77e-11')
    """
    if type(x) is not float:
        x = number(x, "x")
    if isnan(x) or abs(x) == INF:
        return str(x)
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
                  network=None):
    """The article's training run: the four people, then Emily and Frank.

    From the seeded start (or network, trained further); returns the
    trained network and the lines that follow the reports: the final loss,
    the chart, and the predictions.
    """
    data = [x for name, x, y in PEOPLE]
    all_y_trues = [y for name, x, y in PEOPLE]
    if network is None:
        network = OurNeuralNetwork.random(seed)
    losses = network.train(data, all_y_trues, learn_rate, epochs, report_every, report)
    final = mse_loss(all_y_trues, [network.feedforward(x) for x in data])
    if epochs:
        lines = ["Final loss (after epoch {}, the last): {:.3f}".format(epochs - 1, final)]
    else:
        lines = ["Final loss (no epochs trained): {:.3f}".format(final)]
    lines += [""] + loss_chart(losses, report_every, final, epochs) + [""]
    for name, x in NEW_PEOPLE:
        lines.append("{}: {} -> {:.3f}".format(name, show_list(x), network.feedforward(x)))
    return network, lines


def predict(weight_lb, height_in, network=None, about=None):
    """The network's answer for a person, as lines: the shift, the hand calculation, the meaning.

    Without a network, the article's: trained from seed 1 for 1000 epochs.

    >>> print("\\n".join(predict(128, 63)[-2:]))
    feedforward([-7, -3]) = 0.9644576138353858
    Prediction: 0.964, near 1: female (in the article's data 1 = female, 0 = male)
    """
    weight_lb = number(weight_lb, "weight_lb")
    height_in = number(height_in, "height_in")
    if abs(weight_lb) == INF or abs(height_in) == INF:
        raise ValueError("weight_lb and height_in must be finite numbers")
    x = [weight_lb - SHIFT[0], height_in - SHIFT[1]]
    if network is None:
        network, lines = train_example(None)
        about = "trained as in the article (seed 1, 1000 epochs, learn rate 0.1)"
    y = network.feedforward(x)
    lines = ["Weight {} lb, height {} in, shifted as in the article: x = [{} - {}, {} - {}] = {}".format(
        show(weight_lb), show(height_in), show(weight_lb), SHIFT[0], show(height_in), SHIFT[1],
        show_list(x))]
    lines += network_example(x, network, about)
    lines.append("Prediction: {:.3f}, near {}: {} (in the article's data 1 = female, 0 = male)".format(
        y, 1 if y >= 0.5 else 0, "female" if y >= 0.5 else "male"))
    return lines


# --- The command line

# Each command's options, and what each value must be.
OPTIONS = {
    "train": {"--epochs": "a whole number >= 0", "--learn-rate": "a number > 0",
              "--seed": "a whole number", "--report-every": "a whole number >= 1",
              "--save": "a file name", "--load": "a file name"},
    "predict": {"--load": "a file name"},
    "backprop": {"--load": "a file name"},
    "x": {"--load": "a file name"},
    "web": {"--port": "a whole number >= 0"},
}
# Every option of some command: a word that is an option and never its value.
ALL_OPTIONS = [option for command in OPTIONS for option in OPTIONS[command]]
EDITIONS = ("--single-file", "--exercise", "--microbit")
# What `web` serves: the page, and the modules it fetches.
SERVED = ("/web", "/neuron.py", "/network.py", "/learner.py")  # and the files in these folders:
SERVED_FOLDERS = ("/web/", "/support/")


def main(args):
    """Do what the command line args ask (see the usage above); returns the exit status.

    A bad command line gets one line on stderr and exit status 2, and no
    file is written.
    """
    if args in (["-h"], ["--help"]):
        print(__doc__[__doc__.index("usage:"):].rstrip() if __doc__ else "usage: see learner.py")
        return 0
    try:
        if args[:1] in (["-h"], ["--help"]):
            raise ValueError("{} takes nothing after it".format(args[0]))
        words, options = parse(args)
        if not words:
            if options:
                raise ValueError("--load FILE needs X1 X2, predict, backprop or train with it")
            lines = worked_examples()
        elif words[0] == "train":
            return train_command(words[1:], options)
        elif words[0] == "web":
            return serve(words[1:], options)
        else:
            network, about = loaded(options.get("--load"))
            if words[0] == "backprop":
                sample = numbers(words[1:], "X1 X2 Y_TRUE") if words[1:] else [-2, -1, 1]
                lines = backprop_example(sample[:2], sample[2], **_given(network, about))
            elif words[0] == "predict":
                weight_lb, height_in = numbers(words[1:], "WEIGHT_LB HEIGHT_IN")
                lines = predict(weight_lb, height_in, network, about)
            else:
                lines = network_example(numbers(words, "X1 X2", finite=False),
                                        **_given(network, about))
    except (ValueError, TypeError) as error:
        return refuse(error)
    for line in lines:
        print(line)
    return 0


def _given(network, about):
    # The keyword arguments for a network from --load, if any.
    return {"network": network, "about": about} if network is not None else {}


def parse(args):
    """The words (a command and its numbers) and the options of a command line, checked.

    >>> parse(["train", "--epochs", "20"])
    (['train'], {'--epochs': '20'})

    An unknown option or command, an option given twice, without its value,
    or with a command that does not take it, raises ValueError.
    """
    words, options = [], {}
    i = 0
    while i < len(args):
        text = args[i]
        if not text.startswith("-") or _is_number(text):
            words.append(text)
            i += 1
            continue
        if text in EDITIONS:
            raise ValueError("{0} is made by the editions tool: python3 -m tools {0}".format(text))
        if text not in ALL_OPTIONS:
            raise ValueError("unknown option {!r}".format(text))
        if text in options:
            raise ValueError("{} is given twice".format(text))
        value = args[i + 1] if i + 1 < len(args) else None
        if value is None or value in ALL_OPTIONS:  # --save --epochs: no file named --epochs
            raise ValueError("{} needs a value".format(text))
        options[text] = value
        i += 2
    command = words[0] if words and words[0] in OPTIONS else "x"
    if command == "x" and len(words) == 1 and not _is_number(words[0]):
        raise ValueError("unknown command {!r}: try predict, backprop, train, web, or X1 X2".format(
            words[0]))
    for option in options:
        if option not in OPTIONS[command]:
            raise ValueError("{} makes no sense {}".format(option, "with " + command if command != "x"
                                                           else "here"))
    if "--load" in options and "--seed" in options:
        raise ValueError("--seed picks the random start and --load starts from FILE: give one")
    return words, options


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def numbers(texts, names, finite=True):
    """The command line's numbers, as many as names has, as floats.

    >>> numbers(["-2", "1.5"], "X1 X2")
    [-2.0, 1.5]

    A word, nan, inf (where finite) or a wrong count raise ValueError.
    """
    values = []
    for text in texts:
        value = float(text) if _is_number(text) else float("nan")
        if isnan(value):
            raise ValueError("{!r} is not a number".format(text))
        if finite and abs(value) == INF:
            raise ValueError("{!r} is not a finite number".format(text))
        values.append(value)
    if len(values) != len(names.split()):
        raise ValueError("expected {} numbers {}, got {}".format(
            len(names.split()), names, len(values)))
    return values


def loaded(path):
    """(network, what to call it) from the weights file path, or (None, None) without one."""
    if path is None:
        return None, None
    try:
        network = OurNeuralNetwork.load(path)
    except OSError as error:
        raise ValueError("cannot read {} ({})".format(path, reason(error))) from None
    return network, "the weights in {} ({})".format(path, weights_text(network))


def weights_text(network):
    """A network's weights as the hand calculations write them.

    >>> weights_text(OurNeuralNetwork())
    'h1: w = [0, 1], b = 0; h2: w = [0, 1], b = 0; o1: w = [0, 1], b = 0'
    """
    weights = []
    for name, neuron in (("h1", network.h1), ("h2", network.h2), ("o1", network.o1)):
        weights.append("{}: w = {}, b = {}".format(name, show_list(neuron.weights), show(neuron.bias)))
    return "; ".join(weights)


def train_settings(options):
    """train's settings from their options' texts, each checked (--save and --load aside).

    >>> train_settings({"--epochs": "20", "--learn-rate": "0.5"})
    {'epochs': 20, 'learn_rate': 0.5}

    A value that is not what its option takes raises ValueError, naming it.
    """
    settings = {}
    for option in sorted(options):
        text = options[option]
        must_be = OPTIONS["train"][option]
        if option in ("--save", "--load"):
            continue
        try:
            value = int(text) if "whole" in must_be else float(text)
        except ValueError:
            value = None
        # nan is not > 0; inf is not a usable learn rate.
        if (value is None or must_be.endswith(">= 0") and value < 0
                or must_be.endswith(">= 1") and value < 1
                or must_be.endswith("> 0") and not 0 < value < INF):
            raise ValueError("{} must be {}, got {!r}".format(option, must_be, text))
        settings[option[2:].replace("-", "_")] = value  # --learn-rate: learn_rate
    return settings


def train_command(words, options):
    """train [--option value]...: every value checked, then the training, then --save."""
    if words:
        raise ValueError("train takes options only, got {!r}".format(words[0]))
    settings = train_settings(options)
    network, about = loaded(options.get("--load"))
    save = options.get("--save")
    if save is not None:  # can it be written? Now, not after the training; nothing is made
        from support.files import can_save

        _file_error(save, lambda: can_save(save, PARAMETER_NAMES))
    # Every setting checked before the first line is printed (and the
    # losses' list tried: too many epochs for the memory is an error now).
    training_set([[0, 0]], [0], settings.get("learn_rate", 0.1), settings.get("epochs", 0),
                 settings.get("report_every", 10))
    if network is not None:
        print("Training {}:".format(about))
    network, lines = train_example(print, network=network, **settings)
    for line in lines:
        print(line)
    if save is not None:
        _file_error(save, lambda: network.save(save))
        print("saved the trained weights to " + save)
    return 0


def _file_error(path, action):
    # action(), with a file's OSError as a ValueError that names the file.
    try:
        return action()
    except OSError as error:
        raise ValueError("cannot write the weights to {} ({})".format(path, reason(error))) from None


def serve(words, options):
    """web [--port P]: serve the project on 127.0.0.1 for the playground page, until Ctrl-C."""
    if words:
        raise ValueError("web takes --port only, got {!r}".format(words[0]))
    text = options.get("--port", "8000")
    port = int(text) if text and all([c in "0123456789" for c in text]) else -1  # not ², say
    if not 0 <= port <= 65535:
        raise ValueError("--port must be a whole number from 0 to 65535, got {!r}".format(text))
    try:
        import os
        from http.server import HTTPServer, SimpleHTTPRequestHandler
        from posixpath import normpath
        from socketserver import ThreadingMixIn
        from urllib.parse import unquote
    except ImportError:
        raise ValueError("web needs a Python with http.server, such as CPython") from None
    project = os.path.dirname(os.path.abspath(__file__))
    if not os.path.isfile(os.path.join(project, "web", "index.html")):
        raise ValueError("web needs the folder web/ beside learner.py, as in a checkout of"
                         " the project")

    class Handler(SimpleHTTPRequestHandler):
        # The page and the modules it runs, and nothing else of the folder (.git, say).
        def send_head(self):
            # The path as the file is found: %2e%2e decoded to .., then .. taken out.
            path = normpath(unquote(self.path.split("?")[0].split("#")[0]))
            if path not in SERVED and not path.startswith(SERVED_FOLDERS):
                self.send_error(404, "not part of the playground")
                return None
            return SimpleHTTPRequestHandler.send_head(self)

        def log_message(self, *args):  # quiet: the address is all a learner needs
            pass

    class Server(ThreadingMixIn, HTTPServer):  # a connection left open stops no other
        daemon_threads = True

        def handle_error(self, request, client_address):  # a browser that went away: quiet
            error = sys.exc_info()[1]
            if not isinstance(error, OSError):
                print("network.py web: {}".format(one_line(error)), file=sys.stderr)

    os.chdir(project)
    try:
        server = Server(("127.0.0.1", port), Handler)
    except OSError as error:
        raise ValueError("cannot serve on port {} ({})".format(port, reason(error))) from None
    print("The playground: http://127.0.0.1:{}/web/ (Ctrl-C stops the server)".format(
        server.server_address[1]))
    sys.stdout.flush()
    server.serve_forever()
    return 0


def refuse(error, program="network.py", usage="python3 network.py --help"):
    """A bad command line: one line on stderr that names the problem; returns 2, its exit status."""
    print("{}: error: {} (see: {})".format(program, one_line(error), usage), file=sys.stderr)
    return 2


def one_line(error):
    """An error's message on one line: a newline in it (in a file name, say) is written \\n."""
    return str(error).replace("\n", "\\n").replace("\r", "\\r")


def reason(error):
    """What an OSError says went wrong, without its number: "No such file or directory"."""
    return getattr(error, "strerror", None) or str(error)


def run(main, args, program="network.py"):
    """main(args) for the command line: its exit status, with one line for Ctrl-C
    (status 130) or an output that cannot be written (1: a full disk, a closed
    stdout), and quiet when the reader has gone (141, a broken pipe, as Unix tools)."""
    try:
        if sys.stdout is None:  # started with stdout closed
            raise OSError(9, "stdout is closed")
        if hasattr(sys.stdout, "reconfigure"):  # a file name that is not UTF-8: \xff, no traceback
            sys.stdout.reconfigure(errors="backslashreplace")
        status = main(args)
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        print("{}: interrupted".format(program), file=sys.stderr)
        return 130
    except OSError as error:  # writing to stdout: EPIPE (32), the reader has gone; or ENOSPC...
        closed = error.args[:1] == (32,)
        if not closed and sys.stderr is not None:
            print("{}: error: cannot write the output ({})".format(program, one_line(reason(error))),
                  file=sys.stderr)
        try:  # so that Python's own last flush at exit finds nothing to write
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (ImportError, AttributeError, OSError, ValueError):
            pass
        return 141 if closed else 1


if __name__ == "__main__":
    sys.exit(run(main, sys.argv[1:], "learner.py"))
