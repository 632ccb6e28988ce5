"""Proves the portable tests pass on this interpreter, without pytest: MicroPython,
CPython 3.6+, PyPy, Pyodide alike.

    python .ci/run_tests.py [module ...]     (default: MODULES)

Imports each test module, calls every function whose name starts with test_,
once per case where tests.helpers.each gave it a table, and ends with the line
"N passed, N failed, N skipped". A test that cannot run here raises Skip and
says why. Exit status 1 if any failed or none passed. Portable Python.
"""

import sys

MODULES = ["test_neuron", "test_network", "tests.test_learner", "tests.test_command_line",
           "tests.test_project", "tests.test_hostile"]


def _project_folder():
    # No os.path on MicroPython: the project is the folder above .ci/.
    here = __file__.replace("\\", "/")
    return here[:here.rfind("/")] + "/.." if "/" in here else ".."


def _print_error(error):
    try:
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__)
    except (ImportError, AttributeError):
        sys.print_exception(error)


def run(module_names=MODULES):
    sys.path.insert(0, _project_folder())
    from tests.helpers import CASES, Skip, case_id

    counts = {"passed": 0, "failed": 0, "skipped": 0}
    said = None  # a reason to skip, said once for all the cases of a test
    for module_name in module_names:
        __import__(module_name)
        module = sys.modules[module_name]
        for name in sorted(dir(module)):  # sorted: MicroPython's dicts keep no order
            test = getattr(module, name)
            if not name.startswith("test_") or not callable(test):
                continue
            for case in CASES.get(test, [None]):
                label = "{}.{}".format(module_name, name)
                label += "" if case is None else "[{}]".format(case_id(case))
                try:
                    test() if case is None else test(case)
                except Skip as reason:
                    counts["skipped"] += 1
                    if (name, str(reason)) != said:
                        print("SKIP {}: {}".format(label, reason))
                    said = (name, str(reason))
                except Exception as error:
                    counts["failed"] += 1
                    print("FAIL {}: {!r}".format(label, error))
                    _print_error(error)
                else:
                    counts["passed"] += 1
    print("{passed} passed, {failed} failed, {skipped} skipped".format(**counts))
    return 1 if counts["failed"] or not counts["passed"] else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:] or MODULES))
