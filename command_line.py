"""The command line of python3 network.py: each command and its options.

usage: python3 network.py               the article's three worked examples
       python3 network.py X1 X2         the article's network on the inputs X1 X2
       python3 network.py predict WEIGHT_LB HEIGHT_IN [--load FILE]
               is this person female (near 1) or male (near 0)? The inputs
               are shifted as in the article (minus 135 lb, minus 66 in);
               the network is the article's trained one, or FILE's (with the
               measurements and the shift FILE's people were trained on)
       python3 network.py backprop [X1 X2 Y_TRUE] [--load FILE]
               backpropagation by hand for one sample (default: Alice, -2 -1 1),
               from every weight 1 and every bias 0, or from FILE's weights
       python3 network.py train [--epochs N] [--learn-rate R] [--seed S]
                                [--report-every K] [--load FILE] [--save FILE]
               train on the article's four people (defaults: 1000 epochs,
               learn rate 0.1, seed 1, the loss every 10 epochs), from the
               seeded start or from FILE's weights; --save writes the result
       python3 network.py train --people FILE [--shift A B] [the options above]
               train on your own people (people.csv: the article's six), their
               inputs shifted by A and B, or else by their mean; then predict
               each person of FILE without an answer
       python3 network.py --load FILE X1 X2     a saved network on X1 X2
       python3 network.py web [--port P]        the playground page, served on
               127.0.0.1 (default port 8000); open the address it prints
The editions (one file, the exercise, the page as one file, the micro:bit)
are made by python3 -m tools --help, in a checkout of the project.
"""

import sys

import learner
from support.words import is_number, numbers

try:
    from network import PARAMETER_NAMES, OurNeuralNetwork, network_example, worked_examples
except ImportError:  # a board, whose built-in network module wins: ours is ournetwork.py
    from ournetwork import PARAMETER_NAMES, OurNeuralNetwork, network_example, worked_examples

INF = float("inf")
COMMANDS = ("predict", "backprop", "train", "web")
# Each option: the commands that take it (None: X1 X2, no command word), the
# kind of its value, and the least and most a whole number may be.
WHOLE, RATE, FILE, TWO = "a whole number", "a number > 0", "a file name", "two numbers A B"
OPTIONS = {
    "--epochs": (("train",), WHOLE, 0, None),
    "--learn-rate": (("train",), RATE, None, None),
    "--seed": (("train",), WHOLE, None, None),
    "--report-every": (("train",), WHOLE, 1, None),
    "--load": (("train", "predict", "backprop", None), FILE, None, None),
    "--save": (("train",), FILE, None, None),
    "--people": (("train",), FILE, None, None),
    "--shift": (("train",), TWO, None, None),
    "--port": (("web",), WHOLE, 0, 65535),
}
EDITIONS = ("--single-file", "--exercise", "--page", "--microbit")


def main(args):
    """Do what the command line args ask (see the usage above); returns the exit status.

    A bad command line gets one line on stderr and exit status 2, and no
    file is written.
    """
    if args in (["-h"], ["--help"]):
        print(__doc__[__doc__.index("usage:"):].rstrip() if __doc__ else "usage: see command_line.py")
        return 0
    try:
        command, values, options = parse(args)
        if command == "train":
            return train(options)
        if command == "web":  # the server only when asked for: a small board's heap
            from support.server import serve

            return serve(options.get("--port", 8000))
        network, about, people = loaded(options.get("--load"))
        given = {"network": network, "about": about} if network is not None else {}
        if command == "backprop":
            sample = numbers(values, "X1 X2 Y_TRUE") if values else [-2, -1, 1]
            lines = learner.backprop_example(sample[:2], sample[2], **given)
        elif command == "predict":
            a, b = numbers(values, [name.upper() for name in people["names"][:2]])
            lines = learner.predict(a, b, network, about, people)
        elif values:
            lines = network_example(numbers(values, "X1 X2", finite=False), **given)
        elif network is not None:
            raise ValueError("--load FILE needs X1 X2, predict, backprop or train with it")
        else:
            lines = worked_examples()
    except (ValueError, TypeError) as error:
        return refuse(error)
    for line in lines:
        print(line)
    return 0


