"""The playground page in Debian's headless Chromium: the served page AND the one file, table-driven.

It proves, for the page `python3 network.py web` serves and the one file `python3 -m tools --page` makes (opened
from file://, no flag letting it read files, its own policy forbidding any fetch), each line "ok" or "FAIL": every
address form shows the very lines `python3 network.py ...` prints (hand calculation, backprop, --load with the
page's weights.json, all of train, --people FILE [--shift A B]), the weights.json is train --save's; bad values in
the address or typed get the command line's message, never stop or wedge the page; its address reloads to the same
state; the people table, paced training, Pause, Step, Enter, Reset, Tab, whole words in commands, a log-scale loss
curve, edges by colour AND dash AND width; the article's sections in order, titled as it titles them, with its
numbers (SECTIONS, NUMBERS); one update step by step, compare runs, the measurement fields, a class CSV shifted by
its mean, Reset, errors that wrap and clear, the paste bound; at 1280 px, 390 px and 1280 px at 200% zoom: nothing
wider than the window, the drawings' labels inside them and apart, and axe-core (pinned in package.json) finds no
violation of WCAG 2.2 A/AA (every <details> open); with the keyboard alone every control is reached, with a
visible focus, and used; targets >= 24 px; drawings with text equivalents; progress said politely, not every epoch;
no console errors, nothing fetched elsewhere; the pinned interpreter; web/index.html as a file says what to do; the
budgets (printed): first hand calculation <= 1 s served, <= 1.5 s one file; 1000 epochs at full speed <= 2 s; own
files <= 60 KB; one file <= 1,000,000 bytes. Screenshots at 390 and 1280 px, in a folder it prints.
    python3 .ci/web_check.py [FOLDER]    (after `cd .ci && npm ci`)
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from itertools import zip_longest
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, ".ci", "node_modules", "@micropython", "micropython-webassembly-pyscript")
OWN, ONE_FILE, TRAIN_MS, FIRST_MS = 60000, 1000000, 2000, {"served": 1000, "one file": 1500}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
D401, TRAIN = "1" * 401, "train {}--epochs {} --learn-rate {} --seed {}"
KG = "name,weight_kg,height_cm,female;Jo,60,170,1;Al,80,180,0;Mo,70,165,;Ki,55,160,1;Bo,90,185,0"
ARTICLE = "name,weight_lb,height_in,female;Alice,133,65,1;Bob,160,72,0;Charlie,152,70,0;Diana,120,60,1"
CLASS = Path(ROOT, "docs", "class.csv").read_text().strip().replace("\n", ";")  # in kg and cm
AXE, TAGS = Path(ROOT, ".ci", "node_modules", "axe-core", "axe.min.js").read_text(), ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SECTIONS = ["1. Building Blocks: Neurons", "2. Combining Neurons into a Neural Network", "3. Training a Neural Network, Part 1",
            "4. Training a Neural Network, Part 2", "Your own people"]
# The article's numbers, each where its section shows it: (element, text).
NUMBERS = [("neuron", "y = f(0*2 + 1*3 + 4) = f(7) = 0.9991"), ("calc", "o1 = f(0*0.9526 + 1*0.9526 + 0) = f(0.9526) = 0.7216"),
           ("loss-article", "mse_loss([1, 0, 0, 1], [0, 0, 0, 0]) = 0.5"), ("bp-hand", "-0.952 * 0.249 * (-0.0904) = 0.0214"),
           ("steps", "0.02151 − 0.1 × 0.02150.9979"), ("step-loss", "0.2269 before the update, 0.2211 after")]
# Labels that must stay inside their drawing and apart: (container, labels).
LABELS = [("diagram", "#svg text.value, .pin"), ("map", "#map text")]
FIT = ("return [[arguments[0], arguments[1]], [arguments[2], arguments[3]]].flatMap(([c, s]) => { const box = document.getElementById"
       "(c).getBoundingClientRect(), r = [...document.querySelectorAll(s)].map(e => [e.textContent, e.getBoundingClientRect()]);"
       " return r.filter(([t, a], i) => a.left < box.left - 1 || a.right > box.right + 1 || a.top < box.top - 1 || a.bottom >"
       " box.bottom + 1 || r.some(([, b], j) => j > i && a.right > b.left + 1 && b.right > a.left + 1 && a.bottom > b.top + 1"
       " && b.bottom > a.top + 1)).map(([t]) => t) })")
# An address, what it shows: (element, the command line printing it; people.csv the address's, weights.json the page's)
ADDRESSES = [
    ("", [("calc", "2 3"), ("bp", "backprop")]), ("?x=-7,-3&backprop=25,6,0", [("calc", "-7 -3"), ("bp", "backprop 25 6 0")]),
    ("?weights=1,-2.5,0.5,0.25,1,-1,2,-3,0.125&x=3,-1&backprop=-15,-6,1",
     [("calc", "--load weights.json 3 -1"), ("bp", "backprop -15 -6 1 --load weights.json")]),
    ("?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", [("calc", "--load weights.json inf inf")]),
    ("?train=1&epochs=1000&rate=0.1&seed=1", [("tr", TRAIN.format("", 1000, 0.1, 1))]),
    ("?train=1&epochs=200&rate=0.5&seed=" + D401, [("tr", TRAIN.format("", 200, 0.5, D401))]),
    ("?people={}&train=1&epochs=300&rate=0.2&seed=3".format(KG), [("tr", TRAIN.format("--people people.csv ", 300, 0.2, 3))]),
    ("?people={}&shift=70,170&train=1&epochs=100&rate=0.1&seed=2".format(KG),
     [("tr", TRAIN.format("--people people.csv --shift 70 170 ", 100, 0.1, 2))]),
    ("?people={};Emily,128,63,;Frank,155,68,&shift=135,66&train=1&epochs=1000&rate=0.1&seed=1".format(ARTICLE),
     [("tr", TRAIN.format("", 1000, 0.1, 1))])]  # the article's people as a file: train's own lines
# A bad address value, the command line whose message the page shows (None: good); PEOPLE: train --people people.csv
BAD = [("?seed=" + D401, None), ("?epochs={}&train=1".format(D401), "train --epochs " + D401),
       ("?x={},3".format(D401), D401 + " 3"), ("?x=abc,3", "3 abc"), ("?rate=" + D401, "train --learn-rate " + D401),
       ("?rate=0", "train --learn-rate 0"), ("?backprop=1,x,0", "backprop 1 x 0"), ("?epochs=1e22", "train --epochs 1e22"),
       ("?backprop={},1,1".format(D401), "backprop {} 1 1".format(D401)), ("?weights=1,2,3,4,5,6,7,8,abc", "3 abc"),
       ("?people=name,a,b,y;A,{},2,1;B,3,4,0".format(D401), "PEOPLE"), ("?people=name,a,b,y;A,1,2,1", "PEOPLE"),
       ("?people=1,2,3,4;A,1,2,1;B,3,4,0", "PEOPLE"), ("?people=name,a,b,y;A,1,2,7;B,3,4,0", "PEOPLE"),
       ("?shift={},1".format(D401), "PEOPLE --shift {} 1".format(D401))]
# Typed into a field: (field, text, the command line whose message shows, or None: the text applies).
TYPED = [("seed", D401, None), ("epochs", D401, None), ("x1", D401, D401 + " 3"), ("x1", "1e400", "1e400 3"), ("p0", "abc", "3 abc"),
         ("epochs", "-5", "train --epochs -5"), ("rate", D401, "train --learn-rate " + D401), ("epochs", "1e22", "train --epochs 1e22"),
         ("bx1", D401, "backprop {} -1 1".format(D401)), ("sh1", "x", "PEOPLE --shift x 66")]
# Addresses that reload to the same state (each as the page rewrites it), and what is compared.
RELOAD = ["?x=inf,inf&weights=1,1,0,1,1,0,1,1,0", "?epochs=10000000000000000000000", "?seed=" + D401,
          "?people={}&shift=65.5,171".format(KG), "?rate=0.30000000000000004&backprop=0.1,1e-300,0",
          "?x=1e-300,5e+300&weights=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9", "?weights=1,1,0,1,1,0,1,1,0&x=inf,inf&train=1&epochs=30"]
TABBED = ("nw1 nw2 nb nx1 nx2 a b x1 x2 bx1 bx2 by epochs rate seed speed train step reset clear answer sh1 sh2 csv use"
          " people-file INPUT BUTTON SUMMARY").split()
ZOE = [("type", "#rows tr:last-child td:nth-child({}) input".format(i + 1), t) for i, t in enumerate(["Zoe", "130", "64", "1"])]
PASTE, WAIT = "document.getElementById('csv').value = arguments[0]", "document.body.dataset.trained = ''"
FULL = [("js", WAIT + "; document.getElementById('speed').value = '0'"), ("click", "#train"), ("wait", "document.body.dataset.trained")]
ERRORS = "[...document.querySelectorAll('.error')].map(e => e.textContent).join('')"
# The controls: (what, actions, a JavaScript test of t(id), rows, arguments: a command line's (args, people) output, error)
T = "const t = (id) => (e => e.matches('input, textarea') ? e.value : e.textContent)(document.getElementById(id));"
STEPS = [
    ("Tab reaches every control, each with a visible focus; targets >= 24 px", [("js", "window.seen = new Set(); window.bare = "
     "new Set(); document.addEventListener('focusin', e => { seen.add(e.target.id || e.target.tagName); if (getComputedStyle("
     "e.target).outlineStyle === 'none') bare.add(e.target.id || e.target.tagName) }); document.activeElement.blur()"), ("tab", 200)],
     "{}.every(id => seen.has(id)) && !bare.size && ![...document.querySelectorAll('button, input, select, summary, textarea')]"
     ".some(e => (r => r.width && (r.width < 24 || r.height < 24))(e.getBoundingClientRect()))".format(json.dumps(TABBED + ["p%d" % i for i in range(9)])), None),
    ("Space on Step trains one epoch", [("send_keys", "#step", Keys.SPACE)], "t('progress').startsWith('Epoch 1 of 1000')", None),
    ("Enter in epochs trains, at the chosen pace", [("type", "#epochs", "300")], "t('train') === 'Pause'", None),
    ("paced: after about 1 s at 100 epochs/s, Pause", [("sleep", 1), ("click", "#train")],
     "(window.e = +t('progress').split(' ')[1]) > 0 && e < 300 && t('train') === 'Train'", None),
    ("Step goes on from the pause", [("click", "#step")], "t('progress').startsWith(`Epoch ${e + 1} of 300`)", None),
    ("Reset: the article's network; the command matches the fields", [("click", "#reset")],
     "t('calc') === arguments[0] && t('tr-cmd').includes('--epochs 300 --learn-rate 0.1 --seed 1')", ("2 3", ARTICLE)),
    ("Enter opens a closed <details>", [("send_keys", "#loss summary", Keys.ENTER)], "document.querySelector('#loss details').open", None),
    ("edges: colour, dash and width by weight", [("open", "?train=1&epochs=1000&rate=0.1&seed=1")],
     "(s => s('stroke').size === 2 && s('stroke-dasharray').size === 2 && s('stroke-width').size >= 4)(a => new Set("
     "[...document.querySelectorAll('#svg line')].map(e => e.getAttribute(a))))", None),
    ("the loss curve on a log scale", [], "t('curve').includes('0.001')", None),
    ("compare runs: two curves, by pattern and name; learn rate 100 saturates and says so; said twice, not every epoch",
     [("type", "#rate", "100", False), ("js", "window.said = 0; new MutationObserver(() => said++).observe(document.getElementById"
       "('said'), {childList: true, subtree: true, characterData: true})")] + FULL,
     "(l => l.length === 2 && new Set(l.map(e => getComputedStyle(e).strokeDasharray)).size === 2)([...document.querySelectorAll"
     "('#curve polyline')]) && t('runs').includes('Run 2: learn rate 100,') && t('notes').includes('learning rate 100 is') && said <= 3", None),
    ("add a person: Zoe", ZOE + [("click", "#rows tr:last-child button")], "rows === 7 && t('csv').includes('Zoe,130,64,1')", None),
    ("edit a person: Alice, 140 lb", [("type", "#rows tr td:nth-child(2) input", "140")], "t('csv').includes('Alice,140,65,1')", None),
    ("remove a person: Bob", [("click", "#rows tr:nth-child(2) button")], "rows === 6 && !t('csv').includes('Bob')", None),
    ("a click on the map adds a person there", [("click", "#map")], "rows === 7 && /\\nP\\d+,[\\d.]+,[\\d.]+,1$/.test(t('csv'))", None),
    ("a pasted class CSV in kg and cm: shifted by its mean, said, and trained as train --people FILE",
     [("type", "#rate", "0.1", False), ("js", PASTE, CLASS.replace(";", "\n")), ("click", "#use")] + FULL,
     "rows === 10 && t('shift-text').includes('weight_kg - 64.125') && t('shift-text').includes('mean') && t('tr') === arguments[0]",
     ("PEOPLE --epochs 1000 --learn-rate 0.1 --seed 1", CLASS)),
    ("pasted bad CSV: the command line's message", [("js", PASTE, "name,a,b,y\nA,1,x,1"), ("click", "#use")],
     "rows === 10 && t('csv-error').includes(arguments[1])", ("PEOPLE", "name,a,b,y;A,1,x,1")),
    ("one paste is at most 100,000 bytes, with a message", [("js", PASTE, "name,a,b,y\n" + "A,1,2,1\n" * 13000), ("click", "#use")],
     "rows === 10 && t('csv-error').includes('at most 100,000')", None),
    ("one pasted quoted field of 90 KB is read in under 3 s", [("js", PASTE, 'name,a,b,y\n"' + "x" * 90000 + '",1,2,1\nB,3,4,0'),
     ("js", "window.t0 = performance.now()"), ("click", "#use")], "performance.now() - t0 < 3000 && rows === 2", None),
    ("Reset restores the article's people; a measurement, weight_lb 150, is x1 = 15", [("click", "#reset"), ("type", "#a", "150")],
     "rows === 6 && t('csv').startsWith('name,weight_lb') && !" + ERRORS + " && t('x1') === '15' && t('calc') === arguments[0]", ("15 3", ARTICLE)),
    ("at 390 px a long error wraps; it clears once the value is fixed", [("width", 390), ("type", "#x1", D401), ("js", T + "window.w ="
     " document.documentElement.scrollWidth <= innerWidth && t('x-error').length > 100"), ("width", 0), ("type", "#x1", "7")],
     "w && !" + ERRORS + " && !document.querySelector('[aria-invalid]')", None)]
results = {"ok": [], "FAIL": []}


def check(ok, what, detail=""):
    print("{:5}{}{}".format("ok" if ok else "FAIL", what, "" if ok or not detail else "\n     " + str(detail)[:600]))
    results["ok" if ok else "FAIL"].append(what)
    return ok


def same(page, expected, what):
    """The page's text against the command line's: (line, page, command line) where they first differ."""
    differ = [(i + 1, a, b) for i, (a, b) in enumerate(zip_longest(page.split("\n"), expected.split("\n"))) if a != b]
    return check(not differ, what, differ[:1])


def folder(work, query=""):
    """A new folder holding people.csv: the people the address holds (or the article's)."""
    made, rows = tempfile.mkdtemp(dir=work), re.search(r"people=([^&]*)", query)
    with open(os.path.join(made, "people.csv"), "w") as f:
        f.write("\n".join((rows.group(1) if rows else ARTICLE).split(";")) + "\n")
    return made


def cli(args, cwd):
    """python3 network.py ARGS in cwd (PEOPLE: train --people people.csv): (stdout, error or None)."""
    done = subprocess.run([sys.executable, os.path.join(ROOT, "network.py")] + args.replace(
        "PEOPLE", "train --people people.csv").split(), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        universal_newlines=True, timeout=300)
    message = re.search(r"error: (.*) \(see: ", done.stderr)
    return done.stdout.rstrip("\n"), message and message.group(1)


class Browser:
    def __init__(self, work):
        options, self.downloads = webdriver.ChromeOptions(), os.path.join(work, "downloads")
        options.binary_location = "/usr/bin/chromium"
        for flag in FLAGS + ["--user-data-dir=" + os.path.join(work, "profile")]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_window_size(1280, 1000)
        self.driver.set_script_timeout(120)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})
        self.js, self.find = self.driver.execute_script, lambda css: self.driver.find_element("css selector", css)

    def text(self, element_id):  # a field's value, or an element's text
        return self.js(T + " return t(arguments[0])", element_id)

    def wait(self, script, seconds=30, test=None):  # the script's value (or test's), once true or in time
        end, test = time.time() + seconds, test or (lambda: self.js(script))
        while time.time() < end and not test():
            time.sleep(0.02)
        return test()

    def open(self, page, query="", trained=False):  # wait until it is ready (and trained); its console
        self.driver.get(page + query)
        started = self.wait("return document.body.dataset.ready || document.getElementById('status')"
                            ".className === 'error' && document.getElementById('status').textContent")
        ok = check(started == "1", "starts: " + query[:70], started) and (not trained or check(
            bool(self.wait("return document.body.dataset.trained", 120)), "trains: " + query[:70]))
        errors = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        outside = self.js("return performance.getEntriesByType('resource').map(e => e.name)"
                          ".filter(n => !n.startsWith(arguments[0]))", page.rsplit("/", 2)[0] + "/")
        return check(not errors + outside, "no console errors, nothing fetched elsewhere: " + query[:70], errors + outside) and ok

    def axe(self):  # axe-core's violations of TAGS, and how many rules it ran
        found = self.driver.execute_async_script(AXE + "; axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(r"
                                                 " => arguments[1]([r.violations.map(v => [v.id, v.nodes.map(n => n.target)]),"
                                                 " ['passes', 'violations', 'incomplete', 'inapplicable'].flatMap(k => r[k]).length]))", TAGS)
        return found

    def type(self, selector, text, enter=True):  # as a person types, then Enter (or a pause, not Enter)
        self.find(selector).click()
        self.find(selector).send_keys(Keys.CONTROL, "a")
        self.find(selector).send_keys(Keys.BACKSPACE, text, *([Keys.ENTER] if enter else []))
        self.wait("return !document.body.dataset.pending", 5)

    def download(self, into):  # the page's weights.json (its link), moved into a folder; its numbers
        self.js("document.getElementById('download').closest('details').open = true")
        self.find("#download").click()
        path = Path(self.downloads, "weights.json")
        self.wait("", 10, lambda: path.is_file() and path.read_text().endswith("}\n"))  # all written
        path.replace(Path(into, "weights.json"))
        return json.loads(Path(into, "weights.json").read_text())


