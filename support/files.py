"""The project's files, each written whole or not at all, and read only when it holds what it
should.

Every file the project writes goes through write_files, which writes a set
of files all or nothing. network.py's save and load import this module only
when they are called, so a board that never saves never compiles it. (In
this project a board means a small microcontroller such as the BBC micro:bit,
which runs MicroPython in a few kilobytes of heap.) The command line and the
editions tool use the module too.

    >>> import tempfile, shutil
    >>> folder = tempfile.mkdtemp()
    >>> save_numbers(folder + "/weights.json", ["w1", "b1"], [0.5, -1.0])
    >>> load_numbers(folder + "/weights.json", ["w1", "b1"])
    [0.5, -1.0]
    >>> shutil.rmtree(folder)

A weights file is a JSON object of the nine parameters and, for a network
trained on people of one's own, their names, their shift and the ranges of
their measurements. What save_numbers writes, load_saved reads back.

It runs on CPython 3.6+, PyPy and MicroPython. MicroPython has no os.open,
so there a temporary name is checked to be free and then made, which is
safe because a board runs one program at a time.
"""

import os
from math import isnan
from random import getrandbits

from support.checks import INF, check_finite, check_number, quoted
from support.parsing import find_control_character

# The most bytes a weights file may hold. A file with the longest names allowed
# (three of 32 characters, each taking up to 4 bytes in UTF-8, or 12 where it
# is escaped) stays well within it, and save_numbers refuses to write anything
# that load_saved would refuse to read.
MOST_WEIGHTS_BYTES = 4096


def write_file(path, text):
    """Write text to the file at path, whole or not at all."""
    write_files({path: text})


def write_files(files):
    """Write each text of files, a dict {path: text}, to its path, either all of them or none.

    Each text goes to a new, uniquely named file beside its path, made
    exclusively (never through a link, never over another file) and flushed
    to the disk. Only when all are written are they renamed over their
    paths, each in one step, so a file holds its old text or its new one,
    even after a power cut. Should one of several renames fail, those already
    done are undone from links to the old files. An error or Ctrl-C on the
    way removes every temporary file made.

    A path that writable refuses raises its error before any file is made.
    An OSError, from a full disk say, reaches the caller with every file as
    it was.
    """
    files = dict([(file_name(path), files[path]) for path in files])
    modes = {}
    for path in files:
        modes[path] = writable(path)  # Every path is checked before any file is made.
    made = {}  # The temporary file of each path, named here before it is made.
    kept = {}  # A link to each old file, kept while several files are renamed.
    renamed = []  # Each path whose rename has begun, added just before the rename.
    try:
        for path in files:
            _write_temporary(path, files[path], modes[path], made)
        for path in files:
            if len(files) > 1 and modes[path] is not None and hasattr(os, "link"):
                kept[path] = _unique(path, ".old")
                os.link(path, kept[path])
            renamed.append(path)
            getattr(os, "replace", os.rename)(made[path], path)  # MicroPython has no replace.
        renamed = []  # Every file is now in place, so from here on nothing is undone.
        for path in files:
            _sync_folder(path)
    except BaseException:
        # After an error or Ctrl-C half way, every file goes back to what it was.
        # A path whose temporary file is still there was never renamed, so it
        # needs no undoing.
        for path in renamed if len(files) > 1 else ():
            if path in kept and not exists(made[path]):
                os.rename(kept.pop(path), path)
            elif modes[path] is None and not exists(made[path]):
                os.remove(path)
        raise
    finally:
        _remove_each(list(made.values()) + list(kept.values()))


def _remove_each(paths):
    # Remove each file of paths that exists. A Ctrl-C on the way is raised again
    # only after every one has been removed, so that none is left behind.
    interrupted = None
    for path in paths:
        for attempt in (1, 2):  # A second try removes a file Ctrl-C kept the first from removing.
            try:
                if exists(path):
                    os.remove(path)
                break
            except KeyboardInterrupt as error:
                interrupted = error
    if interrupted is not None:
        raise interrupted


