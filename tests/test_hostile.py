"""The hostile-input battery: what a hostile user tries, class by class.

Every case asserts the exact exception type and a fragment of its message,
or the value given, or what the files hold afterwards. The classes:

  numbers      values at and beyond the edges of float: nan, inf, ints of
               400 digits, Decimal and Fraction, epochs beyond memory
  types        what is not a number where a number is meant, or not a list
               where a list is: words, bools, complex numbers, sets, dicts
  files        saving and loading next to other files: links, devices,
               FIFOs, read-only files, a full disk, hostile weights files,
               the editions' folders
  concurrency  several programs saving to one file at once
  signals      Ctrl-C during training and during a save
  streams      a stdout that is closed, full, or whose reader has gone

numbers and types run on every interpreter of the matrix (.ci/run_tests.py);
a case that needs a module the interpreter lacks (decimal, fractions, numpy)
is left out there, and the test says how many. files, concurrency, signals
and streams need real files, processes and signals: they run on CPython and
PyPy, and skip themselves elsewhere, saying why.
"""

import math
import sys

from learner import backprop_example, figures, main, predict
from network import OurNeuralNetwork, mse_loss, normal_numbers, partial_derivatives
from neuron import Neuron, deriv_sigmoid, number, show, sigmoid
from support.checks import training_set, whole_number
from test_neuron import Skip

INF = float("inf")
NAN = float("nan")
BIG = 10 ** 400  # an int beyond float range
DATA = [[-2, -1], [25, 6], [17, 4], [-15, -6]]
LABELS = [1, 0, 0, 1]

try:
    from decimal import Decimal
except ImportError:  # MicroPython
    Decimal = None
try:
    from fractions import Fraction
except ImportError:
    Fraction = None
try:
    import numpy
except ImportError:  # not installed, or not this interpreter
    numpy = None


def network():
    return OurNeuralNetwork.from_parameters(1, 1, 0, 1, 1, 0, 1, 1, 0)


def train(*args, **options):
    options.setdefault("report", None)
    return OurNeuralNetwork.random(1).train(*args, **options)


def battery(cases):
    """Run each case (name, call, expected): expected is an exception type and a
    fragment of its message, (type, fragment), or the value call() must give.
    Returns the failures as text; every case runs, so one failure hides none."""
    failures = []
    for name, call, expected in cases:
        error_expected = (isinstance(expected, tuple) and len(expected) == 2
                          and isinstance(expected[0], type) and issubclass(expected[0], Exception))
        try:
            got = call()
        except Exception as error:  # noqa: B902 (any other kind is a failure)
            if error_expected and type(error) is expected[0] and expected[1] in str(error):
                continue
            failures.append("{}: raised {}: {}".format(name, type(error).__name__, error))
            continue
        if error_expected:
            failures.append("{}: gave {!r}, not {}".format(name, got, expected[0].__name__))
        elif not (got == expected or isinstance(got, float) and math.isnan(got) and expected is NAN):
            failures.append("{}: gave {!r}, not {!r}".format(name, got, expected))
    return failures


def printed_by(function, args):
    """function(args), with stdout and stderr caught: (its result, what it printed),
    or None for what it printed where sys.stdout cannot be replaced (MicroPython)."""
    import io

    out, err = sys.stdout, sys.stderr
    caught = io.StringIO()
    try:
        sys.stdout = sys.stderr = caught
    except AttributeError:
        return function(args), None
    try:
        return function(args), caught.getvalue()
    finally:
        sys.stdout, sys.stderr = out, err


# --- numbers: at and beyond the edges of float

