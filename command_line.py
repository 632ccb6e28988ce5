"""The command line of python3 network.py: its commands and their options.

usage: python3 network.py               the article's three worked examples
       python3 network.py X1 X2         the network on the inputs X1 X2, by hand
       python3 network.py predict WEIGHT_LB HEIGHT_IN [--load FILE]
               is this person female (near 1) or male (near 0)? The inputs
               are shifted as in the article (minus 135 lb, minus 66 in);
               the network is the one trained as in the article, or FILE's
               (with the measurements and the shift its people were trained on)
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
An option's value may follow it or be joined to it: --epochs 20 or --epochs=20.
COMMAND --help shows that command's part of this text.
The editions (one file, the exercise, the notebooks, the page as one file, the
micro:bit) are made by python3 -m tools, in a checkout of the project; its
--help lists them.
"""

import sys

import learner
from support.checks import quoted
from support.parsing import (is_number, parse_numbers, parse_positive_number,
                             parse_whole_number)

try:
    from network import PARAMETER_NAMES, OurNeuralNetwork, network_example, worked_examples
except ImportError:  # A board with Wi-Fi has a network module; ours is ournetwork.py.
    from ournetwork import PARAMETER_NAMES, OurNeuralNetwork, network_example, worked_examples

COMMANDS = ("predict", "backprop", "train", "web")
# OPTIONS gives, for each option, the commands that take it (None stands for X1 X2, which
# has no command word), the kind of its value, and the least and the most a whole number
# given to it may be.
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
EDITIONS = ("--single-file", "--exercise", "--notebook", "--page", "--microbit")
HELP = ("-h", "--help")


def main(args):
    """Do what the command line args ask (see the usage above), and return the exit status.

    A bad command line gets one line on stderr and exit status 2, and no
    file is written.
    """
    try:
        command, values, options = parse(args)
        if "--help" in options:
            print(usage(command))
            return 0
        if command == "train":
            return train(options)
        if command == "web":  # The server is imported only when it is asked for.
            from support.server import serve

            return serve(options.get("--port", 8000))
        network, about, people = loaded(options.get("--load"))
        given = {"network": network, "about": about} if network is not None else {}
        if command == "backprop":
            sample = parse_numbers(values, "X1 X2 Y_TRUE") if values else [-2, -1, 1]
            lines = learner.backprop_example(sample[:2], sample[2], **given)
        elif command == "predict":
            a, b = parse_numbers(values, [name.upper() for name in people.names[:2]])
            lines = learner.predict(a, b, network, about, people)
        elif values:
            lines = network_example(parse_numbers(values, "X1 X2", finite=False), **given)
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
    """Return the command (None for X1 X2), its words, and the values of its options.

    >>> parse(["train", "--epochs=20"])
    ('train', [], {'--epochs': 20})

    Each value is checked here, once. ValueError names the problem when a
    command or an option is unknown, when an option is given twice, has no
    value, comes with a command that does not take it, or has a value of the
    wrong kind. A word that is not a string raises TypeError. -h or --help
    anywhere asks for the command's usage, and the options are then
    {"--help": True}.
    """
    for text in args:
        if not isinstance(text, str):
            raise TypeError("the command line's words must be strings, got {}".format(
                quoted(text)))
    words, options = [], {}
    i = 0
    while i < len(args):
        text = args[i]
        i += 1
        if not text.startswith("-") or is_number(text):
            words.append(text)
            continue
        if text in HELP:
            options["--help"] = True
            continue
        option, joined, given = text.partition("=")
        if option in EDITIONS:
            raise ValueError("{0} is made by the editions tool: python3 -m tools {0}".format(
                option))
        if option not in OPTIONS:
            hint = suggestion(option, sorted(OPTIONS))
            raise ValueError("unknown option {}{}".format(quoted(option),
                                                          ": " + hint if hint else ""))
        if option in options:
            raise ValueError("{} is given twice".format(option))
        count = 2 if OPTIONS[option][1] == TWO else 1
        given = ([given] if joined else []) + args[i:i + count - bool(joined)]
        i += count - bool(joined)
        if len(given) < count or [v for v in given if v.partition("=")[0] in OPTIONS]:
            # The next word is an option, as in "--save --epochs 5", so the file name is missing.
            raise ValueError("{} needs {}".format(option, "a value" if count == 1
                                                   else OPTIONS[option][1]))
        options[option] = value(option, given[0] if count == 1 else given)
    command = words.pop(0) if words and words[0] in COMMANDS else None
    if command is None and words and not is_number(words[0]):
        raise ValueError("unknown command {}: {}".format(quoted(words[0]), suggestion(
            words[0], COMMANDS) or "try predict, backprop, train, web, or X1 X2"))
    if "--help" in options:
        return command, words, {"--help": True}
    if command in ("train", "web") and words:
        raise ValueError("{} takes options only, got {}".format(command, quoted(words[0])))
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
    """Return an option's value read from its text by the option's kind: an int, a float, two
    floats or a file name.

    >>> value("--epochs", "20"), value("--learn-rate", "0.5")
    (20, 0.5)

    A value that is not of its option's kind raises ValueError naming the option.
    """
    if option not in OPTIONS:
        raise ValueError("unknown option {}".format(quoted(option)))
    commands, kind, least, most = OPTIONS[option]
    if kind == FILE:
        return text
    if kind == TWO:
        try:
            return tuple(parse_numbers(text, "A B"))
        except ValueError as error:
            raise ValueError("{} must be {}: {}".format(option, kind, error)) from None
    if kind == RATE:
        return parse_positive_number(text, option)
    return parse_whole_number(text, option, least, most)


