"""A fake SMS gateway on loopback, run as its own process by the gateway tests.

    python fake_sms_gateway.py --mode ok --port-file PORT --log REQUESTS.jsonl

It binds a free port, writes the port to ``--port-file`` (once listening), records
every POST as one JSON line (path, headers, body as UTF-8 text) *before* answering,
and answers according to ``--mode``:

- ``ok``: HTTP 200 ``{"code": 0, "msg": "ok"}``
- ``error``: HTTP 200 ``{"code": 40001, "msg": "号码13812341234在黑名单"}`` (echoes a phone)
- ``portal``: HTTP 200 with a captive-portal login page in HTML
- ``slow``: waits ``--delay`` seconds, then answers like ``ok``
- ``http500``: HTTP 500

``GET /health`` answers 204 so the test can tell when it is ready.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PORTAL = (
    "<html><head><title>认证上网</title></head>"
    "<body><form action='/login'>请输入手机号登录WiFi</form></body></html>"
)


def make_handler(mode: str, log_path: Path, delay: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(204)
            self.end_headers()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8")
            record = {"path": self.path, "headers": dict(self.headers.items()), "body": body}
            with log_path.open("a", encoding="utf-8") as log:
                log.write(json.dumps(record, ensure_ascii=False) + "\n")
            if mode == "slow":
                time.sleep(delay)
            self._answer()

        def _answer(self) -> None:
            if mode == "http500":
                self._reply(500, "text/plain", "oops")
            elif mode == "portal":
                self._reply(200, "text/html; charset=utf-8", PORTAL)
            elif mode == "error":
                answer = {"code": 40001, "msg": "号码13812341234在黑名单"}
                self._reply(200, "application/json", json.dumps(answer, ensure_ascii=False))
            else:
                self._reply(200, "application/json", '{"code": 0, "msg": "ok"}')

        def _reply(self, status: int, content_type: str, text: str) -> None:
            payload = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            # The client may have given up (the slow mode's whole point).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["ok", "error", "portal", "slow", "http500"])
    parser.add_argument("--port-file", type=Path, required=True)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--delay", type=float, default=5.0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.mode, args.log, args.delay))
    server.daemon_threads = True
    partial = args.port_file.with_suffix(".tmp")
    partial.write_text(str(server.server_address[1]), encoding="utf-8")
    partial.replace(args.port_file)  # appears whole, never half-written
    server.serve_forever()


if __name__ == "__main__":
    main()