NUMBER_CASES = [
    ("sigmoid(10**400)", lambda: sigmoid(BIG), 1.0),
    ("sigmoid(-10**400)", lambda: sigmoid(-BIG), 0.0),
    ("sigmoid(nan)", lambda: sigmoid(NAN), (ValueError, "sigmoid(nan): x is nan")),
    ("sigmoid(inf)", lambda: sigmoid(INF), 1.0),
    ("sigmoid(-inf)", lambda: sigmoid(-INF), 0.0),
    ("sigmoid(1e308)", lambda: sigmoid(1e308), 1.0),
    ("sigmoid(-1e308)", lambda: sigmoid(-1e308), 0.0),
    ("sigmoid(-745.2)", lambda: sigmoid(-745.2) >= 0.0, True),
    ("deriv_sigmoid(nan)", lambda: deriv_sigmoid(NAN), (ValueError, "x is nan")),
    ("deriv_sigmoid(10**400)", lambda: deriv_sigmoid(BIG), 0.0),
    ("number(10**400)", lambda: number(BIG, "w"), (ValueError, "w is beyond the range of a float")),
    ("number(-10**400)", lambda: number(-BIG, "w"), (ValueError, "w is beyond the range of a float")),
    ("number(nan)", lambda: number(NAN, "bias"), (ValueError, "bias is nan")),
    ("number(inf) is a number", lambda: number(INF, "x"), INF),
    ("Neuron([10**400, 1], 0)", lambda: Neuron([BIG, 1], 0),
     (ValueError, "weights[0] is beyond the range of a float")),
    ("Neuron([0, 1], 10**400)", lambda: Neuron([0, 1], BIG), (ValueError, "bias is beyond")),
    ("Neuron([0, 1], nan)", lambda: Neuron([0, 1], NAN), (ValueError, "bias is nan")),
    ("feedforward([10**400, 1])", lambda: Neuron([1, 1], 0).feedforward([BIG, 1]),
     (ValueError, "inputs[0] is beyond the range of a float")),
    ("feedforward([1, -10**400])", lambda: Neuron([1, 1], 0).feedforward([1, -BIG]),
     (ValueError, "inputs[1] is beyond the range of a float")),
    ("feedforward([nan, 1])", lambda: Neuron([1, 1], 0).feedforward([NAN, 1]),
     (ValueError, "inputs[0] is nan")),
    ("feedforward([inf, -inf])", lambda: Neuron([1, 1], 0).feedforward([INF, -INF]),
     (ValueError, "the weighted sum is inf + -inf = nan")),
    ("feedforward([0*inf])", lambda: Neuron([0, 1], 0).feedforward([INF, 1]),
     (ValueError, "weights[0]*inputs[0] is 0*inf = nan")),
    ("feedforward([1e308, 1e308])", lambda: Neuron([1e308, 1e308], 0).feedforward([10, 10]), 1.0),
    ("network on [10**400, 0]", lambda: OurNeuralNetwork().feedforward([BIG, 0]),
     (ValueError, "inputs[0] is beyond")),
    ("explain([inf, -inf])", lambda: Neuron([1, 1], 0).explain([INF, -INF]),
     (ValueError, "the weighted sum is inf + -inf = nan")),
    ("mse_loss([nan], [0])", lambda: mse_loss([NAN], [0]), (ValueError, "y_true[0] is nan")),
    ("mse_loss([0], [nan])", lambda: mse_loss([0], [NAN]), (ValueError, "y_pred[0] is nan")),
    ("mse_loss([1e200], [-1e200])", lambda: mse_loss([1e200], [-1e200]),
     (ValueError, "the loss overflowed")),
    ("mse_loss([inf], [0])", lambda: mse_loss([INF], [0]), (ValueError, "the loss overflowed")),
    ("mse_loss([inf], [inf])", lambda: mse_loss([INF], [INF]), (ValueError, "the loss overflowed")),
    ("mse_loss([10**400], [0])", lambda: mse_loss([BIG], [0]), (ValueError, "y_true[0] is beyond")),
    ("mse_loss([1e154], [0])", lambda: mse_loss([1e154], [0]) > 1e307, True),
    ("gradients([inf, 0], 1)", lambda: network().gradients([INF, 0], 1),
     (ValueError, "data[0] or all_y_trues[0] is inf: training needs finite numbers")),
    ("gradients([0, 0], inf)", lambda: network().gradients([0, 0], INF), (ValueError, "is inf")),
    ("gradients([nan, 0], 1)", lambda: network().gradients([NAN, 0], 1),
     (ValueError, "data[0][0] is nan")),
    ("gradients([1e308, 0], 1e308)", lambda: network().gradients([1e308, 0], 1e308),
     (ValueError, "overflowed: the numbers are too large")),
    ("gradients([10**400, 0], 1)", lambda: network().gradients([BIG, 0], 1),
     (ValueError, "data[0][0] is beyond")),
    ("gradients of an inf weight", lambda: OurNeuralNetwork.from_parameters(
        INF, 1, 0, 1, 1, 0, 1, 1, 0).gradients([1, 1], 1), (ValueError, "training needs finite ones")),
    ("backprop 1e308 0 1e308", lambda: backprop_example([1e308, 0], 1e308),
     (ValueError, "overflowed")),
    ("backprop inf 0 1", lambda: backprop_example([INF, 0], 1), (ValueError, "is inf")),
    ("backprop's step of SGD overflows", lambda: backprop_example([1, 1], 5e306, OurNeuralNetwork.
     from_parameters(1.79e308, -1.79e308, 0, 0, 0, 0, 50, 0, -25)), (ValueError, "w1 - 0.1 * d_L/d_w1 overflowed")),
    ("backprop 1 2 1e300: each step on its own, after d_L", lambda: [
        line.split("  ")[-1].strip()[:2] for line in backprop_example([1, 2], 1e300)[-9:]],
     ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"]),
    ("train on inf data", lambda: train([[INF, 0]], [1]),
     (ValueError, "data[0] or all_y_trues[0] is inf: training needs finite numbers")),
    ("train on inf labels", lambda: train(DATA, [1, 0, INF, 1]),
     (ValueError, "data[2] or all_y_trues[2] is inf")),
    ("train on nan data", lambda: train([[0, NAN]], [1]), (ValueError, "data[0][1] is nan")),
    ("train learn_rate inf", lambda: train(DATA, LABELS, learn_rate=INF),
     (ValueError, "learn_rate must be > 0 and finite, got inf")),
    ("train learn_rate nan", lambda: train(DATA, LABELS, learn_rate=NAN),
     (ValueError, "learn_rate is nan")),
    ("train learn_rate 0", lambda: train(DATA, LABELS, learn_rate=0),
     (ValueError, "learn_rate must be > 0")),
    ("train learn_rate -1", lambda: train(DATA, LABELS, learn_rate=-1),
     (ValueError, "learn_rate must be > 0")),
    ("train learn_rate 10**400", lambda: train(DATA, LABELS, learn_rate=BIG),
     (ValueError, "learn_rate is beyond")),
    ("train epochs 10**20", lambda: train(DATA, LABELS, epochs=10 ** 20),
     (ValueError, "is too many: more than can be counted")),
    ("train epochs 10**12", lambda: train(DATA, LABELS, epochs=10 ** 12, report_every=1),
     (ValueError, "is too many")),
    ("train epochs -1", lambda: train(DATA, LABELS, epochs=-1),
     (ValueError, "epochs must be a whole number >= 0, got -1")),
    ("train epochs 2.5", lambda: train(DATA, LABELS, epochs=2.5),
     (ValueError, "epochs must be a whole number >= 0, got 2.5")),
    ("train epochs inf", lambda: train(DATA, LABELS, epochs=INF), (ValueError, "epochs must be")),
    ("train report_every 0", lambda: train(DATA, LABELS, report_every=0),
     (ValueError, "report_every must be a whole number >= 1")),
    ("train with huge weights diverges", lambda: OurNeuralNetwork.from_parameters(
        1e308, -1e308, 1e308, -1e308, 1e308, 1e308, -1e308, 1e308, 1e308).train(
        DATA, LABELS, 1e308, 5, 10, None), (ValueError, "training diverged in epoch 0")),
    ("train a 1e300 learn rate stays finite", lambda: all(
        not math.isnan(w) and abs(w) != INF for w in train_and_get(1e300)), True),
    ("random(seed=10**30)", lambda: len(OurNeuralNetwork.random(10 ** 30).parameters()), 9),
    ("random(seed=-5)", lambda: len(OurNeuralNetwork.random(-5).parameters()), 9),
    ("random(seed=1.5)", lambda: OurNeuralNetwork.random(1.5),
     (ValueError, "seed must be a whole number, got 1.5")),
    ("normal_numbers(-1)", lambda: normal_numbers(-1), (ValueError, "count must be a whole number >= 0")),
    ("whole_number(1e3)", lambda: whole_number(1e3, "epochs", 0), 1000),
    ("whole_number(2.5)", lambda: whole_number(2.5, "epochs", 0),
     (ValueError, "epochs must be a whole number >= 0, got 2.5")),
    ("train epochs 10**30, report_every 10**30", lambda: train(DATA, LABELS, epochs=10 ** 30,
                                                            report_every=10 ** 30),
     (ValueError, "epochs=1000000000000000000000000000000 is too many")),
    ("random(seed=10**30) is fine", lambda: OurNeuralNetwork.random(10 ** 30).parameters()[0] < 9, True),
    ("predict(inf, 66)", lambda: predict(INF, 66, network(), "mine"),
     (ValueError, "must be finite numbers")),
    ("predict(nan, 66)", lambda: predict(NAN, 66, network(), "mine"), (ValueError, "weight_lb is nan")),
    ("predict(10**400, 66)", lambda: predict(BIG, 66, network(), "mine"),
     (ValueError, "weight_lb is beyond")),
    ("figures(inf)", lambda: figures(INF), "inf"),
    ("show(10**400)", lambda: show(BIG), (ValueError, "x is beyond")),
    ("set_parameters keeps what training gives", lambda: network().parameters()[0], 1.0),
]


def saved_and_loaded(w1):
    """The w1 that load reads back after save, with w1 set to a numpy or Decimal value."""
    import tempfile

    path = tempfile.mkdtemp() + "/weights.json"
    odd = network()
    odd.h1.weights[0] = w1
    odd.save(path)
    return OurNeuralNetwork.load(path).parameters()[0]


def train_and_get(learn_rate):
    trained = OurNeuralNetwork.random(1)
    trained.train(DATA, LABELS, learn_rate=learn_rate, epochs=20, report=None)
    return trained.parameters()


# What float() takes as a real number is a number everywhere: Decimal,
# Fraction and numpy's scalars, where this interpreter has them.
if Decimal is not None:
    NUMBER_CASES += [
        ("sigmoid(Decimal('3'))", lambda: sigmoid(Decimal("3")), sigmoid(3)),
        ("sigmoid(Decimal('nan'))", lambda: sigmoid(Decimal("nan")), (ValueError, "x is nan")),
        ("sigmoid(Decimal('-1e400'))", lambda: sigmoid(Decimal("-1e400")),
         (ValueError, "x is beyond the range of a float")),
        ("Neuron([Decimal('1e400'), 1], 0)", lambda: Neuron([Decimal("1e400"), 1], 0),
         (ValueError, "weights[0] is beyond the range of a float")),
        ("Decimal('Infinity') is inf", lambda: number(Decimal("Infinity"), "x"), INF),
        ("random(seed=Decimal(1))", lambda: OurNeuralNetwork.random(Decimal(1)).parameters(),
         OurNeuralNetwork.random(1).parameters()),
        ("train epochs Decimal(3)", lambda: len(train(DATA, LABELS, epochs=Decimal(3))), 1),
        ("backprop with a Decimal label", lambda: backprop_example([-2, -1], Decimal(1))[8],
         "d_L/d_ypred = -2 * (1 - 0.524) = -0.952"),
        ("Neuron([Decimal('0.4'), ...])", lambda: Neuron([Decimal("0.4"), Decimal("0.7")],
                                                          Decimal("0.2")).feedforward([0.5, 0.3]),
         Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])),
        ("feedforward([Decimal(2), 3])", lambda: Neuron([0, 1], 4).feedforward([Decimal(2), 3]),
         0.9990889488055994),
        ("network on Decimals", lambda: OurNeuralNetwork().feedforward([Decimal(2), Decimal(3)]),
         0.7216325609518421),
        ("explain Decimals", lambda: Neuron([0, 1], 4).explain([Decimal(2), Decimal(3)]),
         "f(0*2 + 1*3 + 4) = f(7) = 0.9991"),
        ("mse_loss of Decimals", lambda: mse_loss([Decimal(1)], [Decimal("0.5")]), 0.25),
        ("train on Decimals", lambda: len(train([[Decimal(-2), Decimal(-1)]], [Decimal(1)],
                                                learn_rate=Decimal("0.1"), epochs=3)), 1),
        ("feedforward([Decimal('nan'), 1])", lambda: Neuron([1, 1], 0).feedforward(
            [Decimal("nan"), 1]), (ValueError, "inputs[0] is nan")),
    ]
