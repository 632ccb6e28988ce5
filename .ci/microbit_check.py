"""The micro:bit edition on an emulated BBC micro:bit: does it fit, and print what CPython prints?

    python3 .ci/microbit_check.py

  1. `python3 -m tools --microbit DIR` writes the edition;
  2. its files go onto a micro:bit under QEMU (MicroPython 1.9.2: about
     10 KB of heap, 30-bit floats), checked piece by piece; a file system
     too small for them fails here;
  3. main.py runs from a soft reboot, as at power-up, and must print what
     `python3 network.py` prints: every line identical, the full-precision
     "feedforward(...) = number" lines within 1e-5 relative (the board's
     floats have about 6 significant digits);
  4. from a fresh heap, the feedforward's promises: bad inputs give the
     errors CPython gives, nan and 0*inf included, and sigmoid(-1000),
     sigmoid(1000) do not raise.
Exit status 1 on any difference. Needs qemu-system-arm and
firmware-microbit-micropython (Debian's packages; .ci/run installs them).
"""

import os
import shutil
import subprocess
import sys
import tempfile

from matrix import same_main_job
from microbit import Board, BoardError

CI = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(CI)
FLOAT_TOLERANCE = 1e-5

# Run at the top level of the raw REPL, where the stack is deepest already:
# no helper functions, so each check is as deep as a learner's own call.
# (This firmware's exception classes have no __name__.) The modules are
# imported before each check is sent, neuron first, as main.py does: the
# check's own code would take heap that compiling them needs.
TRY = """\
inf = float('inf')
nan = float('nan')
{loop}
    try:
        print({call})
    except TypeError as e:
        print('TypeError: ' + str(e))
    except ValueError as e:
        print('ValueError: ' + str(e))
"""
CHECKS = [
    "from neuron import Neuron, sigmoid\n"
    "print('sigmoid(-1000) =', sigmoid(-1000), 'sigmoid(1000) =', sigmoid(1000))\n"
    "n = Neuron([0, 1], 0)\n" + TRY.format(
        loop="for x in ([1], [1, 2, 3], [1, 'a'], [None, 1], 5, [nan, 1], [inf, 1], [1, inf]):",
        call="n.feedforward(x)"),
    "from neuron import Neuron\n" + TRY.format(
        loop="for w, b, x in (([1, 1], 0, [inf, -inf]), ([1], -inf, [inf]), ([0, 'a'], 0, [1, 2]),\n"
             "                ([0, 1], nan, [1, 2]), ([0, nan], 0, [1, 2])):",
        call="Neuron(w, b).feedforward(x)"),
    "from network import OurNeuralNetwork\nnet = OurNeuralNetwork()\n" + TRY.format(
        loop="for x in ([1], ['two', 3], [2, nan], [inf, 3]):",
        call="net.feedforward(x)"),
]


def cpython(args, folder):
    return subprocess.run([sys.executable] + args, cwd=folder, check=True,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout


def show_difference(title, expected, actual):
    print("--- {}: expected".format(title))
    print(expected.rstrip())
    print("--- got")
    print(actual.rstrip())


def main():
    folder = tempfile.mkdtemp()
    ok = True
    try:
        print(cpython(["-m", "tools", "--microbit", folder], PROJECT).rstrip())
        names = sorted(os.listdir(folder))
        reference = cpython(["network.py"], PROJECT)
        with Board() as board:
            for name in names:
                with open(os.path.join(folder, name)) as f:
                    board.put(name, f.read())
            out, error = board.run("import os\nprint(sum([os.size(n) for n in os.listdir()]))")
            print("on the board: {} ({} bytes)".format(", ".join(names), out.strip()))

            printed = board.run_main(timeout=120)
            if same_main_job(reference, printed, FLOAT_TOLERANCE):
                print("main.py at power-up prints what `python3 network.py` prints"
                      " (full-precision numbers within {} relative)".format(FLOAT_TOLERANCE))
            else:
                ok = False
                show_difference("main.py on the board", reference, printed)
            out, error = board.run("import gc\ngc.collect()\nprint(gc.mem_free())")
            print("free heap after main.py, with neuron and network imported: {} bytes".format(
                out.strip() or error))

            for check in CHECKS:
                board.soft_reboot()  # a fresh heap for each check
                board.run("import neuron\nimport network")
                expected = cpython(["-c", check], PROJECT)
                out, error = board.run(check)
                if out == expected and not error:
                    print("on a fresh heap, as on CPython: " + " | ".join(expected.splitlines()))
                else:
                    ok = False
                    show_difference("check on the board", expected, out + error)
                    print("--- the check:\n" + check)
    except BoardError as error:
        ok = False
        print("the board: {}".format(error))
    finally:
        shutil.rmtree(folder)
    print("micro:bit: " + ("the edition fits and prints what CPython prints" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
