"""Other editions of the article's code, cut from the real neuron.py and network.py.

    python3 -m tools --single-file     the article's code as one file (on stdout)
    python3 -m tools --exercise        the same, with six functions for a student to write
    python3 -m tools --microbit DIR    the edition for a BBC micro:bit, written into DIR

Each edition is made from the real modules when it is asked for, so it
cannot drift from them. This is a tool about the code, not the article's
code: it runs on CPython 3.6+ (the teacher's computer), not on a board.
Files are written with the project's one crash-safe writer (support/files.py),
and never over a file that an edition did not write.
"""

import ast
import io
import os
import sys
import tokenize

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, PROJECT)  # the real modules, whatever the working folder

from support.files import writable, write_file  # noqa: E402

# The first line of every file an edition writes carries this mark: a file
# without it is the user's own, and is never replaced.
MARK = "an edition of zero-knowledge-nn"


def read(name):
    """The text of one of the project's files, such as "network.py"."""
    with open(os.path.join(PROJECT, name)) as f:
        return f.read()


def without_docstrings(source):
    """source with every docstring's lines left out (comments stay).

    >>> print(without_docstrings("def f():\\n    'Say hi.'\\n    return 1\\n"))
    def f():
        return 1
    <BLANKLINE>
    """
    dropped = set()
    for first, last in _docstrings(source):
        dropped.update(range(first, last + 1))
    lines = source.split("\n")
    return "\n".join([line for number, line in enumerate(lines, 1) if number not in dropped])


def _docstrings(source):
    # (first line, last line), counted from 1, of each docstring in source.
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    spans = []
    previous = tokenize.NEWLINE  # what came before, comments and blank lines aside
    for i, token in enumerate(tokens):
        if token.type in (tokenize.NL, tokenize.COMMENT):
            continue
        # A docstring is a string standing alone as a statement: it starts a
        # line and ends it. (The only such strings in this project.)
        starts_line = previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
        if token.type == tokenize.STRING and starts_line and tokens[i + 1].type == tokenize.NEWLINE:
            spans.append((token.start[0], token.end[0]))
        previous = token.type
    return spans


def cut(source, keep):
    """source with only the top-level statements and methods named in keep.

    A statement is named by what it defines ("Neuron", "PEOPLE"), a method
    by class and name ("Neuron.explain"), an import by its module ("sys");
    keeping a method keeps its class's first line. The comments just above
    a statement go with it; text before the first statement stays.

    >>> print(cut("import sys\\n\\n# One.\\nA = 1\\nB = 2\\n", ["A"]))
    # One.
    A = 1
    <BLANKLINE>
    """
    lines = source.split("\n")
    statements = _statements(lines, ast.parse(source).body, 0, len(lines))
    head = "\n".join(lines[:statements[0][1]]) if statements else source
    blocks = []
    for name, start, end, node in statements:
        if name is None:
            continue  # a docstring, say: nothing keep can name
        if isinstance(node, ast.ClassDef) and any(k.startswith(name + ".") for k in keep):
            methods = _statements(lines, node.body, start, end)
            kept = [_text(lines, method_start, method_end)
                    for method, method_start, method_end, _ in methods
                    if method is not None and name + "." + method in keep]
            blocks.append(_text(lines, start, methods[0][1]) + "\n" + "\n\n".join(kept))
        elif name in keep:
            blocks.append(_text(lines, start, end))
    # Laid out as PEP 8 has it: two blank lines between top-level statements.
    return head + "\n\n\n".join(blocks) + "\n"


def _text(lines, start, end):
    return "\n".join(lines[start:end]).strip("\n")


def _statements(lines, nodes, first, last):
    # (name, first line, line after the last, node) for each statement of
    # nodes, 0-based, between lines first and last; each runs to the next.
    starts = []
    for node in nodes:
        # Python before 3.8 counts a decorated def from its first decorator.
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        indent = lines[start][:len(lines[start]) - len(lines[start].lstrip())]
        # The comments just above a statement go with it; blank lines stay
        # with the statement before.
        while start > first and (lines[start - 1].startswith(indent + "#")
                                 or not lines[start - 1].strip()):
            start -= 1
        while not lines[start].strip():
            start += 1
        starts.append(start)
    ends = starts[1:] + [last]
    return [(_name(node), start, end, node) for node, start, end in zip(nodes, starts, ends)]