if Fraction is not None:
    NUMBER_CASES += [
        ("sigmoid(Fraction(1, 2))", lambda: sigmoid(Fraction(1, 2)), sigmoid(0.5)),
        ("feedforward([Fraction(1, 2), 0.3])", lambda: Neuron([0.4, 0.7], 0.2).feedforward(
            [Fraction(1, 2), 0.3]), Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])),
        ("Neuron(Fractions)", lambda: Neuron([Fraction(1, 4)], Fraction(1, 2)).bias, 0.5),
        ("gradients on Fractions", lambda: network().gradients([Fraction(-2), Fraction(-1)], 1)["w1"],
         network().gradients([-2, -1], 1)["w1"]),
        ("Neuron([Fraction(10**400), 1], 0)", lambda: Neuron([Fraction(BIG), 1], 0),
         (ValueError, "weights[0] is beyond the range of a float")),
        ("train epochs Fraction(6, 2)", lambda: len(train(DATA, LABELS, epochs=Fraction(6, 2))), 1),
    ]
if numpy is not None:
    NUMBER_CASES += [
        ("sigmoid(numpy.float64(3))", lambda: sigmoid(numpy.float64(3)), sigmoid(3.0)),
        ("sigmoid(numpy.int64(3))", lambda: sigmoid(numpy.int64(3)), sigmoid(3.0)),
        ("sigmoid(numpy.float32(nan))", lambda: sigmoid(numpy.float32("nan")), (ValueError, "x is nan")),
        ("feedforward(numpy array)", lambda: OurNeuralNetwork().feedforward(numpy.array([2.0, 3.0])),
         0.7216325609518421),
        ("Neuron(numpy weights)", lambda: Neuron(numpy.array([0.0, 1.0]), numpy.float64(4)).feedforward(
            [2, 3]), 0.9990889488055994),
        ("train epochs numpy.int64", lambda: len(train(DATA, LABELS, epochs=numpy.int64(20))), 2),
        ("train on a numpy array", lambda: len(train(numpy.array(DATA), numpy.array(LABELS),
                                                     epochs=10)), 1),
        ("save a numpy float32 weight", lambda: saved_and_loaded(numpy.float32(0.5)), 0.5),
    ]


def test_numbers():
    failures = battery(NUMBER_CASES)
    assert not failures, "\n".join(failures)


# --- types: what is not a number where one is meant

