"""Cut the editions from the real modules' text, at the moment they are asked for.

This is the one module of the editions tool that reads the project's code.
The editions (tools/editions.py, tools/notebook.py and tools/microbit.py)
import it, and it imports none of them. It runs on the teacher's computer
(CPython 3.6 and later, or PyPy), never on a board.

    read(name)                  the text of one of the project's files
    without_docstrings(source)  source without its docstrings
    cut(source, keep)           only the statements and methods named in keep
    without(source, drop)       all but those named in drop, without docstrings or imports
    names(source)               every name that cut and without accept
    origins(files, moved)       the module that each imported name comes from
    imports(code, origins)      the import lines that code needs
    defines(code)               the names that code defines at its top level
    uses(code)                  the names that code reads
    used_at_import(code)        the names that code reads while it is imported
    needed(code, roots)         the definitions in code that roots need, directly or not
    body(source, name)          where the body of a function lies
    program(name, fills)        a program of tools/programs/, its markers filled in
    cells(name)                 a program of tools/programs/, cut into named cells

A name that the source does not have raises ValueError, wherever it is asked
for: an edition never leaves something out in silence. Lines are found from
the ast (and, for strings before Python 3.8, from the tokens), never from how
the text happens to be laid out.
"""

import ast
import io
import os
import sys
import tokenize

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)  # The real modules then import from any working folder.
PROGRAMS = os.path.join(PROJECT, "tools", "programs")

# The first line of every file an edition writes carries this mark: a file
# without it is the user's own, and is never replaced.
MARK = "an edition of zero-knowledge-nn"
# An edition carries the lines of a program of tools/programs/ that follow this
# line. Those above it, the docstring and imports, are for readers and linters.
CARRIED = "# --- An edition carries what follows."
# A marker is a line of a program that ends with this and a NAME. The whole
# line is replaced by the text given for NAME.
FILLED = "# filled in: "
# The line that starts each cell of a program that cells() cuts, followed by the cell's name.
CELL = "# --- cell: "
# The statements that define a function or a class, whose bodies may start with a docstring.
FUNCTIONS = (ast.FunctionDef, getattr(ast, "AsyncFunctionDef", ast.FunctionDef))
DEFINITIONS = FUNCTIONS + (ast.ClassDef,)


def read(name):
    """Return the text of one of the project's files, such as "network.py"."""
    with open(os.path.join(PROJECT, name)) as f:
        return f.read()


