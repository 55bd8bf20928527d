"""Receipts as raw ESC/POS bytes for 58 mm and 80 mm thermal printers, and how to send them.

The lines come from :func:`station_app.core.receipts.layout` (32 or 48 columns); this
module only adds the printer's modes around them: title double size (``GS !``) and
centred, the reprint marker and emphasised totals bold and double height (same width, so
the columns still hold), the QR code as the printer's own QR command (``GS ( k``), a cut at the end.
python-escpos (its ``Dummy`` printer) collects the bytes and writes the commands.

Chinese text: python-escpos encodes text through single-byte code pages (``ESC t``),
which cannot hold Chinese. Chinese thermal printers instead have a Chinese character
mode (``FS &``), usually on at power-up, in which bytes ≥ 0x80 are read as GB18030 /
GBK double-byte characters. So the receipt enters that mode explicitly after ``ESC @``
and sends its text as GB18030 bytes through ``_raw``, never through python-escpos's
``text()`` and its code-page guessing. It does not leave the mode (``FS .``) at the end:
other programs on the station's PC expect the printer's power-up state, which is this.

The yuan sign is printed full-width (``￥``, GB2312 A3A4, two columns, in every Chinese
printer's font): ``¥`` (U+00A5) is outside GBK, a four-byte GB18030 sequence that many
58 mm printers with a GBK font print as garbage. The layout measures the sign it is
given, so the amounts still line up.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

import segno
from PySide6.QtCore import QCoreApplication

from station_app.core.paths import APP_NAME
from station_app.core.receipts import Line, Receipt, Style, columns_for, layout

if TYPE_CHECKING:
    from escpos.printer import Dummy  # type: ignore[import-untyped]

ENCODING = "gb18030"
INIT = b"\x1b@"  # ESC @: forget any mode a previous job left behind
CHINESE_MODE = b"\x1c&"  # FS &: bytes >= 0x80 are double-byte Chinese characters
LF = b"\n"
FULL_WIDTH_YUAN = "￥"
DOTS_PER_MM = 8  # 203 dpi, every common receipt printer
PRINTABLE_DOTS = {58: 384, 80: 576}
"""What the print head reaches: 48 mm of a 58 mm roll, 72 mm of an 80 mm one."""
QR_QUIET_MODULES = 4
QR_MAX_DOT_SIZE = 8  # 1 mm modules: a phone reads them from arm's length
TCP_PORT = 9100  # "raw" / JetDirect, what network receipt printers listen on
TIMEOUT_S = 10.0


def _core(text: str) -> str:
    return QCoreApplication.translate("core", text)


class ReceiptNotPrinted(Exception):
    """The printer could not be reached or refused the bytes; the text (Chinese) says so."""


def _dummy() -> Dummy:
    """python-escpos's byte collector, imported on first use: importing it parses its
    1 MB printer database (a quarter of a second) and caches it as a pickle. The cache
    goes to the app's own cache folder instead of a new temporary folder per process
    (python-escpos's default), unless the environment already names one."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        from platformdirs import user_cache_dir

        cache = Path(user_cache_dir(APP_NAME, appauthor=False)) / "escpos"
        cache.mkdir(parents=True, exist_ok=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)
    from escpos.printer import Dummy

    return Dummy()


def escpos_bytes(receipt: Receipt, paper_mm: int = 58) -> bytes:
    """The whole print job for one receipt on a ``paper_mm`` roll, cut included."""
    printer = _dummy()
    printer._raw(INIT + CHINESE_MODE)
    for line in layout(receipt, columns_for(paper_mm), translate=_core, yuan=FULL_WIDTH_YUAN):
        _print_line(printer, line, paper_mm)
    printer.cut()
    return bytes(printer.output)


def _print_line(printer: Dummy, line: Line, paper_mm: int) -> None:
    if line.style is Style.QR:
        _print_qr(printer, line.qr, paper_mm)
    elif line.style is Style.TITLE:
        printer.set(align="center", bold=True)
        _sized(printer, line.text.strip(), width=2, height=2)
        printer.set(align="left", bold=False)
    elif line.style in (Style.MARK, Style.EMPHASIS):
        printer.set(bold=True)
        _sized(printer, line.text, width=1, height=2)
        printer.set(bold=False)
    else:
        printer._raw(line.text.encode(ENCODING) + LF)


def _sized(printer: Dummy, text: str, *, width: int, height: int) -> None:
    """Text at a character size set with ``GS !``, which scales Chinese characters too
    (python-escpos's ``double_width`` / ``double_height`` send ``ESC !``, which on
    Epson-compatible printers scales single-byte characters only)."""
    printer.set(custom_size=True, width=width, height=height)
    printer._raw(text.encode(ENCODING) + LF)
    printer.set(custom_size=True, width=1, height=1)


def qr_symbol(payload: str) -> segno.QRCode:
    """The symbol both renderers print: the payload's UTF-8 bytes at level M (15 % of
    the symbol may be smudged), which is also what the printer's QR command encodes."""
    return segno.make(payload.encode("utf-8"), error="m", micro=False)


def qr_dot_size(payload: str, paper_mm: int) -> int:
    """The largest module size (dots) at which the symbol and its quiet zone fit the head.

    The printer picks the QR version itself; segno, asked for the same bytes and error
    level, tells how many modules that version has."""
    modules = len(qr_symbol(payload).matrix)
    fitting = PRINTABLE_DOTS[paper_mm] // (modules + 2 * QR_QUIET_MODULES)
    return max(1, min(QR_MAX_DOT_SIZE, fitting))


def _print_qr(printer: Dummy, payload: str, paper_mm: int) -> None:
    from escpos.constants import QR_ECLEVEL_M  # type: ignore[import-untyped]

    printer.set(align="center")
    printer.qr(payload, ec=QR_ECLEVEL_M, size=qr_dot_size(payload, paper_mm), native=True)
    printer._raw(LF)
    printer.set(align="left")


# --- sending the bytes ---------------------------------------------------------------


class RawPrinter(Protocol):
    def send(self, data: bytes) -> None:
        """Deliver the whole job or raise ReceiptNotPrinted."""
        ...


def _unreachable(target: str, error: OSError) -> ReceiptNotPrinted:
    message = QCoreApplication.translate("receipts", "打印机连接不上：{target}（{reason}）")
    return ReceiptNotPrinted(message.format(target=target, reason=error.strerror or error))


@dataclass(frozen=True)
class DevicePrinter:
    """A printer that is a file: ``/dev/usb/lp0`` on Linux, a shared printer
    (``\\\\localhost\\POS58``) or ``LPT1`` on Windows. The spooler passes raw bytes on."""

    path: str

    def send(self, data: bytes) -> None:
        try:
            with open(self.path, "wb") as device:
                device.write(data)
                device.flush()
        except OSError as error:
            raise _unreachable(self.path, error) from error


@dataclass(frozen=True)
class NetworkPrinter:
    """A receipt printer on the shop's network, raw TCP on port 9100."""

    host: str
    port: int = TCP_PORT
    timeout_s: float = TIMEOUT_S

    def send(self, data: bytes) -> None:
        target = f"{self.host}:{self.port}"
        try:
            with socket.create_connection((self.host, self.port), self.timeout_s) as connection:
                connection.sendall(data)
                # Our half closed: the printer sees the job end even if it keeps its side open.
                connection.shutdown(socket.SHUT_WR)
        except OSError as error:
            raise _unreachable(target, error) from error


def raw_printer(target: str) -> RawPrinter:
    """``tcp://192.168.1.80`` or ``tcp://192.168.1.80:9100`` is a network printer;
    anything else is a device path, as a preference would hold it."""
    if not target.lower().startswith("tcp://"):
        return DevicePrinter(target)
    parts = urlsplit(target)
    try:
        port = parts.port or TCP_PORT  # raises on a port that is no number 0..65535
    except ValueError:
        port = 0
    if not parts.hostname or not port:
        raise ReceiptNotPrinted(
            QCoreApplication.translate("receipts", "打印机地址不对：{target}").format(target=target)
        )
    return NetworkPrinter(parts.hostname, port)


def print_escpos(receipt: Receipt, printer: RawPrinter, paper_mm: int = 58) -> None:
    printer.send(escpos_bytes(receipt, paper_mm))