def _name(node):
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, ast.Import):
        return node.names[0].name
    if isinstance(node, ast.ImportFrom):
        return node.module
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.If):
        return "if"  # if __name__ == "__main__":
    return None


def names(source):
    """Every name cut can keep in source: its top-level statements, and Class.method.

    >>> names("import sys\\nclass A:\\n    def f(self):\\n        pass\\n")
    ['sys', 'A', 'A.f']
    """
    lines = source.split("\n")
    found = []
    for name, start, end, node in _statements(lines, ast.parse(source).body, 0, len(lines)):
        if name is not None:
            found.append(name)
        if isinstance(node, ast.ClassDef):
            for method, _, _, _ in _statements(lines, node.body, start, end):
                if method is not None:
                    found.append(name + "." + method)
    return found


def without(source, drop):
    """source without the statements and methods named in drop (see cut), docstrings and all."""
    # Docstrings out first: before 3.8, ast dates a string to its last line.
    source = without_docstrings(source)
    return cut(source, [name for name in names(source) if name not in drop])


# What a one-file edition leaves out: the files (it writes and reads none),
# the command line (its own main follows), and what the article never calls.
NOT_IN_ONE_FILE = {
    "neuron.py": ["math", "Neuron.__repr__"],
    "support/checks.py": ["sys", "neuron", "INF"],
    "network.py": ["sys", "math", "neuron", "support.checks", "INF", "OurNeuralNetwork.save",
                   "OurNeuralNetwork.load", "OurNeuralNetwork.gradients", "main", "if"],
}
# ... and their imports, once, at the top.
ONE_FILE_IMPORTS = "import sys\nfrom math import exp, isnan\n"

SINGLE_FILE_HEADER = """\
# Victor Zhou's "An Introduction to Neural Networks" in plain Python, {mark}:
# its neuron.py and network.py as one file (python3 -m tools --single-file), without
# docstrings or files. Run it: python3 ournn.py; victorzhou.com/blog/intro-to-neural-networks/
"""

SINGLE_FILE_MAIN = """

def main(args):
    # python3 ournn.py prints the article's three worked examples; it takes no arguments.
    if args:
        print("usage: python3 ournn.py    the article's three worked examples")
        return 0 if args in (["-h"], ["--help"]) else 2
    for line in worked_examples():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""


def article_code():
    """neuron.py, training's checks, then network.py, as one module's code, without what
    NOT_IN_ONE_FILE names."""
    parts = [without(read(name), NOT_IN_ONE_FILE[name]).strip("\n")
             for name in ("neuron.py", "support/checks.py", "network.py")]
    return ONE_FILE_IMPORTS + "\n\n" + "\n\n\n".join(parts) + "\n"


def single_file():
    """The article's code as one file that runs on its own: python3 ournn.py."""
    return SINGLE_FILE_HEADER.format(mark=MARK) + "\n" + article_code() + SINGLE_FILE_MAIN


def write_edition(folder, edition):
    """Write edition ({file name: text}) into folder, made if need be; returns lines to show.

    Each file is written crash-safely. Nothing is written, and ValueError
    says why, unless folder is new, empty, or holds only files an edition
    wrote (their first line carries the mark), each of them replaceable.
    """
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValueError("{} is not a folder".format(folder))
    if os.path.isdir(folder) and os.path.samefile(folder, PROJECT):
        raise ValueError("{} is the project's own folder: its modules are not replaced".format(
            folder))
    others = []  # an earlier edition's files that this one does not replace
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not _is_edition(path):
                raise ValueError("{} holds {}, which no edition wrote: use a new or empty folder"
                                 .format(folder, name))
            if name in edition:
                writable(path)  # a read-only one refused before any file is written
            else:
                others.append(name)
    else:
        os.makedirs(folder)
    lines = []
    for name in sorted(edition):
        path = os.path.join(folder, name)
        write_file(path, edition[name])
        lines.append("wrote {} ({} bytes)".format(path, len(edition[name].encode())))
    if others:
        lines.append("left alone in {}, from another edition: {} (not part of this one)".format(
            folder, ", ".join(others)))
    return lines


