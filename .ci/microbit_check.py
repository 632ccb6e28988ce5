"""The micro:bit editions as flashed, one Universal Hex each: python3 .ci/microbit_check.py

For `python3 -m tools --microbit DIR` (the worked examples) and `... DIR train`, it proves:
  1. the hex's V1 and V2 parts (universal-hex separates them) each hold exactly the loose
     files, on MicroPython for that board (QEMU has no V2 to boot);
  2. the V1 part boots on QEMU's microbit with -icount shift=6 (64 ns an instruction, the
     board's 16 MHz), and main.py prints at power-up what CPython prints: the worked examples
     within the 30-bit floats' 1e-5, the training's lines but the chart within 0.001; and it
     still does with heap taken before it (the margin, in 64-byte steps, is printed);
  3. the training takes at most 16 s of board time (deterministic under icount);
  4. at the worked examples' prompt, after a soft reset (Ctrl-D there), which runs main.py
     again, the lines a learner types on the serial line work: `import network` and
     `print(network.OurNeuralNetwork().explain([2, 3]))` print CPython's three lines, and
     each bad-input probe ends in CPython's value or error. The free heap at that prompt is
     printed, and the examples' margin counts the learner's two lines too.
Exit status 1 on any failure. Needs qemu-system-arm, micropython-microbit-fs, universal-hex."""

import os
import re
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import micropython_microbit_fs as fs
from universal_hex import BoardId, separate_uhex

from common import PROJECT, first, same_output, show_difference

sys.path.insert(0, PROJECT)
from tools.microbit import HEX  # noqa: E402

BOARD_SECONDS = 16.0
TIME = re.compile(r"trained 1000 epochs in (\d+\.\d) s\n")
BANNER = re.compile(r"MicroPython v")  # The prompt's banner shows that main.py has ended.
PROMPT = re.compile(r">>> $")
LAST = re.compile(r"(?m)^(\w+Error: .*|= .*)\n")  # A probe's answer is its value or its error.
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
CHART = re.compile(r"(?m)^loss\n(.*\n)*?.*  epoch\n\n")  # the training's chart, and a blank line
LEARNER = ["import network", "print(network.OurNeuralNetwork().explain([2, 3]))"]
# Calls a learner might type, n = Neuron([0, 1], 0) and net = OurNeuralNetwork() made.
PROBES = ["sigmoid(-1000)", "sigmoid(1000)", "sigmoid(nan)", "sigmoid('3')", "sigmoid(True)",
          "sigmoid(10 ** 400)", "n.feedforward([1])", "n.feedforward([1, 2, 3])",
          "n.feedforward(5)", "n.feedforward([1, 'a'])", "n.feedforward([nan, 1])",
          "n.feedforward([inf, 1])", "n.feedforward({7})", "n.feedforward([10 ** 400, 1])",
          "n.feedforward([])", "n.feedforward([True, 1])", "n.feedforward({0: 2, 1: 3})",
          "Neuron([1, 1], 0).feedforward([inf, -inf])", "net.feedforward([1])",
          "net.feedforward(['two', 3])", "net.feedforward([2, nan])", "net.feedforward([inf, 3])",
          "Neuron([0, 'a'], 0)", "Neuron([0, 1], nan)", "Neuron({3: 'x'}, 0)", "Neuron('ab', 0)",
          "Neuron([True, 1], 0)", "Neuron([10 ** 400, 1], 0)", "Neuron([], 0)",
          "Neuron([1], -inf)", "OurNeuralNetwork(1, 2, 3)"]
SETUP = ["from neuron import Neuron, sigmoid", "from network import OurNeuralNetwork",
         "inf = float('inf')", "nan = float('nan')", "n = Neuron([0, 1], 0)",
         "net = OurNeuralNetwork()"]