def without_docstrings(source):
    """Return source with every docstring's lines left out; comments stay.

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
    # The first and last line, counted from 1, of each docstring in source: a
    # string that is the first statement of the module, a class or a function.
    # The ast finds them. Before Python 3.8 the ast gives only the line where a
    # string ends, so the tokens give the line where it starts.
    tree = ast.parse(source)
    starts = {}  # Map the end line of each string to its start line.
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            starts[token.end[0]] = token.start[0]
    spans = []
    for node in [tree] + [node for node in ast.walk(tree) if isinstance(node, DEFINITIONS)]:
        first = node.body[0]
        value = getattr(first, "value", None)
        if not isinstance(first, ast.Expr) or not isinstance(
                getattr(value, "value", getattr(value, "s", None)), str):
            continue
        if node is not tree and first.lineno == node.lineno:
            continue  # This docstring is on the def's line, which must stay.
        last = getattr(first, "end_lineno", None)
        spans.append((first.lineno, last) if last else (starts[first.lineno], first.lineno))
    return spans


def cut(source, keep):
    """Return source with only the top-level statements and methods named in keep.

    A statement is named by what it defines ("Neuron", "PEOPLE"), a method by
    its class and its name ("Neuron.explain"), and an import by its module
    ("sys"). Keeping a method keeps the first line of its class. The comments
    just above a statement go with it, and the text before the first
    statement stays. A name that source does not have raises ValueError.

    >>> print(cut("import sys\\n\\n# One.\\nA = 1\\nB = 2\\n", ["A"]))
    # One.
    A = 1
    <BLANKLINE>
    """
    _check_names(source, keep, "cut")
    lines = source.split("\n")
    statements = _statements(lines, ast.parse(source).body, 0, len(lines))
    head = "\n".join(lines[:statements[0][1]]) if statements else source
    text = ""
    after = None  # The index of the last statement kept so far.
    for i, (name, start, end, node) in enumerate(statements):
        if name is None:
            continue  # keep cannot name this statement (a try, for example).
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
        # The layout of PEP 8: two blank lines between top-level statements,
        # and none where the source has none (two constants on adjacent lines).
        if after is not None:
            text += "\n" if after == i - 1 and lines[start - 1].strip() else "\n\n\n"
        text += block
        after = i
    return head + text + "\n"


def _check_names(source, wanted, what):
    # Raise ValueError if source lacks any of the names in wanted.
    known = set(names(source)) if wanted else set()
    missing = [name for name in wanted if name not in known]
    if missing:
        raise ValueError("{}: the source has no {}".format(what, ", ".join(missing)))


def _text(lines, start, end):
    return "\n".join(lines[start:end]).strip("\n")


def _statements(lines, nodes, first, last):
    # Return (name, start, end, node) for each statement of nodes, which lie
    # between the lines first and last. start is the statement's first line and
    # end the line after its last, both counted from 0. Each statement runs up
    # to the start of the next one.
    starts = []
    for node in nodes:
        # Python before 3.8 counts a decorated def from its first decorator.
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        indent = lines[start][:node.col_offset]
        # The comments just above a statement go with it; the blank lines
        # before them stay with the statement before.
        while start > first and (lines[start - 1].startswith(indent + "#")
                                 or not lines[start - 1].strip()):
            start -= 1
        while not lines[start].strip():
            start += 1
        starts.append(start)
    ends = starts[1:] + [last]
    return [(_name(node), start, end, node) for node, start, end in zip(nodes, starts, ends)]


def _name(node):
    # Return the name that cut knows the statement node by, or None.
    if isinstance(node, DEFINITIONS):
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
    """Return every name that cut can keep in source: its top-level statements, and Class.method.

    >>> names("import sys\\nclass A:\\n    def f(self):\\n        pass\\n")
    ['sys', 'A', 'A.f']
    """
    found = []
    for node in ast.parse(source).body:
        name = _name(node)
        if name is not None:
            found.append(name)
        if isinstance(node, ast.ClassDef):
            found += [name + "." + _name(item) for item in node.body if _name(item) is not None]
    return found


def without(source, drop=()):
    """Return the code of source without its docstrings, its imports, and the
    statements and methods named in drop (named as cut names them); a name
    that source does not have raises ValueError. imports(code, origins(...))
    gives the import lines that the code needs.

    >>> print(without('import sys\\n\\n\\ndef f():\\n    "Hi."\\n    return sys.argv\\n'))
    def f():
        return sys.argv
    <BLANKLINE>
    """
    _check_names(source, drop, "without")
    # Docstrings are removed first, because before Python 3.8 the ast gives a string the
    # line where it ends, so cut could not find where a docstring starts.
    source = without_docstrings(source)
    imported = [_name(node) for node in ast.parse(source).body
                if isinstance(node, (ast.Import, ast.ImportFrom))]
    kept = [name for name in names(source) if name not in drop and name not in imported]
    code = cut(source, kept)
    return code.lstrip("\n")


def origins(files, moved=None):
    """Return {name: the module it is imported from} for the top-level imports
    of the project's files. moved maps a module's old name to its new one; a
    new name of "" means that the module is now part of the same file. A
    plain "import sys" gives {"sys": None}.

    >>> origins(["neuron.py"], {"math": "maths"})["exp"]
    'maths'
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
    """Return the import lines that code needs: one for each name that it uses,
    does not define, and that origins gives a module for. The standard
    library's come first, then those of the edition's own modules (local). A
    module "" is the same file, and needs no import.

    >>> print(imports("x = exp(1) + dot(a, b)", {"exp": "math", "dot": "support",
    ...                                           "sys": None}, ["support"]), end="")
    from math import exp
    <BLANKLINE>
    from support import dot
    """
    used = set(uses(code)) - set(defines(code))
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
        lines.insert(first, "")  # A blank line comes before the edition's own imports.
    return "".join([line + "\n" for line in lines])


def defines(code):
    """Return the names that code defines at its top level (functions, classes, assignments).

    >>> defines("A = 1\\ndef f():\\n    pass\\n")
    ['A', 'f']
    """
    found = []
    for node in ast.parse(code).body:
        found += _defined(node)
    return found


def _defined(node):
    # Return the names that one top-level statement defines.
    if isinstance(node, DEFINITIONS):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    return []


def uses(code):
    """Return the names that code reads anywhere, in order of first use.

    >>> uses("def f(x=A):\\n    return g(x)\\n")
    ['A', 'g', 'x']
    """
    found = []
    for name in _reads(ast.parse(code)):
        if name not in found:
            found.append(name)
    return found


