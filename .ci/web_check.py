"""The playground page, checked in Debian's headless Chromium: the served page AND the one file.

What it proves, each line printed as "ok" or "FAIL", on both the page `python3 network.py web`
serves and the one file `python3 -m tools --page` makes, opened from file:// (no flag lets it
read files, and its own content security policy forbids every fetch):
  - web/micropython/ is the pinned npm package, byte for byte (run `cd .ci && npm ci` first);
    web/index.html opened as a file says at once what to do;
  - every address form shows exactly the lines `python3 network.py ...` prints for it: the hand
    calculation, backprop, --load with the page's own weights.json, the whole of train (with
    --people FILE [--shift A B] too); the weights.json it offers is what train --save writes;
  - bad values (401 digits, 1e400, words, a bad people file) in the address or typed into a
    field get the command line's own message; the page never stops or wedges; the address it
    writes reloads to the same state;
  - the people table (edit, add, remove, a click on the map, pasted CSV), paced training with
    Pause and Step, Enter trains, Reset, the Tab key reaches every control, commands never break
    inside a word, the loss curve on a log scale, edges by colour AND dash AND width, phone tabs;
  - no console errors, nothing fetched from elsewhere, and the budgets, printed: the first hand
    calculation <= 1 s (served) or 1.5 s (one file) after opening, 1000 epochs at full speed
    <= 2 s, the page's own files <= 45 KB, the one file <= 1,000,000 bytes;
  - screenshots at 390 px and 1280 px go to a folder, whose path is printed.

    python3 .ci/web_check.py [SCREENSHOT_FOLDER]        (exit status 1 on any failure)
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, ".ci", "node_modules", "@micropython", "micropython-webassembly-pyscript")
OWN, ONE_FILE, TRAIN_MS, FIRST_MS = 45000, 1000000, 2000, {"served": 1000, "one file": 1500}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
D401 = "1" * 401
KG = "name,weight_kg,height_cm,female;Jo,60,170,1;Al,80,180,0;Mo,70,165,;Ki,55,160,1;Bo,90,185,0"
ARTICLE = "name,weight_lb,height_in,female;Alice,133,65,1;Bob,160,72,0;Charlie,152,70,0;Diana,120,60,1"
TRAIN = "train {}--epochs {} --learn-rate {} --seed {}"
# An address, then what the page shows there: (element, the command line printing the same).
# people.csv is the address's people; weights.json the page's own download.
ADDRESSES = [
    ("", [("calc", "2 3"), ("bp", "backprop")]),
    ("?x=-7,-3&backprop=25,6,0", [("calc", "-7 -3"), ("bp", "backprop 25 6 0")]),
    ("?weights=1,-2.5,0.5,0.25,1,-1,2,-3,0.125&x=3,-1&backprop=-15,-6,1",
     [("calc", "--load weights.json 3 -1"), ("bp", "backprop -15 -6 1 --load weights.json")]),
    ("?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", [("calc", "--load weights.json inf inf")]),
    ("?train=1&epochs=1000&rate=0.1&seed=1", [("tr", TRAIN.format("", 1000, 0.1, 1))]),
    ("?train=1&epochs=200&rate=0.5&seed=" + D401, [("tr", TRAIN.format("", 200, 0.5, D401))]),
    ("?people={}&train=1&epochs=300&rate=0.2&seed=3".format(KG), [("tr", TRAIN.format("--people people.csv ", 300, 0.2, 3))]),
    ("?people={}&shift=70,170&train=1&epochs=100&rate=0.1&seed=2".format(KG),
     [("tr", TRAIN.format("--people people.csv --shift 70 170 ", 100, 0.1, 2))]),
    ("?people={};Emily,128,63,;Frank,155,68,&shift=135,66&train=1&epochs=1000&rate=0.1&seed=1".format(ARTICLE),
     [("tr", TRAIN.format("", 1000, 0.1, 1))]),  # the article's people as a file: train's own lines
]
# A bad value in the address, and the command line whose message the page shows (None: the
# value is good, a seed of 401 digits); the page starts either way.
BAD = [("?seed=" + D401, None), ("?epochs={}&train=1".format(D401), "train --epochs " + D401),
       ("?x={},3".format(D401), D401 + " 3"), ("?x=abc,3", "abc 3"), ("?rate=" + D401, "train --learn-rate " + D401),
       ("?rate=0", "train --learn-rate 0"), ("?backprop=1,x,0", "backprop 1 x 0"),
       ("?backprop={},1,1".format(D401), "backprop {} 1 1".format(D401)), ("?weights=1,2,3,4,5,6,7,8,abc", "abc 3"),
       ("?epochs=1e22", "train --epochs 1e22"), ("?people=name,a,b,y;A,{},2,1;B,3,4,0".format(D401), "PEOPLE"),
       ("?people=name,a,b,y;A,1,2,1", "PEOPLE"), ("?people=1,2,3,4;A,1,2,1;B,3,4,0", "PEOPLE"),
       ("?people=name,a,b,y;A,1,2,7;B,3,4,0", "PEOPLE"), ("?shift={},1".format(D401), "PEOPLE --shift {} 1".format(D401))]
# Typed into a field: (field, text, the command line whose message shows, or None: it applies).
TYPED = [("seed", D401, None), ("epochs", D401, None), ("x1", D401, D401 + " 3"), ("x1", "1e400", "1e400 3"),
         ("p0", "abc", "abc 3"), ("epochs", "-5", "train --epochs -5"), ("rate", D401, "train --learn-rate " + D401),
         ("bx1", D401, "backprop {} -1 1".format(D401)), ("sh1", "x", "PEOPLE --shift x 66"),
         ("epochs", "1e22", "train --epochs 1e22")]
# Addresses that must reload to the same state (each as the page rewrites it).
RELOAD = ["?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", "?epochs=10000000000000000000000", "?seed=" + D401,
          "?people={}&shift=65.5,171".format(KG), "?rate=0.30000000000000004&backprop=0.1,1e-300,0",
          "?x=1e-300,5e+300&weights=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9", "?weights=1,1,0,1,1,0,1,1,0&x=inf,inf&train=1&epochs=30"]
SHOWN = ("calc", "bp", "tr", "csv")
results = {"ok": [], "FAIL": []}


def check(ok, what, detail=""):
    print("{:5}{}{}".format("ok" if ok else "FAIL", what, "" if ok or not detail else "\n     " + str(detail)[:600]))
    results["ok" if ok else "FAIL"].append(what)
    return ok


def same(page, expected, what):
    """The page's text against the command line's, with the first difference if any."""
    lines, wanted = page.split("\n"), expected.split("\n")
    wrong = [i for i in range(max(len(lines), len(wanted))) if lines[i:i + 1] != wanted[i:i + 1]]
    return check(not wrong, what, wrong and "line {}: page {!r}\n     command line {!r}".format(
        wrong[0] + 1, lines[wrong[0]:wrong[0] + 1], wanted[wrong[0]:wrong[0] + 1]))


def folder(work, query=""):
    """A new folder holding people.csv, the people the address holds (or the article's)."""
    made = tempfile.mkdtemp(dir=work)
    rows = re.search(r"people=([^&]*)", query)
    with open(os.path.join(made, "people.csv"), "w") as f:
        f.write("\n".join((rows.group(1) if rows else ARTICLE).split(";")) + "\n")
    return made


def load(where):
    with open(os.path.join(where, "weights.json")) as f:
        return json.load(f)


def cli(args, cwd):
    """python3 network.py ARGS in cwd (PEOPLE: train --people people.csv): (stdout, error or None)."""
    done = subprocess.run([sys.executable, os.path.join(ROOT, "network.py")] + args.replace(
        "PEOPLE", "train --people people.csv").split(" "), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        universal_newlines=True, timeout=300)
    message = re.search(r"error: (.*) \(see: ", done.stderr)
    return done.stdout.rstrip("\n"), message and message.group(1)


class Browser:
    def __init__(self, work):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in FLAGS + ["--user-data-dir=" + os.path.join(work, "profile")]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_window_size(1280, 1000)
        self.downloads = os.path.join(work, "downloads")
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def text(self, element_id):  # a field's value, or an element's text
        return self.js("const e = document.getElementById(arguments[0]);"
                       " return e.matches('input, textarea') ? e.value : e.textContent", element_id)

    def find(self, selector):
        return self.driver.find_element("css selector", selector)

    def wait(self, script, seconds=30):
        end = time.time() + seconds
        while time.time() < end:
            value = self.js(script)
            if value:
                return value
            time.sleep(0.02)
        return None

    def open(self, page, query="", trained=False):
        """Open the page at query, wait until it is ready (and trained), check its console."""
        self.driver.get(page + query)
        started = self.wait("return document.body.dataset.ready || document.getElementById('status')"
                            ".className === 'error' && document.getElementById('status').textContent")
        ok = check(started == "1", "starts: " + query[:70], started) and (not trained or check(
            bool(self.wait("return document.body.dataset.trained", 120)), "trains: " + query[:70]))
        errors = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        check(not errors, "no console errors: " + query[:70], errors)
        outside = self.js("return performance.getEntriesByType('resource').map(e => e.name)"
                          ".filter(n => !n.startsWith(arguments[0]))", page.rsplit("/", 2)[0] + "/")
        check(not outside, "nothing fetched from elsewhere: " + query[:70], outside)
        return ok

    def type(self, selector, text, enter=True):
        field = self.find(selector)
        field.click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.BACKSPACE, text, *([Keys.ENTER] if enter else []))
        self.wait("return !document.body.dataset.pending", 5)

    def download(self, name, into):
        """The weights file the page's link gives, moved into a folder."""
        for old in os.listdir(self.downloads) if os.path.isdir(self.downloads) else ():
            os.remove(os.path.join(self.downloads, old))
        self.find("#download").click()
        end = time.time() + 10
        while not os.path.isfile(os.path.join(self.downloads, name)) and time.time() < end:
            time.sleep(0.05)
        os.replace(os.path.join(self.downloads, name), os.path.join(into, name))

    def screenshot(self, path, width):
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        time.sleep(0.3)  # the page redraws its charts for the width
        overflow = self.js("return document.documentElement.scrollWidth - innerWidth")
        check(overflow <= 0, "nothing wider than the screen at {} px".format(width), "{} px more".format(overflow))
        self.driver.save_screenshot(path)