def boot(hexed, until, timeout=120, typed=()):
    """What a V1 flashed with hexed (a hex, or files for MicroPython's) prints from
    power-up until the pattern until matches, each of typed sent to its serial line
    in turn at a waiting prompt (until is looked for after the last). An error before
    the first is typed ends it: main.py failed, and the board would scroll the error."""
    if isinstance(hexed, dict):
        hexed = fs.add_files(fs.get_bundled_hex(1).content, [fs.File.from_text(name, hexed[name])
                                                             for name in sorted(hexed)])
    with tempfile.NamedTemporaryFile("w", suffix=".hex") as f:
        f.write(hexed)
        f.flush()
        qemu = subprocess.Popen(["qemu-system-arm", "-M", "microbit", "-device", "loader,file="
                                 + f.name, "-nographic", "-serial", "stdio", "-monitor", "none",
                                 "-icount", "shift=6"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out, began, sent, typed = "", time.time(), 0, list(typed)
        while time.time() - began < timeout and (typed or not until.search(out, sent)) and (
                sent or "Error" not in out):
            if typed and out.endswith(">>> ") and len(out) > sent:
                qemu.stdin.write(typed.pop(0).encode())
                qemu.stdin.flush()
                sent = len(out)
            if select.select([qemu.stdout], [], [], 1)[0]:
                chunk = os.read(qemu.stdout.fileno(), 4096)
                out += chunk.decode("utf-8", "replace").replace("\r", "").replace("\x00", "")
                if not chunk:
                    break
        qemu.kill()
        qemu.wait()
    return out


def cpython(args):
    return subprocess.run([sys.executable] + args, cwd=PROJECT, check=True,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout


def edition(args, folder):
    """Step 1: write the edition into folder; (its loose files, its hex's V1 part, ok)."""
    print(cpython(["-m", "tools", "--microbit", folder] + args).rstrip())
    loose = {name: Path(folder, name).read_text() for name in os.listdir(folder)}
    parts = dict([(part.board_id, part.hex) for part in separate_uhex(loose.pop(HEX[bool(args)]))])
    ok = True
    for board, version in ((BoardId.V1, "V1"), (BoardId.V2, "V2")):
        info = fs.get_device_info(parts[board])
        same = info.device_version.value == version and loose == dict(
            [(f.name, f.get_text()) for f in fs.get_files(parts[board])])
        print("its {} part ({}) {} ({} bytes)".format(
            version, info.micropython_version.split("; ")[-1], "holds the loose files" if same
            else "DIFFERS from the loose files", sum([len(t.encode()) for t in loose.values()])))
        ok = ok and same
    return loose, parts[BoardId.V1], ok


def check_examples(loose, v1):
    """Steps 2 and 4 for the worked examples, in one session: the power-up, a soft reset, and
    the learner's lines and the probes typed at the prompt after it."""
    expected, explained = cpython(["network.py"]), cpython(["-c", "\n".join(LEARNER)])
    loop = "for call in {!r}:\n    try:\n        print('=', eval(call))\n    except (TypeError," \
           " ValueError) as e:\n        print(type(e).__name__ + ': ' + str(e))\n".format(PROBES)
    answers = cpython(["-c", "\n".join(SETUP) + "\n" + loop]).splitlines()
    typed = ["\x04", "import gc; gc.mem_free()"] + LEARNER + SETUP + [
        "print('=', {})".format(call) for call in PROBES]
    # Between the prompts come the power-up, the soft reset, and each line's echo and output.
    chunks = boot(v1, PROMPT, 120, [line + "\r" for line in typed]).split(">>> ") + [""] * 50
    printed = BANNER.split(chunks[0])[0]
    again = BANNER.split(chunks[1].partition("soft reboot\n")[2])[0]
    said = [chunk.partition("\n")[2] for chunk in chunks[2:]]
    ok = chunks[1].startswith("\nsoft reboot\n") and same_output(expected, printed, 1e-5) and (
        same_output(expected, again, 1e-5))
    print("main.py at power-up, and again after a soft reset, prints what `python3 network.py`"
          " prints (numbers within 1e-5)" if ok else "FAILED: the worked examples on the board")
    if not ok:
        show_difference("the worked examples on the board", expected, printed + chunks[1])
    learner = said[1] == "" and said[2] == explained
    print("at the prompt after the soft reset, {} bytes of heap are free (gc.mem_free()); typed"
          " there:\n>>> {}\n{}>>> {}\n{}".format(said[0].strip(), LEARNER[0], said[1], LEARNER[1],
                                                said[2] if learner else said[2] + "FAILED\n"),
          end="")
    wrong = ["{}: CPython {!r}, the board {!r}".format(call, answer, last(got))
             for call, answer, got in zip(PROBES, answers, said[3 + len(SETUP):])
             if last(got) != answer]
    print("\n".join(wrong) or "each of the {} probes, typed at that prompt too, ends as on CPython"
          " (bad inputs: CPython's errors)".format(len(PROBES)))
    until = re.compile(re.escape(explained) + ">>> $")
    return margin(loose, until, ["\x04"] + [line + "\r" for line in LEARNER]) and ok and (
        learner and not wrong)


def last(text):
    """A probe's answer in what the board printed: the last value or error."""
    return (LAST.findall(text) or ["?"])[-1]


def check_training(loose, v1):
    """Steps 2 and 3 for the training."""
    printed, expected = boot(v1, TIME, 300), CHART.sub("", cpython(["network.py", "train"]))
    took = TIME.search(printed)
    seconds, got = (float(took.group(1)), printed[:took.start()]) if took else (99.0, printed)
    numbers = zip(NUMBER.findall(expected), NUMBER.findall(got))  # each within 0.001
    ok = took and NUMBER.sub("#", expected) == NUMBER.sub("#", got) and all(
        [abs(float(e) - float(a)) <= 0.0010001 for e, a in numbers])
    if ok:
        print("main.py at power-up prints `python3 network.py train`'s lines but the chart, each"
              " number within 0.001, in {} s of board time (at most {} s: {})".format(
                  seconds, BOARD_SECONDS, "met" if seconds <= BOARD_SECONDS else "FAILED"))
    else:
        show_difference("the training on the board", expected + "trained ...", printed)
    return margin(loose, TIME) and ok and seconds <= BOARD_SECONDS


def margin(files, until, typed=()):
    """Step 2's margin: the most heap (64-byte steps, up to 2 KB) that main.py can find
    taken and still print until (typed typed); False if it fails with bytearray(0) taken."""
    def fails(taken):
        main = "taken = bytearray({})\n".format(taken) + files["main.py"]
        out = boot(dict(files, **{"main.py": main}), re.compile(until.pattern + "|Error"), 60,
                   typed)
        return not until.search(out) or "Error" in out
    most = -64 if fails(0) else first(fails, 0, 2048, 64) - 64
    print("the heap's margin: main.py{} still runs with {} bytes taken (not {})".format(
        ", and what is typed at the prompt after it," if typed else "", most, most + 64)
        if most >= 0 else "main.py does not run with bytearray(0) taken: FAILED")
    return most >= 0


def main():
    ok = True
    with tempfile.TemporaryDirectory() as scratch:
        for args, check in (([], check_examples), (["train"], check_training)):
            loose, v1, written = edition(args, os.path.join(scratch, check.__name__))
            ok = check(loose, v1) and written and ok
    print("micro:bit: " + ("both hexes run on the V1 as on CPython, in time" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