def used_at_import(code):
    """Return the names that code reads while it is imported, rather than when
    its functions are called: in default values, decorators and base classes,
    and in the statements at the top level of the module or of a class.

    >>> used_at_import("def f(x=A):\\n    return B\\n\\nC = D\\n")
    ['A', 'D']
    """
    found = []

    def visit(statements):
        for node in statements:
            if isinstance(node, FUNCTIONS):
                parts = node.decorator_list + node.args.defaults + [
                    d for d in node.args.kw_defaults if d is not None]
            elif isinstance(node, ast.ClassDef):
                parts = node.decorator_list + node.bases + [k.value for k in node.keywords]
                visit(node.body)
            else:
                parts = [node]
            for part in parts:
                found.extend([name for name in _reads(part) if name not in found])

    visit(ast.parse(code).body)
    return found


def needed(code, roots):
    """Return the names that code defines at its top level and that the names
    in roots need, directly or through one another, in the order of code.

    >>> needed("def f():\\n    return g()\\n\\ndef g():\\n    pass\\n\\nh = 1\\n", ["f"])
    ['f', 'g']
    """
    reads = {}
    for node in ast.parse(code).body:
        for name in _defined(node):
            reads.setdefault(name, []).extend(_reads(node))
    wanted = set()
    waiting = list(roots)
    while waiting:
        name = waiting.pop()
        if name in reads and name not in wanted:
            wanted.add(name)
            waiting.extend(reads[name])
    return [name for name in defines(code) if name in wanted]


def _reads(node):
    # Return the names that node reads, in the order ast.walk meets them.
    return [name.id for name in ast.walk(node)
            if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Load)]


def body(source, name):
    """Return where the body of the function name ("Class.method" for a
    method) lies in source, which has no docstrings: its first line, the line
    after its last (both counted from 0), and its indentation. The comments
    just above the body's first statement belong to the body. A name that
    source does not have, or that is not a function, raises ValueError.

    >>> body("class A:\\n    def f(self):\\n        # Why.\\n        return 1\\n", "A.f")
    (2, 4, '        ')
    """
    lines = source.split("\n")
    statements = _statements(lines, ast.parse(source).body, 0, len(lines))
    node = None
    for part in name.split("."):
        found = [s for s in statements if s[0] == part and isinstance(s[3], DEFINITIONS)]
        if not found or node is not None and not isinstance(node, ast.ClassDef):
            raise ValueError("body: the source has no {}".format(name))
        start, end, node = found[0][1:]
        statements = _statements(lines, node.body, start, end)
    if not isinstance(node, FUNCTIONS):
        raise ValueError("body: {} is not a function".format(name))
    statement = node.body[0]
    first = statement.lineno - 1
    if first <= node.lineno - 1:
        raise ValueError("body: {} is written on one line".format(name))
    indent = lines[first][:statement.col_offset]
    while first - 1 > node.lineno - 1 and lines[first - 1].startswith(indent + "#"):
        first -= 1
    while not lines[end - 1].strip():
        end -= 1
    return first, end, indent


def program(name, fills=None):
    """Return the text that an edition carries of the program tools/programs/NAME:
    what follows its CARRIED line, with each marker line (one that ends in
    FILLED and a name) replaced by the text that fills gives for that name.
    A marker without its text, or a text without its marker, raises ValueError."""
    with open(os.path.join(PROGRAMS, name)) as f:
        text = f.read()
    if CARRIED + "\n" not in text:
        raise ValueError("tools/programs/{} has no line {!r}".format(name, CARRIED))
    return fill(text.split(CARRIED + "\n", 1)[1], fills or {}, name)


def fill(text, fills, name="the program"):
    """Return text with each marker line replaced by its text from fills.

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


def cells(name):
    """Return {cell name: its code} for the program tools/programs/NAME, whose
    carried part is a series of cells, each starting with a line CELL + its
    name. Code before the first cell, or two cells of the same name, raise
    ValueError.

    >>> sorted(cells("notebook_article.py"))[:2]
    ['backprop', 'loss']
    """
    found = {}
    current = None
    for line in program(name).split("\n"):
        if line.startswith(CELL):
            current = line[len(CELL):].strip()
            if current in found:
                raise ValueError("tools/programs/{}: two cells named {}".format(name, current))
            found[current] = []
        elif current is not None:
            found[current].append(line)
        elif line.strip():
            raise ValueError("tools/programs/{}: code before the first cell".format(name))
    return dict([(cell, "\n".join(lines).strip("\n")) for cell, lines in found.items()])