def usage(command=None):
    """Return the usage above, or the part of it about command ("train", say)."""
    if not __doc__:  # MicroPython keeps no docstrings.
        return "usage: see command_line.py"
    text = __doc__[__doc__.index("usage:"):].rstrip()
    if command is None:
        return text
    text = text[:text.index("\nAn option")]  # The commands, without the notes that follow.
    blocks = text.replace("usage: ", "       ").split("\n       python3 network.py ")
    parts = [block for block in blocks if block.startswith(command + " ")]
    return "usage: python3 network.py " + "\n       python3 network.py ".join(parts)


def loaded(path):
    """Return (network, what to call it, its people) from the weights file at path, or
    (None, None, learner.ARTICLE) without one.

    The people are learner.ARTICLE, unless the file's network was trained on
    other people. Then they are a People with those people's names, shift and
    ranges of measurements, and no one to train on or predict.
    """
    if path is None:
        return None, None, learner.ARTICLE
    from support.files import load_saved
    from support.people import People

    try:
        values, kept = load_saved(path, PARAMETER_NAMES)
    except OSError as error:
        raise ValueError("cannot read {} ({})".format(path, reason(error))) from None
    network = OurNeuralNetwork()
    network._set_parameters(*values)  # load_saved has checked them, as it does for load.
    people = learner.ARTICLE
    if kept is not None and (kept["names"], kept["shift"], kept["ranges"]) != (
            people.names, people.shift, people.ranges):  # The file's network learned from others.
        people = People(kept["names"], kept["shift"], ranges=kept["ranges"])
    return network, "the weights in {} ({})".format(path, learner.weights_text(network)), people