def check_addresses(b, page, work):
    for query, shows in ADDRESSES:
        here = folder(work, query)
        if not b.open(page, query, trained="train=1" in query):
            continue
        if not b.js("return document.getElementById('download').hidden"):
            b.download("weights.json", here)
        for element, args in shows:
            same(b.text(element), cli(args, here)[0], "{} {} = python3 network.py {}".format(query[:50], element, args[:60]))
        if "train=1" in query:
            saved = folder(work, query)
            cli(shows[0][1] + " --save weights.json", saved)
            check(load(saved) == load(here), query[:50] + ": the page's weights.json holds what train --save writes")
            same(b.text("calc"), cli("--load weights.json 2 3", saved)[0], query[:50] + ": then --load it, 2 3")


def check_bad(b, page, work):
    for query, args in BAD:
        if b.open(page, query) and args:
            message, shown = cli(args, folder(work, query))[1], b.text("address-error") + b.text("tr-error")
            check(bool(message) and message in shown, query[:60] + ": the command line's message", (message, shown))
    for field, text, args in TYPED:
        b.open(page)
        before = b.text("calc")
        b.type("#" + field, text, enter=False)  # applied after a pause in typing, not at each key
        message = args and cli(args, folder(work))[1]
        errors = "".join(b.text(e) for e in ("x-error", "p-error", "tr-error", "bp-error", "sh-error"))
        if message:
            check(message in errors and b.text("calc") == before, "typed {}={}: its message, the state kept".format(
                field, text[:12]), (message, errors))
        else:
            check(not errors and text in b.js("return location.search"), "typed {}={}: applied, in the address".format(
                field, text[:12]), errors)
        b.type("#x1", "7")
        same(b.text("calc"), cli("7 3", work)[0], "then x1 typed as 7: python3 network.py 7 3 (not wedged)")
    for query in RELOAD:
        b.open(page, query, trained="train=1" in query)
        search, texts = b.js("return location.search"), [b.text(e) for e in SHOWN]
        b.open(page, search, trained="train=1" in query)
        check(b.js("return location.search") == search and [b.text(e) for e in SHOWN] == texts,
              "{} reloads to the same state as {}".format(query[:40], search[:60]))


