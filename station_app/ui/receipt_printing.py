"""Printing a receipt where the station's preferences say, from any page.

The keeper chooses once, in 设置: the system's default printer (Qt's printing: any
printer with a driver, the usual case on a Windows shop PC), or a thermal printer
spoken to in raw ESC/POS (``tcp://…`` or a device path). With no printer at all the
receipt is saved as a PDF in the data folder and opened, so nothing is lost and it can
be printed elsewhere. A printer that fails costs a message, never the action the
receipt is for: the action committed before anything was printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from station_app.core import preferences, receipt_log
from station_app.core.receipts import Receipt
from station_app.core.store import Store

RECEIPTS_DIR = "receipts"


@dataclass(frozen=True)
class Printed:
    """What happened, for the page to say: ``ok`` False means the keeper must act."""

    ok: bool
    message: str
    pdf: Path | None = None


def _open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReceiptPrinter:
    """One per page; ``open_pdf`` is replaced in tests (no viewer offscreen)."""

    def __init__(self, store: Store, open_pdf: Callable[[Path], None] = _open_with_system):
        self._store = store
        self.open_pdf = open_pdf

    def settings(self) -> tuple[str, int]:
        with self._store.reading() as session:
            target = preferences.get(session, preferences.RECEIPT_PRINTER)
            paper = preferences.get(session, preferences.RECEIPT_PAPER_MM)
        return target, paper

    def print(self, receipt: Receipt) -> Printed:
        """Prints (or saves) it, marked 重打 if the same receipt went out before."""
        now = self._store.clock.now()
        with self._store.reading() as session:
            receipt = receipt_log.as_printed(session, receipt, now)
        printed = self._send(receipt)
        if printed.ok:
            with self._store.writing() as session:
                receipt_log.record(session, receipt, now)
        return printed

    def _send(self, receipt: Receipt) -> Printed:
        from station_app.devices import receipt_escpos, receipt_qt

        target, paper = self.settings()
        try:
            if target:
                receipt_escpos.print_escpos(receipt, receipt_escpos.raw_printer(target), paper)
                return Printed(True, QCoreApplication.translate("ReceiptPrinter", "小票已打印。"))
            printer = receipt_qt.system_printer()
            if printer is not None:
                receipt_qt.render(printer, receipt, paper)
                return Printed(
                    True, QCoreApplication.translate("ReceiptPrinter", "小票已送到打印机。")
                )
        except receipt_escpos.ReceiptNotPrinted as error:
            return Printed(
                False,
                QCoreApplication.translate("ReceiptPrinter", "小票没有打印：{reason}").format(
                    reason=str(error)
                ),
            )
        return self.save_pdf(receipt, paper)

    def save_pdf(self, receipt: Receipt, paper: int) -> Printed:
        from station_app.devices import receipt_qt

        folder = self._store.path.parent / RECEIPTS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        suffix = "-reprint" if receipt.reprinted_at is not None else ""
        path = folder / f"{receipt.number}{suffix}.pdf"
        try:
            receipt_qt.write_pdf(receipt, path, paper)
        except OSError as error:
            return Printed(
                False,
                QCoreApplication.translate("ReceiptPrinter", "小票没有保存：{reason}").format(
                    reason=error.strerror or ""
                ),
            )
        self.open_pdf(path)
        return Printed(
            True,
            QCoreApplication.translate(
                "ReceiptPrinter", "没有找到打印机，小票已存为 PDF：{path}"
            ).format(path=path),
            path,
        )
