"""The micro:bit editions, cut from the real modules (tools/cutting.py), written into a
folder all or nothing, with one Universal Hex that a V1 or a V2 board runs.

    python3 -m tools --microbit DIR          the worked examples
    python3 -m tools --microbit DIR train    the training

The BBC micro:bit V1 (MicroPython 1.9.2) has about 10 KB of heap, which holds
the compiled code too, a flat file system, a stack for about five nested calls
and 30-bit floats. So each edition is a few small modules cut from the real
ones, docstrings left out (the board compiles each module from source, and two
small ones fit where one large one does not), and a main.py that imports them
in order. Where the board has no room for a real function, a stand-in takes its
place and says so (tools/programs/shallow.py, trusting.py). The V2 runs the same
files. The .hex needs micropython-microbit-fs and universal-hex (PyPI): the
editions tool's own dependencies, never the modules'.
"""

import ast
import os

from support.files import file_name, write_files
from tools.cutting import MARK, PROJECT, cut, defines, imports, origins, program, read, without

SHALLOW = "tools/programs/shallow.py"  # stand-ins for the stack (the worked examples)
TRUSTING = "tools/programs/trusting.py"  # for the heap and the time (the training)
TRAIN = "tools/programs/training_train.py"  # train's loop, LOOP filled in
# The board's file system has no folders: support/'s modules become support.py.
MOVED = {"support.checks": "support", "support.network_checks": "support",
         "support.arithmetic": "support", "support.writing": "support",
         "support.seeded_random": "support"}

# Each edition: its board modules, in the order main.py imports them, each cut
# from real modules (file, the statements and methods it keeps) or a program's.
EXAMPLES = [
    ("support.py", [
        ("support/checks.py", ["INF", "check_number", "list_length", "quoted"]),
        ("support/network_checks.py", ["check_neurons"]),
        ("support/writing.py", ["show", "show_list"]),
        ("support/arithmetic.py", ["LIMIT", "LOW", "check_inputs", "sigmoid_input"]),
    ]),
    ("shallow.py", [(SHALLOW, ["check_weights_and_bias", "dot"])]),
    ("neuron.py", [("neuron.py", ["sigmoid", "Neuron.__init__", "Neuron.feedforward",
                                  "Neuron.explain"])]),
    ("network.py", [("network.py", ["OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
                                    "OurNeuralNetwork.explain"])]),
    ("examples.py", [("network.py", ["NEURON_EXAMPLES", "NETWORK_EXAMPLE", "neuron_example",
                                     "network_example"])]),
]
TRAINING = [
    ("support.py", [
        ("support/checks.py", ["INF", "check_number"]),
        ("support/arithmetic.py", ["LIMIT", "LOW", "sigmoid_input"]),
        (TRUSTING, ["dot", "check_weights_and_bias", "check_neurons", "check_parameters",
                    "check_pairs"]),
    ]),
    ("neuron.py", [(TRUSTING, ["sigmoid"]), ("neuron.py", ["Neuron.__init__",
                                                           "Neuron.feedforward"])]),
    ("network.py", [("network.py", [
        "PARAMETER_NAMES", "mse_loss", "OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
        "OurNeuralNetwork._set_parameters", "partial_derivatives", "PEOPLE", "NEW_PEOPLE"])]),
    ("training.py", [(TRAIN, None)]),
]
SOURCES = {TRAIN: "network.py's OurNeuralNetwork.train"}
HEX = {False: "examples.hex", True: "training.hex"}
INSTALL = "python3 -m pip install micropython-microbit-fs==0.1.2 universal-hex==0.1.0"

HEADER = """\
# {name} for the BBC micro:bit, {mark},
# cut from {sources} by: python3 -m tools --microbit DIR{train}
# Docstrings, and what the board has no room for, are left out (docs/microbit.md);
# a stand-in says so where it takes a real one's place.
"""
MAIN_HEADER = "# {name} for the BBC micro:bit, {mark}, made by: python3 -m tools --microbit DIR{train}"


