"""How a notice leaves the station: an SMS gateway, or a printed list.

Stations buy SMS from whoever serves their county, so the gateway is generic: a URL,
an auth header and a body template with ``{phone}`` and ``{text}``. Success is what
the gateway's own answer says (a JSON field, a marker in the body), never a bare
HTTP 200: captive portals and proxies in village shops answer 200 with a login page.

The clipboard channel is UI work (Qt's clipboard): the keeper copies a claimed
message's text into WeChat or their own phone, and the UI then calls
``outbox.mark_sent``. Nothing here touches Qt.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol
from urllib.parse import quote_plus

import requests

from station_app.core.clock import local_time
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.notifications.outbox import scrub_phones


class SendFailed(Exception):
    """A message did not go out; ``reached`` says whether the gateway answered (and
    refused) or could not be reached at all, which the back-off treats differently.

    ``template`` is an untranslated ``core`` message, like ``UserError``'s.
    """

    def __init__(self, template: str, *, reached: bool, **params: Any) -> None:
        self.template = template
        self.reached = reached
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class Sender(Protocol):
    def send(self, phone: str, text: str) -> None:
        """Deliver ``text`` to ``phone`` or raise :class:`SendFailed`."""
        ...


UNREACHABLE = QT_TRANSLATE_NOOP("core", "连不上短信网关（可能没有网络）")
TIMED_OUT = QT_TRANSLATE_NOOP("core", "短信网关没有及时回答")
BUSY = QT_TRANSLATE_NOOP("core", "短信网关暂时不可用（HTTP {status}）")
REDIRECTED = QT_TRANSLATE_NOOP("core", "短信网关的回答不对（HTTP {status}），可能被上网认证页拦截")
REFUSED = QT_TRANSLATE_NOOP("core", "短信网关拒绝了请求（HTTP {status}），请检查地址和密钥")
UNREADABLE = QT_TRANSLATE_NOOP("core", "短信网关的回答看不懂，可能被上网认证页拦截")
GATEWAY_ERROR = QT_TRANSLATE_NOOP("core", "短信网关报错：{code} {detail}")

DETAIL_CHARS = 60


@dataclass(frozen=True)
class SuccessCheck:
    """What a 2xx answer must also contain to count as "sent".

    ``json_field`` is a dotted path into a JSON answer that must equal ``json_value``
    (compared as text too, since gateways disagree on ``0`` and ``"0"``);
    ``body_marker`` is text the body must contain. At least one is required.
    """

    json_field: str | None = "code"
    json_value: object = 0
    body_marker: str | None = None
    message_field: str | None = "msg"
    """Where the gateway explains a refusal, shown to the keeper (shortened)."""

    def __post_init__(self) -> None:
        if self.json_field is None and self.body_marker is None:
            raise ValueError("a bare 2xx must not count as sent: set json_field or body_marker")


class HttpSmsGateway:
    """Posts one message per request to a configurable HTTP SMS gateway.

    ``template`` is a mapping (sent as JSON, or as a form with ``body="form"``) whose
    string values may hold ``{phone}`` and ``{text}``, or a string (a JSON text or a
    form query string) in which they are filled in escaped for that format.
    ``auth_header`` is an ``Authorization`` value, or a ``(name, value)`` pair.
    """

    def __init__(
        self,
        url: str,
        *,
        template: Mapping[str, object] | str,
        auth_header: str | tuple[str, str] | None = None,
        body: Literal["json", "form"] = "json",
        success: SuccessCheck | None = None,
        timeout: float = 10.0,
        session: requests.Session | None = None,
    ) -> None:
        self.url = url
        self.template = template
        self.body = body
        self.success = success or SuccessCheck()
        self.timeout = timeout
        self._headers = _auth_headers(auth_header)
        self._session = session or requests.Session()

    def send(self, phone: str, text: str) -> None:
        headers = dict(self._headers)
        headers["Content-Type"] = (
            "application/json; charset=utf-8"
            if self.body == "json"
            else "application/x-www-form-urlencoded; charset=utf-8"
        )
        data = self._encoded(phone, text)
        try:
            response = self._session.post(
                self.url, data=data, headers=headers, timeout=self.timeout, allow_redirects=False
            )
        except requests.Timeout:
            raise SendFailed(TIMED_OUT, reached=False) from None
        except requests.RequestException:
            # ConnectionError, bad URL, SSL trouble: say nothing that might hold the URL.
            raise SendFailed(UNREACHABLE, reached=False) from None
        with response:
            _check(response, self.success)

    def close(self) -> None:
        self._session.close()

    def _encoded(self, phone: str, text: str) -> bytes:
        values = {"phone": phone, "text": text}
        if isinstance(self.template, str):
            escape = _json_escape if self.body == "json" else quote_plus
            return _fill(self.template, {k: escape(v) for k, v in values.items()}).encode()
        filled = _fill_tree(self.template, values)
        if self.body == "json":
            return json.dumps(filled, ensure_ascii=False).encode("utf-8")
        return "&".join(
            f"{quote_plus(str(k))}={quote_plus(str(v))}" for k, v in filled.items()
        ).encode("ascii")


def _auth_headers(auth_header: str | tuple[str, str] | None) -> dict[str, str]:
    if auth_header is None:
        return {}
    if isinstance(auth_header, str):
        return {"Authorization": auth_header}
    return {auth_header[0]: auth_header[1]}


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``{phone}``/``{text}`` only, so other braces in a template stay as they are."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def _fill_tree(node: Any, values: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return _fill(node, values)
    if isinstance(node, Mapping):
        return {key: _fill_tree(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill_tree(item, values) for item in node]
    return node


def _json_escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _check(response: requests.Response, success: SuccessCheck) -> None:
    """Raise SendFailed unless the answer is a 2xx that passes ``success``."""
    status = response.status_code
    if status == 429 or status >= 500:
        raise SendFailed(BUSY, reached=False, status=status)
    if 300 <= status < 400:
        raise SendFailed(REDIRECTED, reached=False, status=status)
    if not 200 <= status < 300:
        raise SendFailed(REFUSED, reached=True, status=status)
    body = response.content.decode("utf-8", errors="replace")
    if success.body_marker is not None and success.body_marker not in body:
        raise SendFailed(UNREADABLE, reached=False)
    if success.json_field is not None:
        _check_json(body, success)


def _check_json(body: str, success: SuccessCheck) -> None:
    assert success.json_field is not None
    try:
        answer = json.loads(body)
    except ValueError:
        raise SendFailed(UNREADABLE, reached=False) from None
    missing = object()
    code = _dig(answer, success.json_field, missing)
    if code is missing:
        raise SendFailed(UNREADABLE, reached=False)
    if code == success.json_value or str(code) == str(success.json_value):
        return
    detail = _dig(answer, success.message_field, "") if success.message_field else ""
    raise SendFailed(GATEWAY_ERROR, reached=True, code=code, detail=str(detail)[:DETAIL_CHARS])


def _dig(answer: Any, path: str, default: object) -> Any:
    for key in path.split("."):
        if not isinstance(answer, Mapping) or key not in answer:
            return default
        answer = answer[key]
    return answer


@dataclass(frozen=True)
class PrintRow:
    """One line of the printed list: enough to find the villager, never their number."""

    pickup_code: str
    phone_masked: str
    courier: str


PRINT_WIDTH = 32
"""Characters across a 58 mm receipt printer (a Chinese character takes two)."""


def print_list_text(rows: Sequence[PrintRow], station_name: str, printed_at: datetime) -> str:
    """The list of parcels to tell villagers about, for a receipt printer or a notice
    board: pickup code, masked phone and courier, as plain text."""
    rule = "-" * PRINT_WIDTH
    lines = [
        station_name,
        f"到件通知 {local_time(printed_at):%Y-%m-%d %H:%M}",
        rule,
        *(_line(row) for row in rows),
        rule,
        f"共{len(rows)}件，请凭取件码取件",
    ]
    return "\n".join(lines) + "\n"


def _line(row: PrintRow) -> str:
    # Masked again here: paper left on a counter must never carry a full number.
    return f"{row.pickup_code:<10}{scrub_phones(row.phone_masked):<13}{row.courier}"