TYPE_CASES = [
    ("sigmoid('3')", lambda: sigmoid("3"), (TypeError, "x must be a number, got '3'")),
    ("sigmoid(True)", lambda: sigmoid(True), (TypeError, "x must be a number, got True")),
    ("sigmoid(None)", lambda: sigmoid(None), (TypeError, "x must be a number, got None")),
    ("sigmoid([1])", lambda: sigmoid([1]), (TypeError, "x must be a number, got [1]")),
    ("sigmoid({1})", lambda: sigmoid({1}), (TypeError, "x must be a number")),
    ("sigmoid({1: 2})", lambda: sigmoid({1: 2}), (TypeError, "x must be a number")),
    ("sigmoid(b'1')", lambda: sigmoid(b"1"), (TypeError, "x must be a number")),
    ("sigmoid(bytearray(b'3'))", lambda: sigmoid(bytearray(b"3")), (TypeError, "x must be a number")),
    ("Neuron(bytearray(b'12'), 0)", lambda: Neuron(bytearray(b"\x01\x02"), 0),
     (TypeError, "weights must be a list of numbers")),
    ("deriv_sigmoid('a')", lambda: deriv_sigmoid("a"), (TypeError, "x must be a number")),
    ("Neuron('ab', 0)", lambda: Neuron("ab", 0), (TypeError, "weights must be a list of numbers")),
    ("Neuron({3: 'x', 4: 'y'}, 0)", lambda: Neuron({3: "x", 4: "y"}, 0),
     (TypeError, "weights must be a list of numbers, got {")),
    ("Neuron({1, 2}, 0)", lambda: Neuron({1, 2}, 0), (TypeError, "weights must be a list of numbers")),
    ("Neuron(5, 0)", lambda: Neuron(5, 0), (TypeError, "weights must be a list of numbers, got 5")),
    ("Neuron(None, 0)", lambda: Neuron(None, 0), (TypeError, "weights must be a list of numbers")),
    ("Neuron([], 0)", lambda: Neuron([], 0), (ValueError, "weights must not be empty")),
    ("Neuron([True, 1], 0)", lambda: Neuron([True, 1], 0),
     (TypeError, "weights[0] must be a number, got True")),
    ("Neuron(['1', 1], 0)", lambda: Neuron(["1", 1], 0), (TypeError, "weights[0] must be a number")),
    ("Neuron([[1], 1], 0)", lambda: Neuron([[1], 1], 0), (TypeError, "weights[0] must be a number")),
    ("Neuron([{1}, 1], 0)", lambda: Neuron([{1}, 1], 0), (TypeError, "weights[0] must be a number")),
    ("Neuron([0, 1], '4')", lambda: Neuron([0, 1], "4"), (TypeError, "bias must be a number, got '4'")),
    ("Neuron([0, 1], True)", lambda: Neuron([0, 1], True), (TypeError, "bias must be a number, got True")),
    ("Neuron([0, 1], None)", lambda: Neuron([0, 1], None), (TypeError, "bias must be a number")),
    ("Neuron([0, 1], [4])", lambda: Neuron([0, 1], [4]), (TypeError, "bias must be a number")),
    ("feedforward({1, 2})", lambda: Neuron([0, 1], 0).feedforward({1, 2}),
     (TypeError, "inputs must be a list of numbers")),
    ("feedforward('ab')", lambda: Neuron([0, 1], 0).feedforward("ab"),
     (TypeError, "inputs must be a list of numbers, got 'ab'")),
    ("feedforward(5)", lambda: Neuron([0, 1], 0).feedforward(5),
     (TypeError, "inputs must be a list of numbers, got 5")),
    ("feedforward(None)", lambda: Neuron([0, 1], 0).feedforward(None),
     (TypeError, "inputs must be a list of numbers, got None")),
    ("feedforward([])", lambda: Neuron([0, 1], 0).feedforward([]), (ValueError, "inputs must not be empty")),
    ("feedforward(['a', 1])", lambda: Neuron([0, 1], 0).feedforward(["a", 1]),
     (TypeError, "inputs[0] must be a number, got 'a'")),
    ("feedforward([None, 1])", lambda: Neuron([0, 1], 0).feedforward([None, 1]),
     (TypeError, "inputs[0] must be a number, got None")),
    ("feedforward([[1], 2])", lambda: Neuron([0, 1], 0).feedforward([[1], 2]),
     (TypeError, "inputs[0] must be a number, got [1]")),
    ("feedforward([1, {2}])", lambda: Neuron([0, 1], 0).feedforward([1, {2}]),
     (TypeError, "inputs[1] must be a number")),
    ("feedforward([1, 2, 3])", lambda: Neuron([0, 1], 0).feedforward([1, 2, 3]),
     (ValueError, "expected 2 inputs, one per weight, got 3")),
    ("explain(['a', 1])", lambda: Neuron([0, 1], 0).explain(["a", 1]),
     (TypeError, "inputs[0] must be a number, got 'a'")),
    ("network on 'ab'", lambda: OurNeuralNetwork().feedforward("ab"),
     (TypeError, "inputs must be a list of numbers")),
    ("network on {1, 2}", lambda: OurNeuralNetwork().feedforward({1, 2}),
     (TypeError, "inputs must be a list of numbers")),
    ("OurNeuralNetwork(1, 2, 3)", lambda: OurNeuralNetwork(1, 2, 3), (TypeError, "h1 must be a Neuron")),
    ("OurNeuralNetwork of 3-weight o1", lambda: OurNeuralNetwork(
        Neuron([1, 1], 0), Neuron([1, 1], 0), Neuron([1, 1, 1], 0)), (ValueError, "it needs 2 weights")),
    ("mse_loss('ab', 'cd')", lambda: mse_loss("ab", "cd"), (TypeError, "y_true must be a list of numbers")),
    ("mse_loss(1, 0)", lambda: mse_loss(1, 0), (TypeError, "y_true must be a list of numbers, got 1")),
    ("mse_loss([True], [0])", lambda: mse_loss([True], [0]), (TypeError, "y_true[0] must be a number")),
    ("mse_loss([1], ['0'])", lambda: mse_loss([1], ["0"]), (TypeError, "y_pred[0] must be a number")),
    ("mse_loss([1, 0], [0])", lambda: mse_loss([1, 0], [0]),
     (ValueError, "y_true and y_pred must be the same length, got 2 and 1")),
    ("mse_loss({1}, {1})", lambda: mse_loss({1}, {1}), (TypeError, "y_true must be a list of numbers")),
    ("train learn_rate True", lambda: train(DATA, LABELS, learn_rate=True),
     (TypeError, "learn_rate must be a number, got True")),
    ("train learn_rate '0.1'", lambda: train(DATA, LABELS, learn_rate="0.1"),
     (TypeError, "learn_rate must be a number")),
    ("train epochs True", lambda: train(DATA, LABELS, epochs=True),
     (TypeError, "epochs must be a whole number, got True")),
    ("train epochs '10'", lambda: train(DATA, LABELS, epochs="10"),
     (TypeError, "epochs must be a whole number, got '10'")),
    ("train epochs None", lambda: train(DATA, LABELS, epochs=None), (TypeError, "epochs must be a whole number")),
    ("train report_every [1]", lambda: train(DATA, LABELS, report_every=[1]),
     (TypeError, "report_every must be a whole number")),
    ("train report 'x'", lambda: OurNeuralNetwork.random(1).train(DATA, LABELS, report="x"),
     (TypeError, "report must be a function")),
    ("train data 'abcd'", lambda: train("abcd", LABELS), (TypeError, "data must be a list of numbers")),
    ("train data {dict}", lambda: train({0: [1, 2]}, [1]), (TypeError, "data must be a list of numbers")),
    ("train data [5]", lambda: train([5], [1]), (TypeError, "data[0] must be a list of numbers, got 5")),
    ("train data [{1, 2}]", lambda: train([{1, 2}], [1]), (TypeError, "data[0] must be a list of numbers")),
    ("train data [[1, 'a']]", lambda: train([[1, "a"]], [1]), (TypeError, "data[0][1] must be a number")),
    ("train data [[1, True]]", lambda: train([[1, True]], [1]), (TypeError, "data[0][1] must be a number")),
    ("train data [[1, 2, 3]]", lambda: train([[1, 2, 3]], [1]),
     (ValueError, "data[0] must have 2 features, got 3")),
    ("train labels [True]", lambda: train([[1, 2]], [True]),
     (TypeError, "all_y_trues[0] must be a number, got True")),
    ("train labels None", lambda: train([[1, 2]], None), (TypeError, "all_y_trues must be a list")),
    ("train labels shorter", lambda: train(DATA, [1]),
     (ValueError, "data and all_y_trues must be the same length, got 4 and 1")),
    ("train data []", lambda: train([], []), (ValueError, "data must not be empty")),
    ("train shared neurons", lambda: OurNeuralNetwork(*([Neuron([0, 1], 0)] * 3)).train(DATA, LABELS),
     (ValueError, "three different Neuron objects")),
    ("gradients('ab', 1)", lambda: network().gradients("ab", 1), (TypeError, "data[0] must be a list")),
    ("gradients([1, 2], '1')", lambda: network().gradients([1, 2], "1"),
     (TypeError, "all_y_trues[0] must be a number")),
    ("gradients([1j, 2], 1)", lambda: network().gradients([1j, 2], 1),
     (TypeError, "data[0][0] must be a number, got 1j")),
    ("random(seed='a')", lambda: OurNeuralNetwork.random(seed="a"),
     (TypeError, "seed must be a whole number, got 'a'")),
    ("random(seed=True)", lambda: OurNeuralNetwork.random(seed=True), (TypeError, "seed must be a whole number")),
    ("random(seed=None)", lambda: OurNeuralNetwork.random(seed=None), (TypeError, "seed must be a whole number")),
    ("normal_numbers('a')", lambda: normal_numbers("a"), (TypeError, "count must be a whole number")),
    ("save(None)", lambda: network().save(None), (TypeError, "the file name must be a non-empty string")),
    ("save(3)", lambda: network().save(3), (TypeError, "the file name must be a non-empty string, got 3")),
    ("save('')", lambda: network().save(""), (TypeError, "the file name must be a non-empty string")),
    ("load(None)", lambda: OurNeuralNetwork.load(None), (TypeError, "the file name must be")),
    ("load(['w.json'])", lambda: OurNeuralNetwork.load(["w.json"]), (TypeError, "the file name must be")),
    ("predict('a', 66)", lambda: predict("a", 66, network(), "mine"),
     (TypeError, "weight_lb must be a number, got 'a'")),
    ("predict(160, None)", lambda: predict(160, None, network(), "mine"),
     (TypeError, "height_in must be a number")),
    ("backprop('ab', 1)", lambda: backprop_example("ab", 1), (TypeError, "data[0] must be a list")),
    ("backprop([1, 2], True)", lambda: backprop_example([1, 2], True), (TypeError, "all_y_trues[0]")),
    ("show('a')", lambda: show("a"), (TypeError, "x must be a number, got 'a'")),
    ("figures('a')", lambda: figures("a"), (TypeError, "x must be a number, got 'a'")),
    ("partial_derivatives' names", lambda: len(partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [0, 0], 1)), 9),
    ("training_set's report", lambda: training_set([[1, 2]], [1], report=print)[0], [[1.0, 2.0]]),
]
try:
    TYPE_CASES += [
        ("sigmoid(1j)", lambda: sigmoid(complex(0, 1)), (TypeError, "x must be a number, got 1j")),
        ("feedforward([1j, 2])", lambda: Neuron([0, 1], 0).feedforward([complex(0, 1), 2]),
         (TypeError, "inputs[0] must be a number, got 1j")),
        ("Neuron([1j, 1], 0)", lambda: Neuron([complex(0, 1), 1], 0),
         (TypeError, "weights[0] must be a number, got 1j")),
        ("mse_loss([1j], [0])", lambda: mse_loss([complex(0, 1)], [0]), (TypeError, "y_true[0] must be a number")),
    ]
    complex(0, 1)
