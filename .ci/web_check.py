"""The playground page (web/), checked in a real browser: Debian's headless Chromium.

What it proves, each line printed as "ok" or "FAIL":
  - web/micropython/ holds the pinned interpreter: micropython.mjs and micropython.wasm are
    byte-identical to the npm package in .ci/node_modules (run `cd .ci && npm ci` first);
  - the page, served from the repository root on 127.0.0.1 (nothing else is reached), runs the
    project's own modules and shows the command line's own lines, for every address form:
    no query, ?x=, ?weights= (as --load), ?backprop=, ?train=1&epochs=&rate=&seed=;
  - a bad value, in the address or typed into a field, shows the command line's message and
    keeps the last good state; every control is reached with the Tab key;
  - the budgets: first hand calculation <= 1 s after navigation, 1000 epochs trained and drawn
    <= 2 s, the page's own files (without the interpreter) <= 40 KB; the numbers are printed;
  - `python3 network.py web --port 0` prints the page's address and serves it;
  - no console errors; screenshots at 390 px and 1280 px wide go to a folder, whose path is printed.

    python3 .ci/web_check.py [SCREENSHOT_FOLDER]

Needs: chromium and chromium-driver (Debian), selenium (PyPI). Exit status 1 on any failure.
"""

import filecmp
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "web")
PACKAGE = os.path.join(ROOT, ".ci", "node_modules", "@micropython", "micropython-webassembly-pyscript")
FIRST_CALC_MS, TRAIN_MS, PAGE_BYTES = 1000, 2000, 40 * 1000
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
failures = []
passed = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else "\n     " + detail))
    (passed if ok else failures).append(what)
    return ok


def same(page_text, expected, what):
    """The page's text against the command line's, with the first difference if any."""
    if page_text == expected:
        return check(True, what)
    for i, (a, b) in enumerate(zip(page_text.split("\n") + [""] * 99, expected.split("\n"))):
        if a != b:
            return check(False, what, "line {}: page {!r}\n     command line {!r}".format(i + 1, a, b))
    return check(False, what, "the page has more lines")


def cli(*args, cwd=None):
    """python3 network.py ARGS: (stdout without its last newline, the error message or None)."""
    done = subprocess.run([sys.executable, os.path.join(ROOT, "network.py")] + list(args),
                          cwd=cwd, capture_output=True, text=True, timeout=120)
    message = re.search(r"error: (.*) \(see: ", done.stderr)
    return done.stdout.rstrip("\n"), message and message.group(1)


class Handler(SimpleHTTPRequestHandler):
    extensions_map = dict(SimpleHTTPRequestHandler.extensions_map,
                          **{".wasm": "application/wasm", ".mjs": "text/javascript", ".py": "text/plain"})

    def log_message(self, *args):  # quiet
        pass


