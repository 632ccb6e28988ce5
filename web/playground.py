"""The playground page's Python, run with the project's modules in MicroPython (web/app.js).

The page's state is one object, PAGE. Fields and the address come as text, read by the
command line's own rules and messages; the lessons write every line; JSON goes back to
draw. A bad value gets its message, and the last good state stays.
"""

import json
from math import floor, log10

import command_line
import learner
from network import PARAMETER_NAMES, OurNeuralNetwork, mse_loss, network_example
from support.checks import training_set
from support.files import read_file, save_numbers
from support.numbers import show
from support.people import csv_lines, quoted
from support.words import written as arg

EVERY = 10  # a loss every 10 epochs, as train reports it
COLS, ROWS = 48, 30  # the map's cells (half each way while training)
WEIGHTS, PEOPLE = "weights.json", "people.csv"  # the page's files, as its commands name them
STATE = ("people", "shift", "net", "custom", "x", "sample", "epochs", "rate", "seed", "run")
ORDER = ("people", "shift", "weights", "x", "backprop", "epochs", "rate", "seed")  # the address's


def nice(values):
    """The map's axis around values: (low, high, ticks at round numbers)."""
    low, high = min(values), max(values)
    if not high - low < 1e300:  # an axis wider than that overflows
        raise ValueError("the measurements {} and {} are too far apart to draw".format(
            show(low), show(high)))
    pad = max((high - low) * 0.15, 1.0, abs(low) * 1e-6, abs(high) * 1e-6)  # 1e17 + 1 is 1e17
    low, high = low - pad, high + pad
    step = 10.0 ** floor(log10((high - low) / 5))
    step *= [t for t in (1, 2, 5, 10) if (high - low) / (step * t) <= 6][0]
    ticks = [(floor(low / step) + 1 + i) * step for i in range(int((high - low) / step) + 1)]
    return low, high, [t for t in ticks if t <= high]


