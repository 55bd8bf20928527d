"""Station-wide preferences, declared once with their type and default.

Kept as text in the ``preferences`` table; a change made by a keeper is also a ledger
entry, so the county can see, for example, when a station switched its idle lock off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import Preference
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require

T = TypeVar("T")


@dataclass(frozen=True)
class Pref(Generic[T]):
    key: str
    default: T
    minimum: int | None = None
    maximum: int | None = None
    check: Callable[[str], None] | None = None
    """Further rule on the encoded text, raising ValidationError."""
    secret: bool = False
    """A credential: its value never goes into the ledger (which is uploaded) or a log."""

    def decode(self, text: str) -> T:
        value: object = text
        if isinstance(self.default, bool):
            value = text == "1"
        elif isinstance(self.default, int):
            value = int(text)
        return cast(T, value)

    def encode(self, value: T) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, int):
            self._check_range(value)
        text = str(value)
        if self.check is not None:
            self.check(text)
        return text

    def _check_range(self, value: int) -> None:
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "设置值超出范围：应在{low}到{high}之间。"),
                low=low,
                high=high,
            )


def check_opening_hours(text: str) -> None:
    """Opening hours go into pickup notices villagers read, so they must make sense."""
    match = OPENING_HOURS_PATTERN.match(text)
    if match is None or match.group(1) >= match.group(2):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "营业时间要写成“08:00-20:00”的样子，并且开门早于关门。")
        )


def one_of(*allowed: str) -> Callable[[str], None]:
    """A choice among fixed codes (the UI offers only these; a bad one is a bug or a
    hand-edited database, refused all the same)."""

    def check(text: str) -> None:
        if text not in allowed:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "设置值不在可选范围内。"))

    return check


def short_text(limit: int) -> Callable[[str], None]:
    def check(text: str) -> None:
        if len(text) > limit:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "填写的内容太长：最多{limit}个字符。"), limit=limit
            )

    return check


def check_gateway_url(text: str) -> None:
    """Empty (no gateway yet) or an http(s) address; spaces and control characters
    would make the request fail later, where the keeper cannot see why."""
    if text and (not text.isprintable() or GATEWAY_URL_PATTERN.match(text) is None):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "短信网关地址要以 http:// 或 https:// 开头，中间不能有空格。")
        )


def check_printer_target(text: str) -> None:
    """No spaces at either end and nothing unprintable: the keeper copies these from a
    printer's manual, and a stray character would only fail at the first receipt."""
    if len(text) > 200 or not text.isprintable() or text != text.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "打印机地址不对：留空用默认打印机，或写 tcp://地址:端口。")
        )


def check_serial_port(text: str) -> None:
    """A port name as Windows (``COM3``) or Linux (``/dev/ttyUSB0``) writes it."""
    if len(text) > 100 or not text.isprintable() or text != text.strip() or " " in text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "秤的串口名不对：留空表示不接秤，或写 COM3、/dev/ttyUSB0。")
        )


GATEWAY_URL_PATTERN = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
OPENING_HOURS_PATTERN = re.compile(r"^((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d)$")

IDLE_LOCK_MINUTES = Pref("idle_lock_minutes", 10, minimum=0, maximum=240)
"""Lock the screen after this many idle minutes; 0 means never."""
SOUNDS_ENABLED = Pref("sounds_enabled", True)
OPENING_HOURS = Pref("opening_hours", "08:00-20:00", check=check_opening_hours)

OVERDUE_DAYS = Pref("overdue_days", 3, minimum=1, maximum=30)
"""A parcel on the shelf longer than this is overdue (滞留件): remind, then return."""
PRINT_LABELS = Pref("print_labels", False)
"""Print a pickup-code label (取件码标签) after each check-in: stations with a label
printer stick it on the parcel instead of writing the code by hand."""
RECEIPT_PRINTER = Pref("receipt_printer", "", check=check_printer_target)
"""Where receipts go: empty for the system's default printer (through Qt, any printer
with a Windows driver), ``tcp://host[:port]`` or a device path / printer share for raw
ESC/POS to a thermal printer."""
RECEIPT_PAPER_MM = Pref("receipt_paper_mm", 58, check=one_of("58", "80"))

