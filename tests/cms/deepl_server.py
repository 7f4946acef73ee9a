"""A local HTTP server with DeepL's documented /v2/translate and /v2/usage contract.

The tests run the real ``deepl`` client against it: no test calls DeepL itself.
Its "translation" is recognisable and keeps markup the way DeepL's
``tag_handling=html`` does: every text between tags gets the target language
in front (``[PL] Bel eerst``), the tags stay where they were.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH_KEY = "test-key:fx"


class DeepLState:
    def __init__(self):
        self.requests: list[dict] = []
        self.characters = 0
        self.limit = 500_000
        self.status: int | None = None  # answer every call with this status (503, 456)


def fake_translation(text: str, target: str, html: bool) -> str:
    label = f"[{target}] "
    if not html:
        return label + text
    return re.sub(r"(^|>)([^<]+)", lambda m: m.group(1) + label + m.group(2), text)


def handler_for(state: DeepLState) -> type[BaseHTTPRequestHandler]:
    class DeepLHandler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet test output
            pass

        def answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def refused(self) -> bool:
            if self.headers.get("Authorization") != f"DeepL-Auth-Key {AUTH_KEY}":
                self.answer(403, {"message": "Wrong endpoint or invalid auth key"})
                return True
            if state.status:
                self.answer(state.status, {"message": "Quota exceeded or unavailable"})
                return True
            return False

        def do_GET(self):
            if self.path.startswith("/v2/usage") and not self.refused():
                self.answer(
                    200, {"character_count": state.characters, "character_limit": state.limit}
                )
            elif not self.path.startswith("/v2/usage"):
                self.answer(404, {"message": "Not found"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path != "/v2/translate":
                self.answer(404, {"message": "Not found"})
                return
            if self.refused():
                return
            state.requests.append(body)
            texts = body["text"]
            html = body.get("tag_handling") == "html"
            state.characters += sum(len(text) for text in texts)
            self.answer(
                200,
                {
                    "translations": [
                        {
                            "detected_source_language": body.get("source_lang", "NL"),
                            "text": fake_translation(text, body["target_lang"], html),
                            "billed_characters": len(text),
                        }
                        for text in texts
                    ]
                },
            )

    return DeepLHandler


class LocalDeepL:
    """``with LocalDeepL() as deepl:`` → ``deepl.url``, ``deepl.state``."""

    def __enter__(self) -> LocalDeepL:
        self.state = DeepLState()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(self.state))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
