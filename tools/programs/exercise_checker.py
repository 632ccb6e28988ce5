"""The checker of the teacher's exercise: the last lines of python3 -m tools --exercise.

It checks the student's six functions in order and stops at the first one that
is not written or not right, saying what it asked and what it got. The
exercise carries what follows the CARRIED line, with EXERCISE filled in by the
steps and their answers, which the real code works out (tools/editions.py).
The notebook edition (tools/notebook.py) carries the same code, and its check
cells call check_step. The imports below are there only for linters: the
exercise defines PARAMETER_NAMES and worked_examples itself, and writes its own
import of sys. The code is portable Python, because the exercise runs on
MicroPython too.
"""

import sys

from network import PARAMETER_NAMES, worked_examples

# --- An edition carries what follows.


# --- The checks of the exercise, which are not part of the article

# Each step: the function, the part, and the calls that check it, each with
# its answer (worked out by the real code when this file was made) and a note.
EXERCISE = []  # filled in: EXERCISE

# Double precision agrees to about 1e-16, and any correct way of writing a
# function agrees with the answer to far better than 1e-9. Boards with 32-bit
# floats agree to about 1e-6.
TOLERANCE = 1e-9 if 1.0 + 2.0 ** -30 != 1.0 else 1e-5


def check_exercise(then=None):
    """Check the six steps in order and stop at the first that is not right.
    When all six are right, run the worked examples with the student's code,
    then call then, if given (the notebooks pass their training run), and end
    by saying that all six are right. Return 0 if they are, else 1."""
    for number in range(1, len(EXERCISE) + 1):
        if not check_step(number):
            return 1
        if number == 3:
            print("Part 1, the article's feedforward, is done. On to part 2, training.")
    print("\nThe article's worked examples, from your code:")
    print("\n".join(worked_examples()))
    if then is not None:
        then()
    print("\nAll six are right.")
    return 0


def check_step(number):
    """Check the function of step number (1 to 6) with each of its calls. Print
    that it is right, or what is wrong with it; return True if it is right."""
    name, part, cases = EXERCISE[number - 1]
    title = "Step {} of {} (part {}): {}".format(number, len(EXERCISE), part, name)
    for call, answer, note in cases:
        try:
            got = eval(call)
            problem = _problem(got, answer)
            got = repr(got)
        except NotImplementedError:
            print(title + " is not written yet.")
            _show_case(call, answer, note, "raises NotImplementedError: write it first")
            return False
        except Exception as error:  # the student's code went wrong: say how, and where
            kind = getattr(type(error), "__name__", "an error")  # old MicroPythons have none
            got = "raises {}: {}{}".format(kind, error, _where(error))
            problem = "it raised an error"
        if problem is not None:
            print(title + " is not right yet: " + problem + ("" if problem[-1:] == "?" else "."))
            _show_case(call, answer, note, got)
            return False
    print(title + ": right.")
    return True


def _problem(got, answer):
    # What is wrong with got, or None when it is the answer.
    if got is None:
        return "it returns None: is its return statement missing?"
    if not isinstance(answer, tuple):
        return None if _close(got, answer) else "the answer differs"
    try:  # the nine partial derivatives
        got = list(got)
    except TypeError:
        return "it should return 9 numbers"
    if len(got) != 9:
        return "it should return 9 numbers, not {}".format(len(got))
    for name, value, right in zip(PARAMETER_NAMES, got, answer):
        if not _close(value, right):
            return "d_L_d_{} should be {!r}, not {!r}".format(name, right, value)
    return None


def _close(value, right):
    try:
        return abs(value - right) <= TOLERANCE * abs(right) + 1e-12
    except TypeError:  # not a number at all
        return False


def _show_case(call, answer, note, got):
    print("    asked:      " + call)
    print("    the answer: " + repr(answer) + (" ({})".format(note) if note else ""))
    print("    your code:  " + got)


def _where(error):
    # Return " (line N)" for the line that raised error, or "" if that is unknown.
    tb = getattr(error, "__traceback__", None)
    if tb is not None:  # CPython, PyPy and Pyodide keep the traceback
        while tb.tb_next is not None:
            tb = tb.tb_next
        return " (line {})".format(tb.tb_lineno)
    try:  # MicroPython can only write its traceback out
        import io

        text = io.StringIO()
        sys.print_exception(error, text)
    except (ImportError, AttributeError):
        return ""
    places = [line for line in text.getvalue().split("\n") if ", line " in line]
    return " (line {})".format(places[-1].split(", line ")[1].split(",")[0]) if places else ""


if __name__ == "__main__":
    sys.exit(check_exercise())