# The produce scale (电子秤) on a serial port; see devices/scale for the protocols.
SCALE_PORT = Pref("scale_port", "", check=check_serial_port)
"""``COM3`` or ``/dev/ttyUSB0``; empty: the station weighs without a connected scale."""
SCALE_PROTOCOL = Pref(
    "scale_protocol",
    "xk3190-a9",
    check=one_of("xk3190-a9", "xk3190-a12", "st-gs", "toledo-8217"),
)
SCALE_BAUD = Pref(
    "scale_baud", 9600, check=one_of("1200", "2400", "4800", "9600", "19200", "38400")
)
SCALE_SETTLE_READINGS = Pref("scale_settle_readings", 5, minimum=1, maximum=50)
"""For scales without a stable flag: this many equal readings in a row count as stable."""

# How villagers are told (see core.notifications.gateway_config for the rules across keys).
NOTIFY_CHANNEL = Pref("notify_channel", "sms", check=one_of("sms", "print", "clipboard"))
SMS_GATEWAY_URL = Pref("sms_gateway_url", "", check=check_gateway_url)
SMS_AUTH_KIND = Pref("sms_auth_kind", "none", check=one_of("none", "header", "basic"))
SMS_AUTH_NAME = Pref("sms_auth_name", "Authorization", check=short_text(100))
"""The header's name (auth kind "header") or the user name (auth kind "basic")."""
SMS_AUTH_SECRET = Pref("sms_auth_secret", "", check=short_text(500), secret=True)
SMS_BODY_FORMAT = Pref("sms_body_format", "json", check=one_of("json", "form"))
SMS_TEMPLATE = Pref(
    "sms_template", '{"mobile": "{phone}", "content": "{text}"}', check=short_text(1000)
)
SMS_SUCCESS_FIELD = Pref("sms_success_field", "code", check=short_text(100))
SMS_SUCCESS_VALUE = Pref("sms_success_value", "0", check=short_text(100))
SMS_SUCCESS_MARKER = Pref("sms_success_marker", "", check=short_text(100))

ALL = (
    IDLE_LOCK_MINUTES,
    SOUNDS_ENABLED,
    OPENING_HOURS,
    OVERDUE_DAYS,
    PRINT_LABELS,
    RECEIPT_PRINTER,
    RECEIPT_PAPER_MM,
    SCALE_PORT,
    SCALE_PROTOCOL,
    SCALE_BAUD,
    SCALE_SETTLE_READINGS,
    NOTIFY_CHANNEL,
    SMS_GATEWAY_URL,
    SMS_AUTH_KIND,
    SMS_AUTH_NAME,
    SMS_AUTH_SECRET,
    SMS_BODY_FORMAT,
    SMS_TEMPLATE,
    SMS_SUCCESS_FIELD,
    SMS_SUCCESS_VALUE,
    SMS_SUCCESS_MARKER,
)
REDACTED = "******"


def get(session: Session, pref: Pref[T]) -> T:
    text = session.scalar(select(Preference.value).where(Preference.key == pref.key))
    return pref.default if text is None else pref.decode(text)


def set_value(
    session: Session, clock: Clock, *, actor: OperatorInfo, pref: Pref[T], value: T
) -> None:
    """Change a preference (keepers only) and record the change on the ledger."""
    require(actor.role, Permission.CHANGE_SETTINGS)
    encoded = pref.encode(value)
    row = session.get(Preference, pref.key)
    if row is not None and row.value == encoded:
        return
    if row is None:
        session.add(Preference(key=pref.key, value=encoded))
    else:
        row.value = encoded
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="preference.changed",
        payload={"key": pref.key, "value": REDACTED if pref.secret else encoded},
    )
