"""The pickup-code label (取件码标签), drawn by Qt on a 40×30 mm thermal label.

The keeper sticks it on the parcel instead of writing the code with a marker, so the
code is the one thing drawn as large as the label allows: it is read from across the
room while searching a shelf. Under it, small, what settles a doubt at the counter: the
shelf and tier in words, the tracking number's last six digits, the masked phone (the
label sits on a shelf anyone can see, so never the full number) and the check-in date.

Where the label goes is a factory (:data:`DeviceFactory`): the default printer, or
numbered PDF files (:class:`PdfFiles`) for tests and for a station without a printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station_app.core.parcels.views import ParcelView
from station_app.ui.pages.parcels.models import location_text
from station_app.ui.text import format_local_time

LABEL_WIDTH_MM = 40.0
LABEL_HEIGHT_MM = 30.0
"""The commonest thermal label stock at Chinese parcel stations (may become a preference)."""
MARGIN_MM = 1.5
"""Inside the label: thermal heads rarely reach the edge, and label feed drifts a little."""
PDF_RESOLUTION = 300

# Bands of the label's height (after the margins), top to bottom.
PLACE_BAND = 0.16
CODE_BAND = 0.50
INFO_BAND = 0.14  # each of the two lines under the rule
GAP = 0.02
CODE_STRETCH = 1.6
"""How much taller than its font the code may be drawn when the width limits it: a
"A-10-0156" is width-bound on 40 mm, and tall narrow digits read better from afar."""

DeviceFactory = Callable[[], QPagedPaintDevice | None]
"""Makes the paint device for one label; ``None`` means there is no printer."""


def _t(text: str) -> str:
    return QCoreApplication.translate("label_print", text)


class LabelNotPrinted(Exception):
    """The device refused the label; the text (Chinese) says why, for the status line."""


@dataclass(frozen=True)
class Label:
    """What one label shows, already as text: the phone is masked before it gets here."""

    code: str
    place: str
    tracking_tail: str
    phone_masked: str
    day: str


def label_of(view: ParcelView) -> Label:
    return Label(
        code=view.pickup_code,
        place=location_text(view),
        tracking_tail=view.tracking_number[-6:],
        phone_masked=view.phone_masked,
        day=format_local_time(view.checked_in_at)[:10],
    )


def label_page_layout() -> QPageLayout:
    """40×30 mm, no margins of Qt's own: the label is the page."""
    size = QPageSize(
        QSizeF(LABEL_WIDTH_MM, LABEL_HEIGHT_MM),
        QPageSize.Unit.Millimeter,
        _t("取件码标签 40×30"),
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def default_printer() -> QPagedPaintDevice | None:
    """The system's default printer set up for one label, or None when there is none.

    Asked at every label, not once: a label printer is often plugged in after the app
    started, and the keeper should not have to restart for it."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(label_page_layout())
    printer.setDocName(_t("取件码标签"))
    return printer


class PdfFiles:
    """A factory writing each label to the next numbered PDF in ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.paths: list[Path] = []

    def __call__(self) -> QPagedPaintDevice:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"label-{len(self.paths) + 1:04d}.pdf"
        self.paths.append(path)
        writer = QPdfWriter(str(path))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(_t("取件码标签"))
        writer.setPageLayout(label_page_layout())
        return writer


def print_label(device: QPagedPaintDevice, label: Label) -> None:
    """Draw ``label`` as one page on ``device``; raises LabelNotPrinted if refused."""
    painter = QPainter()
    if not painter.begin(device):
        raise LabelNotPrinted(_t("打印机没有响应"))
    try:
        paint_label(painter, label)
    finally:
        painter.end()
    if isinstance(device, QPrinter) and device.printerState() == QPrinter.PrinterState.Error:
        raise LabelNotPrinted(_t("打印机报错"))


def paint_label(painter: QPainter, label: Label) -> None:
    """Lay the label out in the device's own pixels, so it is sharp at any resolution
    (thermal printers are 203 or 300 dpi)."""
    device = painter.device()
    per_mm = device.logicalDpiY() / 25.4
    margin = MARGIN_MM * per_mm
    area = QRectF(0, 0, device.width(), device.height()).adjusted(margin, margin, -margin, -margin)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.black))
    top, height = area.top(), area.height()

    def band(share: float) -> QRectF:
        nonlocal top
        rect = QRectF(area.left(), top, area.width(), height * share)
        top += height * (share + GAP)
        return rect

    _draw_line(painter, label.place, band(PLACE_BAND), Qt.AlignmentFlag.AlignHCenter, bold=True)
    _draw_code(painter, label.code, band(CODE_BAND))
    rule_y = top - height * GAP / 2
    painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 0.25 * per_mm)))
    painter.drawLine(QPointF(area.left(), rule_y), QPointF(area.right(), rule_y))
    _draw_line(painter, _t("单号尾号 {tail}").format(tail=label.tracking_tail), band(INFO_BAND))
    _draw_pair(painter, label.phone_masked, label.day, band(INFO_BAND))


def _draw_code(painter: QPainter, text: str, box: QRectF) -> None:
    """The code as large as the box allows, measured by its ink (digits have no
    descenders, so fitting the font's full height would waste a third of the band)."""
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(1, round(box.height())))
    ink = QFontMetricsF(font, painter.device()).tightBoundingRect(text)
    if ink.width() <= 0 or ink.height() <= 0:
        return
    scale = min(box.width() / ink.width(), box.height() / ink.height())
    font.setPixelSize(max(1, int(box.height() * scale)))
    ink = QFontMetricsF(font, painter.device()).tightBoundingRect(text)
    stretch = min(CODE_STRETCH, box.height() / ink.height())
    painter.save()
    painter.translate(box.center().x(), box.center().y())
    painter.scale(1.0, stretch)
    painter.setFont(font)
    painter.drawText(QPointF(-ink.width() / 2 - ink.left(), -ink.height() / 2 - ink.top()), text)
    painter.restore()


def _draw_line(
    painter: QPainter,
    text: str,
    box: QRectF,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    *,
    bold: bool = False,
) -> None:
    """One line of small text, shrunk only if it would not fit the width."""
    if not text:
        return
    font = QFont()
    font.setBold(bold)
    font.setPixelSize(max(1, int(box.height() * 0.8)))
    width = QFontMetricsF(font, painter.device()).horizontalAdvance(text)
    if width > box.width():
        font.setPixelSize(max(1, int(font.pixelSize() * box.width() / width)))
    painter.setFont(font)
    painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), text)


def _draw_pair(painter: QPainter, left: str, right: str, box: QRectF) -> None:
    """Two texts on one line, left and right, shrunk together so they never overlap."""
    font = QFont()
    font.setPixelSize(max(1, int(box.height() * 0.8)))
    metrics = QFontMetricsF(font, painter.device())
    needed = metrics.horizontalAdvance(f"{left}  {right}")
    if needed > box.width():
        font.setPixelSize(max(1, int(font.pixelSize() * box.width() / needed)))
    painter.setFont(font)
    middle = int(Qt.AlignmentFlag.AlignVCenter)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft) | middle, left)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight) | middle, right)
