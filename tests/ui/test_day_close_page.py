"""The 日结 page driven like a keeper: petty cash through its dialog, the count with the
difference shown while typing, the close, and what an assistant may not do."""

from __future__ import annotations

import socket
import subprocess
import threading
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core import preferences
from station_app.core.db.cash_models import DayClose
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.pages.day_close import DayClosePage, PettyDialog


def _page(qtbot: QtBot, store: Store, operator: OperatorInfo) -> DayClosePage:
    page = DayClosePage(store, operator)
    page.printer.open_pdf = lambda _path: None  # no PDF viewer offscreen
    qtbot.addWidget(page)
    page.show()
    return page


def _petty(page: DayClosePage, direction: str, amount: str, reason: str) -> PettyDialog:
    from station_app.core.cash.petty import Direction

    dialog = page.open_petty(Direction(direction))
    dialog.amount.set_text(amount)
    dialog.reason.set_text(reason)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def _cells(page: DayClosePage, row: int) -> list[str]:
    model = page.kinds_model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_keeper_records_petty_cash_counts_and_closes(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    assert page.kinds_model.rowCount() == 0
    assert page.rows["cash"].expected.text() == "¥0.00"

    dialog = _petty(page, "in", "200", "备用零钱")
    assert not dialog.isVisible()
    _petty(page, "out", "12.5", "买打印纸")

    assert _cells(page, 0) == ["零钱收入", "现金", "1", "¥200.00"]
    assert _cells(page, 1) == ["零钱支出", "现金", "1", "-¥12.50"]
    assert page.rows["cash"].expected.text() == "¥187.50"
    page.rows["cash"].counted.setText("187")
    assert page.rows["cash"].difference.text() == "短款 ¥0.50"
    page.rows["cash"].counted.setText("187.5")
    assert page.rows["cash"].difference.text() == "相符"

    page.note.set_text("正常")
    page.close_button.click()

    assert "日结完成" in page.result.text()
    assert "现金：相符" in page.result.text()
    assert not page.close_button.isEnabled()  # once a day
    assert "今天已经日结过了" in page.period.text()
    assert page.history_model.rowCount() == 1
    assert page.kinds_model.rowCount() == 0  # a new period
    assert "¥187.50" in page.opening.text()


def test_a_bad_petty_amount_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    dialog = _petty(page, "out", "12.345", "买水")

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.amount.text() == "12.345"  # nothing typed is lost
    assert page.kinds_model.rowCount() == 0


def test_a_count_that_is_not_an_amount_is_refused_and_nothing_closes(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    page.rows["cash"].counted.setText("一百")
    assert page.rows["cash"].difference.text() == "金额写法不对"

    page.close_button.click()

    assert page.error.isVisible()
    with set_up_store.reading() as session:
        assert session.scalar(select(DayClose)) is None


def test_an_assistant_records_petty_cash_but_cannot_close(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, assistant)

    assert not page.close_button.isEnabled()
    assert page.keeper_only.isVisible()
    assert not page.rows["cash"].counted.isEnabled()
    _petty(page, "in", "50", "找零用")
    assert page.kinds_model.rowCount() == 1


def _close_with_match(page: DayClosePage) -> None:
    _petty(page, "in", "100", "备用零钱")
    page.rows["cash"].counted.setText("100")
    page.close_button.click()
    assert "日结完成" in page.result.text()


def test_the_close_prints_its_report_and_a_reprint_is_marked(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    """No printer here: the 日结单 is saved as a PDF in the data folder and opened."""
    page = _page(qtbot, set_up_store, keeper)
    opened: list[Path] = []
    page.printer.open_pdf = opened.append

    _close_with_match(page)

    assert "PDF" in page.printed.text()
    assert len(opened) == 1
    assert opened[0].parent.name == "receipts"
    text = _pdf_text(opened[0])
    assert "日结单" in text
    assert "100.00" in text
    assert page.reprint_selected() is None  # nothing chosen yet
    assert "请先" in page.printed.text()
    page.history.selectRow(0)
    printed = page.reprint_selected()
    assert printed is not None
    assert printed.pdf is not None
    assert printed.pdf.name.endswith("-reprint.pdf")
    assert "重打" in _pdf_text(printed.pdf)


def test_a_thermal_printer_on_the_network_gets_the_report_in_escpos(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            received.append(b"".join(iter(lambda: connection.recv(4096), b"")))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with set_up_store.writing() as session:
            target = f"tcp://127.0.0.1:{server.getsockname()[1]}"
            preferences.set_value(
                session,
                set_up_store.clock,
                actor=keeper,
                pref=preferences.RECEIPT_PRINTER,
                value=target,
            )
        page = _page(qtbot, set_up_store, keeper)

        _close_with_match(page)

        thread.join(timeout=10)
        assert page.printed.text() == "小票已打印。"
        assert "日结单" in received[0].decode("gb18030", errors="replace")
    finally:
        server.close()


def test_a_printer_that_is_off_costs_a_message_not_the_close(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        dead = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    with set_up_store.writing() as session:
        preferences.set_value(
            session, set_up_store.clock, actor=keeper, pref=preferences.RECEIPT_PRINTER, value=dead
        )
    page = _page(qtbot, set_up_store, keeper)

    _close_with_match(page)

    assert "没有打印" in page.printed.text()
    with set_up_store.reading() as session:
        assert session.scalar(select(DayClose)) is not None


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", done.stdout)


def test_an_open_bill_payment_is_shown_and_must_be_ticked_before_the_close(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    from tests.core.test_bills import record

    waiting = record(set_up_store, keeper, amount="50")
    page = _page(qtbot, set_up_store, keeper)
    assert page.pending_box.isVisible()
    assert "国网电费" in page.pending_list.text()
    assert waiting.account_masked in page.pending_list.text()
    page.rows["cash"].counted.setText(page.rows["cash"].expected.text().lstrip("¥"))

    page.close_button.click()
    assert "还没有结果" in page.error.text()
    page.carry_over.setChecked(True)
    page.close_button.click()

    assert "日结完成" in page.result.text()
    assert page.pending_box.isVisible()  # still open: tomorrow's close asks again
    assert not page.carry_over.isChecked()
