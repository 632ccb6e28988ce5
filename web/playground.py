"""The playground page's Python, which web/app.js runs in MicroPython.

The parsers of support/ read each value with the command line's messages, and the project's
modules write every line and number. A bad value leaves the last good state in PAGE.
"""

import json
from math import floor, log10

import learner
from network import (PARAMETER_NAMES, OurNeuralNetwork, mse_loss, network_example,
                     neuron_example)
from neuron import sigmoid
from support.network_checks import check_training_set
from support.files import MOST_WEIGHTS_BYTES, read_file, save_numbers
from support.parsing import parse_numbers, parse_positive_number, parse_whole_number
from support.people_files import MOST_BYTES, csv_field, csv_lines, parse_people
from support.writing import bracket, figures, show, written

EVERY = 10  # train reports the loss every 10 epochs.
COLS, ROWS = 48, 30  # The map has these cells, half each way in training.
LEARN_RATE = 0.1
WEIGHTS, PEOPLE = "weights.json", "people.csv"
STATE = ("people", "shift", "given", "net", "custom", "neuron", "x", "sample", "epochs", "rate", "seed", "run")
ORDER = ("people", "shift", "weights", "neuron", "x", "backprop", "epochs", "rate", "seed")


def nice(values):
    """Return the map's axis around values as (low, high, round ticks)."""
    low, high = min(values), max(values)
    if not high - low < 1e300:  # A wider axis overflows.
        raise ValueError("the measurements {} and {} are too far apart to draw".format(
            show(low), show(high)))
    # The pad scales, as 1e17 + 1 is 1e17.
    pad = max((high - low) * 0.15, 1.0, abs(low) * 1e-6, abs(high) * 1e-6)
    low, high = low - pad, high + pad
    step = 10.0 ** floor(log10((high - low) / 5))
    step *= [t for t in (1, 2, 5, 10) if (high - low) / (step * t) <= 6][0]
    ticks = [(floor(low / step) + 1 + i) * step for i in range(int((high - low) / step) + 1)]
    return low, high, [t for t in ticks if t <= high]


def output(net, x):
    """Return the network's output for x, or None if a sum is nan (0*inf)."""
    try:
        return net.feedforward(x)
    except ValueError:
        return None


