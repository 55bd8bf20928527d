"""Receipts drawn by Qt: on any installed printer (a thermal printer with its Windows
driver, an office laser) and to PDF files (tests, e-mail, a station without a printer).

The page is as wide as the roll (58 or 80 mm) and as long as the receipt: the blocks
of :func:`station_app.core.receipts.blocks` are laid out once without a painter to
measure the height, then again on the page, through the same code, so the two cannot
disagree. Text is laid out in the device's own pixels with the application's font (the
CJK family ``ui.app.choose_font`` picked), at the size of a thermal printer's 24-dot
Chinese characters (3 mm), wrapped by Qt's own line breaking. The QR code is a segno
matrix drawn as a picture, each module a whole number of device pixels so it stays sharp.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station_app.core.receipts import (
    Block,
    Heading,
    Labelled,
    Pair,
    Paragraph,
    Qr,
    Receipt,
    Rule,
    Style,
    blocks,
    columns_for,
)
from station_app.devices.receipt_escpos import ReceiptNotPrinted, qr_symbol

PRINTABLE_MM = {58: 48.0, 80: 72.0}
"""What a thermal head reaches; drivers of roll printers report the same margins."""
TOP_MM = 3.0
BOTTOM_MM = 8.0  # room to tear off below the last line
BODY_MM = 3.0  # a thermal printer's 24-dot Chinese character
TITLE_MM = 5.5
EMPHASIS_MM = 4.0
MARK_MM = 3.0  # bold and framed; one line for 【重打】 and the time on 58 mm
BLOCK_GAP_MM = 0.4
RULE_GAP_MM = 1.2
INDENT_MM = 3.0
AMOUNT_GAP_MM = 2.0
QR_MM = 30.0
"""The QR symbol's side without its quiet zone: well above the 20 mm a phone needs
from arm's length, and it fits a 58 mm roll with the quiet zone to spare."""
QR_QUIET_MODULES = 4
PDF_RESOLUTION = 300


def _core(text: str) -> str:
    return QCoreApplication.translate("core", text)


def receipt_font() -> QFont:
    """The application's font: the station app set it to its chosen CJK family."""
    return QFont(QGuiApplication.font())