def check_controls(b, page, work):
    b.open(page)
    b.js("document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = set()
    for _ in range(120):
        b.driver.switch_to.active_element.send_keys(Keys.TAB)
        reached.add(b.js("return document.activeElement.id || document.activeElement.tagName"))
    wanted = {"a", "b", "x1", "x2", "bx1", "bx2", "by", "epochs", "rate", "seed", "speed", "train", "step", "reset",
              "answer", "sh1", "sh2", "csv", "use", "people-file", "INPUT", "BUTTON"} | {"p%d" % i for i in range(9)}
    check(wanted <= reached, "Tab reaches every field and button", wanted - reached)
    b.find("#step").send_keys(Keys.SPACE)
    check(b.text("progress").startswith("Epoch 1 of 1000"), "Space on Step trains one epoch: " + b.text("progress"))
    b.type("#epochs", "300")
    check(b.text("train") == "Pause", "Enter in epochs trains, at the chosen pace: " + b.text("progress"))
    time.sleep(1)
    b.find("#train").click()
    epoch = int(b.text("progress").split()[1])
    check(0 < epoch < 300, "paced: Pause after about 1 s at 100 epochs/s, at epoch {} of 300".format(epoch))
    b.find("#step").click()
    check(b.text("progress").startswith("Epoch {} of".format(epoch + 1)), "Step goes on from there: " + b.text("progress"))
    b.find("#reset").click()
    same(b.text("calc"), cli("2 3", work)[0], "Reset: the article's network, python3 network.py 2 3")
    check(TRAIN.format("", 300, 0.1, 1) in b.text("tr-cmd"), "the command matches the fields: " + b.text("tr-cmd"))
    b.open(page, "?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
    lines = b.js("return [...document.querySelectorAll('#svg line')].map(l => ['stroke-width', 'stroke-dasharray',"
                 " 'stroke'].map(a => l.getAttribute(a)))")
    check(len({w for w, d, c in lines}) >= 4 and {d for w, d, c in lines} == {"none", "7 4"}
          and len({c for w, d, c in lines}) == 2, "edges: width, dash and colour by weight", lines)
    check("0.001" in b.text("curve"), "the loss curve on a log scale: " + b.text("curve")[:40])
    rows = lambda: b.js("return document.querySelectorAll('#rows tr').length") - 1  # noqa: E731 (less the add row)
    for cell, text in zip(b.driver.find_elements("css selector", "#rows tr:last-child input"), ("Zoe", "130", "64", "1")):
        cell.send_keys(text)
    b.find("#rows tr:last-child button").click()
    check(rows() == 7 and "Zoe,130,64,1" in b.text("csv"), "add a person: Zoe")
    b.type("#rows tr:first-child td:nth-child(2) input", "140")
    check("Alice,140,65,1" in b.js("return decodeURIComponent(location.search)"), "edit a person: Alice 140 lb")
    b.find("#rows tr:nth-child(2) button").click()
    check(rows() == 6 and "Bob" not in b.text("csv"), "remove a person: Bob")
    b.find("#map").click()
    check(rows() == 7 and re.search(r"\nP\d+,[\d.]+,[\d.]+,1$", b.text("csv")), "a click on the map adds a person: "
          + b.text("csv").split("\n")[-1])
    for text in (KG, "name,a,b,y;A,1,x,1"):
        b.js("document.getElementById('csv').value = arguments[0]", text.replace(";", "\n"))
        b.find("#use").click()
        message = cli("PEOPLE", folder(work, "people=" + text))[1]
        check(rows() == 5 and (message in b.text("pp-error") if message else not b.text("pp-error")) and "weight_kg"
              in b.js("return document.querySelector('thead').textContent"), "pasted CSV, read as the command line"
              " reads it: " + (message or "five people, their measurements named"))


def check_page(b, page, kind, work, shots):
    print("== " + kind + ": " + page)
    b.open(page)
    first = b.js("return performance.getEntriesByName('first-calc')[0].startTime")
    check(first <= FIRST_MS[kind], "budget: the first hand calculation {:.0f} ms after opening (at most {})".format(
        first, FIRST_MS[kind]))
    check_addresses(b, page, work)
    b.open(page, "?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
    trained = int(b.js("return document.body.dataset.trained").split()[1])
    check(trained <= TRAIN_MS, "budget: 1000 epochs at full speed, trained and drawn in {} ms (at most {})".format(
        trained, TRAIN_MS))
    for width in (1280, 390):
        b.screenshot(os.path.join(shots, "playground-{}-{}.png".format(kind.replace(" ", "-"), width)), width)
    broken = b.js("return [...document.querySelectorAll('.cmd .w')].filter(w => w.getClientRects().length > 1).length")
    check(broken == 0, "at 390 px no command breaks inside a word")
    b.find("#tabs [data-panel=training]").click()
    top = b.js("return document.getElementById('train').getBoundingClientRect().top")
    check(0 < top < 860, "at 390 px the Training tab shows training at once (Train at {:.0f} px)".format(top))
    b.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    check_bad(b, page, work)
    check_controls(b, page, work)
    return first, trained


def main(args):
    shots = os.path.abspath(args[0] if args else os.path.join(tempfile.gettempdir(), "web-check"))
    os.makedirs(shots, exist_ok=True)
    for name in ("micropython.mjs", "micropython.wasm"):
        check(filecmp.cmp(os.path.join(ROOT, "web", "micropython", name), os.path.join(PACKAGE, name), False),
              "web/micropython/{} is the pinned package's (cd .ci && npm ci)".format(name))
    own = sum(os.path.getsize(os.path.join(ROOT, "web", n)) for n in ("index.html", "style.css", "app.js", "playground.py"))
    check(own <= OWN, "budget: the page's own files, {} bytes (at most {})".format(own, OWN))
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "network.py"), "web", "--port", "0"],
                              stdout=subprocess.PIPE, universal_newlines=True)
    measured = {}
    with tempfile.TemporaryDirectory() as work:
        one = os.path.join(work, "playground.html")
        with open(one, "w") as f:
            made = subprocess.run([sys.executable, "-m", "tools", "--page"], cwd=ROOT, stdout=f, timeout=60)
        size = os.path.getsize(one)
        check(made.returncode == 0 and size <= ONE_FILE, "budget: python3 -m tools --page, {} bytes (at most {})".format(
            size, ONE_FILE))
        address = re.search(r"http://127\.0\.0\.1:\d+/web/", server.stdout.readline())
        b = Browser(work)
        try:
            b.driver.get("file://" + os.path.join(ROOT, "web", "index.html"))
            b.driver.get_log("browser")  # its scripts are refused: that is what the page explains
            check("python3 -m tools --page" in b.text("status"), "web/index.html as a file says what to do: "
                  + b.text("status")[:70])
            if check(bool(address), "python3 network.py web --port 0 prints the page's address"):
                measured["served"] = check_page(b, address.group(0), "served", work, shots)
            measured["one file"] = check_page(b, "file://" + one, "one file", work, shots)
        finally:
            b.driver.quit()
            server.terminate()
            server.wait(timeout=10)
    print("screenshots: " + shots)
    for kind, (first, trained) in sorted(measured.items()):
        print("budgets, {}: the first hand calculation {:.0f} ms, 1000 epochs {} ms".format(kind, first, trained))
    print("budgets: the page's own files {} bytes, the one file {} bytes".format(own, size))
    for what in results["FAIL"]:
        print("failed: " + what)
    print("web: {} passed, {} failed".format(len(results["ok"]), len(results["FAIL"])))
    return 1 if results["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
