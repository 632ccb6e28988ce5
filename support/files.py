"""The project's files: written whole or not at all, read only when they are what they should be.

Not the article's code: network.py's save and load use it (only when
called, so a small board that never saves never compiles it), and so do the
command line and the editions tool. Every file the project writes goes
through write_files, which writes a set of files all or nothing:

    >>> import tempfile, shutil
    >>> folder = tempfile.mkdtemp()
    >>> save_numbers(folder + "/weights.json", ["w1", "b1"], [0.5, -1.0])
    >>> load_numbers(folder + "/weights.json", ["w1", "b1"])
    [0.5, -1.0]
    >>> shutil.rmtree(folder)

Portable: CPython 3.6+, PyPy and MicroPython (which has no os.open, so
there a temporary name is checked free, then made: one program at a time).
"""

import os
from math import isnan
from random import getrandbits

from support.numbers import finite, number
from support.words import control

INF = float("inf")


def write_file(path, text):
    """Write text to the file at path whole, or not at all (write_files, of one file)."""
    write_files({path: text})


def write_files(files):
    """Write each text of files, {path: text}, to its path: all of them, or none.

    Each text goes to a new, uniquely named file beside its path, made
    exclusively (never through a link, never over another file) and flushed
    to the disk. Only when all are written are they renamed over their paths,
    each in one step: a file holds its old text or its new one, even after a
    power cut (which may leave a temporary file behind). Should a rename of
    several fail, those already done are undone from links to the old files.
    What writable refuses raises before anything is made; an OSError (a full
    disk, say) reaches the caller, every file as it was.
    """
    files = dict([(file_name(path), files[path]) for path in files])  # pathlib's too
    modes = {}
    for path in files:
        modes[path] = writable(path)  # every path checked before any is written
    made = {}  # path: its temporary file
    kept = {}  # path: a link to its old file, while several are renamed
    done = []
    try:
        for path in files:
            made[path] = _temporary(path, files[path], modes[path])
        for path in files:
            if len(files) > 1 and modes[path] is not None and hasattr(os, "link"):
                kept[path] = _unique(path, ".old")
                os.link(path, kept[path])
            getattr(os, "replace", os.rename)(made[path], path)  # MicroPython has no replace
            del made[path]
            done.append(path)
        for path in files:
            _sync_folder(path)
    except BaseException:  # an error, or Ctrl-C, half way: every file as it was
        for path in done if len(done) < len(files) else ():
            if path in kept:
                os.rename(kept.pop(path), path)
            else:
                os.remove(path)
        for temporary in list(made.values()) + list(kept.values()):
            if exists(temporary):
                os.remove(temporary)
        raise
    for old in kept.values():
        os.remove(old)


def _temporary(path, text, mode):
    # A new file beside path holding text, on the disk; its name.
    temporary = None
    f = None
    try:
        while temporary is None:
            name = _unique(path, ".tmp")
            if hasattr(os, "open"):  # CPython, PyPy: made only if the name is free
                try:  # a new file gets the umask's mode, as any other would
                    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                                 0o666 if mode is None else 0o600)
                    temporary = name
                    f = os.fdopen(fd, "w")
                except FileExistsError:
                    pass
            elif not exists(name):  # MicroPython runs one program at a time
                f = open(name, "w")
                temporary = name
        with f:
            f.write(text)
            if hasattr(os, "fsync"):  # on the disk before the rename (not on MicroPython)
                f.flush()
                os.fsync(f.fileno())
        if mode is not None and hasattr(os, "chmod"):
            os.chmod(temporary, mode)  # a file replaced keeps its mode
    except BaseException:
        if temporary is not None and exists(temporary):
            os.remove(temporary)
        raise
    return temporary


def _unique(path, suffix):
    # A name beside path, path's own cut to leave room for ".xxxxxxxx.tmp": a file
    # name holds at most 255 bytes, and é is two.
    cut = path.rfind("/") + 1
    base = path[cut:][:240]
    while len(base.encode("utf-8", "surrogateescape")) > 240:
        base = base[:-1]
    return "{}{}.{:08x}{}".format(path[:cut], base, getrandbits(32), suffix)


def _sync_folder(path):
    # The renames on the disk too, if we may read the folder: the file is in place all the same.
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
    """The mode of the file at path, which write_files keeps (None for a new file),
    or an error; nothing is made or changed.

    A path that is not a string: TypeError. A folder, link, device or
    read-only file at path, or a name too long: ValueError. No such folder, a
    folder deleted, or one that cannot be written into: OSError.
    """
    path = file_name(path)
    cut = path.rfind("/") + 1
    folder = path[:cut] or "."
    status = os.stat(folder)
    if status[0] & 0o170000 != 0o040000:
        raise OSError(20, "{} is not a folder".format(folder))
    if hasattr(os, "access") and not os.access(folder, os.W_OK | os.X_OK):
        raise OSError(13, "cannot write into the folder {}".format(folder))
    if getattr(status, "st_nlink", 1) == 0:  # deleted, while a program still stood in it
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
    """path as a string: a str, or a pathlib.Path (or other os.PathLike) where there are such.

    >>> file_name("weights.json")
    'weights.json'

    Anything else, or an empty name, raises TypeError; a name holding a NUL
    byte, which no file can have, ValueError.
    """
    if hasattr(os, "fspath") and not isinstance(path, (str, bytes)):
        try:
            path = os.fspath(path)
        except TypeError:
            pass
    if not isinstance(path, str) or not path:
        raise TypeError("the file name must be a non-empty string, got {!r}".format(path))
    if "\x00" in path:
        raise ValueError("{!r} holds a NUL byte, which no file name can".format(path))
    return path