def _without_latin_digit_variants(font: QFont) -> QFont:
    """Noto Sans CJK / Source Han Sans swap digits inside Latin words (``JF2026…``,
    ``25.30kg``) for variants through their ``locl`` feature. Those glyphs are in no
    character map, so Qt's PDF writer cannot say which character they are, and the
    PDF's text (search, copy, pdftotext) loses every such digit. Without ``locl`` the
    plain digits are drawn; the Chinese glyphs are the family's own (SC) either way."""
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def receipt_page_layout(paper_mm: int, height_mm: float) -> QPageLayout:
    """A roll-wide page as long as the receipt; the margins are ours, not Qt's.

    ``render`` never makes it shorter than wide: a driver may take a wide page for a
    landscape one and turn it."""
    size = QPageSize(
        QSizeF(float(paper_mm), height_mm),
        QPageSize.Unit.Millimeter,
        QCoreApplication.translate("receipts", "小票 {width} mm").format(width=paper_mm),
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def render(
    device: QPagedPaintDevice, receipt: Receipt, paper_mm: int = 58, *, font: QFont | None = None
) -> None:
    """Draw ``receipt`` as one page on ``device``; raises ReceiptNotPrinted if refused.

    A printer driver may refuse the custom page length; the receipt is drawn on the
    driver's page then, which on a roll printer is cut after the content anyway."""
    columns_for(paper_mm)  # refuses an unknown width before a page is started
    laid = blocks(receipt, translate=_core)
    base = font if font is not None else receipt_font()
    height = _Sheet(device, paper_mm, base).lay(laid)
    length = max(float(paper_mm), height / _per_mm(device) + BOTTOM_MM)
    device.setPageLayout(receipt_page_layout(paper_mm, length))
    painter = QPainter()
    if not painter.begin(device):
        raise ReceiptNotPrinted(QCoreApplication.translate("receipts", "打印机没有响应"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _Sheet(device, paper_mm, base, painter).lay(laid)
    finally:
        painter.end()
    if isinstance(device, QPrinter) and device.printerState() == QPrinter.PrinterState.Error:
        raise ReceiptNotPrinted(QCoreApplication.translate("receipts", "打印机报错"))


def write_pdf(
    receipt: Receipt, path: Path, paper_mm: int = 58, *, font: QFont | None = None
) -> Path:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(receipt.title)
    render(writer, receipt, paper_mm, font=font)
    return path


def system_printer(name: str = "") -> QPrinter | None:
    """The named printer, else the default one; None when there is none. Asked at every
    receipt: the printer is often switched on after the app started."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(QCoreApplication.translate("receipts", "小票"))
    return printer


def _per_mm(device: QPagedPaintDevice) -> float:
    return device.logicalDpiY() / 25.4


@dataclass(frozen=True)
class _Fonts:
    body: QFont
    title: QFont
    emphasis: QFont
    mark: QFont


def _fonts(base: QFont, per_mm: float) -> _Fonts:
    def sized(mm: float, bold: bool) -> QFont:
        font = _without_latin_digit_variants(QFont(base))
        font.setPixelSize(max(1, round(mm * per_mm)))
        font.setBold(bold)
        return font

    return _Fonts(
        body=sized(BODY_MM, False),
        title=sized(TITLE_MM, True),
        emphasis=sized(EMPHASIS_MM, True),
        mark=sized(MARK_MM, True),
    )


class _Sheet:
    """Lays blocks out top to bottom in device pixels, drawing only when it has a
    painter, so measuring the page and drawing it go through the same code."""

    def __init__(
        self,
        device: QPagedPaintDevice,
        paper_mm: int,
        font: QFont,
        painter: QPainter | None = None,
    ) -> None:
        self.device = device
        self.painter = painter
        self.mm = _per_mm(device)
        self.left = (paper_mm - PRINTABLE_MM[paper_mm]) / 2 * self.mm
        self.width = PRINTABLE_MM[paper_mm] * self.mm
        self.y = TOP_MM * self.mm
        self.fonts = _fonts(font, self.mm)

    def lay(self, laid: list[Block]) -> float:
        """Lays out every block; returns the height used, in device pixels."""
        for block in laid:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Rule):
                self._rule()
            elif isinstance(block, Labelled):
                self._labelled(block)
            elif isinstance(block, Pair):
                self._pair(block)
            elif isinstance(block, Paragraph):
                self._text(block.text, self.fonts.body, self.left, self.width)
            else:
                self._qr(block)
            self.y += BLOCK_GAP_MM * self.mm
        return self.y

    def _text(
        self,
        text: str,
        font: QFont,
        x: float,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> QTextLayout:
        """Wrapped text from ``self.y`` down; moves ``self.y`` under it."""
        layout = _wrapped(text, font, width, self.device, align)
        if self.painter is not None:
            self.painter.setPen(QPen(Qt.GlobalColor.black))
            layout.draw(self.painter, QPointF(x, self.y))
        self.y += layout.boundingRect().height()
        return layout

    def _heading(self, block: Heading) -> None:
        font = {Style.TITLE: self.fonts.title, Style.MARK: self.fonts.mark}.get(
            block.style, self.fonts.body
        )
        centre = Qt.AlignmentFlag.AlignHCenter
        if block.style is not Style.MARK:
            self._text(block.text, font, self.left, self.width, centre)
            return
        # The reprint marker in a frame: whoever checks the slip sees it is a copy.
        pad = 0.8 * self.mm
        top = self.y
        self.y += pad
        self._text(block.text, font, self.left + pad, self.width - 2 * pad, centre)
        self.y += pad
        if self.painter is not None:
            self.painter.setPen(QPen(Qt.GlobalColor.black, 0.3 * self.mm))
            self.painter.drawRect(QRectF(self.left, top, self.width, self.y - top))
        self.y += pad  # clear of the rule that follows

    def _rule(self) -> None:
        self.y += RULE_GAP_MM * self.mm
        if self.painter is not None:
            pen = QPen(Qt.GlobalColor.black, 0.25 * self.mm, Qt.PenStyle.DashLine)
            self.painter.setPen(pen)
            self.painter.drawLine(
                QPointF(self.left, self.y), QPointF(self.left + self.width, self.y)
            )
        self.y += RULE_GAP_MM * self.mm

    def _labelled(self, block: Labelled) -> None:
        """``label：`` with the value beside it, wrapping under itself (hanging indent),
        unless the label takes more than half the width."""
        label = f"{block.label}："
        indent = QFontMetricsF(self.fonts.body, self.device).horizontalAdvance(label)
        if indent > self.width / 2:
            self._text(label + block.value, self.fonts.body, self.left, self.width)
            return
        top = self.y
        self._text(label, self.fonts.body, self.left, indent + 1)
        self.y = top
        self._text(block.value, self.fonts.body, self.left + indent, self.width - indent)

    def _pair(self, block: Pair) -> None:
        """Text left, amount right-aligned on the baseline of the text's first line."""
        font = self.fonts.emphasis if block.style is Style.EMPHASIS else self.fonts.body
        advance = QFontMetricsF(font, self.device).horizontalAdvance(block.right)
        indent = INDENT_MM * self.mm if block.indent else 0.0
        room = self.width - indent - advance - AMOUNT_GAP_MM * self.mm
        if room < self.width / 3:  # an absurdly long amount: under the text
            self._text(block.left, font, self.left + indent, self.width - indent)
            self._text(block.right, font, self.left, self.width, Qt.AlignmentFlag.AlignRight)
            return
        top = self.y
        layout = self._text(block.left, font, self.left + indent, room)
        if self.painter is not None:
            baseline = top + layout.lineAt(0).y() + layout.lineAt(0).ascent()
            self.painter.setFont(font)
            self.painter.drawText(QPointF(self.left + self.width - advance, baseline), block.right)

    def _qr(self, block: Qr) -> None:
        code = qr_symbol(block.payload)
        modules = len(code.matrix)
        module_px = max(1, math.ceil(QR_MM * self.mm / modules))
        side = modules * module_px
        self.y += QR_QUIET_MODULES * module_px
        if self.painter is not None:
            image = _qr_image(code, module_px)
            self.painter.drawImage(QPointF(self.left + (self.width - side) / 2, self.y), image)
        self.y += side + QR_QUIET_MODULES * module_px


def _wrapped(
    text: str, font: QFont, width: float, device: QPagedPaintDevice, align: Qt.AlignmentFlag
) -> QTextLayout:
    """Qt's line breaking (Chinese anywhere, words whole when they fit, a word longer
    than the line broken anyway) within ``width`` device pixels."""
    layout = QTextLayout(text, font, device)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def _qr_image(code: segno.QRCode, module_px: int) -> QImage:
    """Dark modules on white, no border (the page is white), each module exactly
    ``module_px`` device pixels: scaled without smoothing, so edges stay sharp."""
    modules = len(code.matrix)
    image = QImage(modules, modules, QImage.Format.Format_Mono)
    image.setColorTable([0xFFFFFFFF, 0xFF000000])
    image.fill(0)
    for row, line in enumerate(code.matrix_iter(border=0)):
        for column, dark in enumerate(line):
            if dark:
                image.setPixel(column, row, 1)
    side = modules * module_px
    return image.scaled(
        side,
        side,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
