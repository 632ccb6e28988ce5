"""The micro:bit editions, cut from the real modules (tools/cutting.py), written into a
folder all or nothing, with one Universal Hex that a V1 or a V2 board runs.

    python3 -m tools --microbit DIR          the worked examples
    python3 -m tools --microbit DIR train    the training

The BBC micro:bit V1 (MicroPython 1.9.2) has about 10 KB of heap, which holds
the compiled code too, a file system without folders, a stack with room for
about five nested calls, and 30-bit floats. So each edition is a few small
modules cut from the real ones, without their docstrings, and a main.py that
imports them in order. The board compiles each module from source, and that
needs room in one piece, so small modules fit where one large one does not.
support/'s modules become board modules of the same names (checks.py,
arithmetic.py, writing.py). Where the board has no room for a real function,
a stand-in takes its place and says so (tools/programs/shallow.py and
trusting.py). The V2 runs the same files. Making the .hex needs
micropython-microbit-fs and universal-hex from PyPI, which are the editions
tool's own dependencies, never the modules'.
"""

import ast
import builtins
import dis
import os
import textwrap

from support.files import file_name
from tools.folders import write_folder
from tools.cutting import MARK, PROJECT, cut, defines, imports, origins, program, read, without

# The stand-ins of the worked examples, which save stack and heap.
SHALLOW = "tools/programs/shallow.py"
# The stand-ins of the training edition, which save heap and board time.
TRUSTING = "tools/programs/trusting.py"
# The board's train function, into which network.py's training loop is filled as LOOP.
TRAIN = "tools/programs/training_train.py"
# The board's file system has no folders, so each module of support/ becomes a
# board module of the same name; support/network_checks.py joins checks.py.
MOVED = {"support.checks": "checks", "support.network_checks": "checks",
         "support.arithmetic": "arithmetic", "support.writing": "writing"}

# Each edition is a list of its board modules, in the order main.py imports
# them. Each module is a list of parts cut from real modules or programs, each
# part a file and the statements and methods it keeps (None keeps a whole
# program).
EXAMPLES = [
    ("checks.py", [
        ("support/checks.py", ["INF"]),
        (SHALLOW, ["check_number", "quoted"]),
        ("support/checks.py", ["list_length"]),
        (SHALLOW, ["check_weights_and_bias"]),
        ("support/network_checks.py", ["check_neurons"]),
    ]),
    ("writing.py", [("support/writing.py", ["show"])]),
    ("arithmetic.py", [
        ("support/arithmetic.py", ["LIMIT", "LOW"]),
        (SHALLOW, ["dot"]),
        ("support/arithmetic.py", ["check_inputs", "sigmoid_input"]),
    ]),
    ("neuron.py", [("neuron.py", ["sigmoid", "Neuron.__init__", "Neuron.feedforward",
                                  "Neuron.explain"])]),
    ("network.py", [("network.py", ["OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
                                    "OurNeuralNetwork.explain"])]),
    # Only the worked examples write lists, so show_list comes with them.
    ("examples.py", [
        ("support/writing.py", ["show_list"]),
        ("network.py", ["NEURON_EXAMPLES", "NETWORK_EXAMPLE", "neuron_example",
                        "network_example"]),
    ]),
]
TRAINING = [
    ("checks.py", [
        ("support/checks.py", ["INF"]),
        (TRUSTING, ["check_number", "check_weights_and_bias", "check_neurons", "check_pairs"]),
    ]),
    ("arithmetic.py", [
        ("support/arithmetic.py", ["LIMIT", "LOW"]),
        (TRUSTING, ["dot"]),
        ("support/arithmetic.py", ["sigmoid_input"]),
    ]),
    ("neuron.py", [(TRUSTING, ["sigmoid"]), ("neuron.py", ["Neuron.__init__",
                                                           "Neuron.feedforward"])]),
    ("network.py", [("network.py", [
        "mse_loss", "OurNeuralNetwork.__init__", "OurNeuralNetwork.feedforward",
        "OurNeuralNetwork._set_parameters", "partial_derivatives", "PEOPLE", "NEW_PEOPLE"])]),
    ("training.py", [(TRAIN, None)]),
]
SOURCES = {TRAIN: "network.py's OurNeuralNetwork.train", SHALLOW: "the stand-ins of " + SHALLOW,
           TRUSTING: "the stand-ins of " + TRUSTING}