except NameError:  # a MicroPython built without complex numbers
    pass
if numpy is not None:
    TYPE_CASES += [
        ("sigmoid(numpy.array([1, 2]))", lambda: sigmoid(numpy.array([1.0, 2.0])),
         (TypeError, "x must be a number")),
        ("sigmoid(numpy.array([1]))", lambda: sigmoid(numpy.array([1.0])), (TypeError, "x must be a number")),
        ("sigmoid(numpy.bool_(True))", lambda: sigmoid(numpy.bool_(True)), (TypeError, "x must be a number")),
        ("sigmoid(numpy.complex128(1))", lambda: sigmoid(numpy.complex128(1)), (TypeError, "x must be a number")),
        ("feedforward([numpy.array([1]), 2])", lambda: Neuron([0, 1], 0).feedforward(
            [numpy.array([1.0]), 2]), (TypeError, "inputs[0] must be a number")),
        ("Neuron bias numpy.array([1])", lambda: Neuron([0, 1], numpy.array([1.0])),
         (TypeError, "bias must be a number")),
        ("train epochs numpy.array([5, 6])", lambda: train(DATA, LABELS, epochs=numpy.array([5, 6])),
         (TypeError, "epochs must be a whole number, got array([5, 6])")),
        ("random(seed=numpy.array([2]))", lambda: OurNeuralNetwork.random(seed=numpy.array([2])),
         (TypeError, "seed must be a whole number")),
    ]


class Seven:  # an integer type of its own, as the standard's __index__ makes one
    def __index__(self):
        return 7


TYPE_CASES += [
    ("random(seed=an __index__ type)", lambda: OurNeuralNetwork.random(seed=Seven()).parameters() ==
     OurNeuralNetwork.random(seed=7).parameters(), True),
]


def test_types():
    failures = battery(TYPE_CASES)
    assert not failures, "\n".join(failures)


# The command line, in-process (so it runs everywhere): every bad command
# line gets exit status 2 and one line naming the problem, and prints nothing
# on stdout. (With subprocesses, tests/test_learner.py checks stderr too.)

COMMAND_LINE_CASES = [
    ["--epochs", "5"], ["train", "--epochs", "100000000000000000000"],
    ["train", "--epochs", "1000000000000", "--report-every", "1"],
    ["train", "--epochs", "1e3"], ["train", "--learn-rate", "1e400"], ["train", "--learn-rate", "True"],
    ["train", "--seed", "abc"], ["train", "--report-every", "-5"], ["train", "extra"],
    ["train", "--epochs", "5", "--epochs", "6"], ["train", "--bogus", "1"], ["train", "-x", "1"],
    ["train", "--load", "w.json", "--seed", "3"], ["backprop", "1e308", "0", "1e308"],
    ["backprop", "inf", "0", "1"], ["backprop", "1", "2", "nan"], ["backprop", "--epochs", "5"],
    ["predict", "inf", "66"], ["predict", "160"], ["predict", "160", "70", "1"], ["predict", "a", "b"],
    ["predict", "160", "70", "--save", "w.json"], ["1e400", "1"], ["nan", "nan"], ["1", "2", "3"],
    ["--load", "w.json"], ["--load", "w.json", "--single-file"], ["--single-file"], ["--microbit", "x"],
    ["web", "--port", "99999"], ["web", "--port", "-1"], ["web", "extra"], ["trian"], ["--"],
    ["-"], ["--help", "me"], ["train", "--save", "--epochs"], ["train", "--epochs", "5", "--save"],
    ["web", "--port", "\u00b2"], ["web", "--port", ""],
]


def test_command_line_refuses_with_status_2_and_one_line():
    failures = []
    for args in COMMAND_LINE_CASES:
        status, printed = printed_by(main, args)
        lines = (printed or "network.py: error: (not caught here)").splitlines()
        if status != 2 or len(lines) != 1 or not lines[0].startswith("network.py: error: "):
            failures.append("{}: exit {}, printed {!r}".format(args, status, printed[:200]))
    assert not failures, "\n".join(failures)


# --- files, concurrency, signals, streams: real files, processes and signals
#
# CPython and PyPy only: MicroPython has no os.open, os.symlink, os.mkfifo,
# subprocess or signal, and Pyodide's processes cannot start.


def _posix():
    """The modules the file-system cases use, or Skip where there are none."""
    try:
        import os
        import subprocess
        import tempfile
    except ImportError:
        raise Skip("no os.open, subprocess or tempfile here (MicroPython)")
    if sys.platform == "emscripten" or not hasattr(os, "mkfifo"):
        raise Skip("no processes, FIFOs or links here ({})".format(sys.platform))
    return os, subprocess, tempfile


def _project():
    import os

    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def _python(args, stdin=None, stdout=None, timeout=60, **options):
    """python3 ARGS in the project's folder: (exit status, stdout, stderr)."""
    os, subprocess, tempfile = _posix()
    result = subprocess.run([sys.executable] + args, cwd=_project(), stdin=stdin,
                            stdout=subprocess.PIPE if stdout is None else stdout,
                            stderr=subprocess.PIPE, universal_newlines=True, timeout=timeout,
                            **options)
    return result.returncode, result.stdout, result.stderr