def exists(path):
    """Is there anything (a file, a folder, a link) at path?"""
    try:
        getattr(os, "lstat", os.stat)(path)
    except OSError:
        return False
    return True


def read_file(path, limit):
    """The text of the regular file at path: at most limit bytes of UTF-8.

    A folder, a FIFO, a device or a terminal (never waited on), a larger
    file or other bytes: ValueError naming path. No such file: OSError.
    """
    path = file_name(path)
    fd = None
    if hasattr(os, "open"):  # opened without waiting (a FIFO would wait), then looked at
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        mode = os.fstat(fd).st_mode
    else:
        mode = os.stat(path)[0]
    if mode & 0o170000 != 0o100000:
        if fd is not None:
            os.close(fd)
        raise ValueError("{} is not a regular file (a folder, a FIFO or a device)".format(path))
    with (open(path, "rb") if fd is None else os.fdopen(fd, "rb")) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ValueError("{} is larger than {} bytes".format(path, limit))
    try:
        return data.decode("utf-8")
    except UnicodeError:
        raise ValueError("{} is not UTF-8 text".format(path)) from None


def save_numbers(path, names, values, about=None):
    """Write the numbers values, called names, to path as a JSON object, crash-safely;
    with about, what they are about: {"shift": [a, b], "names": [A, B, Y]}.

    A value that is not a finite number raises ValueError, and nothing is written.
    """
    import json

    lines = []
    for name, value in zip(names, values):
        if type(value) is not float:  # a numpy scalar, a Decimal: written as a float
            value = number(value, name)
        if isnan(value) or value == INF or value == -INF:
            raise ValueError("{} is {}: only finite numbers are saved".format(name, value))
        lines.append('  "{}": {!r}'.format(name, value))
    if about is not None:
        lines.append('  "shift": [{!r}, {!r}]'.format(float(about["shift"][0]),
                                                     float(about["shift"][1])))
        lines.append('  "names": ' + json.dumps(list(about["names"])))
    can_save(path, names)
    write_file(path, "{\n" + ",\n".join(lines) + "\n}\n")


def can_save(path, names):
    """Can save_numbers write names to path? The errors of writable, and a
    ValueError for a file there that is not a weights file of those names
    (a program, say, or notes): it is never replaced. Nothing is changed.
    """
    if writable(path) is not None:  # a file is there
        try:
            load_numbers(path, names)
        except ValueError:
            raise ValueError("{} is there and is not a weights file: not replaced".format(
                path)) from None


def load_numbers(path, names):
    """The numbers called names that save_numbers wrote to path, in that order."""
    return load_saved(path, names)[0]


def load_saved(path, names):
    """(the numbers called names, what they are about) that save_numbers wrote to
    path; what they are about is None where the file does not say.

    Anything but a regular file holding a JSON object of exactly those names,
    each a finite number, once (and perhaps shift and names), raises ValueError
    naming the file.
    """
    import json

    text = read_file(path, 1024)  # a weights file is about 300 bytes
    try:
        saved = json.loads(text)
    except (ValueError, RuntimeError, MemoryError) as error:  # or nested too deeply
        raise ValueError("{} is not valid JSON ({})".format(path, error)) from None
    keys = sorted(saved) if isinstance(saved, dict) else None
    about = None
    if keys is not None and "shift" in saved and "names" in saved:
        about = {"shift": saved.pop("shift"), "names": saved.pop("names")}
    if keys is None or sorted(saved) != sorted(names):
        raise ValueError("{} must hold a JSON object of the {} numbers {}".format(
            path, len(names), ", ".join(names)))
    if _keys(text) != len(keys):  # JSON keeps the last of a name given twice
        raise ValueError("{} gives a name twice".format(path))
    values = []
    for name in names:
        try:
            values.append(number(saved[name], name))
        except (TypeError, ValueError):
            values.append(INF)
        if values[-1] == INF or values[-1] == -INF:
            raise ValueError("{}: {} must be a finite number, got {!r}".format(path, name, saved[name]))
    if about is not None:
        shift, words = about["shift"], about["names"]
        try:
            if not isinstance(shift, list) or len(shift) != 2:
                raise TypeError
            shift = (finite(shift[0], "shift[0]"), finite(shift[1], "shift[1]"))
        except (TypeError, ValueError):
            raise ValueError("{}: shift must be two finite numbers, got {!r}".format(
                path, about["shift"])) from None
        if (not isinstance(words, list) or len(words) != 3
                or [w for w in words if not isinstance(w, str) or not w.strip() or control(w)]):
            raise ValueError("{}: names must be three words, got {!r}".format(path, words))
        about = {"shift": shift, "names": tuple(words)}
    return values, about


def _keys(text):
    # How many names the JSON object text gives, counted in the text itself,
    # "w\u0031" and "w1" as two: a string at depth 1 followed by ':'.
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
