"""The playground page, checked in Debian's headless Chromium: the served page AND the one file.

What it proves, each line printed as "ok" or "FAIL", on both the page that `python3 network.py
web` serves and the one file `python3 -m tools --page` makes, opened from file:// (no flag lets
it read files; its own content security policy forbids every fetch):
  - web/micropython/ is the pinned npm package, byte for byte (run `cd .ci && npm ci` first);
  - every address form shows exactly the lines `python3 network.py ...` prints for it (the
    hand calculation, backprop, --load with the page's own weights.json, the whole of train,
    with --people FILE [--shift A B]), and the weights.json it offers is what train --save writes;
  - bad values (401 digits, 1e400, words, a bad people file) in the address or typed into a
    field get the command line's own message; the page never stops or wedges, and the address
    it writes reloads to the same state;
  - the people table (edit, add, remove, a click on the map, pasted CSV); paced training with
    Pause and Step; Enter trains; Reset; the keyboard reaches every control; commands never break
    inside a word; the loss curve on a log scale; edges by colour AND dash and thickness;
  - no console errors, nothing fetched from elsewhere, and the budgets, printed: the first hand
    calculation <= 1 s (served) and <= 1.5 s (one file) after opening, 1000 epochs at full speed
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
OWN, ONE_FILE, TRAIN_MS = 45000, 1000000, 2000
FIRST_MS = {"served": 1000, "one file": 1500}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
D401 = "1" * 401
KG = "name,weight_kg,height_cm,female;Jo,60,170,1;Al,80,180,0;Mo,70,165,;Ki,55,160,1;Bo,90,185,0"
ARTICLE = "name,weight_lb,height_in,female;Alice,133,65,1;Bob,160,72,0;Charlie,152,70,0;Diana,120,60,1"
TRAIN = "train {}--epochs {} --learn-rate {} --seed {}"
# The address, then what the page shows: (element, the command line that prints the same).
# "people.csv" is the address's people; "weights.json" the page's own download.
ADDRESSES = [
    ("", [("calc", "2 3"), ("bp", "backprop")]),
    ("?x=-7,-3&backprop=25,6,0", [("calc", "-7 -3"), ("bp", "backprop 25 6 0")]),
    ("?weights=1,-2.5,0.5,0.25,1,-1,2,-3,0.125&x=3,-1&backprop=-15,-6,1",
     [("calc", "--load weights.json 3 -1"), ("bp", "backprop -15 -6 1 --load weights.json")]),
    ("?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", [("calc", "--load weights.json inf inf")]),
    ("?train=1&epochs=1000&rate=0.1&seed=1", [("tr", TRAIN.format("", 1000, 0.1, 1))]),
    ("?train=1&epochs=200&rate=0.5&seed=" + D401, [("tr", TRAIN.format("", 200, 0.5, D401))]),
    ("?people={}&train=1&epochs=300&rate=0.2&seed=3".format(KG),
     [("tr", TRAIN.format("--people people.csv ", 300, 0.2, 3))]),
    ("?people={}&shift=70,170&train=1&epochs=100&rate=0.1&seed=2".format(KG),
     [("tr", TRAIN.format("--people people.csv --shift 70 170 ", 100, 0.1, 2))]),
    ("?people={};Emily,128,63,;Frank,155,68,&shift=135,66&train=1&epochs=1000&rate=0.1&seed=1"
     .format(ARTICLE), [("tr", TRAIN.format("", 1000, 0.1, 1))]),  # the article's, as a people file
]
# A bad value in the address: the command line whose message the page must show, or None
# where the value is good (a seed of 401 digits); the page starts either way.
BAD = [("?seed=" + D401, None), ("?epochs=" + D401 + "&train=1", "train --epochs " + D401),
       ("?x={},3".format(D401), D401 + " 3"), ("?x=abc,3", "abc 3"),
       ("?rate=" + D401, "train --learn-rate " + D401), ("?rate=0", "train --learn-rate 0"),
       ("?backprop=1,x,0", "backprop 1 x 0"), ("?backprop={},1,1".format(D401), "backprop {} 1 1".format(D401)),
       ("?weights=1,2,3,4,5,6,7,8,abc", "abc 3"), ("?epochs=1e22", "train --epochs 1e22"),
       ("?people=name,a,b,y;A,{},2,1;B,3,4,0".format(D401), "train --people people.csv"),
       ("?people=name,a,b,y;A,1,2,1", "train --people people.csv"),
       ("?people=1,2,3,4;A,1,2,1;B,3,4,0", "train --people people.csv"),
       ("?people=name,a,b,y;A,1,2,7;B,3,4,0", "train --people people.csv"),
       ("?shift={},1".format(D401), "train --people people.csv --shift {} 1".format(D401))]
# Typed into a field: (field, text, the command line whose message shows, or None: it applies).
TYPED = [("seed", D401, None), ("epochs", D401 + "0", None), ("x1", D401, D401 + " 3"),
         ("x1", "1e400", "1e400 3"), ("p0", "abc", "abc 3"), ("epochs", "-5", "train --epochs -5"),
         ("rate", D401, "train --learn-rate " + D401), ("bx1", D401, "backprop {} -1 1".format(D401)),
         ("sh1", "x", "train --people people.csv --shift x 66"), ("epochs", "1e22", "train --epochs 1e22")]
# Addresses that must reload to the same state (the page rewrites each as it understands it).
RELOAD = ["?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", "?epochs=10000000000000000000000", "?seed=" + D401,
          "?people={}&shift=65.5,171".format(KG), "?rate=0.30000000000000004&backprop=0.1,1e-300,0",
          "?x=1e-300,5e+300&weights=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9"]
results = {"ok": [], "FAIL": []}


def check(ok, what, detail=""):
    word = "ok" if ok else "FAIL"
    print("{:5}{}{}".format(word, what, "" if ok or not detail else "\n     " + str(detail)[:600]))
    results[word].append(what)
    return ok


def same(page, expected, what):
    """The page's text against the command line's, with the first difference if any."""
    lines = page.split("\n")
    for i, line in enumerate(expected.split("\n")):
        if i >= len(lines) or lines[i] != line:
            return check(False, what, "line {}: page {!r}\n     command line {!r}".format(
                i + 1, lines[i] if i < len(lines) else None, line))
    return check(len(lines) == i + 1, what, "the page has more lines")


def cli(args, cwd):
    """python3 network.py ARGS in cwd: (stdout, the error message or None)."""
    done = subprocess.run([sys.executable, os.path.join(ROOT, "network.py")] + args.split(" "), cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=300)
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

    def text(self, element_id):
        return self.js("return document.getElementById(arguments[0]).textContent", element_id)

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
        ok = check(started == "1", "starts: " + query[:70], started)
        if ok and trained:
            ok = check(bool(self.wait("return document.body.dataset.trained", 120)), "trains: " + query[:70])
        self.console(page, query[:70])
        return ok

    def console(self, page, where):
        errors = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        check(not errors, "no console errors: " + where, errors)
        outside = self.js("return performance.getEntriesByType('resource').map(e => e.name)"
                          ".filter(n => !n.startsWith(arguments[0]))", page.rsplit("/", 2)[0] + "/")
        check(not outside, "nothing fetched from elsewhere: " + where, outside)

    def type(self, element_id, text, enter=False):
        field = self.driver.find_element("id", element_id)
        field.click()
        field.send_keys(Keys.CONTROL, "a", Keys.BACKSPACE)
        field.send_keys(text + (Keys.ENTER if enter else ""))
        self.wait("return !document.body.dataset.pending", 5)

    def download(self, element_id, name, folder):
        """The file the page's link gives, moved into folder."""
        for old in os.listdir(self.downloads) if os.path.isdir(self.downloads) else ():
            os.remove(os.path.join(self.downloads, old))
        self.driver.find_element("id", element_id).click()
        end = time.time() + 10
        while not os.path.isfile(os.path.join(self.downloads, name)) and time.time() < end:
            time.sleep(0.05)
        os.replace(os.path.join(self.downloads, name), os.path.join(folder, name))

    def screenshot(self, path, width):
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        time.sleep(0.3)  # the page redraws its charts for the width
        overflow = self.js("return document.documentElement.scrollWidth - innerWidth")
        check(overflow <= 0, "nothing wider than the screen at {} px".format(width), "{} px more".format(overflow))
        self.driver.save_screenshot(path)