def test_files():
    os, subprocess, tempfile = _posix()
    import pathlib
    import stat

    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "weights.json")
    good = network()
    good.save(target)
    saved = _read(target)

    def listing():
        return sorted(os.listdir(folder))

    def case_tmp_of_the_user():
        _write(target + ".tmp", "the user's own notes")
        OurNeuralNetwork.random(2).save(target)
        return _read(target + ".tmp") == b"the user's own notes" and OurNeuralNetwork.load(
            target).parameters() == OurNeuralNetwork.random(2).parameters()

    def case_link_at_tmp():
        victim = os.path.join(folder, "victim.txt")
        _write(victim, "precious")
        os.symlink(victim, target + ".tmp.link")
        os.symlink(victim, target + ".tmp2")
        good.save(target)
        return _read(victim) == b"precious" and os.path.islink(target + ".tmp2")

    def refused_and_unchanged(path, check):
        try:
            good.save(path)
        except ValueError as error:
            return check() and "not replaced" in str(error)
        return False

    def case_link_target():
        elsewhere = os.path.join(folder, "elsewhere.json")
        _write(elsewhere, "mine")
        link = os.path.join(folder, "link.json")
        os.symlink(elsewhere, link)
        return refused_and_unchanged(link, lambda: os.path.islink(link) and _read(elsewhere) == b"mine")

    def case_folder_target():
        inner = os.path.join(folder, "a_folder")
        os.mkdir(inner)
        return refused_and_unchanged(inner, lambda: os.path.isdir(inner))

    def case_device_target():
        return refused_and_unchanged("/dev/null", lambda: stat.S_ISCHR(os.stat("/dev/null").st_mode))

    def case_fifo_target():
        fifo = os.path.join(folder, "fifo.json")
        os.mkfifo(fifo)
        return refused_and_unchanged(fifo, lambda: stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def case_read_only_target():
        locked = os.path.join(folder, "locked.json")
        good.save(locked)
        os.chmod(locked, 0o444)
        return refused_and_unchanged(locked, lambda: _read(locked) == saved and
                                     stat.S_IMODE(os.stat(locked).st_mode) == 0o444)

    def case_mode_kept():
        shared = os.path.join(folder, "shared.json")
        good.save(shared)
        os.chmod(shared, 0o640)
        OurNeuralNetwork.random(3).save(shared)
        return stat.S_IMODE(os.stat(shared).st_mode) == 0o640

    def case_no_temporary_left():
        before = listing()
        OurNeuralNetwork.random(4).save(target)
        return listing() == before

    def nan_network():
        bad = network()
        bad.set_parameters(NAN, 1, 0, 1, 1, 0, 1, 1, 0)
        return bad

    def case_nan_not_saved():
        before = _read(target)
        try:
            nan_network().save(target)
        except ValueError as error:
            return _read(target) == before and "w1 is nan" in str(error)
        return False

    def case_inf_not_saved():
        before = _read(target)
        bad = network()
        bad.set_parameters(1, INF, 0, 1, 1, 0, 1, 1, 0)
        try:
            bad.save(target)
        except ValueError as error:
            return _read(target) == before and "w2 is inf" in str(error)
        return False

    def case_long_name():
        longest = os.path.join(folder, "w" * 250 + ".json")  # 255 characters, the most there is
        good.save(longest)
        OurNeuralNetwork.random(8).save(longest)  # and saved again over itself
        return OurNeuralNetwork.load(longest).parameters() == OurNeuralNetwork.random(8).parameters()

    def case_umask():
        fresh = os.path.join(folder, "fresh.json")
        old = os.umask(0o077)
        try:
            good.save(fresh)
        finally:
            os.umask(old)
        return stat.S_IMODE(os.stat(fresh).st_mode) == 0o600

    def case_odd_values_saved_as_floats():
        from decimal import Decimal

        odd = network()
        odd.h1.weights[0] = Decimal("0.25")
        odd.h1.bias = 3
        odd.save(target)
        return OurNeuralNetwork.load(target).parameters()[:3] == (0.25, 1.0, 3.0)

    def case_pathlib():
        path = pathlib.Path(folder) / "path.json"
        good.save(path)
        return OurNeuralNetwork.load(path).parameters() == good.parameters()

    def case_missing_folder():
        try:
            good.save(os.path.join(folder, "no", "such", "w.json"))
        except OSError:
            return not os.path.exists(os.path.join(folder, "no"))
        return False

    def case_file_as_folder():
        try:
            good.save(target + "/w.json")
        except OSError:
            return _read(target) is not None
        return False

    def failing(name, error):
        from support import files

        real = getattr(files.os, name)

        def fail(*args):
            raise error

        setattr(files.os, name, fail)
        return lambda: setattr(files.os, name, real)

    def old_file_kept(name, error, seed, fragment=""):
        # os.name raises error during a save: the error reaches the caller, and
        # the old file and the folder are as they were.
        before = _read(target)
        names = listing()
        restore = failing(name, error)
        try:
            OurNeuralNetwork.random(seed).save(target)
        except type(error) as raised:
            return _read(target) == before and listing() == names and fragment in str(raised)
        finally:
            restore()
        return False

    def case_not_a_weights_file():
        program = os.path.join(folder, "program.py")
        _write(program, "print('mine')")
        empty = os.path.join(folder, "empty.json")
        _write(empty, "")
        return (refused_and_unchanged(program, lambda: _read(program) == b"print('mine')")
                and refused_and_unchanged(empty, lambda: _read(empty) == b""))

    def case_long_name_in_bytes():
        longest = os.path.join(folder, "\u00e9" * 125 + ".json")  # 255 bytes, é being two
        good.save(longest)
        OurNeuralNetwork.random(9).save(longest)
        return OurNeuralNetwork.load(longest).parameters() == OurNeuralNetwork.random(9).parameters()

    def case_folder_not_readable():
        from support import files

        real = files.os.open

        def open_(path, flags, *mode):  # a folder we may write into but not read
            if flags & os.O_DIRECTORY:
                raise PermissionError(13, "Permission denied")
            return real(path, flags, *mode)

        files.os.open = open_
        try:
            OurNeuralNetwork.random(10).save(target)  # saved, and said so: no error
        finally:
            files.os.open = real
        return OurNeuralNetwork.load(target).parameters() == OurNeuralNetwork.random(10).parameters()

    def loads(text_or_bytes, fragment):
        path = os.path.join(folder, "hostile.json")
        _write(path, text_or_bytes)
        try:
            OurNeuralNetwork.load(path)
        except ValueError as error:
            return path in str(error) and fragment in str(error)
        return False

    weights = '{"w1": 1, "w2": 2, "b1": 0, "w3": 1, "w4": 1, "b2": 0, "w5": 1, "w6": 1, "b3": 0}'
    fifo = os.path.join(folder, "load.fifo")
    os.mkfifo(fifo)
    cases = [
        ("a user's FILE.tmp is left alone", case_tmp_of_the_user),
        ("links beside the target are left alone", case_link_at_tmp),
        ("a link as the target is refused", case_link_target),
        ("a folder as the target is refused", case_folder_target),
        ("a device as the target is refused", case_device_target),
        ("a FIFO as the target is refused", case_fifo_target),
        ("a read-only target is refused, unchanged", case_read_only_target),
        ("a replaced file keeps its mode", case_mode_kept),
        ("no temporary file is left", case_no_temporary_left),
        ("nan weights are not saved", case_nan_not_saved),
        ("inf weights are not saved", case_inf_not_saved),
        ("a pathlib.Path will do", case_pathlib),
        ("a name of 255 characters is saved", case_long_name),
        ("a new file gets the umask's mode", case_umask),
        ("a Decimal or an int weight is saved as a float", case_odd_values_saved_as_floats),
        ("a missing folder makes nothing", case_missing_folder),
        ("a file as the folder", case_file_as_folder),
        ("a full disk leaves the old file whole",
         lambda: old_file_kept("fsync", OSError(28, "No space left on device"), 5, "No space")),
        ("Ctrl-C during a save leaves the old file whole",
         lambda: old_file_kept("fsync", KeyboardInterrupt(), 6)),
        ("a failed rename leaves the old file whole",
         lambda: old_file_kept("replace", OSError(18, "Invalid cross-device link"), 7)),
        ("a file that is not a weights file is refused, unchanged", case_not_a_weights_file),
        ("a name of 255 bytes is saved", case_long_name_in_bytes),
        ("a folder that cannot be read still saves", case_folder_not_readable),
        ("load a name given twice", lambda: loads(weights.replace('"b3": 0', '"b3": 0, "w1": 9'),
                                                  "holds w1 twice")),
        ("load a FIFO: refused, not waited on", lambda: loads_path(fifo, "is not a regular file")),
        ("load /dev/null", lambda: loads_path("/dev/null", "is not a regular file")),
        ("load /dev/zero", lambda: loads_path("/dev/zero", "is not a regular file")),
        ("load a folder", lambda: loads_path(folder, "is not a regular file")),
        ("load bytes that are not UTF-8", lambda: loads(b"\xff\xfe{\x00", "is not UTF-8 text")),
        ("load UTF-16 text", lambda: loads(weights.encode("utf-16"), "is not UTF-8 text")),
        ("load an empty file", lambda: loads("", "is not valid JSON")),
        ("load a 310-digit integer", lambda: loads(weights.replace('"w1": 1', '"w1": 1' + "0" * 309),
                                                   "w1 must be a finite number")),
        ("load NaN", lambda: loads(weights.replace('"w1": 1', '"w1": NaN'), "w1 must be a finite number")),
        ("load Infinity", lambda: loads(weights.replace('"w1": 1', '"w1": -Infinity'), "w1 must be")),
        ("load 1e999", lambda: loads(weights.replace('"w1": 1', '"w1": 1e999'), "w1 must be")),
        ("load true", lambda: loads(weights.replace('"w1": 1', '"w1": true'), "w1 must be")),
        ("load a string", lambda: loads(weights.replace('"w1": 1', '"w1": "1"'), "w1 must be")),
        ("load null", lambda: loads(weights.replace('"w1": 1', '"w1": null'), "w1 must be")),
        ("load a list", lambda: loads(weights.replace('"w1": 1', '"w1": [1]'), "w1 must be")),
        ("load an object", lambda: loads(weights.replace('"w1": 1', '"w1": {}'), "w1 must be")),
        ("load deep nesting", lambda: loads("[" * 1000, "is not")),
        ("load 2 KB", lambda: loads(weights + " " * 2000, "is larger than 1024 bytes")),
        ("load a list of numbers", lambda: loads("[1, 2, 3]", "must hold a JSON object of the 9 numbers")),
        ("load a missing key", lambda: loads(weights.replace(', "b3": 0', ""), "must hold a JSON object")),
        ("load an extra key", lambda: loads(weights.replace('"b3": 0', '"b3": 0, "b4": 0'), "must hold")),
        ("load a byte-order mark", lambda: loads(b"\xef\xbb\xbf" + weights.encode(), "is not valid JSON")),
        ("load a NUL", lambda: loads("\x00", "is not valid JSON")),
        ("load a missing file", lambda: raises_os(lambda: OurNeuralNetwork.load(
            os.path.join(folder, "missing.json")))),
        ("load through a link is fine", lambda: load_link(os, folder, target)),
    ]
    failures = [name for name, check in cases if not check()]
    assert not failures, failures


def loads_path(path, fragment):
    try:
        OurNeuralNetwork.load(path)
    except ValueError as error:
        return path in str(error) and fragment in str(error)
    return False


def raises_os(call):
    try:
        call()
    except OSError:
        return True
    return False


def load_link(os, folder, target):
    link = os.path.join(folder, "to_weights.json")
    os.symlink(target, link)
    return OurNeuralNetwork.load(link).parameters() == OurNeuralNetwork.load(target).parameters()


def test_files_from_the_command_line():
    os, subprocess, tempfile = _posix()
    import stat

    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "weights.json")
    network().save(target)
    before = _read(target)
    os.chmod(target, 0o444)
    fifo = os.path.join(folder, "fifo")
    os.mkfifo(fifo)
    program = os.path.join(folder, "program.py")
    _write(program, "print('mine')")
    cases = [
        (["network.py", "train", "--save", target], "is read-only: not replaced"),
        (["network.py", "train", "--save", program], "is there and is not a weights file"),
        (["network.py", "train", "--save", "/dev/null"], "/dev/null is not a regular file"),
        (["network.py", "train", "--save", folder], "is not a regular file"),
        (["network.py", "train", "--save", fifo], "is not a regular file"),
        (["network.py", "train", "--save", folder + "/no/w.json"], "cannot write the weights to"),
        (["network.py", "--load", fifo, "1", "2"], "is not a regular file"),
        (["network.py", "--load", "/dev/stdin", "1", "2"], "is not a regular file"),
        (["network.py", "predict", "160", "70", "--load", "/dev/zero"], "is not a regular file"),
        (["network.py", "train", "--load", folder + "/missing.json"], "cannot read"),
        (["network.py", "backprop", "--load", target + "x"], "cannot read"),
        (["network.py", "--load", folder + "/no\nsuch", "1", "2"], "no\\nsuch"),
    ]
    failures = []
    for args, fragment in cases:
        status, out, err = _python(args, stdin=subprocess.PIPE, timeout=20)
        if status != 2 or out != "" or len(err.splitlines()) != 1 or fragment not in err:
            failures.append("{}: exit {}, {!r}".format(args, status, err))
    if _read(target) != before or stat.S_IMODE(os.stat(target).st_mode) != 0o444:
        failures.append("the read-only file changed")
    if sorted(os.listdir(folder)) != ["fifo", "program.py", "weights.json"]:
        failures.append("files appeared: {}".format(os.listdir(folder)))
    if _read(program) != b"print('mine')":
        failures.append("the program was replaced")
    odd = os.path.join(folder, "x\udcff.json")  # a name that is not UTF-8: the byte 0xff
    strict = dict(os.environ, PYTHONIOENCODING="utf-8")  # an output that takes UTF-8 only
    for args in (["network.py", "train", "--epochs", "1", "--save", odd],
                 ["network.py", "--load", odd, "1", "2"]) if sys.version_info >= (3, 7) else ():
        # (CPython 3.6 cannot change its output's errors: there such a name still fails.)
        status, out, err = _python(args, env=strict)
        if status != 0 or "x\\udcff.json" not in out or err:
            failures.append("{!r}: exit {}, {!r}".format(args, status, err[-200:]))
    assert not failures, "\n".join(failures)


