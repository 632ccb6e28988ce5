"""The one-file editions: neuron.py and network.py cut into one file (tools/cutting.py).

    python3 -m tools --single-file     sections 1 and 2 as one file, on stdout
    python3 -m tools --exercise        the same, with six functions for a student to write

Each edition is made from the real neuron.py and network.py at the moment it
is asked for, so it cannot drift from them. The article's code comes first, in
its own order. The support code that it calls (the checks of what comes in,
and the writing of numbers) follows it, and only what that code
needs of it: Python looks a function's names up when the function is called,
so a function may call one that is defined further down. What the code uses
while it is being defined (such as a default value) is the one exception, and
comes before it. The editions' own lines are real programs in tools/programs/
(single_main.py, exercise_checker.py). This tool runs on CPython 3.6 and later,
and on PyPy.
"""

from tools.cutting import (MARK, body, cut, imports, needed, origins, program, read, used_at_import,
                           uses, without)

# The modules of the article's code, in the article's order. Each comes with
# what every edition leaves out of it (the methods that write and read files,
# and the command line, because each edition has its own), and with the title
# that heads it in an edition.
ARTICLE = [
    ("neuron.py", ["Neuron.__repr__"], "part 1 of the article: the sigmoid and a neuron"),
    ("network.py", ["OurNeuralNetwork.save", "OurNeuralNetwork.load", "if"],
     "part 2: the network, the loss and training, then the worked examples"),
]
# What each edition leaves out beyond ARTICLE's lists, to stay short enough
# to read from the top. The single file holds sections 1 and 2 of the article
# (the neuron, the network and their worked examples). The exercise holds
# every function whose body it asks for, but not the training run, which the
# notebooks and python3 network.py train give.
TRAINING = ["OurNeuralNetwork.train", "OurNeuralNetwork.random", "OurNeuralNetwork.from_parameters",
            "OurNeuralNetwork.parameters", "OurNeuralNetwork.set_parameters",
            "OurNeuralNetwork._set_parameters", "PEOPLE", "NEW_PEOPLE"]
SINGLE_FILE_LEAVES_OUT = {
    "neuron.py": ["deriv_sigmoid"],
    "network.py": TRAINING + ["mse_loss", "PARAMETER_NAMES", "partial_derivatives"]}
SINGLE_FILE_TITLES = {"network.py": "part 2: the network, then the worked examples"}
EXERCISE_LEAVES_OUT = {"network.py": TRAINING}
SINGLE_FILE_HEADER = """\
# Victor Zhou's "An Introduction to Neural Networks" in plain Python, """ + MARK + """.
# The article's code for a neuron and the network comes first (neuron.py, then network.py);
# the support code that it calls to check its inputs and to write numbers comes at the end.
# Run it: python3 ournn.py. Training is in the project's network.py and in the exercise.
# Made by python3 -m tools --single-file. The article is at
# https://victorzhou.com/blog/intro-to-neural-networks/
"""


def support_modules(files):
    """Return the support modules that files import, directly or through one
    another, each after the modules it imports.

    >>> support_modules(["neuron.py"])[:2]
    ['support/checks.py', 'support/writing.py']
    """
    found = []

    def visit(name, path):
        for module in sorted(set(origins([name]).values()) - set([None])):
            support = module.replace(".", "/") + ".py"
            if module.startswith("support.") and support not in found:
                if support in path:
                    raise ValueError("{} and {} import each other".format(name, support))
                visit(support, path + [support])
                found.append(support)

    for name in files:
        visit(name, [name])
    return found


def same_file(files):
    """Return {module: ""} for each of files, such as {"support.checks": ""}.

    Passed to origins as moved, it says that these modules are now part of
    the edition's own file, so that imports writes no import line for the
    names they define."""
    return dict([(name[:-3].replace("/", "."), "") for name in files])


def support_code(code, files=None):
    """Return the support code that code needs, from the support modules files
    (by default, those that ARTICLE's modules import), as two texts: what
    code uses while it is being defined, to go before it, and the rest, to go
    after it. Each text is empty or ends with a newline."""
    if files is None:
        files = support_modules([name for name, drop, about in ARTICLE])
    modules = [(name, without(read(name))) for name in files]
    together = "\n\n\n".join([text for name, text in modules])
    wanted = needed(together, uses(code))
    first = []
    waiting = [name for name in used_at_import(code) if name in wanted]
    while waiting:  # Those may in turn use other names while they are being defined.
        name = waiting.pop()
        if name not in first:
            first.append(name)
            waiting += [n for n in used_at_import(cut(together, [name])) if n in wanted]
    before = cut(together, [name for name in wanted if name in first]) if first else ""
    after = ""
    for name, text in modules:
        keep = [n for n in needed(text, wanted) if n in wanted and n not in first]
        if keep:
            title = "\n\n# --- {}, support code, not from the article\n".format(name)
            after += title + cut(text, keep)
    return before.lstrip("\n"), after


def article_code(main="", leave_out=None, titles=None):
    """Return the modules of ARTICLE as one module that runs on its own, with
    main (the edition's own code) at its end.

    The module holds the import lines it needs, then the support code that is
    used while the code is being defined, then the modules of ARTICLE, and
    then the rest of the support code that they and main call. leave_out maps
    a module's file name to the further names to leave out of it, beyond
    those that ARTICLE lists. titles maps a module's file name to the title
    that replaces its title in ARTICLE."""
    code = ""
    for name, drop, about in ARTICLE:
        about = (titles or {}).get(name, about)
        drop = drop + (leave_out or {}).get(name, [])
        code += "\n\n# --- {}, {}\n".format(name, about) + without(read(name), drop)
    before, after = support_code(code + main)
    if before:
        before = ("\n# Support code that the code below uses as it is defined (the"
                  " rest is at the end)\n" + before)
    code = before + code + after + main
    modules = [name for name, drop, about in ARTICLE]
    modules += support_modules(modules)
    return imports(code, origins(modules, same_file(modules))) + code


