"""Recipient phones as the keeper types them off a waybill, and how they are shown.

Privacy waybills (隐私面单) print a masked number (138****1234) or a virtual number
with an extension (170 1234 5678 转 1234) instead of the villager's phone. All the
counter needs is something to search by: the last four digits of the real number, or
the extension. Full numbers are stored locally for notifications and shown masked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError

MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
MASKED = re.compile(r"^1[3-9]\d\*{4}(\d{4})$")
TAIL = re.compile(r"^\d{4}$")
VIRTUAL = re.compile(r"^(1\d{10})(?:转|-|,|#|ext|EXT|分机)(\d{1,6})$")
STAR_TAIL = re.compile(r"^(?:尾号)?\*{0,7}(\d{4})$")


@dataclass(frozen=True)
class Phone:
    """What was learnt from the waybill: a full number, a tail, or a virtual number."""

    number: str | None = None
    tail: str | None = None
    extension: str | None = None

    @property
    def search_key(self) -> str | None:
        """The four digits a villager will say at the counter."""
        return self.tail or (self.extension[-4:] if self.extension else None)


def parse_phone(text: str) -> Phone | None:
    """Read a phone as typed; None when nothing was typed. Raises ValidationError."""
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    if not compact:
        return None
    if match := MOBILE.match(compact):
        return Phone(number=match.group(1), tail=match.group(1)[-4:])
    if match := MASKED.match(compact):
        return Phone(tail=match.group(1))
    if match := VIRTUAL.match(compact):
        return Phone(number=match.group(1), extension=match.group(2))
    if match := STAR_TAIL.match(compact):
        return Phone(tail=match.group(1))
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "core",
            "电话格式不认识。可以输入11位手机号、后4位、"
            "隐私面单上的“138****1234”，或虚拟号加分机“17012345678转1234”。",
        )
    )


def mask(number: str | None, tail: str | None = None, extension: str | None = None) -> str:
    """How a phone appears on screen: 138****1234, ****1234, or the extension."""
    if number and len(number) == 11 and extension:
        return f"{number[:3]}****{number[-4:]}转{extension}"
    if number and len(number) == 11:
        return f"{number[:3]}****{number[-4:]}"
    if tail:
        return f"****{tail}"
    if extension:
        return f"转{extension}"
    return ""