def _is_edition(path):
    # A regular file whose first line carries the mark.
    if os.path.islink(path) or not os.path.isfile(path):
        return False
    with open(path, "rb") as f:
        return MARK.encode() in f.readline(300)


def command(args):
    """What python3 -m tools --single-file, --exercise or --microbit DIR prints, as lines.

    A misused option, or a folder that cannot be written, raises ValueError.
    """
    if args == ["--single-file"]:
        return [single_file().rstrip("\n")]
    if args == ["--exercise"]:
        return [exercise().rstrip("\n")]
    if len(args) == 2 and args[0] == "--microbit":
        from tools.microbit import microbit_edition

        try:
            lines = write_edition(args[1], microbit_edition())
        except OSError as error:
            raise ValueError("--microbit cannot write into {} ({})".format(
                args[1], error.strerror or error)) from None
        return lines + ["Copy main.py, network.py and neuron.py to the micro:bit (see"
                        " docs/microbit.md); main.py prints the worked examples at power-up."]
    if len(args) == 3 and args[0] == "--microbit" and args[2] == "train":
        from tools.microbit import microbit_training_edition, TRAINING_NOTE

        try:
            lines = write_edition(args[1], microbit_training_edition())
        except OSError as error:
            raise ValueError("--microbit cannot write into {} ({})".format(
                args[1], error.strerror or error)) from None
        return lines + [TRAINING_NOTE]
    if args[:1] in (["--single-file"], ["--exercise"], ["--microbit"]):
        raise ValueError("{} takes {}".format(
            args[0], "one folder, DIR, and then train or nothing" if args[0] == "--microbit"
            else "no value"))
    raise ValueError("unknown option {!r}".format(args[0]) if args else "which edition?")


# --- The teacher's exercise
#
# The student writes six functions, in the article's order: the feedforward
# (part 1), then what training needs (part 2). Each keeps its name,
# signature and docstring; its body becomes what to write, in the article's
# words, and a NotImplementedError. Everything else stays real.
EXERCISE_STEPS = [
    # (function, part, what to write)
    ("sigmoid", 1, [
        "The activation function: f(x) = 1 / (1 + e^(-x)), which squashes any",
        "number into 0..1. exp(-x) is e^(-x).",
    ]),
    ("Neuron.feedforward", 1, [
        "Weight the inputs, add the bias, then use the activation function:",
        "y = f(w1*x1 + w2*x2 + ... + wn*xn + b), with self.weights, self.bias",
        "and sigmoid.",
    ]),
    ("OurNeuralNetwork.feedforward", 1, [
        "out_h1 and out_h2 are the outputs of self.h1 and self.h2 on x. The",
        "inputs for o1 are the outputs from h1 and h2: return the output of",
        "self.o1 on [out_h1, out_h2].",
    ]),
    ("deriv_sigmoid", 2, [
        "The derivative of the sigmoid: f'(x) = f(x) * (1 - f(x)).",
    ]),
    ("mse_loss", 2, [
        "The mean squared error: the average, over the pairs, of",
        "(y_true - y_pred) squared.",
    ]),
    ("partial_derivatives", 2, [
        "Do a feedforward, keeping sum_h1, h1, sum_h2, h2, sum_o1 and",
        "o1 = y_pred. Then the chain rule: d_L_d_ypred = -2 * (y_true - y_pred);",
        "for o1, d_ypred_d_w5 = h1 * f'(sum_o1), d_ypred_d_w6, d_ypred_d_b3, and",
        "d_ypred_d_h1 = w5 * f'(sum_o1), d_ypred_d_h2; for h1, d_h1_d_w1 =",
        "x[0] * f'(sum_h1), d_h1_d_w2, d_h1_d_b1; for h2 likewise. Return the nine",
        "d_L_d_w1 = d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1, ..., in the order",
        "w1, w2, b1, w3, w4, b2, w5, w6, b3.",
    ]),
]