def test_files_the_playground_serves():
    # `web` serves the page and the modules it runs: nothing else of the folder.
    os, subprocess, tempfile = _posix()
    import re
    from urllib.error import HTTPError
    from urllib.request import urlopen

    server = subprocess.Popen([sys.executable, "network.py", "web", "--port", "0"], cwd=_project(),
                              stdout=subprocess.PIPE, universal_newlines=True)
    import socket

    escapes = ("web/%2e%2e/.git/config", "web/%2E%2E/README.md", "web/%2e%2e/",
               "support/%2e%2e/tests/test_hostile.py", "neuron.py%2f%2e%2e%2f.git%2fconfig",
               "network.py~", "web/..%5c..%5cREADME.md")
    try:
        address = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline()).group(0)
        # A connection that sends half a request and waits must not stop the others.
        idle = socket.create_connection(("127.0.0.1", int(address.split(":")[2][:-1])))
        idle.send(b"GET /web/ HTTP/1.1\r\n")
        statuses = {}
        for path in ("web/", "neuron.py", "support/files.py", ".git/config", "README.md",
                     "web/../.git/config", "tests/test_hostile.py", "%2e%2e/etc/passwd") + escapes:
            try:
                statuses[path] = urlopen(address + path, timeout=10).status
            except HTTPError as error:
                statuses[path] = error.code
        idle.close()
    finally:
        server.terminate()
        server.wait()
    expected = {"web/": 200, "neuron.py": 200, "support/files.py": 200, ".git/config": 404,
                "README.md": 404, "web/../.git/config": 404, "tests/test_hostile.py": 404,
                "%2e%2e/etc/passwd": 404}
    expected.update((path, 404) for path in escapes)
    assert statuses == expected, statuses


