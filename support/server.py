"""The playground page's server, which `python3 network.py web` starts.

It runs on CPython or PyPy on a computer. The command line imports it only
when asked to serve, so MicroPython on a board, a small microcontroller such
as the BBC micro:bit, never loads it. It serves exactly the files that
files.json lists (the page, and the modules the page runs), on 127.0.0.1.
"""

import os
import sys


def served(project):
    """Return a dict that maps each address `web` serves to its file, for the page and the
    modules it runs."""
    import json

    with open(project + "/files.json") as f:
        listed = json.load(f)
    files = {"/files.json": "files.json", "/web/": "web/index.html"}
    for name in listed["modules"] + listed["page"]:
        files["/" + name] = name
    return files


def serve(port):
    """Serve the playground page on 127.0.0.1 at port until Ctrl-C stops it, as
    `python3 network.py web [--port P]` does.

    It serves exactly the files that files.json lists and no other: no
    listing of a folder, nothing compiled. A malformed request, or a method
    other than GET and HEAD, is answered with a 4xx status. A burst of a
    classroom's requests waits its turn in a queue of 256.
    """
    try:
        from http.server import BaseHTTPRequestHandler, HTTPServer
        from socketserver import ThreadingMixIn
    except ImportError:
        raise ValueError("web needs a Python with http.server, such as CPython") from None
    project = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not os.path.isfile(os.path.join(project, "web", "index.html")):
        raise ValueError("web needs the folder web/ beside network.py, as in a checkout of"
                         " the project")
    files = served(project)
    types = {".py": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8",
             ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
             ".wasm": "application/wasm", ".json": "application/json"}

    class Handler(BaseHTTPRequestHandler):
        # With the default, HTTP/0.9, the 400 for a malformed request would have no status line.
        default_request_version = "HTTP/1.0"

        def do_GET(self):
            path = self.path.split("?")[0].split("#")[0]
            name = files.get(path)
            # A request whose headers are malformed, or a GET that has a body, is refused.
            if (self.headers.defects or "Transfer-Encoding" in self.headers
                    or self.headers.get("Content-Length", "0").strip() != "0"):
                return self.send_error(400, "a malformed request")
            if path == "/":  # The page is at /web/.
                self.send_response(301)
                self.send_header("Location", "/web/")
                self.send_header("Content-Length", "0")
                return self.end_headers()
            if name is None:
                return self.send_error(404, "not part of the playground")
            try:  # The file itself is read, never what a link in its place points to.
                fd = os.open(os.path.join(project, name),
                             os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as f:
                    body = f.read()
            except OSError:
                return self.send_error(404, "not part of the playground")
            self.send_response(200)
            self.send_header("Content-Type", types.get(name[name.rfind("."):], "text/plain"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        do_HEAD = do_GET

        def send_error(self, code, message=None, explain=None):
            # An unknown method (501) or HTTP version (505) is the client's mistake, so it is
            # answered with 405 or 400 instead.
            BaseHTTPRequestHandler.send_error(self, {501: 405, 505: 400}.get(code, code), message,
                                              explain)

        # No request is logged, since the address printed at the start is all a learner needs.
        def log_message(self, *args):
            pass

    # Each connection has a thread of its own, so one left open holds up no other.
    class Server(ThreadingMixIn, HTTPServer):
        daemon_threads = True
        request_queue_size = 256  # A classroom's burst is queued rather than refused.

        # An OSError, such as a browser going away, is not reported; anything else is printed.
        def handle_error(self, request, client_address):
            error = sys.exc_info()[1]
            if not isinstance(error, OSError):
                print("network.py web: {}".format(str(error).replace("\n", " ")), file=sys.stderr)

    try:
        server = Server(("127.0.0.1", port), Handler)
    except OSError as error:
        raise ValueError("cannot serve on port {} ({})".format(
            port, error.strerror or error)) from None
    print("The playground: http://127.0.0.1:{}/web/ (Ctrl-C stops the server)".format(
        server.server_address[1]))
    sys.stdout.flush()
    server.serve_forever()
    return 0