def modules(edition, train=""):
    """{board file name: text} of an edition's modules (EXAMPLES or TRAINING)."""
    where = origins(sorted(set([f for name, parts in edition for f, keep in parts])), MOVED)
    local = [name[:-3] for name, parts in edition]
    files = {}
    for name, parts in edition:
        code = "\n\n\n".join([_part(f, keep).strip("\n") for f, keep in parts]) + "\n"
        for defined in defines(code):  # what later modules import from this one
            where[defined] = name[:-3]
        sources = []
        for f, keep in parts:
            if SOURCES.get(f, f) not in sources:
                sources.append(SOURCES.get(f, f))
        header = HEADER.format(name=name, mark=MARK, sources=" and ".join(sources), train=train)
        files[name] = header + imports(code, where, local) + "\n\n" + code
    return files


def _part(name, keep):
    # The statements keep names, cut from name; or, keep None, the program name.
    if keep is None:
        return program(os.path.basename(name), {"LOOP": train_loop()})
    return cut(without(read(name)), keep)


def train_loop():
    """The loop of OurNeuralNetwork.train in network.py (for epoch in ...), as it is
    there, indented as in a function's body."""
    source = without(read("network.py"))
    lines = source.split("\n")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.For) and getattr(node.target, "id", None) == "epoch":
            end = node.lineno  # past the last line indented deeper than the for
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > node.col_offset):
                end += 1
            return "\n".join([line[node.col_offset - 4:] for line in lines[node.lineno - 1:end]]
                             ).rstrip("\n")
    raise ValueError("network.py has no training loop (for epoch in ...)")


def _indent(line):
    return len(line) - len(line.lstrip())


def microbit_edition():
    """The worked examples' edition: {file name: text}, main.py and the modules it imports."""
    files = modules(EXAMPLES)
    files["main.py"] = program("microbit_main.py", {
        "HEADER": MAIN_HEADER.format(name="main.py", mark=MARK, train="")}) + "\n"
    return files


def microbit_training_edition():
    """The training edition: {file name: text}, main.py, run.py and the modules they import."""
    from support.seeded_random import draw_normal  # the seeded start, worked out here

    start = [repr(w) for w in draw_normal(9, 1)]
    files = modules(TRAINING, " train")
    files["main.py"] = program("training_main.py", {
        "HEADER": MAIN_HEADER.format(name="main.py", mark=MARK, train=" train")}) + "\n"
    files["run.py"] = program("training_run.py", {
        "HEADER": MAIN_HEADER.format(name="run.py", mark=MARK, train=" train"),
        "START": "START = [" + ",\n         ".join([", ".join(start[i:i + 3])
                                                for i in range(0, 9, 3)]) + "]"}) + "\n"
    return files


def universal_hex(files):
    """One Universal Hex holding files, for a V1 and a V2 (MicroPython as
    micropython-microbit-fs bundles it); None without the two libraries."""
    try:
        import micropython_microbit_fs as fs
        from universal_hex import BoardId, IndividualHex, create_uhex
    except ImportError:
        return None
    contents = [fs.File.from_text(name, files[name]) for name in sorted(files)]
    hexes = []
    for version, board in ((1, BoardId.V1), (2, BoardId.V2)):
        try:
            hexes.append(IndividualHex(fs.add_files(fs.get_bundled_hex(version).content, contents),
                                       board))
        except fs.StorageFullError:
            raise ValueError("the edition does not fit the V{}'s file system".format(version))
    return create_uhex(hexes)


