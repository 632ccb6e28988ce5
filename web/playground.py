"""The playground page's Python, run by web/app.js in MicroPython's WebAssembly port
beside the project's own modules. It keeps the page's state (the network, the inputs,
the training run) and asks the modules for every number; the page draws the JSON it
gets back. Fields come as typed: bad text gets the command line's own message, and
the last good state stays.
"""

import json

import learner
import network
from network import NEW_PEOPLE, PARAMETER_NAMES, PEOPLE, OurNeuralNetwork, mse_loss
from neuron import show, show_list

WEIGHTS = "weights.json"  # the page's own weights, as train --save writes them
EVERY = 10  # a loss on the curve every 10 epochs, as the command line reports it
COLS, ROWS = 56, 32  # the decision map's cells (half as many each way while training)
X1S, X2S = (-35, 35), (-10, 10)  # its range: 100 to 170 lb, 56 to 76 in
DATA = [x for name, x, y in PEOPLE]
LABELS = [y for name, x, y in PEOPLE]

net = OurNeuralNetwork()
custom = False  # the article's network until a weight is set or training starts
x = [float(v) for v in network.NETWORK_EXAMPLE]
sample = [float(v) for v in PEOPLE[0][1]] + [float(PEOPLE[0][2])]  # Alice
settings = {"epochs": 1000, "learn_rate": 0.1, "seed": 1}  # train's defaults
run = None  # the training run: {"epoch", "exact", "points", "sent", "top"}
START = dict(settings, x=x, sample=sample)


def arg(value):
    """A number as the command line and the address take it, exactly."""
    text = show(value)
    return text if float(text) == value else repr(value)


def _sum(neuron, inputs):
    # The weighted sum plus the bias, in feedforward's order.
    total = 0.0
    for w, v in zip(neuron.weights, inputs):
        total += w * v
    return total + neuron.bias


def _loaded():
    # The network as --load FILE reads it back, and what the lines call it.
    if not custom:
        return None, None
    net.save(WEIGHTS)
    return learner.loaded(WEIGHTS)


def _diagram():
    hidden = [net.h1.feedforward(x), net.h2.feedforward(x)]
    neurons = []
    for neuron, inputs in ((net.h1, x), (net.h2, x), (net.o1, hidden)):
        neurons.append([show(_sum(neuron, inputs)), show(neuron.feedforward(inputs))])
    body = [x[0] + learner.SHIFT[0], x[1] + learner.SHIFT[1]]
    try:
        shifted = learner.predict(body[0], body[1], net, "")[0]
    except (ValueError, TypeError):
        shifted = ""
    return {"params": [show(p) for p in net.parameters()], "neurons": neurons,
            "x": [show(v) for v in x], "body": [show(v) for v in body],
            "shift": [show(v) for v in learner.SHIFT], "shifted": shifted}


def _calc(loaded, about):
    if loaded is None:
        return {"lines": network.network_example(x),
                "command": "python3 network.py {} {}".format(arg(x[0]), arg(x[1]))}
    return {"lines": network.network_example(x, loaded, about),
            "command": "python3 network.py --load {} {} {}".format(WEIGHTS, arg(x[0]), arg(x[1]))}


def _backprop(loaded, about):
    command = "python3 network.py backprop {} {} {}".format(
        arg(sample[0]), arg(sample[1]), arg(sample[2]))
    try:
        if loaded is None:
            lines = learner.backprop_example(sample[:2], sample[2])
        else:
            lines = learner.backprop_example(sample[:2], sample[2], loaded, about)
            command += " --load " + WEIGHTS
    except (ValueError, TypeError) as error:  # numbers too large for the calculation
        return {"error": str(error), "command": command, "sample": [arg(v) for v in sample]}
    return {"lines": lines, "command": command, "sample": [arg(v) for v in sample]}


def _map(cols, rows):
    values = []
    for j in range(rows):  # from the top: the tallest first
        x2 = X2S[1] - (X2S[1] - X2S[0]) * (j + 0.5) / rows
        for i in range(cols):
            try:
                values.append(net.feedforward([X1S[0] + (X1S[1] - X1S[0]) * (i + 0.5) / cols, x2]))
            except (ValueError, TypeError):
                values.append(None)
    people = []
    for name, v, y in PEOPLE + [(name, v, None) for name, v in NEW_PEOPLE]:
        out = net.feedforward(v)
        people.append({"name": name, "x": v, "y": y, "out": show(out), "shown": show_list(v),
                       "guess": "female" if out >= 0.5 else "male",
                       "lb": show(v[0] + learner.SHIFT[0]), "in": show(v[1] + learner.SHIFT[1])})
    return {"cols": cols, "rows": rows, "x1": X1S, "x2": X2S, "values": values, "people": people,
            "lb": [[v - learner.SHIFT[0], show(v)] for v in range(100, 171, 10)],
            "in": [[v - learner.SHIFT[1], show(v)] for v in range(56, 77, 4)]}


def _train():
    result = {"epochs": settings["epochs"], "rate": arg(settings["learn_rate"]),
              "seed": settings["seed"],
              "loss": "{:.3f}".format(mse_loss(LABELS, [net.feedforward(v) for v in DATA]))}
    # The Emily and Frank lines that train prints, for the network as it is now.
    result["lines"] = learner.train_example(None, 0, network=net)[1][-len(NEW_PEOPLE):]
    if run is None:
        result["epoch"] = None
        return result
    end = max(run["epoch"], settings["epochs"])
    result.update({"epoch": run["epoch"], "end": end, "top": run["top"],
                   "points": run["points"][run["sent"]:], "fresh": run["sent"] == 0,
                   "labels": ["{:.3f}".format(run["top"]), "{:.3f}".format(0.0), "0", str(end)]})
    run["sent"] = len(run["points"])
    if run["exact"]:
        result["command"] = "python3 network.py train --epochs {} --learn-rate {} --seed {}".format(
            run["epoch"], arg(settings["learn_rate"]), settings["seed"])
    return result