HEX = {False: "examples.hex", True: "training.hex"}
# The modules built into the board's MicroPython that the editions import.
BUILT_IN = ("math", "microbit")
INSTALL = "python3 -m pip install micropython-microbit-fs==0.1.2 universal-hex==0.1.0"

# The first line of each file carries the mark (tools/cutting.py's MARK).
HEADER = ("{name} for the BBC micro:bit, {mark}, cut from {sources} by python3 -m tools"
          " --microbit DIR{train}. Docstrings are left out, and so is what the board has no room"
          " for (docs/microbit.md); a stand-in says so where it takes the place of a real"
          " function.")
MAIN_HEADER = ("# {name} for the BBC micro:bit, {mark}, made by python3 -m tools --microbit"
               " DIR{train}")


def modules(edition, train=""):
    """Return {board file name: text} for an edition's modules (EXAMPLES or TRAINING).

    A module that would use a name which neither it, nor a module before it, nor
    a module built into the board defines raises ValueError, which names the
    module and the names it lacks.
    """
    where = origins(sorted(set([f for name, parts in edition for f, keep in parts])), MOVED)
    local = [name[:-3] for name, parts in edition]
    files = {}
    provided = set()  # These are the names that the board modules made so far define.
    for name, parts in edition:
        code = "\n\n\n".join([_part(f, keep).strip("\n") for f, keep in parts]) + "\n"
        missing = _missing(code, where, provided, local)
        if missing:
            raise ValueError("the board's {} would use {}, which no module on the board defines"
                             .format(name, " and ".join(missing)))
        for defined in defines(code):  # Later modules import these from this one.
            where[defined] = name[:-3]
            provided.add(defined)
        sources = []
        for f, keep in parts:
            if SOURCES.get(f, f) not in sources:
                sources.append(SOURCES.get(f, f))
        if len(sources) > 1:
            sources[-2:] = [sources[-2] + " and " + sources[-1]]
        header = textwrap.fill(HEADER.format(name=name, mark=MARK, sources=", ".join(sources),
                                             train=train),
                               79, initial_indent="# ", subsequent_indent="# ",
                               break_long_words=False, break_on_hyphens=False)
        files[name] = header + "\n" + imports(code, where, local) + "\n\n" + code
    return files