def write(folder, training=False):
    """Write the micro:bit edition (training: the training's) into folder, all or
    nothing, with its Universal Hex where the libraries are; the lines to print.
    A folder that is not new, empty, or holding only editions' files, or that
    cannot be written, raises ValueError, and nothing is written."""
    files = microbit_training_edition() if training else microbit_edition()
    refused(folder)  # before the hex is made (half a second) for nothing
    hexed = universal_hex(files)
    if hexed is not None:
        files[HEX[training]] = hexed
    lines = write_edition(folder, files)
    if hexed is None:
        return lines + ["No {}, the one file for the board: it needs micropython-microbit-fs and"
                        " universal-hex (Python 3.9+): {}; meanwhile copy the .py files onto"
                        " the board (docs/microbit.md).".format(HEX[training], INSTALL)]
    return lines + ["Use {}: drag it onto the MICROBIT drive, or open it in python.microbit.org"
                    " (V1 and V2); at power-up main.py {}. The .py files are the same code,"
                    " to read.".format(os.path.join(folder, HEX[training]),
                                       "trains the network" if training
                                       else "prints the worked examples")]


def write_edition(folder, edition):
    """Write edition ({file name: text}) into folder, made if need be, all or
    nothing (support/files.py's write_files); returns the lines to show.

    Nothing is written, and ValueError says why, unless folder is new, empty,
    or holds only files an edition wrote (their first line carries the mark; a
    .hex, in a file it holds), each of them replaceable; never the project's.
    """
    others = [name for name in refused(folder) if name not in edition]  # another edition's
    made = []  # the folders made here, removed again should the writing fail
    path = os.path.abspath(folder)
    while not os.path.exists(path):
        made.append(path)
        path = os.path.dirname(path)
    try:
        if made:
            os.makedirs(folder, exist_ok=True)
        write_files(dict([(os.path.join(folder, name), edition[name]) for name in edition]))
    except OSError as error:
        _remove(made)
        raise ValueError("--microbit cannot write into {} ({})".format(
            folder, getattr(error, "strerror", None) or error)) from None
    except BaseException:
        _remove(made)
        raise
    lines = ["wrote {} ({} bytes)".format(os.path.join(folder, name), len(edition[name].encode()))
             for name in sorted(edition)]
    if others:
        lines.append("left alone in {}, from another edition: {} (not part of this one)".format(
            folder, ", ".join(others)))
    return lines


def refused(folder):
    """The names in folder, each an edition's file; or the ValueError (TypeError
    for a name that is not a string) that says why no edition is written there:
    it is a file, the project's own folder, or holds something no edition wrote."""
    folder = file_name(folder)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValueError("{} is not a folder".format(folder))
    if os.path.isdir(folder) and os.path.samefile(folder, PROJECT):
        raise ValueError("{} is the project's own folder: its modules are not replaced".format(
            folder))
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    names = [name for name in names if not _on_its_way(name)]  # another run's, writing now
    for name in names:
        if not _is_edition(os.path.join(folder, name)):
            raise ValueError("{} holds {}, which no edition wrote: use a new or empty folder"
                             .format(folder, name))
    return names


def _on_its_way(name):
    # A file support.files.write_files makes on its way (NAME.xxxxxxxx.tmp, or .old).
    parts = name.rsplit(".", 2)
    return (len(parts) == 3 and parts[2] in ("tmp", "old") and len(parts[1]) == 8
            and not parts[1].strip("0123456789abcdef"))


def _remove(made):
    # The folders in made, deepest first, where they are still empty.
    for path in made:
        try:
            os.rmdir(path)
        except OSError:
            pass


def _is_edition(path):
    # A regular file an edition wrote: its first line carries the mark, or, a
    # Universal Hex, a file it holds does (the mark in its data records).
    if os.path.islink(path) or not os.path.isfile(path):
        return False
    with open(path, "rb") as f:
        if MARK.encode() in f.readline(300):
            return True
    if not path.endswith(".hex") or os.path.getsize(path) > 4000000:
        return False
    data = bytearray()
    with open(path, "rb") as f:
        for line in f:  # :LLAAAATT and LL bytes: a Data (00) or CustomData (0D) record
            if line[7:9] in (b"00", b"0D"):
                try:
                    data += bytearray.fromhex(line[9:9 + 2 * int(line[1:3], 16)].decode())
                except ValueError:
                    return False
    return MARK.encode() in data
