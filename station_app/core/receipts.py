"""Receipts (小票 / 凭证): one model every counter module fills, and one layout.

Agent orders, bill payments, shipments, produce purchases and the day close all hand
the customer (or the drawer) a slip of paper. They fill the same :class:`Receipt`, and
:func:`blocks` decides once, here, what goes where: header, who and when, items, details,
totals, notes, QR code. The renderers in ``station_app.devices`` only draw those blocks:
as monospaced columns for a thermal printer (:func:`layout`, what the ESC/POS renderer
sends, and what tests read), or with Qt's proportional fonts for any installed printer
and for PDF. So a bill payment slip reads the same on a 58 mm thermal roll and in a PDF.

Text is measured in printer columns: a thermal printer in Chinese mode prints every
double-byte GB18030 character as a full-width glyph (24 dots, two 12-dot columns), and
those are exactly the East Asian wide, full-width and ambiguous characters (汉字, ：, ×,
【】, ·). A 58 mm roll has 32 columns, an 80 mm roll 48.

Everything the caller passes is already what may be shown: account numbers and phones
arrive masked. Control characters are removed here, once for every renderer, because
on a thermal printer they are commands: an ESC or DLE in an item description typed at
the counter could open the cash drawer or cut the paper.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from station_app.core.clock import local_time
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError
from station_app.core.money import Fen

PAPER_COLUMNS = {58: 32, 80: 48}
"""Columns of the standard 12×24-dot font on 58 mm (384 dots) and 80 mm (576 dots) rolls."""
MIN_COLUMNS = 16
MAX_QR_BYTES = 200
"""A QR payload longer than this needs a symbol larger than version 10 (57 modules) at
level M, whose modules would be too small to scan on a 58 mm roll."""
YUAN = "¥"

Translate = Callable[[str], str]
"""Turns a ``QT_TRANSLATE_NOOP("core", …)`` template into the shown language."""

_WIDE = frozenset("WFA")
_TOKEN = re.compile(r"[!-~]+| +|.", re.DOTALL)
"""A run of printable ASCII (a word, a tracking number: kept whole when it fits), a run
of spaces, or any other single character (汉字 may break anywhere)."""


def _same(text: str) -> str:
    return text


def columns_for(paper_mm: int) -> int:
    """The column count of a roll width; only the two widths sold for receipts exist."""
    try:
        return PAPER_COLUMNS[paper_mm]
    except KeyError:
        raise BugError(f"no receipt layout for {paper_mm} mm paper") from None


def _require_aware(name: str, instant: datetime | None) -> None:
    if instant is not None and (instant.tzinfo is None or instant.utcoffset() is None):
        raise BugError(f"receipt {name} must be timezone-aware: {instant!r}")


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One thing paid for. ``quantity`` is a count (``2``), or a measured quantity the
    caller formatted with its unit (``"25.30kg"``); then ``amount`` is not necessarily
    quantity × unit price (weights, discounts), so it is never recomputed here."""

    description: str
    amount: Fen
    quantity: int | str | None = None
    unit_price: Fen | None = None

    def __post_init__(self) -> None:
        if isinstance(self.quantity, bool):
            raise BugError("an item quantity is a count or a formatted measure, not a bool")