class Browser:
    def __init__(self, base, profile):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in FLAGS + ["--user-data-dir=" + profile]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_window_size(1280, 1000)
        self.base = base

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def text(self, element_id):
        return self.js("return document.getElementById(arguments[0]).textContent", element_id)

    def wait(self, script, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            value = self.js(script)
            if value:
                return value
            time.sleep(0.02)
        return None

    def open(self, query="", trained=False):
        """Load the page at /web/QUERY; wait until it is ready (and trained); its console is checked."""
        self.driver.get(self.base + "web/" + query)
        ready = self.wait("return document.body.dataset.ready || document.getElementById('status')"
                          ".className === 'error' && document.getElementById('status').textContent")
        if ready != "1":
            check(False, "the page starts: /web/" + query, str(ready))
            return False
        if trained and not self.wait("return document.body.dataset.trained", 60):
            check(False, "training finishes: /web/" + query)
            return False
        self.console("/web/" + query)
        return True

    def console(self, where):
        entries = self.driver.get_log("browser")
        errors = [e["message"] for e in entries if e["level"] == "SEVERE"]
        check(not errors, "no console errors: " + where, "\n     ".join(errors))
        outside = self.js("return performance.getEntriesByType('resource').map(e => e.name)"
                          ".filter(n => !n.startsWith(arguments[0]))", self.base)
        check(not outside, "nothing fetched from elsewhere: " + where, str(outside))

    def type(self, element_id, text):
        field = self.driver.find_element("id", element_id)
        field.click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.BACKSPACE)
        field.send_keys(text)

    def download(self):
        """The weights.json the page's link gives."""
        self.driver.find_element("id", "download").click()
        return self.driver.execute_async_script(
            "fetch(document.getElementById('download').href).then(r => r.text()).then(arguments[0])")

    def screenshot(self, path, width):
        mobile = width < 500
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        time.sleep(0.3)  # the page redraws its charts for the width
        metrics["height"] = self.js("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        time.sleep(0.3)
        overflow = self.js("return document.documentElement.scrollWidth - innerWidth")
        check(overflow <= 0, "nothing wider than the screen at {} px".format(width), "{} px more".format(overflow))
        self.driver.save_screenshot(path)
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def check_vendored():
    print("== the interpreter in web/micropython/ is the pinned npm package")
    if not check(os.path.isdir(PACKAGE), "the package is installed", "run: cd .ci && npm ci"):
        return
    for name in ("micropython.mjs", "micropython.wasm"):
        check(filecmp.cmp(os.path.join(WEB, "micropython", name), os.path.join(PACKAGE, name),
                          shallow=False), "web/micropython/{} is byte-identical to the package's".format(name))
    with open(os.path.join(PACKAGE, "package.json")) as f:
        version = json.load(f)["version"]
    with open(os.path.join(WEB, "micropython", "VERSION")) as f:
        check(version in f.read(), "web/micropython/VERSION names the version, " + version)
    check(os.path.isfile(os.path.join(WEB, "micropython", "LICENSE")), "web/micropython/LICENSE is there")


def check_size():
    sizes = {}
    for folder, dirs, files in os.walk(WEB):
        dirs[:] = [d for d in dirs if d not in ("micropython", "__pycache__")]
        for name in files:
            path = os.path.join(folder, name)
            sizes[os.path.relpath(path, WEB)] = os.path.getsize(path)
    total = sum(sizes.values())
    print("   page's own files: " + ", ".join("{} {}".format(k, v) for k, v in sorted(sizes.items())))
    check(total <= PAGE_BYTES, "budget: the page's own files total {} bytes (at most {})".format(total, PAGE_BYTES))
    return total


def check_pages(b, work):
    print("== the article's network on [2, 3], with no query")
    if not b.open():
        return None, None  # nothing more can be checked
    first = b.js("return performance.getEntriesByName('first-calc')[0].startTime")
    check(first <= FIRST_CALC_MS, "budget: first hand calculation shown {:.0f} ms after navigation"
          " (at most {})".format(first, FIRST_CALC_MS))
    same(b.text("calc"), cli("2", "3")[0], "hand calculation = python3 network.py 2 3")
    same(b.text("bp"), cli("backprop")[0], "backprop by hand (Alice) = python3 network.py backprop")
    check(b.text("calc-cmd") == "python3 network.py 2 3", "the command is shown: " + b.text("calc-cmd"))

    print("== keyboard")
    b.js("document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = []
    for _ in range(60):
        b.driver.switch_to.active_element.send_keys(Keys.TAB)
        reached.append(b.js("return document.activeElement.id"))
    wanted = ["lb", "in", "x1", "x2"] + ["p%d" % i for i in range(9)] + [
        "bx1", "bx2", "by", "person", "epochs", "rate", "seed", "train", "step", "reset"]
    missing = [w for w in wanted if w not in reached]
    check(not missing, "Tab reaches every field and button", "not reached: " + str(missing))
    b.driver.find_element("id", "step").send_keys(Keys.SPACE)
    check(b.text("progress").startswith("Epoch 1 of 1000"), "Space on Step trains one epoch: " + b.text("progress"))

    print("== typing: good and bad values")
    b.open()
    b.type("x1", "7")
    same(b.text("calc"), cli("7", "3")[0], "x1 typed as 7: python3 network.py 7 3")
    check(b.js("return document.getElementById('lb').value") == "142", "weight (lb) follows: 142")
    before = b.text("calc")
    b.type("p0", "abc")
    message = cli("abc", "3")[1]
    check(message in b.text("p-error"), "w1 typed as abc: the message next to it: " + b.text("p-error"))
    check(b.js("return document.getElementById('p0').getAttribute('aria-invalid')") == "true",
          "w1 is marked invalid (not by colour alone)")
    check(b.text("calc") == before, "the last good state stays")
    b.type("epochs", "-5")
    message = cli("train", "--epochs", "-5")[1]
    check(message in b.text("tr-error"), "epochs typed as -5: " + b.text("tr-error"))
    b.type("lb", "128")
    b.type("in", "63")
    same(b.text("calc"), cli("-7", "-3")[0], "128 lb, 63 in: python3 network.py -7 -3")
    check(b.js("return location.search") == "?x=-7,-3", "the address follows: " + b.js("return location.search"))
    b.type("p0", "0.5")
    calc, search = b.text("calc"), b.js("return location.search")
    check(search == "?x=-7,-3&weights=0.5,1,0,0,1,0,0,1,0", "w1 typed as 0.5, the address: " + search)
    b.console("typing")
    b.open(search)
    same(b.text("calc"), calc, "the address reproduces the page")

    print("== ?x= and ?backprop=")
    b.open("?x=-7,-3&backprop=25,6,0")
    same(b.text("calc"), cli("-7", "-3")[0], "?x=-7,-3 = python3 network.py -7 -3")
    same(b.text("bp"), cli("backprop", "25", "6", "0")[0], "?backprop=25,6,0 = python3 network.py backprop 25 6 0")

    print("== ?weights= (the lines --load prints)")
    weights = "1,-2.5,0.5,0.25,1,-1,2,-3,0.125"
    b.open("?weights={}&x=3,-1&backprop=-15,-6,1".format(weights))
    with open(os.path.join(work, "weights.json"), "w") as f:
        f.write(b.download())
    same(b.text("calc"), cli("--load", "weights.json", "3", "-1", cwd=work)[0],
         "?weights=...&x=3,-1 = python3 network.py --load weights.json 3 -1 (the page's weights.json)")
    same(b.text("bp"), cli("backprop", "-15", "-6", "1", "--load", "weights.json", cwd=work)[0],
         "?backprop=-15,-6,1 = python3 network.py backprop -15 -6 1 --load weights.json")

    print("== ?train=1&epochs=N&rate=R&seed=S")
    trained_ms = None
    for epochs, rate, seed in (("1000", "0.1", "1"), ("200", "0.5", "7")):
        query = "?train=1&epochs={}&rate={}&seed={}".format(epochs, rate, seed)
        if not b.open(query, trained=True):
            continue
        settings = ["train", "--epochs", epochs, "--learn-rate", rate, "--seed", seed]
        output = cli(*settings)[0].split("\n")
        same(b.text("tr"), "\n".join(output[-2:]), query + ": Emily and Frank = python3 network.py " + " ".join(settings))
        final = re.search(r"Final loss .*: (\S+)", "\n".join(output)).group(1)
        check(b.text("progress").startswith("Epoch {} of {}".format(epochs, epochs)), "progress: " + b.text("progress"))
        check(b.text("progress").endswith("loss " + final), "final loss {}, as train prints it".format(final))
        folder = tempfile.mkdtemp(dir=work)
        cli(*(settings + ["--save", "weights.json"]), cwd=folder)
        same(b.text("calc"), cli("--load", "weights.json", "2", "3", cwd=folder)[0],
             query + ": trained weights = train --save, then --load weights.json 2 3")
        if epochs == "1000":
            trained_ms = int(b.js("return document.body.dataset.trained").split()[1])
            check(trained_ms <= TRAIN_MS, "budget: 1000 epochs trained and drawn in {} ms (at most {})".format(
                trained_ms, TRAIN_MS))

    print("== bad values in the address")
    for query, args in (("?x=abc,3", ("abc", "3")), ("?backprop=1,x,0", ("backprop", "1", "x", "0")),
                        ("?epochs=abc", ("train", "--epochs", "abc")),
                        ("?rate=0", ("train", "--learn-rate", "0"))):
        b.open(query)
        message = cli(*args)[1]
        shown = b.text("address-error")
        check(bool(message) and message in shown, query + ": the command line's message: " + shown)
    b.open("?x=abc,3")
    same(b.text("calc"), cli("2", "3")[0], "?x=abc,3 keeps the article's [2, 3]")
    b.open("?weights=1,2")
    check("expected 9 numbers" in b.text("address-error"), "?weights=1,2: " + b.text("address-error"))
    return first, trained_ms


def check_web_command():
    print("== python3 network.py web --port 0 serves the page")
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "network.py"), "web", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/web/", line)
        if check(bool(address), "it prints the address: " + line.strip()):
            from urllib.request import urlopen

            with urlopen(address.group(0), timeout=10) as answer:
                check(b"<title>" in answer.read(), "the address answers with the page")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(args):
    shots = os.path.abspath(args[0] if args else os.path.join(tempfile.gettempdir(), "web-check"))
    os.makedirs(shots, exist_ok=True)
    check_vendored()
    print("== budget: the page's size")
    total = check_size()
    check_web_command()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=ROOT))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:{}/".format(server.server_address[1])
    with tempfile.TemporaryDirectory() as work:
        browser = Browser(base, os.path.join(work, "profile"))
        try:
            first, trained_ms = check_pages(browser, work)
            print("== screenshots")
            browser.open("?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
            browser.screenshot(os.path.join(shots, "playground-1280.png"), 1280)
            browser.screenshot(os.path.join(shots, "playground-390.png"), 390)
            browser.console("screenshots")
        finally:
            browser.driver.quit()
            server.shutdown()
    print("screenshots: " + shots)
    print("budgets: first hand calculation {} ms, 1000 epochs {} ms, page {} bytes".format(
        first and round(first), trained_ms, total))
    for what in failures:
        print("failed: " + what)
    print("web: {} passed, {} failed".format(len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
