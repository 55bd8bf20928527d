"""What an enrolment QR code holds, read by the station and (later) printed by the county.

The payload is a URL, ``villagestation://enrol?server=<county address>&code=<enrolment
code>`` with both values percent-encoded, so one scan fills in the whole enrolment form.
Two shorter forms are read too, each filling its own field: a bare enrolment code in the
county's grouped form ``XXXX-XXXX-XXXX-XXXX`` (what ``county-centre stations add --qr``
prints today) and a bare ``http(s)://`` address. Anything else is not enrolment (a
parcel's barcode scanned by mistake); a code typed by hand is not held to the grouping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

SCHEME = "villagestation"
ACTION = "enrol"
_GROUPED_CODE = re.compile(r"[A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){1,11}")
"""Groups of four joined by dashes: never a waybill or a pickup code."""


@dataclass(frozen=True)
class EnrolLink:
    """What a scan said; ``None`` for the part it did not carry."""

    server: str | None
    code: str | None

    @property
    def complete(self) -> bool:
        return self.server is not None and self.code is not None


def make(server: str, code: str) -> str:
    """The QR payload for ``server`` and ``code``."""
    return f"{SCHEME}://{ACTION}?{urlencode({'server': server, 'code': code})}"


def parse(text: str) -> EnrolLink | None:
    """The enrolment details in a scanned ``text``, or None if it holds none."""
    text = text.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == SCHEME:
        if parts.netloc.lower() != ACTION:
            return None
        query = parse_qs(parts.query)
        server = _first(query, "server")
        code = _first(query, "code")
        return None if server is None and code is None else EnrolLink(server, code)
    if scheme in {"http", "https"}:
        return EnrolLink(text, None) if parts.netloc else None
    return EnrolLink(None, text) if _GROUPED_CODE.fullmatch(text) else None


def _first(query: dict[str, list[str]], key: str) -> str | None:
    values = [value.strip() for value in query.get(key, []) if value.strip()]
    return values[0] if values else None