def check_addresses(b, page, work):
    """ADDRESSES against the command line, BAD and TYPED get its messages, RELOAD reloads."""
    for query, shows in ADDRESSES:
        here, trained = folder(work, query), "train=1" in query
        if b.open(page, query, trained) and not b.js("return document.getElementById('download').hidden"):
            weights = b.download(here)
        for element, args in shows:
            same(b.text(element), cli(args, here)[0], "{} {} = python3 network.py {}".format(query[:50], element, args[:60]))
        if trained:
            saved = folder(work, query)
            cli(shows[0][1] + " --save weights.json", saved)
            check(json.loads(Path(saved, "weights.json").read_text()) == weights,
                  query[:50] + ": the page's weights.json holds what train --save writes")
            same(b.text("calc"), cli("--load weights.json 2 3", saved)[0], query[:50] + ": then --load it, 2 3")
            loss = re.search(r"trained\): (\S+)", cli(b.text("loss-cmd").split("network.py ")[1], saved)[0])
            check(bool(loss) and loss.group(1) == b.text("mse").split(" = ")[-1], query[:50] + ": the loss is train --epochs 0's")
    for query, args in BAD:
        if b.open(page, query) and args:
            message, shown = cli(args, folder(work, query))[1], b.text("address-error") + b.text("tr-error")
            check(bool(message) and message in shown, query[:60] + ": the command line's message", (message, shown))
    for field, text, args in TYPED:
        before = b.open(page) and b.text("calc")
        b.type("#" + field, text, enter=False)  # applied after a pause in typing, not at each key
        message = args and cli(args, folder(work))[1]
        errors = b.js("return [...document.querySelectorAll('.error:not([hidden])')].map(e => e.textContent).join('')")
        check((message in errors and b.text("calc") == before) if message else (
            not errors and text in b.js("return location.search")), "typed {}={}: {}".format(field, text[:12], (
                "its message, the state kept" if message else "applied, in the address")), (message, errors))
        b.type("#x1", "7")
        same(b.text("calc"), cli("7 3", work)[0], "then x1 typed as 7: python3 network.py 7 3 (not wedged)")
    for query in RELOAD:
        b.open(page, query, "train=1" in query)
        search, texts = b.js("return location.search"), [b.text(e) for e in ("calc", "bp", "tr", "csv")]
        b.open(page, search, "train=1" in query)
        check(b.js("return location.search") == search and [b.text(e) for e in ("calc", "bp", "tr", "csv")] == texts,
              "{} reloads to the same state as {}".format(query[:40], search[:60]))