def parse(args):
    """The command (None for X1 X2), its words, and its options' values, each checked once.

    >>> parse(["train", "--epochs", "20"])
    ('train', [], {'--epochs': 20})

    An unknown option or command, an option given twice, without its value,
    with a command that does not take it, or with a value that is not what
    it takes, raises ValueError naming it.
    """
    for text in args:
        if not isinstance(text, str):
            raise TypeError("the command line's words must be strings, got {!r}".format(text))
    words, options = [], {}
    i = 0
    while i < len(args):
        text = args[i]
        if not text.startswith("-") or is_number(text):
            words.append(text)
            i += 1
            continue
        if text in EDITIONS:
            raise ValueError("{0} is made by the editions tool: python3 -m tools {0}".format(text))
        if text not in OPTIONS:
            raise ValueError("unknown option {!r}".format(text))
        if text in options:
            raise ValueError("{} is given twice".format(text))
        count = 2 if OPTIONS[text][1] == TWO else 1
        given = args[i + 1:i + 1 + count]
        if len(given) < count or [v for v in given if v in OPTIONS]:  # --save --epochs: no file --epochs
            raise ValueError("{} needs {}".format(text, "a value" if count == 1 else OPTIONS[text][1]))
        options[text] = value(text, given[0] if count == 1 else given)
        i += 1 + count
    command = words.pop(0) if words and words[0] in COMMANDS else None
    if command is None and len(words) == 1 and not is_number(words[0]):
        raise ValueError("unknown command {!r}: try predict, backprop, train, web, or X1 X2".format(
            words[0]))
    if command in ("train", "web") and words:
        raise ValueError("{} takes options only, got {!r}".format(command, words[0]))
    for option in options:
        if command not in OPTIONS[option][0]:
            raise ValueError("{} makes no sense {}".format(option, "with " + command if command
                                                           else "here"))
    if "--load" in options and "--seed" in options:
        raise ValueError("--seed picks the random start and --load starts from FILE: give one")
    if "--shift" in options and "--people" not in options:
        raise ValueError("--shift shifts the measurements of --people FILE: give both")
    return command, words, options


def value(option, text):
    """An option's value from its text, by the option's kind: an int, a float or a file name.

    >>> value("--epochs", "20"), value("--learn-rate", "0.5")
    (20, 0.5)

    A value that is not what its option takes raises ValueError naming it.
    """
    if option not in OPTIONS:
        raise ValueError("unknown option {!r}".format(option))
    commands, kind, least, most = OPTIONS[option]
    if kind == FILE:
        return text
    if kind == TWO:
        try:
            return tuple(numbers(text, "A B"))
        except ValueError as error:
            raise ValueError("{} must be {}: {}".format(option, kind, error)) from None
    digits = text[1:] if text[:1] == "-" else text
    if kind == WHOLE and digits and not digits.strip("0123456789"):  # ASCII digits only: not ²
        result = int(text)
        if (least is None or result >= least) and (most is None or result <= most):
            return result
    if kind == RATE and is_number(text) and 0 < float(text) < INF:  # nan is not > 0, inf no rate
        return float(text)
    if most is not None:
        must_be = "{} from {} to {}".format(kind, least, most)
    else:
        must_be = kind + ("" if least is None else " >= {}".format(least))
    raise ValueError("{} must be {}, got {!r}".format(option, must_be, text))


