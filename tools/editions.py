"""The one-file editions of the article's code, cut from the real modules (tools/cutting.py).

    python3 -m tools --single-file     the article's code as one file (on stdout)
    python3 -m tools --exercise        the same, with six functions for a student to write

Each is made from the real neuron.py and network.py, and what their functions
call at their doors (support/numbers.py, support/checks.py), when it is asked
for, so it cannot drift from them. Its own lines are real programs,
tools/programs/single_main.py and exercise_checker.py. A tool about the code:
CPython 3.6+ and PyPy.
"""

from tools.cutting import MARK, body, imports, origins, program, read, without

# What the one-file editions carry, each module after those it needs (neuron.py's
# explain takes show as a default), what each leaves out (files: they write and
# read none; the command line: their own main follows; what the article never
# calls), and its title there (support/ is not the article's code).
ONE_FILE = [
    ("support/checks.py", [], "the checks of what comes in"),
    ("support/network_checks.py", [], "the checks of the network's and training's arguments"),
    ("support/writing.py", [], "numbers as the hand calculations write them"),
    ("support/arithmetic.py", [], "what numpy does for the article"),
    ("support/seeded_random.py", [], "random numbers, the same everywhere"),
    ("neuron.py", ["Neuron.__repr__"], "the article's part 1: the sigmoid, and a neuron"),
    ("network.py", ["OurNeuralNetwork.save", "OurNeuralNetwork.load", "if"],
     "the article's network, its training (part 2), and its worked examples"),
]
SAME_FILE = {"neuron": "", "network": "", "support.checks": "", "support.network_checks": "",
             "support.writing": "",
             "support.arithmetic": "", "support.seeded_random": ""}

SINGLE_FILE_HEADER = """\
# Victor Zhou's "An Introduction to Neural Networks" in plain Python, """ + MARK + """:
# neuron.py and network.py, each after what its functions call at their doors (support/),
# as one file without docstrings or files, made by: python3 -m tools --single-file
# Run it: python3 ournn.py. The article: victorzhou.com/blog/intro-to-neural-networks/
"""


def article_code():
    """The modules ONE_FILE names as one module's code, the imports it needs at the top."""
    code = ""
    for name, drop, about in ONE_FILE:
        code += "\n\n# --- {}: {}\n".format(name, about) + without(read(name), drop)
    return imports(code, origins([name for name, drop, about in ONE_FILE], SAME_FILE)) + code


def single_file():
    """The article's code as one file that runs on its own: python3 ournn.py."""
    return SINGLE_FILE_HEADER + article_code() + program("single_main.py")