class Page:
    def __init__(self):
        article, (s1, s2) = learner.ARTICLE, learner.ARTICLE["shift"]
        rows = [(p[0], p[1][0] + s1, p[1][1] + s2, p[2] if len(p) > 2 else None)
                for p in article["train"] + article["predict"]]
        self.start = None
        self.reset()
        self.use(csv_lines({"names": article["names"], "rows": rows}), article["shift"])
        self.x, self.sample = [2.0, 3.0], [-2.0, -1.0, 1.0]  # the article's [2, 3]; Alice
        self.epochs, self.rate, self.seed = 1000, 0.1, 1  # train's defaults
        self.start = self.state()

    def state(self):
        return [getattr(self, name) for name in STATE]

    def reset(self):
        """The article's network, untrained: every neuron w = [0, 1], b = 0."""
        self.net, self.custom, self.run = OurNeuralNetwork(), False, None

    def changed(self):  # a run that no single train command gives any more
        if self.run is not None:
            self.run = dict(self.run, exact=False)

    # --- the doors: each value read by the command line's rules
    def set_x(self, texts):
        self.x = command_line.numbers(texts, "X1 X2", finite=False)
        network_example(self.x, self.net)  # it must work: 0*inf is nan

    def set_body(self, texts):
        a, b = command_line.numbers(texts, " ".join(self.people["names"][:2]).upper())
        self.set_x([a - self.people["shift"][0], b - self.people["shift"][1]])

    def set_weights(self, texts):
        values = command_line.numbers(texts, " ".join(PARAMETER_NAMES).upper())
        self.net, self.custom = OurNeuralNetwork.from_parameters(*values), True
        network_example(self.x, self.net)
        self.changed()

    def set_weight(self, name, text):
        texts = [arg(v) for v in self.net.parameters()]
        texts[PARAMETER_NAMES.index(name)] = text
        command_line.numbers([text], name.upper())  # the message names this one
        self.set_weights(texts)

    def set_backprop(self, texts):
        self.sample = command_line.numbers(texts, "X1 X2 Y_TRUE")
        learner.backprop_example(self.sample[:2], self.sample[2])  # too large?

    def set_epochs(self, texts):
        self.epochs = command_line.value("--epochs", texts[0])
        if self.run is not None and self.run["epoch"] > self.epochs:  # no train --epochs gives it
            self.changed()

    def set_rate(self, texts):
        rate = command_line.value("--learn-rate", texts[0])
        if rate != self.rate:
            self.changed()
        self.rate = rate

    def set_seed(self, texts):
        seed = command_line.value("--seed", texts[0])
        if seed != self.seed:
            self.changed()
        self.seed = seed

    def set_shift(self, texts):  # as --shift A B; nothing for the mean of the people
        self.use(csv_lines(self.people), command_line.value("--shift", texts)
                 if "".join(texts).strip() else None)

    def set_people(self, rows):  # the address's, shifted by the mean unless shift= follows
        self.use(rows, None)

    def set_csv(self, texts):
        self.use(texts[0].split("\n"), self.shift)

    def set_row(self, texts):  # [index, name, A, B, Y]: a row of the table (or new); [index]: none
        rows = csv_lines(self.people)
        i = int(texts[0])
        rows[i:i + 1] = [",".join([quoted(texts[1])] + texts[2:])] if texts[1:] else []
        self.use(rows, self.shift)

    def set_click(self, texts):  # [A, B, answer]: a person where the map was clicked
        names = [row[0] for row in self.people["rows"]]
        n = len(names) + 1
        while "P" + str(n) in names:
            n += 1
        self.set_row([str(len(names) + 1), "P" + str(n)] + texts)

    def use(self, rows, shift):
        # The people of these CSV rows, as --people FILE [--shift A B] reads them.
        self.people = command_line.parse_people("\n".join(rows), PEOPLE, shift)
        self.shift = shift and self.people["shift"]
        self.changed()

    # --- training, in pieces, as train runs it in one go
    def data(self):
        train = self.people["train"]
        return [p[1] for p in train], [p[2] for p in train]

    def begin(self):
        data, labels = self.data()
        net = OurNeuralNetwork.random(self.seed)
        training_set(net, data, labels, self.rate, self.epochs, EVERY)  # as train checks it
        self.net, self.custom = net, True
        lines = [] if self.shift else [learner.shift_line(self.people)]
        self.run = {"epoch": 0, "exact": True, "points": [], "lines": lines, "losses": [], "sent": 0}

    def advance(self, epochs):
        """epochs more, in pieces that report where train reports (0, 10, ...)."""
        data, labels = self.data()
        run = self.run
        while epochs > 0:
            start = run["epoch"]
            n = min(epochs, EVERY - start % EVERY) if start % EVERY else epochs
            if start % EVERY:  # up to the next report, whose loss train reports
                self.net.train(data, labels, self.rate, n, n, None)
            else:
                losses = self.net.train(data, labels, self.rate, n, EVERY, self.report(start))
                run["points"] += [[start + i * EVERY, loss] for i, loss in enumerate(losses)]
                run["losses"] += losses
            run["epoch"] += n
            epochs -= n

    def report(self, start):
        # train's own lines, "Epoch 10 loss: 0.123", numbered from the run's start.
        def report(line):
            words = line.split(" ")
            words[1] = str(start + int(words[1]))
            self.run["lines"].append(" ".join(words))
        return report

    # --- what the page shows
    def view(self, coarse=False):
        net, x, people = self.net, self.x, self.people
        # What --load weights.json calls them (command_line.loaded's words).
        given = {"network": net, "about": "the weights in {} ({})".format(
            WEIGHTS, learner.weights_text(net))} if self.custom else {}
        load = " --load " + WEIGHTS if self.custom else ""
        body = [x[0] + people["shift"][0], x[1] + people["shift"][1]]
        hidden = [net.h1.feedforward(x), net.h2.feedforward(x)]  # each neuron: f(sum), its output
        neurons = [n.explain(i).split(" = ")[1:] for n, i in ((net.h1, x), (net.h2, x), (net.o1, hidden))]
        try:
            bp = {"lines": learner.backprop_example(self.sample[:2], self.sample[2], **given)}
        except (ValueError, TypeError) as error:  # too large
            bp = {"error": str(error)}
        bp["sample"] = [arg(v) for v in self.sample]
        bp["command"] = "python3 network.py backprop {}{}".format(" ".join(bp["sample"]), load)
        return {"params": [show(p) for p in net.parameters()], "neurons": neurons,
                "x": [arg(v) for v in x], "body": [arg(v) for v in body],
                "names": people["names"], "shift": [arg(v) for v in people["shift"]],
                "mean": not self.shift, "backprop": bp,
                "calc": {"lines": network_example(x, **given),
                         "command": "python3 network.py{} {} {}".format(load, arg(x[0]), arg(x[1]))},
                "train": self.training(), "map": self.map(coarse), "people": self.table(),
                "address": self.address()}

    def training(self):
        run, (data, labels) = self.run, self.data()
        own = self.state()[:2] != self.start[:2]
        result = {"epochs": arg(self.epochs), "rate": arg(self.rate), "seed": arg(self.seed),
                  "command": "python3 network.py train {}{}--epochs {} --learn-rate {} --seed {}".format(
                      "--people {} ".format(PEOPLE) if own else "", "--shift {} {} ".format(
                          arg(self.shift[0]), arg(self.shift[1])) if own and self.shift else "",
                      self.epochs, arg(self.rate), self.seed),
                  "loss": "{:.3f}".format(mse_loss(labels, [self.net.feedforward(v) for v in data])),
                  "epoch": None, "lines": learner.predictions(self.net, self.people)}
        if run is not None:
            done = run["epoch"] >= self.epochs
            if run["exact"]:
                result["lines"] = run["lines"] + (learner.trained_lines(
                    self.net, run["losses"], run["epoch"], EVERY, self.people) if done else [])
            result.update(epoch=run["epoch"], exact=run["exact"], done=done,
                          points=run["points"][run["sent"]:], fresh=run["sent"] == 0)
            run["sent"] = len(run["points"])
        return result

    def map(self, coarse):
        cols, rows = (COLS // 2, ROWS // 2) if coarse else (COLS, ROWS)
        a_low, a_high, a_ticks = nice([row[1] for row in self.people["rows"]])
        b_low, b_high, b_ticks = nice([row[2] for row in self.people["rows"]])
        s1, s2 = self.people["shift"]
        values = []
        for j in range(rows):  # from the top: the largest B first
            x2 = b_high - s2 - (b_high - b_low) * (j + 0.5) / rows
            for i in range(cols):
                values.append(output(self.net, [a_low - s1 + (a_high - a_low) * (i + 0.5) / cols, x2]))
        return {"cols": cols, "rows": rows, "a": [a_low, a_high], "b": [b_low, b_high],
                "values": values, "a_ticks": [[t, show(t)] for t in a_ticks],
                "b_ticks": [[t, show(t)] for t in b_ticks]}

    def table(self):
        rows, (s1, s2) = [], self.people["shift"]
        for name, a, b, y in self.people["rows"]:
            out = output(self.net, [a - s1, b - s2])
            rows.append({"name": name, "a": arg(a), "b": arg(b), "y": "" if y is None else arg(y),
                         "out": "-" if out is None else "{:.3f}".format(out),
                         "guess": None if out is None else int(out >= 0.5)})
        return {"rows": rows, "csv": "\n".join(csv_lines(self.people))}

    def address(self):
        """The address of this state: what differs from the page's start, in ORDER, so that
        each value is valid when it is read again (the weights before an x of inf)."""
        now, run = self.state(), self.run
        done = run is not None and run["exact"] and run["epoch"] >= self.epochs
        query = [["people", csv_lines(self.people)]] if now[:2] != self.start[:2] else []
        if query and self.shift:
            query.append(["shift", arg(self.shift[0]) + "," + arg(self.shift[1])])
        if self.custom and (not done or now[4:6] != self.start[4:6]):  # an x of inf may need them
            query.append(["weights", ",".join([arg(v) for v in self.net.parameters()])])
        for key, i in (("x", 4), ("backprop", 5)):
            if now[i] != self.start[i]:
                query.append([key, ",".join([arg(v) for v in now[i]])])
        query += [["train", "1"]] if done else []
        for key, i in (("epochs", 6), ("rate", 7), ("seed", 8)):
            if done or now[i] != self.start[i]:
                query.append([key, arg(now[i])])
        return query


def output(net, x):
    # The output for x, or None where a sum makes no number (0*inf).
    try:
        return net.feedforward(x)
    except ValueError:
        return None


def attempt(action, coarse=False):
    # action(), then the view; if anything raises, the state as it was and
    # {"error": the message}: the page never wedges.
    before = PAGE.state()
    try:
        action()
        return PAGE.view(coarse)
    except Exception as error:
        for name, value in zip(STATE, before):
            setattr(PAGE, name, value)
        return {"error": command_line.one_line(error) or repr(error)}


def change(key, texts):
    """A field changed: key (w1, or a set_ above) and its texts, a JSON list: the view or the error."""
    texts = json.loads(texts)
    return json.dumps(attempt(lambda: PAGE.set_weight(key, texts[0]) if key in PARAMETER_NAMES
                              else getattr(PAGE, "set_" + key)(texts), False))


def start(query):
    """The state an address asks for, query: {"x": ["2", "3"], "people": [ROW, ...]} as JSON,
    in ORDER. The view, with "errors": [[key, message], ...] for the bad values."""
    query = json.loads(query)
    errors = [[key, "not a setting: try {} or train".format(", ".join(ORDER))]
              for key in query if key not in ORDER + ("train",)]
    for key in ORDER:  # each value with the view it makes: a value that breaks it is refused
        if key in query:
            result = attempt(lambda: getattr(PAGE, "set_" + key)(query[key]))
            errors += [[key, result["error"]]] if "error" in result else []
    result = attempt(lambda: None)
    result["errors"] = errors
    return json.dumps(result)


def view():
    return json.dumps(attempt(lambda: None))


def restart():
    """A new run from the seed's random start."""
    return json.dumps(attempt(PAGE.begin, True))


def train(epochs, coarse=True):
    """Up to epochs more of the run."""
    return json.dumps(attempt(lambda: PAGE.advance(min(int(epochs), PAGE.epochs - PAGE.run["epoch"])),
                              coarse))


def reset():
    """Back to the article's network, untrained."""
    return json.dumps(attempt(PAGE.reset, False))


def weights_file():
    """weights.json for the download link: train --save's text, written by save_numbers."""
    people = PAGE.people
    about = {"shift": list(people["shift"]), "names": list(people["names"])}
    save_numbers(WEIGHTS, PARAMETER_NAMES, PAGE.net.parameters(),
                 about if PAGE.state()[:2] != PAGE.start[:2] else None)
    return read_file(WEIGHTS, 1024)


PAGE = Page()