def check_page(b, page, kind, work, shots):
    """The budgets, the screenshots, the phone, the addresses, then the controls step by step (STEPS)."""
    print("== " + kind + ": " + page)
    b.open(page)
    first = b.js("return performance.getEntriesByName('first-calc')[0].startTime")
    check(first <= FIRST_MS[kind], "budget: the first hand calculation {:.0f} ms after opening (at most {})".format(
        first, FIRST_MS[kind]))
    check(b.js("return [...document.querySelectorAll('main > section')].map(s => [s.querySelector('h2').textContent, !!s.querySelector"
               "('details:not([open]) > summary')])") == [[title, True] for title in SECTIONS],
          "the article's sections in its order, titled as it titles them, each with the command line in a closed <details>")
    for element, text in NUMBERS:
        check(text in b.text(element), "the article's number: {} shows {}".format(element, text))
    check(b.text("neuron") in cli("", work)[0], "the neuron's lines are those python3 network.py prints")
    check(b.js("return ['svg', 'map', 'sigmoid', 'curve'].every(id => (e => [e.getAttribute('aria-describedby'), e.getAttribute("
               "'aria-labelledby')].some(r => r && document.getElementById(r).textContent.length > 40))(document.getElementById(id)))"
               " && document.getElementById('said').getAttribute('role') === 'status' && !document.getElementById('progress')"
               ".closest('[aria-live], [role]')"), "the drawings have text equivalents; training is said politely, its epochs are not")
    b.open(page, "?train=1&epochs=1000&rate=0.1&seed=1", trained=True)
    trained = int(b.js("return document.body.dataset.trained").split()[1])
    check(trained <= TRAIN_MS, "budget: 1000 epochs at full speed in {} ms (at most {})".format(trained, TRAIN_MS))
    b.js("document.querySelectorAll('details').forEach(d => d.open = true)")
    for width, scale in ((1280, 1), (390, 1), (640, 2)):
        at = "{} px{}".format(width * scale, " at 200% zoom" if scale > 1 else "")
        metrics = {"width": width, "height": 900, "deviceScaleFactor": scale, "mobile": width < 500}
        b.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        time.sleep(0.3)  # the page redraws its charts for the width
        check(b.js("return document.documentElement.scrollWidth <= innerWidth"), "nothing wider than the window at " + at)
        labels = b.js(FIT, *sum(LABELS, ()))
        check(not labels, "at {} the drawings' labels are inside them and apart".format(at), labels)
        violations, rules = b.axe()
        check(not violations, "axe-core {}: no violation of {} at {} ({} rules)".format(
            b.js("return axe.version"), ", ".join(TAGS), at, rules), violations)
        check(not b.js("return [...document.querySelectorAll('.cmd .w')].filter(w => w.getClientRects().length > 1).length"),
              "at {} no command breaks inside a word".format(at))
        if scale == 1:
            b.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=b.js(
                "return document.documentElement.scrollHeight")))
            b.driver.save_screenshot(os.path.join(shots, "playground-{}-{}.png".format(kind.replace(" ", "-"), width)))
    b.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    check_addresses(b, page, work)
    b.open(page)
    do = {"open": lambda query: b.open(page, query, trained=True), "type": b.type, "js": b.js, "sleep": time.sleep,
          "wait": lambda script: b.wait("return " + script, 120), "width": lambda w: b.driver.execute_cdp_cmd(*(
              ["Emulation.setDeviceMetricsOverride", {"width": w, "height": 900, "deviceScaleFactor": 1, "mobile": True}] if w
              else ["Emulation.clearDeviceMetricsOverride", {}])),
          "tab": lambda n: [b.driver.switch_to.active_element.send_keys(Keys.TAB) for _ in range(n)]}
    for what, actions, test, command in STEPS:
        for name, *args in actions:
            do.get(name, lambda selector, *more: getattr(b.find(selector), name)(*more))(*args)
        out, message = cli(command[0], folder(work, "people=" + command[1])) if command else ("", "")
        check(b.js(T + " const rows = document.querySelectorAll('#rows tr').length - 1; return " + test, out, message),
              what, b.text("progress"))
    return "{}: the first hand calculation {:.0f} ms, 1000 epochs {} ms".format(kind, first, trained)