def _missing(code, where, provided, local):
    # Return the global names that code uses and the board would not find, which
    # are those that neither code, nor the board modules before it (provided), nor
    # a module built into the board defines. Each comes with the module it would
    # be imported from, if that is not a board module (local). The global names
    # that code uses are those that its code objects, and the code objects within
    # them, load with LOAD_GLOBAL or LOAD_NAME.
    codes = [compile(code, "board", "exec")]
    used = set()
    while codes:
        current = codes.pop()
        codes += [const for const in current.co_consts if hasattr(const, "co_code")]
        used.update([instruction.argval for instruction in dis.get_instructions(current)
                     if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME")])
    missing = []
    for name in sorted(used - set(defines(code)) - set(dir(builtins))):
        module = where.get(name)
        if name not in provided and module not in BUILT_IN:
            missing.append(name + (" (from {})".format(module) if module and module not in local
                                   else ""))
    return missing


def _part(name, keep):
    # Return the statements that keep names, cut from the file name, or the
    # whole program name when keep is None.
    if keep is None:
        return program(os.path.basename(name), {"LOOP": train_loop()})
    return cut(without(read(name)), keep)


def train_loop():
    """Return the loop of OurNeuralNetwork.train in network.py (for epoch in ...) as it
    is there, indented as the body of a function is."""
    source = without(read("network.py"))
    lines = source.split("\n")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.For) and getattr(node.target, "id", None) == "epoch":
            end = node.lineno  # This ends past the last line indented deeper than the for.
            while end < len(lines) and (not lines[end].strip()
                                        or _indent(lines[end]) > node.col_offset):
                end += 1
            return "\n".join([line[node.col_offset - 4:] for line in lines[node.lineno - 1:end]]
                             ).rstrip("\n")
    raise ValueError("network.py has no training loop (for epoch in ...)")


def _indent(line):
    # Return how many spaces line starts with.
    return len(line) - len(line.lstrip())


def microbit_edition():
    """Return the worked examples' edition, main.py and the modules it imports, as
    {file name: text}."""
    files = modules(EXAMPLES)
    files["main.py"] = program("microbit_main.py", {
        "HEADER": MAIN_HEADER.format(name="main.py", mark=MARK, train="")}) + "\n"
    return files


def microbit_training_edition():
    """Return the training edition, main.py, run.py and the modules they import, as
    {file name: text}."""
    from support.seeded_random import draw_normal  # The seeded start is worked out here.

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
    """Return one Universal Hex that holds files, for a V1 and a V2, each with
    MicroPython as micropython-microbit-fs bundles it. Return None where the two
    libraries are not installed."""
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
    """Write the micro:bit edition (the training's if training is true) into folder,
    all or nothing, with its Universal Hex where the libraries are installed, and
    return the lines to print.

    A folder that is not new or empty and holds something other than editions'
    files, or that cannot be written, raises ValueError, and nothing is written.
    """
    files = microbit_training_edition() if training else microbit_edition()
    refused(folder)  # This comes first, so that no hex is made (half a second) for nothing.
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
    """Write edition ({file name: text}) into folder, which is made if need be, all
    or nothing (with support/files.py's write_files), and return the lines to show.

    Nothing is written, and ValueError says why, unless folder is new or empty,
    or holds only files that an edition wrote, each of them replaceable. A file
    is an edition's when its first line carries the mark or, for a .hex, when a
    file inside the hex carries it. The project's own folder is never written
    into.
    """
    # The files that another edition wrote stay, and the lines say so.
    others = [name for name in refused(folder) if name not in edition]
    lines = write_folder(folder, edition, "--microbit")
    if others:
        lines.append("left alone in {}, from another edition: {} (not part of this one)".format(
            folder, ", ".join(others)))
    return lines


def refused(folder):
    """Return the names of the files in folder, each of them an edition's.

    Raise the ValueError that says why no edition may be written there: folder
    is a file, or the project's own folder, or holds something that no edition
    wrote. A name that is not a string raises TypeError.
    """
    folder = file_name(folder)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ValueError("{} is not a folder".format(folder))
    if os.path.isdir(folder) and os.path.samefile(folder, PROJECT):
        raise ValueError("{} is the project's own folder: its modules are not replaced".format(
            folder))
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    names = [name for name in names if not _on_its_way(name)]  # Another run is writing these.
    for name in names:
        if not _is_edition(os.path.join(folder, name)):
            raise ValueError("{} holds {}, which no edition wrote: use a new or empty folder"
                             .format(folder, name))
    return names


def _on_its_way(name):
    # Return whether name is a file that support.files.write_files makes on its
    # way to writing another (NAME.xxxxxxxx.tmp, or .old).
    parts = name.rsplit(".", 2)
    return (len(parts) == 3 and parts[2] in ("tmp", "old") and len(parts[1]) == 8
            and not parts[1].strip("0123456789abcdef"))


def _is_edition(path):
    # Return whether path is a regular file that an edition wrote, which is so
    # when its first line carries the mark, or when it is a Universal Hex and a
    # file it holds carries the mark (in the hex's data records).
    if os.path.islink(path) or not os.path.isfile(path):
        return False
    with open(path, "rb") as f:
        if MARK.encode() in f.readline(300):
            return True
    if not path.endswith(".hex") or os.path.getsize(path) > 4000000:
        return False
    data = bytearray()
    with open(path, "rb") as f:
        # Each record is :LLAAAATT and LL bytes; the files are in the Data (00)
        # and CustomData (0D) records.
        for line in f:
            if line[7:9] in (b"00", b"0D"):
                try:
                    data += bytearray.fromhex(line[9:9 + 2 * int(line[1:3], 16)].decode())
                except ValueError:
                    return False
    return MARK.encode() in data