def _write_temporary(path, text, mode, made):
    # Make a new file beside path holding text, flushed to the disk, and put
    # its name in made[path]. The name goes into made before the file is made,
    # so that Ctrl-C between the two still lets write_files remove it.
    while True:
        made[path] = _unique(path, ".tmp")
        if not hasattr(os, "open"):
            if exists(made[path]):
                continue
            f = open(made[path], "wb")
            break
        try:  # A new file gets the umask's mode, as any other file would.
            fd = os.open(made[path], os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                         0o666 if mode is None else 0o600)
        except FileExistsError:  # The name is another program's file, not ours to remove.
            del made[path]
            continue
        f = os.fdopen(fd, "wb")
        break
    with f:
        f.write(text.encode("utf-8"))  # UTF-8 whatever the locale, as read_file expects.
        # The text is put on the disk before the rename, except on MicroPython, which has no fsync.
        if hasattr(os, "fsync"):
            f.flush()
            os.fsync(f.fileno())
    if mode is not None and hasattr(os, "chmod"):
        os.chmod(made[path], mode)  # A file that is replaced keeps its mode.


def _unique(path, suffix):
    # Return a new name beside path, ending in ".xxxxxxxx" and suffix. Path's own
    # name is cut short to leave room for that, since a file name holds at most
    # 255 bytes, and a letter such as é takes two.
    cut = path.rfind("/") + 1
    base = path[cut:][:240]
    while len(base.encode("utf-8", "surrogateescape")) > 240:
        base = base[:-1]
    return "{}{}.{:08x}{}".format(path[:cut], base, getrandbits(32), suffix)


