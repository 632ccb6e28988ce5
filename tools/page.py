"""Build the playground page as one self-contained HTML file.

    python3 -m tools --page > playground.html

The page is made at run time from the real files. It holds web/index.html with web/style.css
and web/app.js inside it, the modules that files.json lists and web/playground.py (as JSON),
and the vendored MicroPython: micropython.mjs unchanged, micropython.wasm gzipped and in
base64, and its licence and version note. The page fetches nothing. app.js finds the files
inside it, and answers the interpreter's one fetch (of its wasm) from the bytes in the page,
unpacked by the browser's DecompressionStream. So the page works opened by double-click
(file://), sent by email, or on a learning platform whose content security policy allows
only inline scripts and WebAssembly (no data: or blob: URLs), which the page sets itself.
"""

import base64
import gzip
import io
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLICY = ("default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; "
          "style-src 'unsafe-inline'; img-src data:")
MOST = 1000000  # A page of at most this many bytes fits in an email or on a learning platform.


def read(name, mode="r"):
    """Return the text of the project's file name, or its bytes with mode "rb"."""
    if mode == "rb":
        with open(os.path.join(ROOT, name), "rb") as f:
            return f.read()
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        return f.read()


def gzipped(data):
    """Return data gzipped, the same bytes every time because no date is stored inside."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    return out.getvalue()


def script(text, name, kind="module"):
    """Return text as an inline script, refusing a text that would end the script early."""
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError("{} cannot be put inside the page: it holds </script or <!--".format(name))
    return '<script type="{}">{}</script>'.format(kind, text)


def replace(html, old, new):
    """Return html with old replaced by new; old must occur exactly once."""
    if html.count(old) != 1:
        raise ValueError("web/index.html no longer holds {!r} once".format(old))
    return html.replace(old, new)


def page():
    """Return the whole playground as one HTML string, or raise ValueError past MOST bytes."""
    listed = json.loads(read("files.json"))
    files = {"files.json": read("files.json")}
    for name in listed["modules"] + ["web/playground.py"]:
        files[name] = read(name)
    data = json.dumps(files, sort_keys=True).replace("<", "\\u003c")  # No "<" can end the script.
    wasm = base64.b64encode(gzipped(read("web/micropython/micropython.wasm", "rb"))).decode("ascii")
    html = read("web/index.html")
    notice = "\n".join(["<!--", "The playground, as one file: python3 -m tools --page.",
                        "It holds MicroPython, under this licence:", "",
                        read("web/micropython/LICENSE").replace("--", "- -"), "",
                        read("web/micropython/VERSION").replace("--", "- -"), "-->"])
    html = replace(html, "<html", notice + "\n<html")
    html = replace(html, '<meta charset="utf-8">', '<meta charset="utf-8">\n'
                   '<meta http-equiv="Content-Security-Policy" content="{}">'.format(POLICY))
    html = replace(html, '<link rel="stylesheet" href="style.css">',
                   "<style>\n" + read("web/style.css") + "</style>")
    html = replace(html, '<script type="module" src="app.js"></script>', "\n".join([
        '<script id="files" type="application/json">' + data + "</script>",
        '<script id="wasm" type="application/octet-stream">' + wasm + "</script>",
        script(read("web/micropython/micropython.mjs"), "micropython.mjs"),
        script(read("web/app.js"), "web/app.js")]))
    size = len(html.encode("utf-8"))
    if size > MOST:
        raise ValueError("the one-file page is {} bytes: more than {}".format(size, MOST))
    return html
