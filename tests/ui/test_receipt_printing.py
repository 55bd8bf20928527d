"""Printing any receipt where the settings say; the same receipt printed again says 重打."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from station_app.core.clock import FixedClock
from station_app.core.money import Fen
from station_app.core.receipts import ItemLine, Receipt, Total
from station_app.core.store import Store
from station_app.ui.receipt_printing import ReceiptPrinter


def _receipt(store: Store, status: str = "处理中") -> Receipt:
    return Receipt(
        title="代缴费凭证",
        station_name="胡家庄村电商服务站",
        number="JF-0000ABCD",
        issued_at=store.clock.now(),
        operator="wangjun",
        items=(ItemLine(f"国网电费（{status}）", Fen(10000)),),
        totals=(Total("合计", Fen(10000), emphasised=True),),
    )


def _text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", done.stdout)


def test_the_same_receipt_printed_again_is_marked_reprint_with_its_time(
    qapp: QApplication, set_up_store: Store, clock: FixedClock
) -> None:
    opened: list[Path] = []
    printer = ReceiptPrinter(set_up_store, open_pdf=opened.append)
    receipt = _receipt(set_up_store)
    first = printer.print(receipt)
    clock.advance(timedelta(minutes=5))

    again = printer.print(replace(receipt, operator="lixia"))  # who presses 打印 is no matter

    assert first.pdf is not None
    assert again.pdf is not None
    assert "重打" not in _text(first.pdf)
    assert "重打" in _text(again.pdf)
    assert again.pdf.name.endswith("-reprint.pdf")
    assert opened == [first.pdf, again.pdf]


def test_a_receipt_whose_content_changed_is_a_new_receipt(
    qapp: QApplication, set_up_store: Store
) -> None:
    printer = ReceiptPrinter(set_up_store, open_pdf=lambda _path: None)
    printer.print(_receipt(set_up_store))

    done = printer.print(_receipt(set_up_store, status="成功"))

    assert done.pdf is not None
    assert "重打" not in _text(done.pdf)