def train(options):
    """Run train with its options: the training, its lines, and then --save, if asked.

    Every value has been checked (parse), and --save's file is tried, before
    the first line is printed.
    """
    settings = {}
    for option in ("--epochs", "--learn-rate", "--seed", "--report-every"):
        if option in options:
            settings[option[2:].replace("-", "_")] = options[option]  # --learn-rate is learn_rate.
    network, about, kept = loaded(options.get("--load"))
    people = learner.ARTICLE
    if "--people" in options:  # Shift them by --shift, else as --load's FILE, else by their mean.
        from support.people_files import read_people

        people = read_people(options["--people"], options.get("--shift") or (
            kept.shift if network is not None else None))
    if network is not None and (people.names, people.shift) != (kept.names, kept.shift):
        raise ValueError("{} was trained on {}, not {}: give --people with those (and no other"
                         " --shift)".format(options["--load"], kept.shift_text(),
                                            people.shift_text()))
    save = options.get("--save")
    if save is not None:  # Can the file be written? This is tried now, not after the training.
        from support.files import can_save

        _file_error(save, lambda: can_save(save, PARAMETER_NAMES))
    if people.mean:
        print(learner.shift_line(people))
    if network is not None:
        print("Training {}:".format(about))
    network, lines = learner.train_example(print, network=network, people=people, **settings)
    for line in lines:
        print(line)
    if save is not None:
        about = None if people is learner.ARTICLE else {
            "shift": people.shift, "names": people.names, "ranges": people.ranges}
        _file_error(save, lambda: network.save(save, about))
        print("saved the trained weights to " + save)
    return 0


def refuse(error, program="network.py", usage="python3 network.py --help"):
    """Print a bad command line's one line on stderr, naming the problem, and return its exit
    status, 2."""
    print("{}: error: {} (see: {})".format(program, one_line(error), usage), file=sys.stderr)
    return 2


def one_line(error):
    """Return an error's message on one line: a newline in it (in a file name, say) is
    written as \\n."""
    return str(error).replace("\n", "\\n").replace("\r", "\\r")


def reason(error):
    """Return what an OSError says went wrong, without its number: "No such file or directory"."""
    return getattr(error, "strerror", None) or str(error)


def run(args, main=main, program="network.py"):
    """Return main(args)'s exit status, as the command line's entry needs it.

    Ctrl-C prints one line and gives status 130. An output that cannot be
    written (a full disk, a closed stdout) prints one line and gives 1. A
    reader that has gone (a broken pipe) ends quietly with 141, as Unix tools do.
    """
    try:
        if sys.stdout is None:  # Python was started with stdout closed.
            raise OSError(9, "stdout is closed")
        if hasattr(sys.stdout, "reconfigure"):  # A file name that is not UTF-8 prints as \xff.
            sys.stdout.reconfigure(errors="backslashreplace")
        status = main(args)
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        print("{}: interrupted".format(program), file=sys.stderr)
        return 130
    except OSError as error:  # EPIPE (32) means the reader has gone; ENOSPC, a full disk.
        closed = error.args[:1] == (32,)
        if not closed and sys.stderr is not None:
            print("{}: error: cannot write the output ({})".format(
                program, one_line(reason(error))), file=sys.stderr)
        try:  # Point stdout at /dev/null, so that Python's last flush at exit does not fail.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (ImportError, AttributeError, OSError, ValueError):
            pass
        return 141 if closed else 1


def suggestion(word, choices):
    """Return "did you mean CHOICE?" for the first of choices that word is a slip of the
    keyboard away from (two letters at most), or else None.

    >>> suggestion("predcit", ("predict", "train")), suggestion("--bogus", ("--epochs",))
    ('did you mean predict?', None)
    """
    for choice in choices:
        if len(word) <= 20 and _distance(word.lower(), choice) <= 2:  # A long word is no slip.
            return "did you mean {}?".format(choice)
    return None


# --- Private helpers


def _file_error(path, action):
    # Return action(), turning an OSError about the file into a ValueError that names it.
    try:
        return action()
    except OSError as error:
        raise ValueError("cannot write the weights to {} ({})".format(
            path, reason(error))) from None


def _distance(a, b):
    # Return the edit distance between two words: how many letters must be
    # inserted, deleted, replaced or swapped with the next to turn a into b.
    previous, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[len(b)]
