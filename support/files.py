"""The project's files: written whole or not at all, read only when they are what they should be.

Not the article's code: network.py's save and load use it (only when
called, so a small board that never saves never compiles it), and so do the
learner's command line and the editions tool. Every file the project writes
goes through write_file:

    >>> import tempfile
    >>> path = tempfile.mkdtemp() + "/weights.json"
    >>> save_numbers(path, ["w1", "b1"], [0.5, -1.0])
    >>> load_numbers(path, ["w1", "b1"])
    [0.5, -1.0]

Portable: CPython 3.6+, PyPy and MicroPython (which has no os.open, so
there a temporary name is checked free, then made: one program at a time).
"""

import os
from math import isnan
from random import getrandbits

from neuron import number

INF = float("inf")


def write_file(path, text):
    """Write text to the file at path whole, or not at all.

    The text goes to a new, uniquely named file beside path, made
    exclusively (never through a link, never over another file), flushed
    to the disk, then renamed over path in one step: path holds the old
    text or the new, even after a power cut (which may leave the temporary
    file behind). What writable refuses raises before anything is made;
    an OSError (a full disk) reaches the caller, the temporary file gone.
    """
    path = file_name(path)
    mode = writable(path)
    temporary = None
    try:
        cut = path.rfind("/") + 1  # the folder, and the name cut to leave room for the suffix:
        base = path[cut:][:240]   # a file name holds at most 255 bytes, and é is two
        while len(base.encode("utf-8", "surrogateescape")) > 240:
            base = base[:-1]
        while temporary is None:
            name = "{}{}.{:08x}.tmp".format(path[:cut], base, getrandbits(32))
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
        getattr(os, "replace", os.rename)(temporary, path)  # MicroPython has no replace
        temporary = None
        if hasattr(os, "O_DIRECTORY"):  # the rename itself on the disk too, if we may
            try:  # read the folder: the file is in place all the same
                folder = os.open(path[:cut] or ".", os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                folder = None
            if folder is not None:
                try:
                    os.fsync(folder)
                finally:
                    os.close(folder)
    except BaseException:  # an error, or Ctrl-C, half way: the temporary file goes
        if temporary is not None and exists(temporary):
            os.remove(temporary)
        raise


def writable(path):
    """The mode of the file at path, which write_file keeps (None for a new file),
    or an error; nothing is made or changed.

    A path that is not a string: TypeError. A folder, link, device or
    read-only file at path: ValueError. No such folder, or one that cannot
    be written into: OSError.
    """
    path = file_name(path)
    folder = path[:path.rfind("/") + 1] or "."
    if os.stat(folder)[0] & 0o170000 != 0o040000:
        raise OSError(20, "{} is not a folder".format(folder))
    if hasattr(os, "access") and not os.access(folder, os.W_OK | os.X_OK):
        raise OSError(13, "cannot write into the folder {}".format(folder))
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

    Anything else, or an empty name, raises TypeError.
    """
    if hasattr(os, "fspath") and not isinstance(path, (str, bytes)):
        try:
            path = os.fspath(path)
        except TypeError:
            pass
    if not isinstance(path, str) or not path:
        raise TypeError("the file name must be a non-empty string, got {!r}".format(path))
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


def save_numbers(path, names, values):
    """Write the numbers values, called names, to path as a JSON object, crash-safely.

    A value that is not a finite number raises ValueError, and nothing is written.
    """
    lines = []
    for name, value in zip(names, values):
        if type(value) is not float:  # a numpy scalar, a Decimal: written as a float
            value = number(value, name)
        if isnan(value) or value == INF or value == -INF:
            raise ValueError("{} is {}: only finite numbers are saved".format(name, value))
        lines.append('  "{}": {!r}'.format(name, value))
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
    """The numbers called names that save_numbers wrote to path, in that order.

    Anything but a regular file holding a JSON object of exactly those names,
    each a finite number, raises ValueError naming the file.
    """
    import json

    text = read_file(path, 1024)  # a weights file is about 300 bytes
    try:
        saved = json.loads(text)
    except (ValueError, RuntimeError, MemoryError) as error:  # or nested too deeply
        raise ValueError("{} is not valid JSON ({})".format(path, error)) from None
    if not isinstance(saved, dict) or sorted(saved) != sorted(names):
        raise ValueError("{} must hold a JSON object of the {} numbers {}".format(
            path, len(names), ", ".join(names)))
    values = []
    for name in names:
        if text.count('"{}"'.format(name)) > 1:  # JSON keeps the last of a name given twice
            raise ValueError("{} holds {} twice".format(path, name))
        try:
            values.append(number(saved[name], name))
        except (TypeError, ValueError):
            values.append(INF)
        if values[-1] == INF or values[-1] == -INF:
            raise ValueError("{}: {} must be a finite number, got {!r}".format(path, name, saved[name]))
    return values