def people_file(query, folder):
    """The people file an address holds (header first), written as folder/people.csv."""
    rows = re.search(r"people=([^&]*)", query)
    with open(os.path.join(folder, "people.csv"), "w") as f:
        f.write("\n".join(rows.group(1).split(";")) + "\n" if rows else "name,weight_lb,height_in,female\n")


def check_addresses(b, page, work):
    for query, shows in ADDRESSES:
        folder = tempfile.mkdtemp(dir=work)
        people_file(query, folder)
        if not b.open(page, query, trained="train=1" in query):
            continue
        if not b.js("return document.getElementById('download').hidden"):
            b.download("download", "weights.json", folder)
        for element, args in shows:
            same(b.text(element), cli(args, folder)[0], "{} {}: python3 network.py {}".format(query[:50], element, args[:70]))
        if "train=1" in query:
            saved = tempfile.mkdtemp(dir=work)
            people_file(query, saved)
            cli(shows[0][1] + " --save weights.json", saved)
            check(os.path.isfile(os.path.join(saved, "weights.json")) and filecmp.cmp(
                os.path.join(saved, "weights.json"), os.path.join(folder, "weights.json"), False),
                  query[:50] + ": the page's weights.json is what train --save writes", [open(
                      os.path.join(f, "weights.json")).read() for f in (saved, folder)])
            same(b.text("calc"), cli("--load weights.json 2 3", saved)[0], query[:50] + ": then --load it, 2 3")


