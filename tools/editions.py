"""Other editions of the article's code, cut from the real neuron.py and network.py.

    python3 network.py --single-file     both modules as one file
    python3 network.py --microbit DIR    the edition for a BBC micro:bit

Each edition is made from the real modules when it is asked for, so it
cannot drift from them. This is a tool about the code, not the article's
code: it runs on CPython 3.6+ (the teacher's computer), not on a board.
"""

import ast
import io
import os
import tokenize

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    dropped = set()
    previous = tokenize.NEWLINE  # what came before, comments and blank lines aside
    for i, token in enumerate(tokens):
        if token.type in (tokenize.NL, tokenize.COMMENT):
            continue
        # A docstring is a string standing alone as a statement: it starts a
        # line and ends it. (The only such strings in this project.)
        starts_line = previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
        if token.type == tokenize.STRING and starts_line and tokens[i + 1].type == tokenize.NEWLINE:
            dropped.update(range(token.start[0], token.end[0] + 1))
        previous = token.type
    lines = source.split("\n")
    return "\n".join([line for number, line in enumerate(lines, 1) if number not in dropped])


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


def single_file():
    """neuron.py, then network.py without its import of neuron, as one file."""
    network_lines = read("network.py").split("\n")
    return "".join([
        "# neuron.py and network.py as one file, made by: python3 network.py --single-file\n",
        "# Run it: python3 ournn.py\n\n",
        read("neuron.py"),
        "\n\n",
        "\n".join([line for line in network_lines if not line.startswith("from neuron import")]),
    ])


# --- The micro:bit edition
#
# The BBC micro:bit (MicroPython 1.9.2) has about 10 KB of heap, a flash
# file system of about 15 KB and a stack for about 6 nested calls. What
# fits: neuron.py whole, and of network.py the network's feedforward and
# its hand calculation, and the worked examples. Docstrings are left out
# (compiling them takes heap; comments cost only flash), and so is what
# needs training, files or a command line.
MICROBIT_NETWORK = [
    "neuron",
    "OurNeuralNetwork.__init__",
    "OurNeuralNetwork.feedforward",
    "OurNeuralNetwork.explain",
    "_list",
    "neuron_example",
    "network_example",
    "NEURON_EXAMPLES",
    "NETWORK_EXAMPLE",
]

MICROBIT_HEADER = """\
# {name} for the BBC micro:bit, made from the real {name} by:
#     python3 network.py --microbit DIR
# Docstrings and what the board has no room for are left out.
"""

MICROBIT_MAIN = """\
# The article's worked examples, printed at power-up as `python3 network.py`
# prints them (with the board's 6-digit floats). The micro:bit edition of
# zero-knowledge-nn, made by: python3 network.py --microbit DIR

# neuron first: compiling a module takes heap that network's code would hold.
import neuron
from network import NETWORK_EXAMPLE, NEURON_EXAMPLES, network_example, neuron_example

# The examples are called from here rather than through worked_examples():
# the board's stack has room for only a few nested calls.
for weights, bias, x in NEURON_EXAMPLES:
    for line in neuron_example(weights, bias, x):
        print(line)
    print()
for line in network_example(NETWORK_EXAMPLE):
    print(line)
"""


def microbit_edition():
    """The micro:bit edition: {file name: text} for main.py, neuron.py and network.py."""
    return {
        "main.py": MICROBIT_MAIN,
        "neuron.py": MICROBIT_HEADER.format(name="neuron.py")
        + without_docstrings(read("neuron.py")).lstrip("\n"),
        "network.py": MICROBIT_HEADER.format(name="network.py")
        + cut(without_docstrings(read("network.py")), MICROBIT_NETWORK).lstrip("\n"),
    }


def command(args):
    """What network.py --single-file or --microbit DIR prints, as lines.

    A misused option, or a folder that cannot be written, raises ValueError.
    """
    if args == ["--single-file"]:
        return [single_file().rstrip("\n")]
    if len(args) == 2 and args[0] == "--microbit":
        try:
            return write_microbit_edition(args[1])
        except OSError as error:
            raise ValueError("--microbit cannot write into {} ({})".format(args[1], error)) from None
    raise ValueError("{} takes {}".format(
        args[0], "no value" if args[0] == "--single-file" else "one folder, DIR"))


def write_microbit_edition(folder):
    """Write the micro:bit edition into folder (made if need be); returns lines to show."""
    if not os.path.isdir(folder):
        os.makedirs(folder)
    edition = microbit_edition()
    lines = []
    for name in sorted(edition):
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(edition[name])
        lines.append("wrote {} ({} bytes)".format(path, len(edition[name].encode())))
    lines.append("Copy the three files to the micro:bit (see the README's micro:bit section);"
                 " main.py prints the worked examples at power-up.")
    return lines