def loaded(path):
    """(network, what to call it, its people) from the weights file path, or
    (None, None, the article's people) without one. The people are the
    measurements' names and shift that the file keeps (the article's, where
    it keeps none), with no one to train on or predict."""
    if path is None:
        return None, None, learner.ARTICLE
    from support.files import load_saved

    try:
        values, kept = load_saved(path, PARAMETER_NAMES)
    except OSError as error:
        raise ValueError("cannot read {} ({})".format(path, reason(error))) from None
    network = OurNeuralNetwork.from_parameters(*values)
    people = learner.ARTICLE
    if kept is not None and (kept["names"], kept["shift"]) != (people["names"], people["shift"]):
        people = dict(kept, mean=False, train=[], predict=[])
    return network, "the weights in {} ({})".format(path, learner.weights_text(network)), people


def train(options):
    """train [--option value]...: the training, its lines, then --save, if asked.

    Every value is checked (parse), and --save's file tried, before the first line.
    """
    settings = {}
    for option in ("--epochs", "--learn-rate", "--seed", "--report-every"):
        if option in options:
            settings[option[2:].replace("-", "_")] = options[option]  # --learn-rate: learn_rate
    network, about, kept = loaded(options.get("--load"))
    people = learner.ARTICLE
    if "--people" in options:  # shifted by --shift, or as --load's FILE was, or by their mean
        people = read_people(options["--people"], options.get("--shift") or (
            kept["shift"] if network is not None else None))
    if network is not None and (people["names"], people["shift"]) != (kept["names"], kept["shift"]):
        raise ValueError("{} was trained on {}, not {}: give --people with those (and no other"
                         " --shift)".format(options["--load"], learner.shifted(kept),
                                            learner.shifted(people)))
    save = options.get("--save")
    if save is not None:  # can it be written? Now, not after the training; nothing is made
        from support.files import can_save

        _file_error(save, lambda: can_save(save, PARAMETER_NAMES))
    if people["mean"]:
        print(learner.shift_line(people))
    if network is not None:
        print("Training {}:".format(about))
    network, lines = learner.train_example(print, network=network, people=people, **settings)
    for line in lines:
        print(line)
    if save is not None:
        from support.files import save_numbers

        about = None if people is learner.ARTICLE else {
            "shift": list(people["shift"]), "names": list(people["names"])}
        _file_error(save, lambda: save_numbers(save, PARAMETER_NAMES, network.parameters(), about))
        print("saved the trained weights to " + save)
    return 0


def read_people(path, shift=None):
    """The people of the CSV file at path, as parse_people reads them.

    A file that is missing, not UTF-8 or larger than 100,000 bytes, or
    whose text parse_people refuses, raises ValueError naming path.
    """
    from support.people import read_people as read  # only when asked for: a board's heap

    return read(path, shift)


def parse_people(text, source="the people", shift=None):
    """People to train on and to predict, from the text of a CSV file: a header
    row name,A,B,Y names the two measurements and the answer; then each row is a
    person: a name, two numbers, and the answer, 1 or 0, or nothing for a person
    to predict (people.csv has the article's six).

    >>> people = parse_people("name,weight_kg,height_cm,female\\nJo,60,170,1\\nAl,80,180,0\\nMo,70,165,")
    >>> people["shift"], people["train"][0], people["predict"]
    ((70.0, 175.0), ('Jo', [-10.0, -5.0], 1.0), [('Mo', [0.0, -10.0])])

    The result is a dict: "names" (A, B, Y), "shift" (a, b), "mean" (was the
    shift their mean?), "rows" (name, a, b, y or None), "train" (name, x, y),
    "predict" (name, x). The inputs x are the measurements minus shift (A, B),
    or else minus the mean of the people with an answer. A row that is not so,
    no header, fewer than two people with an answer, more than 1000 people, or
    measurements that overflow when shifted raise ValueError naming source and
    the line (support/people.py reads them, only when asked for: a board's heap).
    """
    from support.people import parse_people as parse

    return parse(text, source, shift)


def _file_error(path, action):
    # action(), with a file's OSError as a ValueError that names the file.
    try:
        return action()
    except OSError as error:
        raise ValueError("cannot write the weights to {} ({})".format(path, reason(error))) from None


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


def run(args, main=main, program="network.py"):
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
