"""People files: a class's own people, read from CSV text, and written back.

A people file is CSV text in UTF-8. Its header row names the two measurements
and the answer (name,weight_kg,height_cm,female); then each row is a person:
a name, two numbers, and the answer, 1 or 0, or nothing for a person whose
answer the network is to predict. people.csv holds the six of the article.

>>> people = parse_people("name,weight_kg,height_cm,female\\n"
...                       "Jo,60,170,1\\nAl,80,180,0\\nMo,70,165,")
>>> people.shift, people.train[0], people.predict
((70.0, 175.0), ('Jo', [-10.0, -5.0], 1.0), [('Mo', [0.0, -10.0])])

The network's inputs are the measurements minus a shift, as the article
subtracts 135 lb and 66 in: the shift given, or else the mean of the people
with an answer. A file is read whole and checked line by line; a row that
is wrong raises ValueError naming the file and the line.

The command line and the page import this module only when they need it,
which saves heap on a board, a small microcontroller such as the BBC
micro:bit running MicroPython. What csv_lines writes, parse_people reads
back exactly.
"""

from support.checks import check_finite, quoted
from support.parsing import find_control_character, is_number, parse_number
from support.people import People
from support.writing import written

# A people file holds at most this many bytes and this many people.
MOST_BYTES = 100000
MOST_PEOPLE = 1000
# A column's name holds at most this many characters, since a weights file keeps the names.
MOST_NAME = 32


def parse_people(text, source="the people", shift=None):
    """Return the People of text, the text of a people file called source.

    If shift is given, it must be two finite numbers; without it, the people
    are shifted by the mean of those with an answer.

    Text that is not a people file raises ValueError naming source and, where
    there is one, the line at fault. That happens when a row does not hold a
    name, two numbers and 1, 0 or nothing, when there is no header, when
    fewer than two people have an answer or there are more than 1000 people,
    and when measurements overflow as they are shifted. When the fields seem
    to be separated by tabs, semicolons or bars rather than commas, the
    message says so.
    """
    if not isinstance(text, str):
        raise TypeError("the people must be the text of a CSV file, got {!r}".format(type(text)))
    if shift is not None:
        try:  # MicroPython's tuples have no __len__ attribute, but len() works.
            if isinstance(shift, str) or len(shift) != 2:
                raise TypeError
        except TypeError:
            raise ValueError("the shift must be two numbers A B, got {}".format(
                quoted(shift))) from None
        shift = (check_finite(shift[0], "the shift's A"), check_finite(shift[1], "the shift's B"))
    rows, lines, names = [], [], None
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        where = "{}, line {}: ".format(source, n)
        line = line.lstrip("\ufeff")  # A spreadsheet may begin its file with a byte-order mark.
        if not line.strip():
            continue
        row = _fields(line, where)
        if len(row) != 4:
            raise ValueError(where + _columns_message(row, line))
        if names is None:
            names = _header(row, where)
            continue
        if not row[0]:
            raise ValueError(where + "a person needs a name")
        a = _measurement(row[1], names[0], where)
        b = _measurement(row[2], names[1], where)
        if row[3] not in ("1", "0", ""):
            raise ValueError("{}{} must be 1, 0 or nothing (to predict), got {}".format(
                where, names[2], quoted(row[3])))
        rows.append((row[0], a, b, float(row[3]) if row[3] else None))
        lines.append(n)
        if len(rows) > MOST_PEOPLE:
            raise ValueError("{}: more than {} people".format(source, MOST_PEOPLE))
    if names is None:
        raise ValueError(source + ": no header and no people: name,A,B,Y, then a row per person")
    answered = [row for row in rows if row[3] is not None]
    if len(answered) < 2:
        raise ValueError("{}: {} with an answer: training needs at least 2".format(
            source, "only 1 person" if answered else "no one"))
    mean = shift is None
    if mean:  # Each measurement is divided before summing, as a sum of large ones could overflow.
        shift = (sum([row[1] / len(answered) for row in answered]),
                 sum([row[2] / len(answered) for row in answered]))
    people = People(names, shift, mean)
    for (name, a, b, y), n in zip(rows, lines):
        try:
            people.add(name, a, b, y)
        except ValueError as error:
            raise ValueError("{}, line {}: {}".format(source, n, error)) from None
    return people