# What each step is asked, and a note where the answer is the article's.
# The answers are worked out by the real code when the exercise is made.
EXERCISE_CHECKS = {
    "sigmoid": [
        ("sigmoid(3)", "the article's h1 = f(3) = 0.9526"),
        ("sigmoid(0.61)", "the article's first neuron: f(0.61) = 0.6479"),
        ("sigmoid(0)", None),
        ("sigmoid(-2)", None),
    ],
    "Neuron.feedforward": [
        ("Neuron([0, 1], 4).feedforward([2, 3])", "the article's"),
        ("Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])", "the article's"),
        ("Neuron([1, -2, 0.5], -1).feedforward([3, 1, 4])", None),
    ],
    "OurNeuralNetwork.feedforward": [
        ("OurNeuralNetwork().feedforward([2, 3])", "the article's"),
        ("OurNeuralNetwork(Neuron([1, -1], 0.5), Neuron([0.5, 2], -1),"
         " Neuron([2, -3], 0.25)).feedforward([1, 0.5])", None),
    ],
    "deriv_sigmoid": [
        ("deriv_sigmoid(0)", None),
        ("deriv_sigmoid(3)", None),
        ("deriv_sigmoid(-1.5)", None),
    ],
    "mse_loss": [
        ("mse_loss([1, 0, 0, 1], [0, 0, 0, 0])", "the article's"),
        ("mse_loss([1, 0, 0, 1], [0.9, 0.2, 0.1, 0.6])", None),
    ],
    "partial_derivatives": [
        ("partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)",
         "the article's example: every weight 1, every bias 0, and Alice;"
         " the article rounds d_L_d_w1 to 0.0214"),
        ("partial_derivatives(0.5, -1, 0.25, -0.75, 1.5, -0.5, 1.25, -2, 0.1, [1.5, -0.5], 0)",
         None),
    ],
}

EXERCISE_HEADER = """\
# The neural network of Victor Zhou's article "Machine Learning for Beginners:
# An Introduction to Neural Networks", as an exercise ({mark}).
# Write the six functions marked TODO, in order, then run: python3 exercise.py
#
# It checks your functions one step at a time and stops at the first that
# is not written or not right, saying what it asked and what it got. Part 1
# (steps 1 to 3) is the article's feedforward; part 2 (steps 4 to 6) is
# what training needs. When all six are right, it runs the article's worked
# examples and its training, with your code.
# Made from the real neuron.py and network.py by: python3 -m tools --exercise

"""

EXERCISE_CHECKER = '''

# --- Checking the exercise (python3 exercise.py): not part of the article

# Each step: the function, the part, and what it is asked: the call, the
# answer (worked out by the real code when this file was made) and a note.
EXERCISE = {checks}

# Double precision agrees to about 1e-16; any correct way of writing a
# function agrees with the answer to far better than 1e-9. (Boards with
# 32-bit floats agree to about 1e-6.)
TOLERANCE = 1e-9 if 1.0 + 2.0 ** -30 != 1.0 else 1e-5


def check_exercise():
    """Check the six functions in order; 0 if all are right, else 1."""
    for number, (name, part, cases) in enumerate(EXERCISE, 1):
        title = "Step {{}} of 6 (part {{}}): {{}}".format(number, part, name)
        for call, answer, note in cases:
            try:
                got = eval(call)
                problem = _problem(got, answer)
                got = repr(got)
            except NotImplementedError:
                print(title + " is not written yet.")
                _show_case(call, answer, note, "raises NotImplementedError: write it first")
                return 1
            except Exception as error:  # the student's code went wrong: say how, and where
                got = "raises {{}}: {{}}{{}}".format(_kind(error), error, _where(error))
                problem = "it raised an error"
            if problem is not None:
                print(title + " is not right yet: " + problem + ".")
                _show_case(call, answer, note, got)
                return 1
        print(title + ": right.")
        if number == 3:
            print("Part 1, the article's feedforward, is done. On to part 2, training.")
    print("All six are right. The article's worked examples, from your code:")
    print()
    print("\\n".join(worked_examples()))
    print()
    print("And the article's training, from your code:")
    network = OurNeuralNetwork.random(1)
    network.train([x for name, x, y in PEOPLE], [y for name, x, y in PEOPLE])
    for name, x in NEW_PEOPLE:
        print("{{}}: {{}} -> {{:.3f}}".format(name, show_list(x), network.feedforward(x)))
    return 0


def _problem(got, answer):
    # What is wrong with got, or None when it is the answer.
    if isinstance(answer, tuple):  # the nine partial derivatives
        try:
            got = list(got)
        except TypeError:
            return "it should return 9 numbers"
        if len(got) != 9:
            return "it should return 9 numbers, not {{}}".format(len(got))
        names = ("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3")
        for name, value, right in zip(names, got, answer):
            if not _close(value, right):
                return "d_L_d_{{}} should be {{!r}}, not {{!r}}".format(name, right, value)
        return None
    return None if _close(got, answer) else "the answer differs"


def _close(value, right):
    try:
        return abs(value - right) <= TOLERANCE * abs(right) + 1e-12
    except TypeError:  # not a number at all
        return False


def _show_case(call, answer, note, got):
    print("    asked:      " + call)
    print("    the answer: " + repr(answer) + (" ({{}})".format(note) if note else ""))
    print("    your code:  " + got)


def _kind(error):
    return getattr(type(error), "__name__", "an error")


def _where(error):
    # " (line N)": where in this file the error was raised, if the interpreter can tell.
    tb = getattr(error, "__traceback__", None)
    if tb is not None:  # CPython, PyPy, Pyodide
        while tb.tb_next is not None:
            tb = tb.tb_next
        return " (line {{}})".format(tb.tb_lineno)
    try:  # MicroPython writes its traceback out
        import io

        text = io.StringIO()
        sys.print_exception(error, text)
    except (ImportError, AttributeError):
        return ""
    places = [line for line in text.getvalue().split("\\n") if ", line " in line]
    if not places:
        return ""
    return " (line {{}})".format(places[-1].split(", line ")[1].split(",")[0])


if __name__ == "__main__":
    sys.exit(check_exercise())
'''