class Page:
    """This is the page's state. Each set_ method reads a field's texts as the command line does."""

    def __init__(self):
        self.epochs, self.rate, self.seed = 1000, 0.1, 1  # train has these defaults.
        self.reset()
        self.start = self.state()

    def state(self):
        """Return the fields that attempt restores."""
        return dict((name, getattr(self, name)) for name in STATE)

    def own_people(self):
        """Return whether the people or shift differ from the article's."""
        return (self.people.rows, self.shift) != (self.start["people"].rows, self.start["shift"])

    def reset(self):
        """Restore the network, people, neuron, x = [2, 3] and Alice, but not the settings."""
        self.net, self.custom, self.run = OurNeuralNetwork(), False, None
        self.people = learner.ARTICLE
        self.shift, self.given = learner.ARTICLE.shift, False  # given says the reader typed it.
        self.neuron = ([0.0, 1.0], 4.0, [2.0, 3.0])
        self.x, self.sample = [2.0, 3.0], [-2.0, -1.0, 1.0]

    def changed(self):
        """Mark the run not exact, as train would no longer print it."""
        if self.run is not None:
            self.run = dict(self.run, exact=False)

    def set_neuron(self, texts):
        """Set section 1's neuron, if its calculation works."""
        w1, w2, b, x1, x2 = parse_numbers(texts, "W1 W2 B X1 X2")
        neuron_example([w1, w2], b, [x1, x2])
        self.neuron = ([w1, w2], b, [x1, x2])

    def set_x(self, texts):
        """Set x, if the network works on it (0*inf is nan)."""
        x = parse_numbers(texts, "X1 X2", finite=False)
        network_example(x, self.net)
        self.x = x

    def set_body(self, texts):
        """Set x from A and B, shifted as the people are."""
        a, b = parse_numbers(texts, [name.upper() for name in self.people.names[:2]])
        x = self.people.shifted(a, b)
        network_example(x, self.net)
        self.x = x

    def set_weights(self, texts):
        """Set all nine parameters, if x still works."""
        values = parse_numbers(texts, " ".join(PARAMETER_NAMES).upper())
        net = OurNeuralNetwork.from_parameters(*values)
        network_example(self.x, net)
        self.net, self.custom = net, True
        self.changed()

    def set_weight(self, name, text):
        """Set one parameter, naming it in any error."""
        texts = [written(v) for v in self.net.parameters()]
        texts[PARAMETER_NAMES.index(name)] = text
        parse_numbers([text], name.upper())
        self.set_weights(texts)

    def set_backprop(self, texts):
        """Set section 4's sample, if it is not too large."""
        sample = parse_numbers(texts, "X1 X2 Y_TRUE")
        learner.backprop_example(sample[:2], sample[2])
        self.sample = sample

    def set_epochs(self, texts):
        """Set the epochs. A run past them is not exact."""
        self.epochs = parse_whole_number(texts[0], "--epochs", 0)
        if self.run is not None and self.run["epoch"] > self.epochs:
            self.changed()

    def set_rate(self, texts):
        rate = parse_positive_number(texts[0], "--learn-rate")
        if rate != self.rate:
            self.changed()
        self.rate = rate

    def set_seed(self, texts):
        seed = parse_whole_number(texts[0], "--seed")
        if seed != self.seed:
            self.changed()
        self.seed = seed

    def set_shift(self, texts):
        """Set the shift as --shift A B does, or as train does with no text."""
        shift = None
        if "".join(texts).strip():
            try:
                shift = tuple(parse_numbers(texts, "A B"))
            except ValueError as error:
                raise ValueError("--shift must be two numbers A B: {}".format(error)) from None
        self.use(csv_lines(self.people), shift, shift is not None)

    def set_people(self, rows):
        """Set the address's people; a shift= may follow."""
        self.use(rows, None, False)

    def set_csv(self, texts):
        self.use(texts[0].split("\n"), self.shift, self.given)

    def set_row(self, texts):
        """Set [index, name, A, B, Y] as a row, or delete it given [index]."""
        rows = csv_lines(self.people)
        i = int(texts[0])
        rows[i:i + 1] = [",".join([csv_field(texts[1])] + texts[2:])] if texts[1:] else []
        self.use(rows, self.shift, self.given)

    def set_click(self, texts):
        """Add the person [A, B, answer] clicked on the map."""
        names = [row[0] for row in self.people.rows]
        n = len(names) + 1
        while "P" + str(n) in names:
            n += 1
        self.set_row([str(len(names) + 1), "P" + str(n)] + texts)

    def use(self, rows, shift, given):
        """Set the people from CSV rows as train --people FILE [--shift A B] reads them. The
        shift is the one given, else the article's for its columns, else their mean."""
        text = "\n".join(rows)
        size = len(text.encode("utf-8"))
        if size > MOST_BYTES:
            raise ValueError("the people are {} bytes: at most 100,000, as for a people file".format(
                size))
        if not given:
            shift = None
            if text.split("\n", 1)[0].split(",")[1:] == list(learner.ARTICLE.names):
                shift = learner.ARTICLE.shift
        self.people = parse_people(text, PEOPLE, shift)
        self.shift, self.given = shift, given
        self.changed()

    def begin(self):
        """Start a new run from the seed."""
        data, labels = self.people.data()
        net = OurNeuralNetwork.random(self.seed)
        check_training_set(net, data, labels, self.rate, self.epochs, EVERY)
        self.net, self.custom = net, True
        lines = [learner.shift_line(self.people)] if self.people.mean else []
        self.run = {"epoch": 0, "exact": True, "points": [], "lines": lines, "losses": [], "sent": 0,
                    "new": True}

    def advance(self, epochs):
        """Train epochs more, in pieces that end where train reports (0, 10, ...)."""
        data, labels = self.people.data()
        run = self.run
        while epochs > 0:
            start = run["epoch"]
            n = min(epochs, EVERY - start % EVERY) if start % EVERY else epochs
            if start % EVERY:  # The next piece reports the loss.
                self.net.train(data, labels, self.rate, n, n, None)
            else:
                losses = self.net.train(data, labels, self.rate, n, EVERY, self.report(start))
                run["points"] += [[start + i * EVERY, loss] for i, loss in enumerate(losses)]
                run["losses"] += losses
            run["epoch"] += n
            epochs -= n

    def report(self, start):
        """Return a report that keeps train's lines, numbered from start."""
        def report(line):
            words = line.split(" ")
            words[1] = str(start + int(words[1]))
            self.run["lines"].append(" ".join(words))
        return report

    def view(self, coarse=False):
        """Return the view. Coarse ones, for training, leave out parts; 2 drops the map."""
        net, x, people = self.net, self.x, self.people
        # This names the weights as --load does.
        given = {"network": net, "about": "the weights in {} ({})".format(
            WEIGHTS, learner.weights_text(net))} if self.custom else {}
        load = " --load " + WEIGHTS if self.custom else ""
        body = [x[0] + people.shift[0], x[1] + people.shift[1]]
        hidden = [net.h1.feedforward(x), net.h2.feedforward(x)]
        neurons = [n.explain(i).split(" = ")[1:] for n, i in ((net.h1, x), (net.h2, x), (net.o1, hidden))]
        return {"params": [show(p) for p in net.parameters()], "neurons": neurons,
                "x": [written(v) for v in x], "body": [written(v) for v in body],
                "names": people.names, "shift": [written(v) for v in people.shift],
                "distance": learner.distance_note(people, body[0], body[1]),
                "shift_text": self.shift_text(), "given": self.given, "mean": people.mean,
                "neuron": None if coarse else self.neuron_view(), "backprop": None if coarse else self.backprop(given, load),
                "calc": {"lines": network_example(x, **given),
                         "command": "python3 network.py{} {} {}".format(load, written(x[0]), written(x[1]))},
                "loss": None if coarse else self.loss(), "train": self.training(), "map": None if coarse == 2 else self.map(coarse),
                "people": self.table(), "address": self.address()}

    def shift_text(self):
        """Return a sentence saying which shift the measurements get."""
        why = ("the mean of the people with an answer" if self.people.mean else
               "the shift you gave" if self.given else "the article's shift")
        return "x1 and x2 are {}: {}.".format(self.people.shift_text(), why)

    def neuron_view(self):
        """Return section 1, the neuron."""
        weights, bias, x = self.neuron
        total = weights[0] * x[0] + weights[1] * x[1] + bias
        return {"texts": [written(v) for v in weights + [bias] + x],
                "lines": neuron_example(weights, bias, x),
                "curve": [[z / 2, sigmoid(z / 2)] for z in range(-20, 21)],
                "sum": total, "out": sigmoid(total)}

    def loss(self):
        """Return section 3, the example loss, each person's square and the MSE."""
        data, labels = self.people.data()
        preds = [self.net.feedforward(v) for v in data]
        squares = [(t - p) * (t - p) for t, p in zip(labels, preds)]
        mse = mse_loss(labels, preds)
        terms = " + ".join([figures(s) for s in squares]) if len(squares) <= 6 else "..."
        return {"article": "mse_loss([1, 0, 0, 1], [0, 0, 0, 0]) = {}".format(
                    mse_loss([1, 0, 0, 1], [0, 0, 0, 0])),
                "rows": [[p[0], written(p[2]), "{:.3f}".format(o), figures(s)] for p, o, s in
                         zip(self.people.train, preds, squares)],
                "mse": "MSE = 1/{} × ({}) = {:.3f}".format(len(squares), terms, mse),
                "command": "python3 network.py train --load {} --epochs 0{}".format(
                    WEIGHTS, " --people " + PEOPLE if self.own_people() else "")}

    def backprop(self, given, load):
        """Return section 4, d_L/d_w1 by hand and one update."""
        x, y = self.sample[:2], self.sample[2]
        result = {"sample": [written(v) for v in self.sample],
                  "command": "python3 network.py backprop {}{}".format(
                      " ".join([written(v) for v in self.sample]), load)}
        try:
            lines = learner.backprop_example(x, y, **given)
        except (ValueError, TypeError) as error:  # Numbers overflowed.
            result["error"] = str(error)
            return result
        net = given.get("network") or OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)
        before, d = net.parameters(), learner.gradients(net, x, y)
        after = [w - LEARN_RATE * d[name] for name, w in zip(PARAMETER_NAMES, before)]
        stepped = OurNeuralNetwork.from_parameters(*after)
        data, labels = self.people.data()
        losses = [mse_loss([y], [n.feedforward(x)]) for n in (net, stepped)] + [
            mse_loss(labels, [n.feedforward(v) for v in data]) for n in (net, stepped)]
        result.update(lines=lines, hand=len(lines) - 10, steps=[[
            name, show(d[name]), "{} − {} × {}".format(show(w), LEARN_RATE, bracket(show(d[name]))), show(a)]
            for name, w, a in zip(PARAMETER_NAMES, before, after)],
            losses=["{:.4f}".format(v) for v in losses])
        return result

    def training(self):
        """Return section 5, with the run's lines if exact."""
        run, (data, labels) = self.run, self.people.data()
        own = self.own_people()
        result = {"epochs": written(self.epochs), "rate": written(self.rate), "seed": written(self.seed),
                  "command": "python3 network.py train {}{}--epochs {} --learn-rate {} --seed {}".format(
                      "--people {} ".format(PEOPLE) if own else "", "--shift {} {} ".format(
                          written(self.shift[0]), written(self.shift[1])) if own and self.shift else "",
                      self.epochs, written(self.rate), self.seed),
                  "loss": "{:.3f}".format(mse_loss(labels, [self.net.feedforward(v) for v in data])),
                  "epoch": None, "predictions": learner.predictions(self.net, self.people)}
        result["lines"] = result["predictions"]
        if run is not None:
            done = run["epoch"] >= self.epochs
            if run["exact"] and done:
                result["note"] = learner.saturation_note(self.net, self.people, run["losses"], self.rate)
            if run["exact"]:
                result["lines"] = run["lines"] + (learner.trained_lines(
                    self.net, run["losses"], run["epoch"], EVERY, self.people, self.rate) if done else [])
            result.update(epoch=run["epoch"], exact=run["exact"], done=done,
                          points=run["points"][run["sent"]:], fresh=run.pop("new", False))
            run["sent"] = len(run["points"])
        return result

    def map(self, coarse):
        """Return the network's outputs over the map."""
        cols, rows = (COLS // 2, ROWS // 2) if coarse else (COLS, ROWS)
        a_low, a_high, a_ticks = nice([row[1] for row in self.people.rows])
        b_low, b_high, b_ticks = nice([row[2] for row in self.people.rows])
        s1, s2 = self.people.shift
        values = []
        for j in range(rows):  # The top row has the largest B.
            x2 = b_high - s2 - (b_high - b_low) * (j + 0.5) / rows
            for i in range(cols):
                values.append(output(self.net, [a_low - s1 + (a_high - a_low) * (i + 0.5) / cols, x2]))
        ones = len([v for v in values if v is not None and v >= 0.5])
        return {"cols": cols, "rows": rows, "a": [a_low, a_high], "b": [b_low, b_high],
                "values": values, "a_ticks": [[t, show(t)] for t in a_ticks],
                "b_ticks": [[t, show(t)] for t in b_ticks],
                "said": "The output is above 0.5 on {}% of the map; each person's output is in the table.".format(
                    round(100 * ones / len(values)))}

    def table(self):
        """Return the people's table and CSV."""
        rows, (s1, s2) = [], self.people.shift
        for name, a, b, y in self.people.rows:
            out = output(self.net, [a - s1, b - s2])
            rows.append({"name": name, "a": written(a), "b": written(b), "y": "" if y is None else written(y),
                         "out": "-" if out is None else "{:.3f}".format(out),
                         "guess": "" if out is None else str(int(out >= 0.5))})
        return {"rows": rows, "csv": "\n".join(csv_lines(self.people))}

    def address(self):
        """Return what differs from the page's start, in ORDER, so that each value is valid
        when it is read again (the weights before an x of inf)."""
        now, start, run = self.state(), self.start, self.run
        done = run is not None and run["exact"] and run["epoch"] >= self.epochs
        own = self.own_people()
        query = [["people", csv_lines(self.people)]] if own else []
        if own and self.given:
            query.append(["shift", written(self.shift[0]) + "," + written(self.shift[1])])
        if self.custom and (not done or (now["x"], now["sample"]) != (start["x"], start["sample"])):
            query.append(["weights", ",".join([written(v) for v in self.net.parameters()])])
        if self.neuron != start["neuron"]:
            weights, bias, x = self.neuron
            query.append(["neuron", ",".join([written(v) for v in weights + [bias] + x])])
        for key, name in (("x", "x"), ("backprop", "sample")):
            if now[name] != start[name]:
                query.append([key, ",".join([written(v) for v in now[name]])])
        query += [["train", "1"]] if done else []
        for key in ("epochs", "rate", "seed"):
            if done or now[key] != start[key]:
                query.append([key, written(now[key])])
        return query


def attempt(action, coarse=False):
    """Do action and return the view, or restore the state and return the error."""
    before = PAGE.state()
    try:
        action()
        return PAGE.view(coarse)
    except Exception as error:
        for name in STATE:
            setattr(PAGE, name, before[name])
        return {"error": str(error).replace("\n", "\\n") or repr(error)}


def change(key, texts):
    """Apply the JSON texts to key (w1, or a set_ name); return the view or error."""
    texts = json.loads(texts)
    return json.dumps(attempt(lambda: PAGE.set_weight(key, texts[0]) if key in PARAMETER_NAMES
                              else getattr(PAGE, "set_" + key)(texts), False))


def start(query):
    """Set up the address's query, {"x": ["2", "3"], ...} in JSON, in ORDER. Return the
    view, with "errors": [[key, message], ...] for the bad values."""
    query = json.loads(query)
    errors = [[key, "not a setting: try {} or train".format(", ".join(ORDER))]
              for key in query if key not in ORDER + ("train",)]
    for key in ORDER:  # A value that breaks the view is refused.
        if key in query:
            result = attempt(lambda: getattr(PAGE, "set_" + key)(query[key]))
            errors += [[key, result["error"]]] if "error" in result else []
    result = attempt(lambda: None)
    result["errors"] = errors
    return json.dumps(result)


def view():
    """Return the view."""
    return json.dumps(attempt(lambda: None))


def restart():
    """Start a new run and return the view."""
    return json.dumps(attempt(PAGE.begin, True))


def train(epochs, coarse=1):
    """Train up to epochs more and return the view (coarse as for Page.view)."""
    return json.dumps(attempt(lambda: PAGE.advance(min(int(epochs), PAGE.epochs - PAGE.run["epoch"])),
                              coarse))


def reset():
    """Reset all but the settings and return the view."""
    return json.dumps(attempt(PAGE.reset, False))


def weights_file():
    """Return weights.json for the download link, as train --save writes it."""
    people = PAGE.people
    about = {"shift": people.shift, "names": people.names, "ranges": people.ranges}
    save_numbers(WEIGHTS, PARAMETER_NAMES, PAGE.net.parameters(), about if PAGE.own_people() else None)
    return read_file(WEIGHTS, MOST_WEIGHTS_BYTES)


PAGE = Page()