# --- The teacher's exercise
#
# The student writes six functions, in the article's order: the feedforward
# (part 1), then what training needs (part 2). Each keeps its name and
# signature; its body becomes what to write, in the article's words, and a
# NotImplementedError. Everything else stays real. Each step is checked by
# calls whose answers the real code works out when the exercise is made.
EXERCISE = [
    # (function, part, what to write, what it is asked: (call, a note where the answer is the article's))
    ("sigmoid", 1, [
        "The activation function: f(x) = 1 / (1 + e^(-x)), which squashes any",
        "number into 0..1. exp(-x) is e^(-x).",
    ], [
        ("sigmoid(3)", "the article's h1 = f(3) = 0.9526"),
        ("sigmoid(0.61)", "the article's first neuron: f(0.61) = 0.6479"),
        ("sigmoid(0)", None),
        ("sigmoid(-2)", None),
    ]),
    ("Neuron.feedforward", 1, [
        "Weight the inputs, add the bias, then use the activation function:",
        "y = f(w1*x1 + w2*x2 + ... + wn*xn + b), with self.weights, self.bias",
        "and sigmoid. dot(self.weights, inputs) is w1*x1 + w2*x2 + ... + wn*xn.",
    ], [
        ("Neuron([0, 1], 4).feedforward([2, 3])", "the article's"),
        ("Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])", "the article's"),
        ("Neuron([1, -2, 0.5], -1).feedforward([3, 1, 4])", None),
    ]),
    ("OurNeuralNetwork.feedforward", 1, [
        "out_h1 and out_h2 are the outputs of self.h1 and self.h2 on x. The",
        "inputs for o1 are the outputs from h1 and h2: return the output of",
        "self.o1 on [out_h1, out_h2].",
    ], [
        ("OurNeuralNetwork().feedforward([2, 3])", "the article's"),
        ("OurNeuralNetwork(Neuron([1, -1], 0.5), Neuron([0.5, 2], -1),"
         " Neuron([2, -3], 0.25)).feedforward([1, 0.5])", None),
    ]),
    ("deriv_sigmoid", 2, [
        "The derivative of the sigmoid: f'(x) = f(x) * (1 - f(x)).",
    ], [
        ("deriv_sigmoid(0)", None),
        ("deriv_sigmoid(3)", None),
        ("deriv_sigmoid(-1.5)", None),
    ]),
    ("mse_loss", 2, [
        "The mean squared error: the average, over the pairs, of",
        "(y_true - y_pred) squared.",
    ], [
        ("mse_loss([1, 0, 0, 1], [0, 0, 0, 0])", "the article's"),
        ("mse_loss([1, 0, 0, 1], [0.9, 0.2, 0.1, 0.6])", None),
    ]),
    ("partial_derivatives", 2, [
        "Do a feedforward, keeping sum_h1, h1, sum_h2, h2, sum_o1 and",
        "o1 = y_pred. Then the chain rule: d_L_d_ypred = -2 * (y_true - y_pred);",
        "for o1, d_ypred_d_w5 = h1 * f'(sum_o1), d_ypred_d_w6, d_ypred_d_b3, and",
        "d_ypred_d_h1 = w5 * f'(sum_o1), d_ypred_d_h2; for h1, d_h1_d_w1 =",
        "x[0] * f'(sum_h1), d_h1_d_w2, d_h1_d_b1; for h2 likewise. Return the nine",
        "d_L_d_w1 = d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1, ..., in the order",
        "w1, w2, b1, w3, w4, b2, w5, w6, b3.",
    ], [
        ("partial_derivatives(1, 1, 0, 1, 1, 0, 1, 1, 0, [-2, -1], 1)",
         "the article's example: every weight 1, every bias 0, and Alice;"
         " the article rounds d_L_d_w1 to 0.0214"),
        ("partial_derivatives(0.5, -1, 0.25, -0.75, 1.5, -0.5, 1.25, -2, 0.1, [1.5, -0.5], 0)",
         None),
    ]),
]

EXERCISE_HEADER = """\
# The neural network of Victor Zhou's article "Machine Learning for Beginners:
# An Introduction to Neural Networks", as an exercise (""" + MARK + """).
# Write the six functions marked TODO, in order, then run: python3 exercise.py
#
# It checks your functions one step at a time and stops at the first that
# is not written or not right, saying what it asked and what it got. Part 1
# (steps 1 to 3) is the article's feedforward; part 2 (steps 4 to 6) is
# what training needs. When all six are right, it runs the article's worked
# examples and its training, with your code.
# Made from the real neuron.py and network.py by: python3 -m tools --exercise
"""


def exercise():
    """The one-file exercise: the article's code, six bodies left to write, and the checks."""
    source = article_code()
    for number, (name, part, todo, cases) in enumerate(EXERCISE, 1):
        first, end, indent = body(source, name)
        lines = source.split("\n")
        stub = [indent + "# TODO, step {} of 6 (part {}):".format(number, part)]
        stub += [indent + "# " + line for line in todo]
        stub += [indent + 'raise NotImplementedError("{} is not written yet")'.format(name)]
        source = "\n".join(lines[:first] + stub + lines[end:])
    return EXERCISE_HEADER + source + program("exercise_checker.py", {"EXERCISE": _steps()})


def _steps():
    # EXERCISE = [...]: each step's checks, their answers worked out by the real code.
    import network
    import neuron

    names = {}
    names.update(vars(neuron))
    names.update(vars(network))
    steps = []
    for name, part, todo, cases in EXERCISE:
        asked = ["        ({!r}, {!r}, {!r}),".format(call, eval(call, names), note)
                 for call, note in cases]
        steps.append("    ({!r}, {}, [\n{}\n    ]),".format(name, part, "\n".join(asked)))
    return "EXERCISE = [\n" + "\n".join(steps) + "\n]"


def put_back(exercise_text):
    """The exercise's text with the real bodies in place of the six TODOs (the
    exercise solved: its tests, and CI's matrix, run it)."""
    real = article_code()
    lines = exercise_text.split("\n")
    for number, (name, part, todo, cases) in enumerate(EXERCISE, 1):
        first, end, indent = body(real, name)
        start = [i for i, line in enumerate(lines)
                 if line.strip().startswith("# TODO, step {} of 6".format(number))][0]
        stop = start
        while "raise NotImplementedError(" not in lines[stop]:
            stop += 1
        lines[start:stop + 1] = real.split("\n")[first:end]
    return "\n".join(lines)