def check_bad(b, page, work):
    people_file("people=name,weight_lb,height_in,female;A,1,2,1;B,3,4,0", work)
    for query, args in BAD:
        people_file(query, work)
        if b.open(page, query) and args:
            message = cli(args, work)[1]
            shown = b.text("address-error") + b.text("tr-error")
            check(bool(message) and message in shown, query[:60] + ": the command line's message", (message, shown))
    people_file("", work)
    for field, text, args in TYPED:
        b.open(page)
        before = b.text("calc")
        b.type(field, text)
        message = args and cli(args, work)[1]
        errors = "".join(b.text(e) for e in ("x-error", "p-error", "tr-error", "bp-error", "pp-error"))
        if message:
            check(message in errors and b.text("calc") == before, "typed {}={}: its message, the state kept".format(
                field, text[:20]), (message, errors))
        else:
            check(not errors and text in b.js("return location.search"), "typed {}={}: applied, in the address".format(
                field, text[:20]), errors)
        b.type("x1", "7")
        same(b.text("calc"), cli("7 3", work)[0], "then x1 typed as 7: python3 network.py 7 3 (not wedged)")
    for query in RELOAD:
        b.open(page, query)
        search, texts = b.js("return location.search"), [b.text(e) for e in ("calc", "bp", "tr", "rows")]
        b.open(page, search)
        check(b.js("return location.search") == search and [b.text(e) for e in ("calc", "bp", "tr", "rows")] == texts,
              "{} reloads to the same state as {}".format(query[:40], search[:60]))