def _sync_folder(path):
    # Flush the folder of path to the disk, so that the renames are there too. A
    # folder we may not open is left alone, since the file is in place all the same.
    if hasattr(os, "O_DIRECTORY"):
        try:
            folder = os.open(path[:path.rfind("/") + 1] or ".", os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def writable(path):
    """Return the mode of the file at path, which write_files keeps, or None if there is no
    file there yet; or raise the error that says why path cannot be written. Nothing is made
    or changed.

    A path that is not a string raises TypeError. A folder, a link, a device
    or a read-only file at path, or a name too long, raises ValueError. A
    folder that does not exist, has been deleted or cannot be written into
    raises OSError.
    """
    path = file_name(path)
    cut = path.rfind("/") + 1
    folder = path[:cut] or "."
    status = os.stat(folder)
    if status[0] & 0o170000 != 0o040000:
        raise OSError(20, "{} is not a folder".format(folder))
    if hasattr(os, "access") and not os.access(folder, os.W_OK | os.X_OK):
        raise OSError(13, "cannot write into the folder {}".format(folder))
    if getattr(status, "st_nlink", 1) == 0:  # A deleted folder can still be a program's own.
        raise OSError(2, "the folder {} has been deleted".format(folder))
    most = 255
    if hasattr(os, "pathconf"):
        try:
            most = os.pathconf(folder, "PC_NAME_MAX")
        except (OSError, ValueError):
            pass
    if len(path[cut:].encode("utf-8", "surrogateescape")) > most:
        raise ValueError("{} is too long a name: a file name here holds at most {} bytes".format(
            path, most))
    if not exists(path):
        return None
    mode = getattr(os, "lstat", os.stat)(path)[0]
    if mode & 0o170000 != 0o100000:
        raise ValueError("{} is not a regular file (a folder, a link or a device):"
                         " not replaced".format(path))
    if not mode & 0o222:
        raise ValueError("{} is read-only: not replaced".format(path))
    return mode & 0o7777


def file_name(path):
    """Return path as a str. It may be a str, or a pathlib.Path or other os.PathLike where the
    interpreter has them.

    >>> file_name("weights.json")
    'weights.json'

    Anything else, or an empty name, raises TypeError; a name holding a NUL
    byte, which no file can have, raises ValueError.
    """
    if hasattr(os, "fspath") and not isinstance(path, (str, bytes)):
        try:
            path = os.fspath(path)
        except TypeError:
            pass
    if not isinstance(path, str) or not path:
        raise TypeError("the file name must be a non-empty string, got {}".format(quoted(path)))
    if "\x00" in path:
        raise ValueError("{} holds a NUL byte, which no file name can".format(quoted(path)))
    return path


def exists(path):
    """Return True if there is anything at path: a file, a folder or a link."""
    try:
        getattr(os, "lstat", os.stat)(path)
    except OSError:
        return False
    return True


def read_file(path, limit):
    """Return the text of the regular file at path, at most limit bytes of UTF-8.

    A folder, a FIFO, a device or a terminal (none of which is ever waited
    on), a file larger than limit, or bytes that are not UTF-8 raise
    ValueError naming path. A file that does not exist raises OSError.
    """
    path = file_name(path)
    fd = None
    if hasattr(os, "open"):  # Opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        status = os.fstat(fd)
    else:
        status = os.stat(path)
    mode, size = status[0], status[6]
    if mode & 0o170000 != 0o100000:
        if fd is not None:
            os.close(fd)
        raise ValueError("{} is not a regular file (a folder, a FIFO or a device)".format(path))
    with (open(path, "rb") if fd is None else os.fdopen(fd, "rb")) as f:
        # Read at most one byte more than the file's size, because MicroPython's
        # read(n) reserves n bytes of heap first.
        data = f.read(min(size, limit) + 1)
        if size < len(data) <= limit:  # The file grew while it was read.
            data += f.read(limit + 1 - len(data))
    if len(data) > limit:
        raise ValueError("{} is larger than {} bytes".format(path, limit))
    try:
        return data.decode("utf-8")
    except UnicodeError:
        raise ValueError("{} is not UTF-8 text".format(path)) from None


# --- Weights files


def save_numbers(path, names, values, about=None):
    """Write values, the numbers called names, to path as a JSON object, whole or not at all.

    about, if given, says what the numbers were trained on: {"names": [A, B, Y],
    "shift": [a, b], "ranges": [[lowest a, highest a], [lowest b, highest b]]}
    (ranges may be None). A value that is not a finite number raises
    ValueError, and nothing is written; the same goes for anything that
    load_saved would not read back.
    """
    lines = []
    for name, value in zip(names, values):
        if type(value) is not float:  # A numpy scalar or a Decimal is written as a float.
            value = check_number(value, name)
        if isnan(value) or value == INF or value == -INF:
            raise ValueError("{} is {}: only finite numbers are saved".format(name, value))
        lines.append('  "{}": {!r}'.format(name, value))
    if about is not None:
        about = _trained_on(_listed_about(about), path)  # It is checked as load_saved checks it.
        lines.append('  "shift": [{!r}, {!r}]'.format(about["shift"][0], about["shift"][1]))
        # The names are written as they are, not escaped as json.dumps escapes a
        # letter beyond ASCII, because MicroPython's json reads an escaped emoji
        # back as the two halves of a surrogate pair.
        lines.append('  "names": ["' + '", "'.join([
            w.replace("\\", "\\\\").replace('"', '\\"') for w in about["names"]]) + '"]')
        if about["ranges"] is not None:
            (low_a, high_a), (low_b, high_b) = about["ranges"]
            lines.append('  "ranges": [[{!r}, {!r}], [{!r}, {!r}]]'.format(
                low_a, high_a, low_b, high_b))
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    _parse_weights(text, path, names)  # Read the text back as a check, before writing it.
    can_save(path, names)
    write_file(path, text)


def can_save(path, names):
    """Raise the error that says why save_numbers cannot write names to path, if it cannot.

    It raises what writable raises, and ValueError for a file at path that is
    not a weights file of those names (a program, say, or notes): such a file
    is never replaced. Nothing is changed.
    """
    if writable(path) is not None:
        try:
            load_numbers(path, names)
        except ValueError:
            raise ValueError("{} is there and is not a weights file: not replaced".format(
                path)) from None


def load_numbers(path, names):
    """Return the numbers called names that save_numbers wrote to path, in that order."""
    return load_saved(path, names)[0]


def load_saved(path, names):
    """Return (the numbers called names, what they were trained on) from the weights file at path.

    What they were trained on is a dict with the keys "names", "shift" and
    "ranges", as save_numbers was given it, with ranges None where the file
    has none. Where the file does not say, it is None.

    A path that is not a string raises TypeError, and a file that does not
    exist or cannot be opened raises OSError. The file must be a regular file
    of at most 4096 bytes, holding a JSON object that gives each of names
    once, as a finite number, and may also give names, shift and ranges. Any
    other file raises ValueError naming it.
    """
    return _parse_weights(read_file(path, MOST_WEIGHTS_BYTES), path, names)


# --- Private helpers of the weights files


def _parse_weights(text, path, names):
    # Return (the numbers, what they were trained on) of the text of a weights
    # file, or raise the ValueError that says what is wrong with it.
    import json

    if len(text.encode("utf-8")) > MOST_WEIGHTS_BYTES:
        raise ValueError("{} would be larger than {} bytes".format(path, MOST_WEIGHTS_BYTES))
    try:
        # JSON nested too deeply raises RuntimeError (RecursionError on CPython).
        saved = json.loads(text)
    except (ValueError, RuntimeError, MemoryError) as error:
        raise ValueError("{} is not valid JSON ({})".format(path, error)) from None
    keys = sorted(saved) if isinstance(saved, dict) else None
    about = None
    if keys is not None and "shift" in saved and "names" in saved:
        about = {"shift": saved.pop("shift"), "names": saved.pop("names"),
                 "ranges": saved.pop("ranges", None)}
    if keys is None or sorted(saved) != sorted(names):
        raise ValueError("{} must hold a JSON object of the {} numbers {}".format(
            path, len(names), ", ".join(names)))
    if _keys(text) != len(keys):  # json keeps only the last value of a name given twice.
        raise ValueError("{} gives a name twice".format(path))
    values = []
    for name in names:
        try:
            values.append(check_finite(saved[name], name))
        except (TypeError, ValueError):
            raise ValueError("{}: {} must be a finite number, got {}".format(
                path, name, quoted(saved[name]))) from None
    if about is not None:
        about = _trained_on(about, path)
    return values, about


def _listed_about(about):
    # Return about, what save_numbers is told the numbers were trained on, with
    # each tuple in it turned into a list, as JSON would read it back. That lets
    # _trained_on check it as it checks a file's. Raise TypeError if about is
    # not a dict that holds "names" and "shift", and perhaps "ranges".
    def listed(value):
        if isinstance(value, (list, tuple)):
            return [listed(item) for item in value]
        return value  # If this should have been a list, _trained_on refuses it.

    if not isinstance(about, dict) or "names" not in about or "shift" not in about:
        raise TypeError('about must be {{"names": [A, B, Y], "shift": [a, b], "ranges": ...}},'
                        " got {}".format(quoted(about)))
    return {"names": listed(about["names"]), "shift": listed(about["shift"]),
            "ranges": listed(about.get("ranges"))}


def _trained_on(about, path):
    # Check what a weights file says its numbers were trained on, and return it.
    # It must hold three names, a shift of two finite numbers, and two ranges or
    # none.
    words = about["names"]
    if (not isinstance(words, list) or len(words) != 3 or [
            w for w in words if not isinstance(w, str) or not w.strip()
            or find_control_character(w) or not _utf_8(w)]):
        raise ValueError("{}: names must be three words, got {}".format(path, quoted(words)))
    try:
        shift = _two_numbers(about["shift"])
    except (TypeError, ValueError):
        raise ValueError("{}: shift must be two finite numbers, got {}".format(
            path, quoted(about["shift"]))) from None
    ranges = about["ranges"]
    try:
        if ranges is not None:
            if not isinstance(ranges, list) or len(ranges) != 2:
                raise TypeError
            ranges = (_two_numbers(ranges[0]), _two_numbers(ranges[1]))
            if ranges[0][0] > ranges[0][1] or ranges[1][0] > ranges[1][1]:
                raise ValueError
    except (TypeError, ValueError):
        raise ValueError("{}: ranges must be two pairs of finite numbers, each from low to high,"
                         " got {}".format(path, quoted(about["ranges"]))) from None
    return {"names": tuple(words), "shift": shift, "ranges": ranges}


def _utf_8(text):
    # Return True if text can be written as UTF-8. On CPython, a lone half of a
    # surrogate pair ("\ud800") cannot be.
    try:
        text.encode("utf-8")
    except UnicodeError:
        return False
    return True


def _two_numbers(pair):
    # Return a JSON list of two finite numbers as a tuple of floats.
    if not isinstance(pair, list) or len(pair) != 2:
        raise TypeError
    return (check_finite(pair[0], "a"), check_finite(pair[1], "b"))


def _keys(text):
    # Return how many names the JSON object text gives, counting each string at
    # depth 1 that is followed by a colon. They are counted in the text itself,
    # rather than after json has read it, so that "w\u0031" and "w1" count as two.
    count = depth = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            j = i + 1
            while j < len(text) and text[j] in " \t\n\r":
                j += 1
            if depth == 1 and text[j:j + 1] == ":":
                count += 1
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
        i += 1
    return count
