"""The cutting: editions are made from the real modules' text when they are asked for.

The one module of the editions tool that reads the project's code; the
editions (tools/editions.py, tools/microbit.py) import it, and it imports none
of them. A tool about the code, not the article's code: it runs on CPython 3.6+
and PyPy (the teacher's computer), never on a board.

    read(name)                    the text of one of the project's files
    without_docstrings(source)    source, its docstrings' lines left out
    cut(source, keep)             the statements and methods keep names, comments and all
    without(source, drop)         the others, docstrings and imports left out
    origins(files, moved)         where the names the files import come from
    imports(code, origins)        the import lines code needs, and no more
    defines(code)                 the names code defines
    body(source, name)            where a function's body lies
    program(name, fills)          a program of tools/programs/, its markers filled in
"""

import ast
import io
import os
import sys
import tokenize

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)  # the real modules, whatever the working folder
PROGRAMS = os.path.join(PROJECT, "tools", "programs")

# The first line of every file an edition writes carries this mark: a file
# without it is the user's own, and is never replaced.
MARK = "an edition of zero-knowledge-nn"
# What a program of tools/programs/ carries into an edition: the lines after
# this one (those above it, its docstring and imports, are for readers and linters).
CARRIED = "# --- An edition carries what follows."
# A marker: a line of a program that ends with this and a NAME, replaced whole
# by the text given for NAME.
FILLED = "# filled in: "


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
    text = ""
    after = None  # the statement kept last
    for i, (name, start, end, node) in enumerate(statements):
        if name is None:
            continue  # a docstring, say: nothing keep can name
        if isinstance(node, ast.ClassDef) and any(k.startswith(name + ".") for k in keep):
            methods = _statements(lines, node.body, start, end)
            kept = [_text(lines, method_start, method_end)
                    for method, method_start, method_end, _ in methods
                    if method is not None and name + "." + method in keep]
            block = _text(lines, start, methods[0][1]) + "\n" + "\n\n".join(kept)
        elif name in keep:
            block = _text(lines, start, end)
        else:
            continue
        # Laid out as PEP 8 has it: two blank lines between top-level statements,
        # none where the source has none (two constants on lines of their own).
        if after is not None:
            text += "\n" if after == i - 1 and lines[start - 1].strip() else "\n\n\n"
        text += block
        after = i
    return head + text + "\n"


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


def without(source, drop=()):
    """source's code without docstrings, imports and the statements and methods
    named in drop (see cut); imports(code, origins([...])) gives the imports it needs.

    >>> print(without('import sys\\n\\n\\ndef f():\\n    "Hi."\\n    return sys.argv\\n'))
    def f():
        return sys.argv
    <BLANKLINE>
    """
    # Docstrings out first: before 3.8, ast dates a string to its last line.
    source = without_docstrings(source)
    imported = [_name(node) for node in ast.parse(source).body
                if isinstance(node, (ast.Import, ast.ImportFrom))]
    code = cut(source, [name for name in names(source) if name not in drop and name not in imported])
    return code.lstrip("\n")


def origins(files, moved=None):
    """{name: the module it is imported from} for the top-level imports of the
    project's files, each module renamed as moved says (old: new; "" for one
    in the same file); a plain "import sys" gives {"sys": None}.

    >>> origins(["neuron.py"], {"support.arithmetic": "support"})["dot"]
    'support'
    """
    moved = moved or {}
    found = {}
    for name in files:
        for node in ast.parse(read(name)).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    module = getattr(node, "module", None)
                    found[alias.asname or alias.name] = moved.get(module, module)
    return found


def imports(code, origins, local=()):
    """The import lines code needs: for each name it uses (and does not
    define) that origins names a module for; the standard library's first,
    then the edition's own modules (local). A module "" is the same file.

    >>> print(imports("x = exp(1) + dot(a, b)", {"exp": "math", "dot": "support",
    ...                                           "sys": None}, ["support"]), end="")
    from math import exp
    <BLANKLINE>
    from support import dot
    """
    used = set([node.id for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Name)])
    used -= set(defines(code))
    plain, by_module = [], {}
    for name in sorted(used):
        module = origins.get(name, "")
        if module is None:
            plain.append("import " + name)
        elif module:
            by_module.setdefault(module, []).append(name)
    order = sorted(by_module, key=lambda module: (module in local, module))
    lines = plain + ["from {} import {}".format(m, ", ".join(by_module[m])) for m in order]
    if [m for m in order if m in local] and (plain or [m for m in order if m not in local]):
        first = len(plain) + len([m for m in order if m not in local])
        lines.insert(first, "")  # the standard library's, a blank line, the edition's own
    return "".join([line + "\n" for line in lines])


def defines(code):
    """The names code defines at its top level (functions, classes, assignments).

    >>> defines("A = 1\\ndef f():\\n    pass\\n")
    ['A', 'f']
    """
    found = []
    for node in ast.parse(code).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found.append(node.name)
        elif isinstance(node, ast.Assign):
            found += [target.id for target in node.targets if isinstance(target, ast.Name)]
    return found


def body(source, name):
    """Where the body of the function name ("Class.method" for a method) lies
    in source, which has no docstrings: (first line, line after the last,
    both counted from 0), and its indentation."""
    lines = source.split("\n")
    statements = _statements(lines, ast.parse(source).body, 0, len(lines))
    for part in name.split("."):
        found = [s for s in statements if s[0] == part]
        if not found:
            raise ValueError("no {} in the source".format(name))
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


def program(name, fills=None):
    """The text an edition carries of the program tools/programs/NAME: what
    follows its CARRIED line, each marker line (ending in FILLED + a name)
    replaced by the text fills gives for that name. A marker without its
    text, or a text without its marker, raises ValueError."""
    with open(os.path.join(PROGRAMS, name)) as f:
        text = f.read()
    if CARRIED + "\n" not in text:
        raise ValueError("tools/programs/{} has no line {!r}".format(name, CARRIED))
    return fill(text.split(CARRIED + "\n", 1)[1], fills or {}, name)


def fill(text, fills, name="the program"):
    """text with each marker line replaced by its text from fills.

    >>> print(fill("a = 1\\nB = []  # filled in: B\\n", {"B": "B = [2]"}), end="")
    a = 1
    B = [2]
    """
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        if FILLED in line:
            marker = line.split(FILLED, 1)[1].strip()
            if marker not in fills:
                raise ValueError("{}: nothing to fill in for {}".format(name, marker))
            lines[i] = fills[marker].rstrip("\n")
            found.append(marker)
    unused = sorted(set(fills) - set(found))
    if unused or len(found) != len(set(found)):
        raise ValueError("{}: markers missing or given twice: {}".format(name, unused or found))
    return "\n".join(lines)
