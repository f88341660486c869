"""The site served on 127.0.0.1, with the news of each rebuild sent to the open pages.

Files come from the site directory as they are on disk, never cached by the browser. An
HTML page gets, on its way out, a script (`/__cablegram/client.js`) that listens to
`/__cablegram/events` (Server-Sent Events: `reload` names the pages made again, `status`
carries the build's errors, or nothing once they are gone) and reloads the page or shows
the errors over it. The files on disk stay as the build wrote them: the published site
holds no trace of the server. `/__cablegram/status` tells, as JSON, whether a build is
running (the benchmark waits on it).
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import queue
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

PREFIX = "/__cablegram/"
SCRIPT = b'<script src="/__cablegram/client.js" defer></script>'
KEEPALIVE = 15.0  # seconds between comments on an idle event stream (proxies, dead peers)
CLOSED = ("", "")  # the event a stream ends on when the server stops

CLIENT_JS = """\
(function () {
  "use strict";
  var here = decodeURIComponent(location.pathname.split("/").pop()) || "index.html";
  var missing = document.documentElement.hasAttribute("data-cablegram-missing");
  var events = new EventSource("/__cablegram/events");
  events.addEventListener("reload", function (event) {
    var pages = JSON.parse(event.data).pages;
    if (missing || pages.indexOf("*") >= 0 || pages.indexOf(here) >= 0) {
      location.reload();
    }
  });
  events.addEventListener("status", function (event) {
    var errors = JSON.parse(event.data).errors;
    var box = document.getElementById("cablegram-error");
    if (!errors) {
      if (box) { box.remove(); }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "cablegram-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;" +
        "max-height:50vh;overflow:auto;margin:0;padding:1em 1.5em;background:#fff0f0;" +
        "color:#700;border-top:3px solid #c00;font:14px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "cablegram serve: the build failed\\n\\n" + errors;
  });
})();
"""


class Events:
    """The rebuild news, sent to every open event stream; the current errors are kept, so
    that a page opened while the build is broken shows them at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: set[queue.Queue[tuple[str, str]]] = set()
        self.errors = ""
        self.building = False

    def subscribe(self) -> queue.Queue[tuple[str, str]]:
        stream: queue.Queue[tuple[str, str]] = queue.Queue()
        with self._lock:
            stream.put(("status", json.dumps({"errors": self.errors})))
            self._streams.add(stream)
        return stream

    def unsubscribe(self, stream: queue.Queue[tuple[str, str]]) -> None:
        with self._lock:
            self._streams.discard(stream)

    def reload(self, pages: list[str]) -> None:
        self._publish("reload", {"pages": pages})

    def status(self, errors: str) -> None:
        """Show `errors` in the open pages ("": none, the message goes away)."""
        with self._lock:
            if errors == self.errors:
                return
            self.errors = errors
        self._publish("status", {"errors": errors})

    def close(self) -> None:
        """End every open stream (the server stops)."""
        with self._lock:
            for stream in self._streams:
                stream.put(CLOSED)
            self._streams.clear()

    def _publish(self, event: str, data: dict[str, Any]) -> None:
        message = (event, json.dumps(data))
        with self._lock:
            for stream in self._streams:
                stream.put(message)


def inject(page: bytes) -> bytes:
    """An HTML page with the client script, before its last `</body>` (or at its end)."""
    at = page.lower().rfind(b"</body>")
    if at < 0:
        return page + SCRIPT
    return page[:at] + SCRIPT + page[at:]


def missing_page(name: str) -> bytes:
    """What a page not (yet) in the site shows: the build may not have made it yet, or
    failed; it reloads itself after the next build."""
    shown = html.escape(name)
    return inject(
        (
            '<!DOCTYPE html>\n<html lang="en" data-cablegram-missing=""><head>'
            f'<meta charset="utf-8"><title>{shown}: not in the site</title></head><body>'
            f"<h1>{shown} is not in the site (yet)</h1>"
            "<p>The build may still be making it, or it failed (its errors show below, and "
            "in the terminal running <code>cablegram serve</code>). This page reloads by "
            "itself after the next build.</p></body></html>\n"
        ).encode()
    )


class Handler(http.server.SimpleHTTPRequestHandler):
    """The site's files; HTML pages with the client script; the server's own endpoints."""

    events: Events

    def __init__(self, *args: Any, events: Events, directory: str, **kwargs: Any) -> None:
        self.events = events
        super().__init__(*args, directory=directory, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for the build's news."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path.startswith(PREFIX):
            self._own(path[len(PREFIX) :])
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" or path.endswith("/"):
            self._page(target)
            return
        super().do_GET()

    def _page(self, target: Path) -> None:
        try:
            body, status = inject(target.read_bytes()), 200
        except OSError:
            body, status = missing_page(target.name), 404
        self._send(status, "text/html; charset=utf-8", body)

    def _own(self, name: str) -> None:
        if name == "events":
            self._stream()
        elif name == "client.js":
            self._send(200, "text/javascript; charset=utf-8", CLIENT_JS.encode())
        elif name == "status":
            state = {"building": self.events.building, "errors": self.events.errors}
            self._send(200, "application/json", json.dumps(state).encode())
        else:
            self.send_error(404)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self) -> None:
        """Send events until the page goes away or the server stops."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        stream = self.events.subscribe()
        try:
            while True:
                try:
                    event, data = stream.get(timeout=KEEPALIVE)
                except queue.Empty:
                    self.wfile.write(b": keepalive\n\n")
                else:
                    if (event, data) == CLOSED:
                        return
                    self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                self.wfile.flush()
        except OSError:  # the page was closed or reloaded
            return
        finally:
            self.events.unsubscribe(stream)
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds the process


def start_server(site: Path, events: Events, port: int) -> tuple[Server, threading.Thread]:
    """Serve `site` on 127.0.0.1:`port` (0: a free port) in a thread of its own; raises
    OSError when the port cannot be had."""
    handler = functools.partial(Handler, events=events, directory=str(site))
    server = Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, name="cablegram-http", daemon=True)
    thread.start()
    return server, thread


def url_of(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"
