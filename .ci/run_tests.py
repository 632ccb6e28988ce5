"""Run the portable tests without pytest, on any interpreter.

    python .ci/run_tests.py [test_module ...]

Imports each test module (default: test_neuron, test_network, and tests/'s
test_learner and test_hostile), calls every
function whose name starts with test_, and ends with the line
"N passed, N failed, N skipped". Exit status 1 if any test failed or none
passed. A test that cannot run here (no subprocess, say) raises Skip.
Portable Python: this runs on MicroPython too.
"""

import sys


def _project_folder():
    # No os.path on MicroPython: the project is the folder above .ci/.
    here = __file__.replace("\\", "/")
    cut = here.rfind("/")
    folder = here[:cut] if cut >= 0 else "."
    return folder + "/.."


def _print_error(error):
    try:
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__)
    except (ImportError, AttributeError):
        sys.print_exception(error)


def run(module_names):
    sys.path.insert(0, _project_folder())
    sys.path.insert(0, _project_folder() + "/tests")
    from test_neuron import Skip

    passed = failed = skipped = 0
    for module_name in module_names:
        module = __import__(module_name)
        # Sorted: MicroPython's dicts do not keep definition order.
        for name in sorted(dir(module)):
            test = getattr(module, name)
            if not name.startswith("test_") or not callable(test):
                continue
            try:
                test()
            except Skip as reason:
                skipped += 1
                print("SKIP {}.{}: {}".format(module_name, name, reason))
            except Exception as error:
                failed += 1
                print("FAIL {}.{}: {!r}".format(module_name, name, error))
                _print_error(error)
            else:
                passed += 1
    print("{} passed, {} failed, {} skipped".format(passed, failed, skipped))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:] or ["test_neuron", "test_network", "test_learner", "test_hostile"]))