def single_file():
    """Return sections 1 and 2 as one file that runs on its own: python3 ournn.py."""
    return SINGLE_FILE_HEADER + article_code(program("single_main.py"), SINGLE_FILE_LEAVES_OUT,
                                             SINGLE_FILE_TITLES)


# --- The teacher's exercise
#
# The student writes six functions, in the order of the article: the feedforward
# (part 1), then what training needs (part 2). Each keeps its name and its
# signature; its body becomes a hint in the words of the article and a
# NotImplementedError. Everything else stays real. Each step is checked by
# calls whose answers the real code works out when the exercise is made.
EXERCISE = [
    # Each step: the function, its part of the article, the hint, and the calls
    # that check it, each with a note where its answer is one the article gives.
    ("sigmoid", 1, [
        "The activation function: f(x) = 1 / (1 + e^(-x)), which squashes any",
        "number into 0..1. exp(-x) is e^(-x).",
    ], [
        ("sigmoid(3)", "in the article, h1 = f(3) = 0.9526"),
        ("sigmoid(0.61)", "in the article, the first neuron's f(0.61) = 0.6479"),
        ("sigmoid(0)", None),
        ("sigmoid(-2)", None),
    ]),
    ("Neuron.feedforward", 1, [
        "Weight the inputs, add the bias, then use the activation function:",
        "y = f(w1*x1 + w2*x2 + ... + wn*xn + b), with self.weights, self.bias",
        "and sigmoid. dot(self.weights, inputs) is w1*x1 + w2*x2 + ... + wn*xn.",
    ], [
        ("Neuron([0, 1], 4).feedforward([2, 3])", "as in the article"),
        ("Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])", "as in the article"),
        ("Neuron([1, -2, 0.5], -1).feedforward([3, 1, 4])", None),
    ]),
    ("OurNeuralNetwork.feedforward", 1, [
        "out_h1 and out_h2 are the outputs of self.h1 and self.h2 on x. The",
        "inputs for o1 are the outputs from h1 and h2: return the output of",
        "self.o1 on [out_h1, out_h2].",
    ], [
        ("OurNeuralNetwork().feedforward([2, 3])", "as in the article"),
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
        ("mse_loss([1, 0, 0, 1], [0, 0, 0, 0])", "as in the article"),
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
         "the example of the article: every weight 1, every bias 0, and Alice;"
         " the article rounds d_L_d_w1 to 0.0214"),
        ("partial_derivatives(0.5, -1, 0.25, -0.75, 1.5, -0.5, 1.25, -2, 0.1, [1.5, -0.5], 0)",
         None),
    ]),
]
# The exercise replaces the body of each of the six functions with a stub:
# this line, the hint as comments, and a raise of NotImplementedError.
TODO = "# TODO, step {} of 6 (part {}):"

EXERCISE_HEADER = """\
# The neural network of Victor Zhou's article "Machine Learning for Beginners:
# An Introduction to Neural Networks", as an exercise (""" + MARK + """).
# Write the six functions marked TODO, in order, then run: python3 exercise.py
#
# It checks your functions one step at a time and stops at the first that is
# not written or not right, saying what it asked and what it got. Part 1 (steps
# 1 to 3) is the feedforward; part 2 (steps 4 to 6) is what training needs.
# When all six are right, it runs the worked examples with your code. The
# support code that the article's code calls is at the end. Training
# itself is in the notebooks and in the project's network.py.
# Made from the real neuron.py and network.py by: python3 -m tools --exercise
"""


def exercise():
    """Return the one-file exercise: the code with six function bodies for
    the student to write, followed by the checks."""
    source = article_code(program("exercise_checker.py", {"EXERCISE": steps()}),
                          EXERCISE_LEAVES_OUT)
    for number, (name, part, hint, cases) in enumerate(EXERCISE, 1):
        first, end, indent = body(source, name)
        lines = source.split("\n")
        stub = [indent + TODO.format(number, part)]
        stub += [indent + "# " + line for line in hint]
        stub += [indent + 'raise NotImplementedError("{} is not written yet")'.format(name)]
        source = "\n".join(lines[:first] + stub + lines[end:])
    return EXERCISE_HEADER + source


def steps():
    """Return the checker's statement EXERCISE = [...], which holds each step's
    calls with the answers that the real code gives for them."""
    import network
    import neuron

    names = {}
    names.update(vars(neuron))
    names.update(vars(network))
    found = []
    for name, part, hint, cases in EXERCISE:
        asked = ["        ({!r}, {!r}, {!r}),".format(call, eval(call, names), note)
                 for call, note in cases]
        found.append("    ({!r}, {}, [\n{}\n    ]),".format(name, part, "\n".join(asked)))
    return "EXERCISE = [\n" + "\n".join(found) + "\n]"


def put_back(exercise_text):
    """Return exercise_text with the real bodies in place of the six stubs.

    This is the exercise solved, which the tests and CI's matrix run."""
    real = article_code(leave_out=EXERCISE_LEAVES_OUT)
    lines = exercise_text.split("\n")
    for number, (name, part, hint, cases) in enumerate(EXERCISE, 1):
        first, end, indent = body(real, name)
        starts = [i for i, line in enumerate(lines) if line.strip() == TODO.format(number, part)]
        if len(starts) != 1:
            raise ValueError("the exercise has {} blanks of step {}, not one".format(
                len(starts), number))
        stop = starts[0]
        while "raise NotImplementedError(" not in lines[stop]:
            stop += 1
        lines[starts[0]:stop + 1] = real.split("\n")[first:end]
    return "\n".join(lines)