def _address():
    # The address's query for this state (only what differs from the defaults).
    address = {}
    if x != START["x"]:
        address["x"] = arg(x[0]) + "," + arg(x[1])
    exact = run is not None and run["exact"]
    if custom and not exact:
        address["weights"] = ",".join([arg(v) for v in net.parameters()])
    if sample != START["sample"]:
        address["backprop"] = ",".join([arg(v) for v in sample])
    if exact:
        address["train"] = "1"
    for key, name in (("epochs", "epochs"), ("rate", "learn_rate"), ("seed", "seed")):
        if exact or settings[name] != START[name]:
            address[key] = arg(settings[name])
    return address


def view(coarse=False):
    """Everything the page shows, as JSON (the map coarse, for speed, while training)."""
    loaded, about = _loaded()
    cells = (COLS // 2, ROWS // 2) if coarse else (COLS, ROWS)
    return json.dumps({"diagram": _diagram(), "calc": _calc(loaded, about),
                       "backprop": _backprop(loaded, about), "map": _map(*cells), "train": _train(),
                       "address": _address(),
                       "people": [[name, arg(v[0]), arg(v[1]), arg(y)] for name, v, y in PEOPLE]})


def _x(texts):
    global x
    x = learner.numbers(texts, "X1 X2", finite=False)


def _body(texts):  # weight (lb) and height (in): x is them minus the article's shift
    global x
    weight, height = learner.numbers(texts, "WEIGHT_LB HEIGHT_IN")
    x = [weight - learner.SHIFT[0], height - learner.SHIFT[1]]


def _weights(texts, names=PARAMETER_NAMES):  # all nine, or the one named
    global net, custom
    params = list(net.parameters())
    for name, value in zip(names, learner.numbers(texts, " ".join(names))):
        params[PARAMETER_NAMES.index(name)] = value
    net = OurNeuralNetwork.from_parameters(*params)
    custom = True
    if run is not None:
        run["exact"] = False


def _sample(texts):
    global sample
    sample = learner.numbers(texts, "X1 X2 Y_TRUE")
    learner.backprop_example(sample[:2], sample[2], *(_loaded() if custom else ()))


def _setting(option, texts):
    key = option[2:].replace("-", "_")
    value = learner.train_settings({option: texts[0]})[key]
    changed = settings[key] != value
    settings[key] = value
    if run is not None and changed:
        if key == "seed":
            reset()
        elif key == "learn_rate" and run["epoch"]:
            run["exact"] = False


SETTERS = {"x": _x, "body": _body, "weights": _weights, "backprop": _sample,
           "epochs": lambda t: _setting("--epochs", t), "rate": lambda t: _setting("--learn-rate", t),
           "seed": lambda t: _setting("--seed", t)}
for _name in PARAMETER_NAMES:
    SETTERS[_name] = lambda t, n=_name: _weights(t, (n,))


def _set(key, texts):
    # One field (or address value) as typed; on a bad value, the error and the old state.
    global net, custom, x, sample, settings, run
    before = (net.parameters(), custom, x, sample, dict(settings), run and dict(run))
    try:
        SETTERS[key](texts)
        _diagram()  # the hand calculation must work for the new state
        net.explain(x)
    except (ValueError, TypeError):
        params, custom, x, sample, settings, run = before
        net = OurNeuralNetwork.from_parameters(*params)
        raise


def change(key, texts):
    """A field changed: key (x, body, w1 ... b3, backprop, epochs, rate, seed) and its
    texts, a JSON list. The new view, or {"error": the command line's message}."""
    try:
        _set(key, json.loads(texts))
    except (ValueError, TypeError) as error:
        return json.dumps({"error": str(error)})
    return view()


def reset():
    """A new training run from the seed's random start, at epoch 0."""
    global net, custom, run
    net = OurNeuralNetwork.random(settings["seed"])
    custom = True
    run = {"epoch": 0, "exact": True, "points": [], "sent": 0, "top": 0.0}


def restart():
    reset()
    return view()


def train(epochs, every, coarse=True):
    """Train the page's network epochs more (a run from the seed's start if none),
    a loss every every epochs; the new view, or the error (the weights kept)."""
    if run is None:
        reset()
    try:
        losses = net.train(DATA, LABELS, settings["learn_rate"], epochs, every, None)
    except (ValueError, TypeError) as error:
        return json.dumps({"error": str(error)})
    for i, loss in enumerate(losses):
        run["points"].append([run["epoch"] + i * every, loss])
        run["top"] = max(run["top"], loss)
    run["epoch"] += epochs
    return view(coarse)


def start(query):
    """The state an address asks for: query is JSON, {"x": "2,3", ...}, as typed.
    The view, with "errors": [[key, message], ...] for the values that were bad."""
    query = json.loads(query)
    errors = []
    for key in ("x", "weights", "backprop", "epochs", "rate", "seed"):
        if key in query:
            try:
                _set(key, query[key].split(",") if key in ("x", "weights", "backprop") else [query[key]])
            except (ValueError, TypeError) as error:
                errors.append([key, str(error)])
    result = json.loads(view())
    result["errors"] = errors
    return json.dumps(result)


def weights_file():
    """weights.json for the download link: the page's weights, as --save writes them."""
    net.save(WEIGHTS)
    with open(WEIGHTS) as f:
        return f.read()