def main(args):
    shots = os.path.abspath(args[0] if args else os.path.join(tempfile.gettempdir(), "web-check"))
    os.makedirs(shots, exist_ok=True)
    check(all(filecmp.cmp(os.path.join(ROOT, "web", "micropython", name), os.path.join(PACKAGE, name), False) for name
              in ("micropython.mjs", "micropython.wasm")), "web/micropython/ is the pinned package (cd .ci && npm ci)")
    own = sum(os.path.getsize(os.path.join(ROOT, "web", n)) for n in ("index.html", "style.css", "app.js", "playground.py"))
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "network.py"), "web", "--port", "0"],
                              stdout=subprocess.PIPE, universal_newlines=True)
    with tempfile.TemporaryDirectory() as work:
        one = os.path.join(work, "playground.html")
        with open(one, "w") as f:
            made = subprocess.run([sys.executable, "-m", "tools", "--page"], cwd=ROOT, stdout=f, timeout=60)
        measured = ["the page's own files {} bytes (at most {})".format(own, OWN),
                    "python3 -m tools --page, {} bytes (at most {})".format(os.path.getsize(one), ONE_FILE)]
        check(own <= OWN, "budget: " + measured[0])
        check(made.returncode == 0 and os.path.getsize(one) <= ONE_FILE, "budget: " + measured[1])
        address, b = re.search(r"http://127\.0\.0\.1:\d+/web/", server.stdout.readline()), Browser(work)
        try:
            b.driver.get("file://" + os.path.join(ROOT, "web", "index.html"))
            b.driver.get_log("browser")  # its scripts are refused: that is what the page explains
            check("python3 -m tools --page" in b.text("status"), "web/index.html as a file says what to do")
            if check(bool(address), "python3 network.py web --port 0 prints the page's address"):
                measured.append(check_page(b, address.group(0), "served", work, shots))
            measured.append(check_page(b, "file://" + one, "one file", work, shots))
        finally:
            b.driver.quit()
            server.terminate()
            server.wait(timeout=10)
    print("screenshots: " + shots + "\nbudgets: " + "; ".join(measured))
    for what in results["FAIL"]:
        print("failed: " + what)
    print("web: {} passed, {} failed".format(len(results["ok"]), len(results["FAIL"])))
    return 1 if results["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
