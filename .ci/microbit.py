"""A BBC micro:bit under QEMU, driven through its REPL: put files, run code, run main.py.

Used by .ci/microbit_check.py; standard library only. Needs Debian's
qemu-system-arm and firmware-microbit-micropython (MicroPython 1.9.2 for
micro:bit v1.0.1 on an emulated nRF51822).

What the board is like, as measured:
  - Its REPL is on the serial port (stdin/stdout here). In the raw REPL
    (Ctrl-A) it answers code + Ctrl-D with "OK", the program's output,
    Ctrl-D, the traceback if any, Ctrl-D, ">".
  - It keeps received bytes in a 64-byte ring buffer and silently drops
    the rest, so code goes in pieces of at most 60 bytes, and files go
    through a small receiver on the board that acknowledges each piece
    with the running length and checksum before the next is sent.
  - Ctrl-C (byte 3) anywhere in the input interrupts the board, so the
    receiver's piece lengths are sent as printable characters.
"""

import os
import select
import subprocess
import time

FIRMWARE = "/usr/share/firmware-microbit-micropython/firmware.hex"
PIECE = 60  # bytes; the board's ring buffer holds 63
BANNER = b"MicroPython v"  # starts the line the board prints when main.py has ended

# Runs on the board: reads pieces of a file from the serial port and writes
# them; each piece is one length character (chr(32 + n)) and n bytes; a
# space ends the file. After each piece it prints the running length and
# the sum of the bytes modulo 65536, so the sender knows nothing was lost.
RECEIVER = """\
from microbit import uart
f = open({name!r}, 'wb')
n = s = 0
while True:
    while not uart.any():
        pass
    k = uart.read(1)[0] - 32
    if k == 0:
        break
    d = b''
    while len(d) < k:
        r = uart.read(k - len(d))
        if r:
            d += r
    f.write(d)
    n += k
    for c in d:
        s += c
    print(n, s % 65536)
f.close()
print('done')
"""


class BoardError(Exception):
    pass


class Board:
    """One emulated micro:bit, from power-up to close()."""

    def __init__(self, firmware=FIRMWARE, timeout=60, icount=None):
        if not os.path.exists(firmware):
            raise BoardError("no firmware at {} (apt-get install firmware-microbit-micropython)"
                             .format(firmware))
        self.timeout = timeout
        # icount=6: the board's clock counts 2**6 ns per instruction, about 16 MHz
        # (the real nRF51822's); without it QEMU runs as fast as the host can.
        clock = ["-icount", "shift={}".format(icount)] if icount is not None else []
        self.process = subprocess.Popen(
            ["qemu-system-arm", "-M", "microbit", "-device", "loader,file=" + firmware,
             "-nographic", "-serial", "stdio", "-monitor", "none"] + clock,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pending = b""
        self.send(b"\r\x03\x03")
        self.read_until(b">>> ")
        self.raw_repl()

    def close(self):
        self.process.kill()
        self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def read_until(self, token, timeout=None):
        """Everything the board prints up to and including token."""
        deadline = time.time() + (timeout or self.timeout)
        while token not in self.pending:
            left = deadline - time.time()
            if left <= 0:
                raise BoardError("the board did not print {!r}; it printed {!r}".format(
                    token, self.pending[-500:]))
            ready, _, _ = select.select([self.process.stdout], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    raise BoardError("QEMU ended: " + self.process.stderr.read().decode())
                self.pending += chunk
        end = self.pending.index(token) + len(token)
        text, self.pending = self.pending[:end], self.pending[end:]
        return text

    def raw_repl(self):
        self.send(b"\x01")
        self.read_until(b"raw REPL; CTRL-B to exit\r\n>")

    def soft_reboot(self):
        """A fresh heap (the files stay), back at the raw REPL prompt."""
        self.send(b"\x04")
        self.read_until(b"raw REPL; CTRL-B to exit\r\n>")

    def _send_code(self, code):
        # The board reads the raw REPL's input as it comes: a pause after
        # each piece lets it empty its buffer.
        data = code.encode()
        if b"\x03" in data or b"\x04" in data:
            raise ValueError("code must not contain Ctrl-C or Ctrl-D")
        for start in range(0, len(data), PIECE):
            self.send(data[start:start + PIECE])
            time.sleep(0.05)
        self.send(b"\x04")
        self.read_until(b"OK")

    def run(self, code, timeout=None):
        """Run code in the raw REPL: (its output, its traceback or "")."""
        self._send_code(code)
        out = self.read_until(b"\x04", timeout)[:-1]
        error = self.read_until(b"\x04", timeout)[:-1]
        self.read_until(b">")
        return out.decode().replace("\r\n", "\n"), error.decode().replace("\r\n", "\n")

    def put(self, name, text):
        """Write a file on the board, checked piece by piece."""
        data = text.encode()
        self._send_code(RECEIVER.format(name=name))
        sent = checksum = 0
        for start in range(0, len(data), PIECE):
            piece = data[start:start + PIECE]
            self.send(bytes([32 + len(piece)]) + piece)
            sent += len(piece)
            checksum = (checksum + sum(piece)) % 65536
            ack = self.read_until(b"\r\n").decode().split()
            if ack != [str(sent), str(checksum)]:
                raise BoardError("putting {}: after {} bytes the board has {}".format(
                    name, sent, " ".join(ack)))
        self.send(b" ")
        self.read_until(b"done\r\n")
        self.read_until(b"\x04")
        error = self.read_until(b"\x04")[:-1]
        self.read_until(b">")
        if error:
            raise BoardError("putting {}: {}".format(name, error.decode()))

    def run_main(self, timeout=None, until=None):
        """Soft-reboot as at power-up, which runs main.py: what it prints, a traceback included.

        With until (bytes), a main.py that goes on (waiting for buttons, say)
        is read up to the end of the line holding until, then interrupted
        with Ctrl-C; a traceback before it is read in full.
        """
        self.send(b"\x02")  # the normal REPL
        self.read_until(b">>> ")
        self.send(b"\x04")
        self.read_until(b"soft reboot\r\n")
        deadline = time.time() + (timeout or self.timeout)
        while True:
            try:
                if until is not None and until in self.pending:
                    out = self.read_until(until) + self.read_until(b"\r\n")
                    self.send(b"\x03")  # ends main.py, with a KeyboardInterrupt
                    break
                out = self.read_until(BANNER, timeout=1)[:-len(BANNER)]
                break
            except BoardError:
                if time.time() > deadline:
                    raise
                # After a traceback the board scrolls it across its LEDs
                # for a minute before the prompt comes back: Ctrl-C ends that.
                if b"Traceback" in self.pending:
                    self.send(b"\x03")
        self.read_until(b">>> ")
        self.raw_repl()
        return out.decode().replace("\r\n", "\n")
