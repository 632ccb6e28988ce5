"""People to train on and to predict: two measurements and an answer for each.

The article's six people (learner.ARTICLE) are held as People, and so are the
people of a class's own file, as support/people_files.py reads it. The
network's inputs are the measurements minus a shift, as the article subtracts
135 lb and 66 in.

>>> people = People(("weight_lb", "height_in", "female"), (135, 66))
>>> people.add("Alice", 133, 65, 1)
>>> people.train, people.shift_text()
([('Alice', [-2, -1], 1)], 'weight_lb - 135, height_in - 66')
"""

from math import isnan

from support.checks import quoted
from support.writing import show


class People:
    """People with two measurements each, an answer or none, and the shift of their inputs.

    names     (A, B, Y), the names of the two measurements and of the answer
    shift     (a, b), what is subtracted from the measurements to make the inputs x
    mean      whether the shift is the mean of the people with an answer
    rows      [(name, a, b, y)], each person as given, with y None for one to predict
    train     [(name, x, y)] for each person with an answer
    predict   [(name, x)] for each person without one
    ranges    ((lowest a, highest a), (lowest b, highest b)) over the people with an
              answer, whose measurements the network learns from, or None until
              one is added

    A new People holds no one, and add() adds each person. The names and the
    shift are trusted, because support/people_files.py and the weights files
    check them before they get here.
    """

    def __init__(self, names, shift, mean=False, ranges=None):
        self.names = tuple(names)
        self.shift = (shift[0], shift[1])
        self.mean = mean
        self.ranges = ranges
        self.rows = []
        self.train = []
        self.predict = []

    def __repr__(self):
        return "People({!r}, shift {}, {} people)".format(self.names, self.shift, len(self.rows))

    def add(self, name, a, b, y=None):
        """Add a person with the measurements a and b and the answer y, or with y None for a
        person whose answer is to be predicted.

        Measurements whose shift overflows raise ValueError, as shifted says.
        """
        x = self.shifted(a, b)
        self.rows.append((name, a, b, y))
        if y is None:
            self.predict.append((name, x))
            return
        self.train.append((name, x, y))
        if self.ranges is None:
            self.ranges = ((a, a), (b, b))
        (low_a, high_a), (low_b, high_b) = self.ranges
        self.ranges = ((min(low_a, a), max(high_a, a)), (min(low_b, b), max(high_b, b)))

    def shifted(self, a, b):
        """Return the inputs x = [a - shift a, b - shift b] for the measurements a and b.

        A difference beyond the range of a float raises ValueError.
        """
        x = [a - self.shift[0], b - self.shift[1]]
        for i, value in ((0, a), (1, b)):
            if isnan(x[i] - x[i]):  # This is nan exactly when the difference is inf.
                raise ValueError("{}: {} - {} overflows".format(self.names[i], show(value),
                                                                show(self.shift[i])))
        return x

    def data(self):
        """Return (data, all_y_trues): the inputs and the answers of the people to train on."""
        return [x for name, x, y in self.train], [y for name, x, y in self.train]

    def shift_text(self):
        """Return the measurements and their shift as words: 'weight_lb - 135, height_in - 66'."""
        return "{} - {}, {} - {}".format(self.names[0], show(self.shift[0]), self.names[1],
                                         show(self.shift[1]))


def check_people(people):
    """Return people if they are People, or raise the TypeError that names them.

    The lessons call it on the people they are given, before they use them.
    """
    if not isinstance(people, People):
        raise TypeError("people must be People, such as learner.ARTICLE or what parse_people"
                        " returns; got {}".format(quoted(people)))
    return people