def read_people(path, shift=None):
    """Return the People of the people file at path (see parse_people).

    A file that is missing, not UTF-8 or larger than 100,000 bytes, or whose
    text parse_people refuses, raises ValueError naming path.
    """
    from support.files import read_file

    try:
        text = read_file(path, MOST_BYTES)
    except OSError as error:
        raise ValueError("cannot read {} ({})".format(path, getattr(error, "strerror", None)
                                                      or error)) from None
    return parse_people(text, path, shift)


def csv_lines(people):
    """Return people as the lines of a people file, the header and then name,A,B,Y for each
    person, which parse_people reads back exactly."""
    lines = ["name," + ",".join([csv_field(name) for name in people.names])]
    for name, a, b, y in people.rows:
        lines.append(",".join([csv_field(name), written(a), written(b),
                               "" if y is None else written(y)]))
    return lines


def csv_field(name):
    """Return a name as a CSV field: in double quotes, its quotes doubled, where it holds a
    comma or a quote."""
    return '"' + name.replace('"', '""') + '"' if "," in name or '"' in name else name


# --- Private helpers


def _fields(line, where):
    # Return the comma-separated fields of a CSV line, each without the spaces
    # around it. A field in double quotes may hold commas ("Smith, Jo"), and ""
    # inside it is one quote. The line is split at its quotes, and each part
    # outside quotes is split at its commas. str.split does all the work and the
    # line is never indexed, because MicroPython finds a str's character i by
    # counting from the start, so indexing would make the time grow with the
    # square of the line's length. This way the time grows only with the line's
    # length, on every interpreter.
    parts = line.split('"')
    if len(parts) % 2 == 0:
        raise ValueError(where + "a quote is not closed")
    fields, pieces = [], []
    for k in range(len(parts)):
        if k % 2:  # A part inside quotes is kept whole, commas and all.
            pieces.append(parts[k])
        elif not parts[k] and 0 < k < len(parts) - 1:  # Two quotes inside quotes are one quote.
            pieces.append('"')
        else:
            commas = parts[k].split(",")
            pieces.append(commas[0])
            for piece in commas[1:]:
                fields.append("".join(pieces).strip())
                pieces = [piece]
    fields.append("".join(pieces).strip())
    for field in fields:
        c = find_control_character(field)
        if c is not None:
            raise ValueError(where + _control_message(c, len(fields), line))
    return fields


def _control_message(c, count, line):
    # Return the message for the control character c, found in a line of count
    # fields. A tab in a line with no commas, or a line with three or more tabs,
    # is taken to be a row copied from a spreadsheet, whose fields are separated
    # by tabs.
    if c == "\t" and (count == 1 or line.count("\t") >= 3):
        return ("the fields are separated by tabs, as a spreadsheet copies them: separate them"
                " by commas")
    if c == "\t":
        return "a field holds a tab, U+0009"
    return "a field holds a control character, U+{:04X}".format(ord(c))


def _columns_message(row, line):
    # Return the message that says a row does not have the 4 columns name,A,B,Y.
    # Where the line holds at least three semicolons or bars, the message names
    # that separator as the one it seems to use instead of commas.
    message = "{} {}, not 4: name,A,B,Y separated by commas".format(
        len(row), "column" if len(row) == 1 else "columns")
    for separator, called in ((";", "semicolons"), ("|", "bars")):
        if line.count(separator) >= 3:
            return message + " (this row is separated by {}: use commas{})".format(
                called, ", and a point in a number, 60.5 not 60,5" if "," in line else "")
    return message


def _header(row, where):
    # Return the header's three column names, or raise the error that says what is wrong.
    if [word for word in row[1:] if not word or is_number(word)]:
        raise ValueError(where + "no header: the first row names the columns, as"
                         " name,weight_kg,height_cm,female does")
    if row[1] == row[2] or row[1] == row[3] or row[2] == row[3]:
        raise ValueError("{}the columns need three names of their own, got {}".format(
            where, ",".join(row[1:])))
    if [word for word in row[1:] if len(word) > MOST_NAME]:
        raise ValueError("{}a column's name holds at most {} characters".format(where, MOST_NAME))
    return tuple(row[1:])


def _measurement(text, column, where):
    # Return a measurement of the people file as a finite float.
    if not text:
        raise ValueError("{}{} is missing".format(where, column))
    try:
        return parse_number(text)
    except ValueError as error:
        raise ValueError("{}{}: {}".format(where, column, error)) from None