@dataclass(frozen=True, slots=True)
class Detail:
    """A labelled fact: 缴费单位 / 户号 (masked by the caller) / 状态 / 平台订单号."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Total:
    """A money line under the items; ``emphasised`` for what the customer pays or gets."""

    label: str
    amount: Fen
    emphasised: bool = False


@dataclass(frozen=True, slots=True)
class QrCode:
    """A payload to scan (a trace code, a payment link) and a line saying what it is."""

    payload: str
    caption: str = ""

    def __post_init__(self) -> None:
        size = len(self.payload.encode("utf-8"))
        if not size or size > MAX_QR_BYTES:
            raise BugError(f"a receipt QR payload must be 1..{MAX_QR_BYTES} bytes, not {size}")


@dataclass(frozen=True, slots=True)
class Receipt:
    """What one receipt says; immutable, so a reprint can never differ from the original
    except by its marker (:meth:`reprint`)."""

    title: str
    station_name: str
    number: str
    issued_at: datetime
    operator: str
    station_phone: str = ""
    items: tuple[ItemLine, ...] = ()
    details: tuple[Detail, ...] = ()
    totals: tuple[Total, ...] = ()
    payment_method: str = ""
    notes: tuple[str, ...] = ()
    qr: QrCode | None = None
    reprinted_at: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("title", "station_name", "number", "operator"):
            if not getattr(self, name).strip():
                raise BugError(f"a receipt needs a {name}")
        _require_aware("issued_at", self.issued_at)
        _require_aware("reprinted_at", self.reprinted_at)
        # Tuples even when a caller passed lists: the receipt must not change after printing.
        for name in ("items", "details", "totals", "notes"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def reprint(self, at: datetime) -> Receipt:
        """The same receipt marked 重打 with the reprint time (the original time stays)."""
        return replace(self, reprinted_at=at)


# --- blocks: what goes where, for every renderer -------------------------------------


class Style(enum.Enum):
    """How a renderer shows a line; the ESC/POS renderer maps each to printer modes."""

    TITLE = "title"  # double width and height, centred
    CENTRE = "centre"
    MARK = "mark"  # the reprint marker: bold, double height, centred
    BODY = "body"
    EMPHASIS = "emphasis"  # an emphasised total: bold, double height
    RULE = "rule"
    QR = "qr"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    style: Style  # TITLE, CENTRE or MARK


@dataclass(frozen=True, slots=True)
class Rule:
    pass


@dataclass(frozen=True, slots=True)
class Labelled:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Pair:
    """Text on the left, an amount on the right of its first line."""

    left: str
    right: str
    style: Style = Style.BODY  # BODY or EMPHASIS
    indent: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Qr:
    payload: str


Block = Heading | Rule | Labelled | Pair | Paragraph | Qr


def clean(text: str) -> str:
    """Printable text only: control characters become spaces, format characters (zero
    width, BOM) and lone surrogates (unencodable) go."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category not in ("Cf", "Cs"):
            kept.append(char)
    return "".join(kept)


def display_time(instant: datetime) -> str:
    """Beijing time to the second, as on every other screen and slip."""
    return local_time(instant).strftime("%Y-%m-%d %H:%M:%S")


def money(amount: Fen, yuan: str = YUAN) -> str:
    """``¥12.50``; ``yuan`` lets the ESC/POS renderer use the full-width ￥ (see there)."""
    return amount.format(symbol=True).replace(YUAN, yuan)


def blocks(receipt: Receipt, *, translate: Translate = _same, yuan: str = YUAN) -> list[Block]:
    """The receipt as blocks, sections separated by rules; empty sections are left out."""
    sections: list[list[Block]] = [
        _header(receipt, translate),
        _who_and_when(receipt, translate),
        [block for item in receipt.items for block in _item(item, yuan)],
        [Labelled(clean(d.label), clean(d.value)) for d in receipt.details],
        _totals(receipt, translate, yuan),
        [Paragraph(clean(line)) for note in receipt.notes for line in note.splitlines()],
        _qr(receipt.qr),
    ]
    laid: list[Block] = []
    for section in sections:
        if section:
            laid.extend([Rule(), *section] if laid else section)
    return laid


def _header(receipt: Receipt, translate: Translate) -> list[Block]:
    header: list[Block] = [
        Heading(clean(receipt.title), Style.TITLE),
        Heading(clean(receipt.station_name), Style.CENTRE),
    ]
    if receipt.station_phone.strip():
        phone = translate(QT_TRANSLATE_NOOP("core", "电话：{phone}"))
        header.append(Heading(phone.format(phone=clean(receipt.station_phone)), Style.CENTRE))
    if receipt.reprinted_at is not None:
        mark = translate(QT_TRANSLATE_NOOP("core", "【重打】{time}"))
        header.append(Heading(mark.format(time=display_time(receipt.reprinted_at)), Style.MARK))
    return header


def _who_and_when(receipt: Receipt, translate: Translate) -> list[Block]:
    return [
        Labelled(translate(QT_TRANSLATE_NOOP("core", "单号")), clean(receipt.number)),
        Labelled(translate(QT_TRANSLATE_NOOP("core", "时间")), display_time(receipt.issued_at)),
        Labelled(translate(QT_TRANSLATE_NOOP("core", "操作员")), clean(receipt.operator)),
    ]


def _item(item: ItemLine, yuan: str) -> list[Block]:
    """A counted item puts its quantity × price on a line of its own under the name, so
    the name keeps the whole width (product names from platforms are long)."""
    amount = money(item.amount, yuan)
    description = clean(item.description)
    if item.quantity is None:
        return [Pair(description, amount)]
    detail = clean(str(item.quantity))
    if item.unit_price is not None:
        detail = f"{detail} × {money(item.unit_price, yuan)}"
    return [Paragraph(description), Pair(detail, amount, indent=True)]