def check_controls(b, page, work):
    b.open(page)
    b.js("document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = set()
    for _ in range(90):
        b.driver.switch_to.active_element.send_keys(Keys.TAB)
        reached.add(b.js("return document.activeElement.id || document.activeElement.tagName"))
    wanted = {"a", "b", "x1", "x2", "bx1", "bx2", "by", "person", "epochs", "rate", "seed", "speed", "train", "step",
              "reset", "answer", "sh1", "sh2", "csv", "use", "people-file", "INPUT", "BUTTON"} | {"p%d" % i for i in range(9)}
    check(wanted <= reached, "Tab reaches every field and button", wanted - reached)
    b.driver.find_element("id", "step").send_keys(Keys.SPACE)
    check(b.text("progress").startswith("Epoch 1 of 1000"), "Space on Step trains one epoch: " + b.text("progress"))
    b.type("epochs", "300", enter=True)
    check(b.text("train") == "Pause", "Enter in epochs trains, at the chosen pace: " + b.text("progress"))
    time.sleep(1)
    b.driver.find_element("id", "train").click()
    epoch = int(b.text("progress").split()[1])
    check(0 < epoch < 300, "paced: after about 1 s at 100 epochs/s, Pause at epoch {} of 300".format(epoch))
    time.sleep(0.5)
    b.driver.find_element("id", "step").click()
    check(b.text("progress").startswith("Epoch {} of".format(epoch + 1)), "Step goes on from the pause: " + b.text("progress"))
    b.driver.find_element("id", "reset").click()
    same(b.text("calc"), cli("2 3", work)[0], "Reset: the article's network again, python3 network.py 2 3")
    check(TRAIN.format("", 300, 0.1, 1) in b.text("tr-cmd"), "the command matches the fields: " + b.text("tr-cmd"))
    b.open(page, "?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
    lines = b.js("return [...document.querySelectorAll('#svg line')].map(l => [l.getAttribute('stroke-width'),"
                 " l.getAttribute('stroke-dasharray'), l.getAttribute('stroke')])")
    check(len({w for w, d, c in lines}) >= 4 and {d for w, d, c in lines} == {"none", "7 4"}
          and len({c for w, d, c in lines}) == 2, "edges: thickness, dash and colour by weight", lines)
    check("0.001" in b.text("curve"), "the loss curve on a log scale: " + b.text("curve")[:60])
    rows = lambda: b.js("return document.querySelectorAll('#rows tr').length") - 1  # noqa: E731, the add row
    tr = b.driver.find_elements("css selector", "#rows tr")
    b.driver.find_elements("css selector", "#rows tr:last-child input")[0].send_keys("Zoe")
    for text, cell in zip(("130", "64", "1"), tr[-1].find_elements("tag name", "input")[1:]):
        cell.send_keys(text)
    tr[-1].find_element("tag name", "button").click()
    check(rows() == 7 and "Zoe,130,64,1" in b.js("return decodeURIComponent(location.search)"), "add a person: Zoe")
    alice = b.driver.find_elements("css selector", "#rows tr:first-child input")[1]
    alice.send_keys(Keys.CONTROL, "a")
    alice.send_keys("140", Keys.ENTER)
    check("Alice,140,65,1" in b.js("return decodeURIComponent(location.search)"), "edit a person: Alice 140 lb")
    b.driver.find_element("css selector", "#rows tr:nth-child(2) button").click()
    check(rows() == 6 and "Bob" not in b.text("csv"), "remove a person: Bob")
    b.driver.find_element("id", "map").click()
    check(rows() == 7 and re.search(r"\nP\d+,", b.js("return document.getElementById('csv').value")), "a click on the map adds a person: " + b.text("csv").split("\n")[-1])
    b.js("document.getElementById('csv').value = arguments[0]", KG.replace(";", "\n"))
    b.driver.find_element("id", "use").click()
    check(rows() == 5 and b.text("rows") and b.js("return document.querySelector('.a-name').textContent") == "weight_kg",
          "pasted CSV: five people, the measurements' names on the page")
    people_file("?people=name,a,b,y;A,1,x,1", work)
    b.js("document.getElementById('csv').value = 'name,a,b,y\\nA,1,x,1'")
    b.driver.find_element("id", "use").click()
    message = cli("train --people people.csv", work)[1]
    check(message in b.text("pp-error"), "pasted bad CSV: the command line's message: " + b.text("pp-error"))


def check_page(b, page, kind, work, shots):
    print("== " + kind + ": " + page)
    b.open(page)
    first = b.js("return performance.getEntriesByName('first-calc')[0].startTime")
    check(first <= FIRST_MS[kind], "budget: first hand calculation {:.0f} ms after opening (at most {})".format(
        first, FIRST_MS[kind]))
    check_addresses(b, page, work)
    b.open(page, "?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
    trained = int(b.js("return document.body.dataset.trained").split()[1])
    check(trained <= TRAIN_MS, "budget: 1000 epochs at full speed, trained and drawn in {} ms (at most {})".format(
        trained, TRAIN_MS))
    name = "served" if kind == "served" else "one-file"
    b.screenshot(os.path.join(shots, "playground-{}-1280.png".format(name)), 1280)
    b.screenshot(os.path.join(shots, "playground-{}-390.png".format(name)), 390)
    broken = b.js("return [...document.querySelectorAll('.cmd .w')].filter(w => w.getClientRects().length > 1).length")
    check(broken == 0, "at 390 px no command breaks inside a word")
    b.driver.find_element("css selector", "#tabs [data-panel=training]").click()
    top = b.js("return document.getElementById('train').getBoundingClientRect().top")
    check(top + 40 < 900, "at 390 px the Training tab shows training at once (Train at {:.0f} px)".format(top))
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
        browser = Browser(work)
        try:
            if check(bool(address), "python3 network.py web --port 0 prints the page's address"):
                measured["served"] = check_page(browser, address.group(0), "served", work, shots)
            measured["one file"] = check_page(browser, "file://" + one, "one file", work, shots)
        finally:
            browser.driver.quit()
            server.terminate()
            server.wait(timeout=10)
    print("screenshots: " + shots)
    for kind, (first, trained) in sorted(measured.items()):
        print("budgets, {}: first hand calculation {:.0f} ms, 1000 epochs {} ms".format(kind, first, trained))
    print("budgets: the page's own files {} bytes, the one file {} bytes".format(own, size))
    for what in results["FAIL"]:
        print("failed: " + what)
    print("web: {} passed, {} failed".format(len(results["ok"]), len(results["FAIL"])))
    return 1 if results["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
