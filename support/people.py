"""People files: the people a class brings, read from CSV text; not the article's code.

command_line.read_people and command_line.parse_people (their documentation is
there) call these, and import this module only when asked for: a small board's heap.
"""

from math import isnan

from support.numbers import finite, show
from support.words import control, is_number, number_of, written


def read_people(path, shift=None):
    """command_line.read_people: the people of the CSV file at path."""
    from support.files import read_file

    try:
        text = read_file(path, 100000)
    except OSError as error:
        raise ValueError("cannot read {} ({})".format(path, getattr(error, "strerror", None)
                                                      or error)) from None
    return parse_people(text, path, shift)


def parse_people(text, source="the people", shift=None):
    """command_line.parse_people: the people of CSV text (its documentation is there)."""
    if not isinstance(text, str):
        raise TypeError("the people must be the text of a CSV file, got {!r}".format(text))
    if shift is not None:
        try:  # (not hasattr(shift, "__len__"): MicroPython's tuples have no such attribute)
            if isinstance(shift, str) or len(shift) != 2:
                raise TypeError
        except TypeError:
            raise ValueError("the shift must be two numbers A B, got {!r}".format(shift)) from None
        shift = (finite(shift[0], "the shift's A"), finite(shift[1], "the shift's B"))
    rows, lines, names = [], [], None
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        where = "{}, line {}: ".format(source, n)
        line = line.lstrip("\ufeff")  # the byte-order mark a spreadsheet writes
        if not line.strip():
            continue
        row = _fields(line, where)
        if len(row) != 4:
            raise ValueError("{}{} {}, not 4: name,A,B,Y separated by commas".format(
                where, len(row), "column" if len(row) == 1 else "columns"))
        if names is None:
            if [word for word in row[1:] if not word or is_number(word)]:
                raise ValueError("{}no header: the first row names the columns, as"
                                 " name,weight_kg,height_cm,female does".format(where))
            if row[1] == row[2] or row[1] == row[3] or row[2] == row[3]:
                raise ValueError("{}the columns need three names of their own, got {}".format(
                    where, ",".join(row[1:])))
            if [word for word in row[1:] if len(word) > 32]:  # a weights file keeps them
                raise ValueError("{}a column's name holds at most 32 characters".format(where))
            names = tuple(row[1:])
            continue
        if not row[0]:
            raise ValueError(where + "a person needs a name")
        a, b = [_measurement(text, column, where) for text, column in zip(row[1:3], names)]
        if row[3] not in ("1", "0", ""):
            raise ValueError("{}{} must be 1, 0 or nothing (to predict), got {!r}".format(
                where, names[2], row[3]))
        rows.append((row[0], a, b, float(row[3]) if row[3] else None))
        lines.append(n)
        if len(rows) > 1000:
            raise ValueError("{}: more than 1000 people".format(source))
    where = "{}: ".format(source)
    if names is None:
        raise ValueError(where + "no header and no people: name,A,B,Y, then a row per person")
    answered = [row for row in rows if row[3] is not None]
    if len(answered) < 2:
        raise ValueError("{}{} with an answer: training needs at least 2".format(
            where, "only 1 person" if answered else "no one"))
    mean = shift is None
    if mean:  # each divided first: a sum of large measurements would overflow
        shift = (sum([row[1] / len(answered) for row in answered]),
                 sum([row[2] / len(answered) for row in answered]))
    people = {"names": names, "shift": shift, "mean": mean, "rows": rows, "train": [],
              "predict": []}
    for (name, a, b, y), n in zip(rows, lines):
        x = [a - shift[0], b - shift[1]]
        if isnan(x[0] - x[0] + x[1] - x[1]):  # inf - inf is nan
            raise ValueError("{}, line {}: {} - {} or {} - {} overflows".format(
                source, n, show(a), show(shift[0]), show(b), show(shift[1])))
        if y is None:
            people["predict"].append((name, x))
        else:
            people["train"].append((name, x, y))
    return people


def _fields(line, where):
    # The comma-separated fields of a CSV line, each without the spaces around
    # it; a field in double quotes may hold commas ("Smith, Jo"), and "" is a quote.
    if '"' not in line:
        fields = [field.strip() for field in line.split(",")]
    else:
        fields, field, quoted, i = [], "", False, 0
        while i < len(line):
            c = line[i]
            if c == '"' and quoted and line[i + 1:i + 2] == '"':
                field += '"'
                i += 1
            elif c == '"':
                quoted = not quoted
            elif c == "," and not quoted:
                fields.append(field.strip())
                field = ""
            else:
                field += c
            i += 1
        if quoted:
            raise ValueError(where + "a quote is not closed")
        fields.append(field.strip())
    for field in fields:
        c = control(field)
        if c is not None:
            raise ValueError("{}a field holds a control character, U+{:04X}".format(where, ord(c)))
    return fields


def _measurement(text, column, where):
    # A measurement of the people file, as a finite float.
    if not text:
        raise ValueError("{}{} is missing".format(where, column))
    try:
        return number_of(text)
    except ValueError as error:
        raise ValueError("{}{}: {}".format(where, column, error)) from None


def csv_lines(people):
    """people as the lines of a people file, as parse_people reads them back: the
    header, then name,A,B,Y, each number written exactly."""
    lines = ["name," + ",".join([quoted(name) for name in people["names"]])]
    for name, a, b, y in people["rows"]:
        lines.append(",".join([quoted(name), written(a), written(b), "" if y is None else written(y)]))
    return lines


def quoted(name):
    """A name as a CSV field: in quotes, its quotes doubled, where it holds a comma or a quote."""
    return '"' + name.replace('"', '""') + '"' if "," in name or '"' in name else name
