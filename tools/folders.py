"""Writing an edition's files into a folder: the micro:bit editions and the notebooks.

Both write through support/files.py's write_files, all or nothing. The folder
is made if need be, and removed again if the writing fails; each file is read
back once it is written. Like the rest of tools/, it runs on the teacher's
computer (CPython 3.6 and later, or PyPy), never on a board.
"""

import os

from support.files import write_files


def write_folder(folder, files, option):
    """Write files, {name: text}, into folder, made if need be, all or nothing, and read
    each back; return the lines to show ("wrote DIR/NAME (N bytes)").

    An OSError (a full disk, a folder that cannot be made) raises ValueError
    naming option and folder; the folders made here are removed again. A file
    that does not read back as it was written raises ValueError.
    """
    made = []  # The folders made here, deepest first, removed again if the writing fails.
    path = os.path.abspath(folder)
    while not os.path.exists(path):
        made.append(path)
        path = os.path.dirname(path)
    try:
        if made:
            os.makedirs(folder, exist_ok=True)
        write_files(dict([(os.path.join(folder, name), files[name]) for name in files]))
    except BaseException as error:
        for path in made:
            if os.path.isdir(path) and not os.listdir(path):
                os.rmdir(path)
        if isinstance(error, OSError):
            raise ValueError("{} cannot write into {} ({})".format(
                option, folder, getattr(error, "strerror", None) or error)) from None
        raise
    lines = []
    for name in sorted(files):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            if f.read() != files[name]:
                raise ValueError("{} does not hold what was written".format(
                    os.path.join(folder, name)))
        lines.append("wrote {} ({} bytes)".format(os.path.join(folder, name),
                                                  len(files[name].encode())))
    return lines