def _totals(receipt: Receipt, translate: Translate, yuan: str) -> list[Block]:
    totals: list[Block] = [
        Pair(clean(t.label), money(t.amount, yuan), Style.EMPHASIS if t.emphasised else Style.BODY)
        for t in receipt.totals
    ]
    if receipt.payment_method.strip():
        label = translate(QT_TRANSLATE_NOOP("core", "支付方式"))
        totals.append(Labelled(label, clean(receipt.payment_method)))
    return totals


def _qr(qr: QrCode | None) -> list[Block]:
    if qr is None:
        return []
    caption = [Heading(clean(qr.caption), Style.CENTRE)] if qr.caption.strip() else []
    return [Qr(qr.payload), *caption]


# --- columns: the thermal printer's grid ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: ``text`` fits the columns (a TITLE line fits half of them, as
    it prints double width); centred text is already padded; ``qr`` is set on the
    QR line, whose text is only a stand-in for plain-text previews."""

    text: str
    style: Style
    qr: str = ""


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in _WIDE else 1


def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping by columns: ASCII words stay whole when they fit a line, longer
    ones and Chinese text break anywhere. Always at least one (maybe empty) line."""
    lines: list[str] = []
    current, used = "", 0
    for token in _TOKEN.findall(text):
        size = display_width(token)
        if token.isspace():
            if current:
                current, used = current + token, used + size
            continue
        if used + size > width and current.strip():
            lines.append(current.rstrip())
            current, used = "", 0
        rest = token
        while size > width - used:
            head, rest = _split(rest, width - used)
            lines.append((current + head).rstrip())
            current, used, size = "", 0, display_width(rest)
        current, used = current + rest, used + size
    lines.append(current.rstrip())
    return lines


def _split(token: str, room: int) -> tuple[str, str]:
    """The longest head of ``token`` fitting ``room`` columns (at least one character, so
    a wide character in a one-column room still moves on) and the rest."""
    used = 0
    for index, char in enumerate(token):
        used += char_width(char)
        if used > room:
            return token[: max(index, 1)], token[max(index, 1) :]
    return token, ""


def _centred(text: str, columns: int) -> str:
    return " " * max(0, (columns - display_width(text)) // 2) + text


def layout(
    receipt: Receipt, columns: int, *, translate: Translate = _same, yuan: str = YUAN
) -> list[Line]:
    """The receipt as lines of at most ``columns`` printer columns."""
    if columns < MIN_COLUMNS:
        raise BugError(f"a receipt needs at least {MIN_COLUMNS} columns, not {columns}")
    lines: list[Line] = []
    for block in blocks(receipt, translate=translate, yuan=yuan):
        lines.extend(_lines(block, columns, translate))
    return lines


def layout_text(receipt: Receipt, columns: int, *, translate: Translate = _same) -> str:
    """The receipt as plain text, one printer line per text line (tests and previews)."""
    return "\n".join(line.text for line in layout(receipt, columns, translate=translate))


def _lines(block: Block, columns: int, translate: Translate) -> Iterable[Line]:
    if isinstance(block, Heading):
        width = columns // 2 if block.style is Style.TITLE else columns
        return [Line(_centred(text, columns), block.style) for text in wrap(block.text, width)]
    if isinstance(block, Rule):
        return [Line("-" * columns, Style.RULE)]
    if isinstance(block, Labelled):
        return [Line(text, Style.BODY) for text in _labelled(block, columns)]
    if isinstance(block, Pair):
        return [Line(text, block.style) for text in _pair(block, columns)]
    if isinstance(block, Paragraph):
        return [Line(text, Style.BODY) for text in wrap(block.text, columns)]
    stand_in = translate(QT_TRANSLATE_NOOP("core", "[二维码]"))
    return [Line(_centred(stand_in, columns), Style.QR, qr=block.payload)]


def _labelled(block: Labelled, columns: int) -> list[str]:
    """``label：value``, the value's further lines under its first (a hanging indent),
    unless the label is so long that the value would be squeezed."""
    prefix = f"{block.label}："
    indent = display_width(prefix)
    if indent > columns // 2:
        return wrap(prefix + block.value, columns)
    values = wrap(block.value, columns - indent)
    return [prefix + values[0]] + [" " * indent + value for value in values[1:]]


def _pair(block: Pair, columns: int) -> list[str]:
    """The amount right-aligned on the first line; the text wraps in what is left."""
    indent = "  " if block.indent else ""
    right = display_width(block.right)
    room = columns - len(indent) - right - 1
    if room < columns // 3:  # an absurdly long amount: text above, amount below
        return [indent + text for text in wrap(block.left, columns - len(indent))] + [
            " " * max(0, columns - right) + block.right
        ]
    texts = [indent + text for text in wrap(block.left, room)]
    gap = columns - display_width(texts[0]) - right
    return [texts[0] + " " * gap + block.right, *texts[1:]]