def exercise():
    """The one-file exercise: the article's code, six bodies left to write, and the checks."""
    source = article_code()
    for number, (name, part, todo) in enumerate(EXERCISE_STEPS, 1):
        first, end, indent = _body(source, name)
        lines = source.split("\n")
        stub = [indent + "# TODO, step {} of 6 (part {}):".format(number, part)]
        stub += [indent + "# " + line for line in todo]
        stub += [indent + 'raise NotImplementedError("{} is not written yet")'.format(name)]
        source = "\n".join(lines[:first] + stub + lines[end:])
    return (EXERCISE_HEADER.format(mark=MARK) + source
            + EXERCISE_CHECKER.format(checks=_exercise_checks()))


def _exercise_checks():
    # The checks, their answers worked out by the real code, as Python text.
    import network
    import neuron

    names = {}
    names.update(vars(neuron))
    names.update(vars(network))
    steps = []
    for name, part, todo in EXERCISE_STEPS:
        cases = []
        for call, note in EXERCISE_CHECKS[name]:
            cases.append("        ({!r}, {!r}, {!r}),".format(call, eval(call, names), note))
        steps.append("    ({!r}, {}, [\n{}\n    ]),".format(name, part, "\n".join(cases)))
    return "[\n" + "\n".join(steps) + "\n]"


def _body(source, name):
    # Where the body of the function name ("Class.method" for a method) lies
    # in source: (first line, line after the last, both from 0), and its
    # indentation. source has no docstrings: the body starts after the def.
    lines = source.split("\n")
    statements = _statements(lines, ast.parse(source).body, 0, len(lines))
    for part in name.split("."):
        found = [s for s in statements if s[0] == part]
        if not found:
            raise ValueError("no {} to make an exercise of".format(name))
        start, end, node = found[0][1:]
        if isinstance(node, ast.ClassDef):
            statements = _statements(lines, node.body, start, end)
    first = node.lineno - 1  # the def line
    while not lines[first].rstrip().endswith(":"):
        first += 1
    first += 1
    while not lines[end - 1].strip():
        end -= 1
    indent = lines[first][:len(lines[first]) - len(lines[first].lstrip())]
    return first, end, indent


def put_back(text):
    """The exercise text with the real bodies in place of the six TODOs (for its tests)."""
    real = article_code()
    lines = text.split("\n")
    for number, (name, part, todo) in enumerate(EXERCISE_STEPS, 1):
        first, end, indent = _body(real, name)
        start = [i for i, line in enumerate(lines)
                 if line.strip().startswith("# TODO, step {} of 6".format(number))][0]
        stop = start
        while "raise NotImplementedError(" not in lines[stop]:
            stop += 1
        lines[start:stop + 1] = real.split("\n")[first:end]
    return "\n".join(lines)