def test_files_of_the_editions():
    os, subprocess, tempfile = _posix()
    project = _project()
    ours = {name: _read(os.path.join(project, name)) for name in ("network.py", "neuron.py")}
    folder = tempfile.mkdtemp()
    mine = os.path.join(folder, "mine")
    os.mkdir(mine)
    _write(os.path.join(mine, "neuron.py"), "my own neuron")
    linked = os.path.join(folder, "linked")
    os.mkdir(linked)
    os.symlink(os.path.join(project, "network.py"), os.path.join(linked, "network.py"))
    a_file = os.path.join(folder, "a_file")
    _write(a_file, "text")
    cases = [
        (["-m", "tools", "--microbit", "."], "is the project's own folder"),
        (["-m", "tools", "--microbit", project], "is the project's own folder"),
        (["-m", "tools", "--microbit", mine], "holds neuron.py, which no edition wrote"),
        (["-m", "tools", "--microbit", linked], "holds network.py, which no edition wrote"),
        (["-m", "tools", "--microbit", a_file], "is not a folder"),
        (["-m", "tools", "--microbit", "/dev/null"], "is not a folder"),
        (["-m", "tools", "--microbit", os.path.join(a_file, "x\ny")], "a_file/x\\ny"),
        (["-m", "tools", "--single-file", "--exercise"], "--single-file takes no value"),
        (["-m", "tools", "--exercise", "x"], "--exercise takes no value"),
    ]
    failures = []
    for args, fragment in cases:
        status, out, err = _python(args)
        if status != 2 or len(err.splitlines()) != 1 or fragment not in err:
            failures.append("{}: exit {}, {!r}".format(args, status, err))
    if {name: _read(os.path.join(project, name)) for name in ours} != ours:
        failures.append("the project's own modules changed")
    if sorted(os.listdir(mine)) != ["neuron.py"] or _read(os.path.join(mine, "neuron.py")) != b"my own neuron":
        failures.append("the user's folder changed")
    if sorted(os.listdir(linked)) != ["network.py"] or not os.path.islink(os.path.join(linked, "network.py")):
        failures.append("the link changed")
    assert not failures, "\n".join(failures)


def test_concurrency():
    os, subprocess, tempfile = _posix()
    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "weights.json")
    saver = ("import sys; sys.path.insert(0, {!r}); from network import OurNeuralNetwork\n"
             "for i in range(30):\n    OurNeuralNetwork.random(int(sys.argv[1])).save(sys.argv[2])\n")
    saver = saver.format(_project())
    runs = [subprocess.Popen([sys.executable, "-c", saver, str(seed), target],
                             stderr=subprocess.PIPE, universal_newlines=True) for seed in range(1, 7)]
    reads = 0
    while any(run.poll() is None for run in runs):  # meanwhile, every read finds a whole file
        if os.path.exists(target):
            assert OurNeuralNetwork.load(target).parameters() in [
                OurNeuralNetwork.random(seed).parameters() for seed in range(1, 7)]
            reads += 1
    for run in runs:
        assert run.wait() == 0, run.stderr.read()
    assert sorted(os.listdir(folder)) == ["weights.json"]  # no temporary file left
    assert OurNeuralNetwork.load(target).parameters() in [
        OurNeuralNetwork.random(seed).parameters() for seed in range(1, 7)]
    # Two `train --save` runs to one file at once: both succeed, the file is whole.
    runs = [subprocess.Popen([sys.executable, "network.py", "train", "--epochs", str(epochs),
                              "--save", target], cwd=_project(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, universal_newlines=True) for epochs in (300, 301)]
    for run in runs:
        assert run.wait() == 0, run.stderr.read()
    assert len(OurNeuralNetwork.load(target).parameters()) == 9
    assert sorted(os.listdir(folder)) == ["weights.json"]
    # Checking a save path makes and removes nothing (another run's files stay).
    from support.files import writable

    _write(target + ".0badc0de.tmp", "another run's temporary file")
    writable(target)
    assert sorted(os.listdir(folder)) == ["weights.json", "weights.json.0badc0de.tmp"]
    # Two editions written into one folder at once: both succeed, every file whole.
    board = os.path.join(folder, "board")
    runs = [subprocess.Popen([sys.executable, "-m", "tools", "--microbit", board], cwd=_project(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             universal_newlines=True) for _ in range(3)]
    statuses = [run.wait() for run in runs]
    assert statuses.count(0) >= 1
    from tools.microbit import microbit_edition

    for name, text in microbit_edition().items():
        assert _read(os.path.join(board, name)).decode() == text
    assert sorted(os.listdir(board)) == ["main.py", "network.py", "neuron.py"]


def test_signals():
    os, subprocess, tempfile = _posix()
    import signal
    import time

    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "weights.json")
    network().save(target)
    before = _read(target)
    for args in (["network.py", "train", "--epochs", "10000000", "--save", target],
                 ["network.py", "train", "--epochs", "10000000", "--load", target, "--save", target],
                 ["learner.py", "train", "--epochs", "10000000", "--report-every", "1"]):
        run = subprocess.Popen([sys.executable] + args, cwd=_project(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, universal_newlines=True)
        time.sleep(1.0)  # training by then
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=30)
        program = args[0]
        assert run.returncode == 130, (args, run.returncode, err)
        assert err == "{}: interrupted\n".format(program), (args, err)
        assert out.startswith("Epoch 0 loss") or out.startswith("Training"), out[:100]
        assert _read(target) == before and sorted(os.listdir(folder)) == ["weights.json"]


def test_streams():
    os, subprocess, tempfile = _posix()
    failures = []
    for args in (["network.py"], ["network.py", "train"], ["network.py", "--help"],
                 ["network.py", "predict", "128", "63"], ["-m", "tools", "--single-file"],
                 ["-m", "tools", "--exercise"], ["learner.py", "backprop"]):
        # The reader has gone (`| head -1`): quiet, as Unix tools are.
        run = subprocess.Popen([sys.executable] + args, cwd=_project(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, universal_newlines=True)
        run.stdout.readline()
        run.stdout.close()
        err = run.stderr.read()
        run.wait()
        if err != "" or run.returncode not in (0, 141):
            failures.append("{} | head -1: exit {}, {!r}".format(args, run.returncode, err))
        # A full disk (`> /dev/full`): one line, and a non-zero exit.
        with open("/dev/full", "w") as full:
            status, out, err = _python(args, stdout=full)
        if status != 1 or len(err.splitlines()) != 1 or "No space left on device" not in err:
            failures.append("{} > /dev/full: exit {}, {!r}".format(args, status, err))
    # stdout closed (`>&-`): one line, and a non-zero exit.
    status, out, err = _python(["network.py"], stdout=subprocess.DEVNULL,
                               preexec_fn=lambda: os.close(1))
    if status != 1 or "cannot write the output" not in err or len(err.splitlines()) != 1:
        failures.append(">&-: exit {}, {!r}".format(status, err))
    # A terminal as the weights file: refused, not waited on.
    leader, follower = os.openpty()
    status, out, err = _python(["network.py", "--load", "/dev/stdin", "1", "2"], stdin=follower,
                               timeout=20)
    os.close(leader)
    os.close(follower)
    if status != 2 or "is not a regular file" not in err:
        failures.append("--load a terminal: exit {}, {!r}".format(status, err))
    assert not failures, "\n".join(failures)
