"""A local HTTP server that serves calendar feeds the way real servers do (and fail).

Routes map a path to (status, headers, body); ``/slow`` holds the answer until
the test is over, so a timeout can be tested without a sleep. ``/trickle``
sends a calendar one byte every 50 ms (a server that is alive but crawls) and
sets ``trickled`` only once it has sent the last byte; ``/endless.ics`` sends
calendar lines without a length until the reader hangs up.
"""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = Path(__file__).parent / "calendar_feeds"


class FeedServer:
    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.release = threading.Event()
        self.trickled = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/slow":
                    server.release.wait(10)
                    return
                if self.path in ("/trickle", "/endless.ics"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/calendar")
                    self.end_headers()
                    # The reader hanging up is what a test of these routes wants to see.
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.stream_without_length()
                    return
                status, headers, body = server.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def stream_without_length(self):
                if self.path == "/endless.ics":
                    self.wfile.write(b"BEGIN:VCALENDAR\r\n")
                    for _ in range(200):  # 13 MB at most, far over any limit
                        self.wfile.write(b"X-FILLER:" + b"x" * 65_000 + b"\r\n")
                    return
                for byte in (FEEDS / "google.ics").read_bytes()[:400]:
                    if server.release.wait(0.05):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                server.trickled.set()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def serve(self, path: str, body: bytes, status: int = 200, **headers: str) -> str:
        headers.setdefault("Content-Type", "text/calendar; charset=utf-8")
        self.routes[path] = (status, headers, body)
        return self.base + path

    def serve_file(self, path: str, name: str) -> str:
        return self.serve(path, (FEEDS / name).read_bytes())

    def redirect(self, path: str, to: str) -> str:
        return self.serve(path, b"", status=302, Location=to)

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
