"""Pickup-code labels at check-in: printed after the commit when ticked, 补打 with
Ctrl+P, a missing printer said once in Chinese, the tick remembered as a preference.

Labels go to numbered PDFs (the injectable target), read back with poppler's
``pdftotext`` / ``pdfinfo`` as a printer would see them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core import preferences
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.checkin import CheckInTab
from station_app.ui.pages.parcels.label_print import (
    LABEL_HEIGHT_MM,
    LABEL_WIDTH_MM,
    LabelNotPrinted,
    PdfFiles,
)

YTO = "YT1234567890123"
PHONE = "13812345678"


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def _tick(tab: CheckInTab, checked: bool = True) -> None:
    tab.batch.print_labels.setChecked(checked)


def _scan_and_enter(qtbot: QtBot, page: ParcelsPage, tracking: str, phone: str = PHONE) -> None:
    tab = page.checkin_tab
    page.handle_scan(tracking)
    tab.form.phone.setText(phone)  # keyClicks cannot type 转
    qtbot.keyClick(tab.form.phone, Qt.Key.Key_Return)


@pytest.fixture
def pdfs(page: ParcelsPage, tmp_path: Path) -> PdfFiles:
    files = PdfFiles(tmp_path / "labels")
    page.checkin_tab.labels.target = files
    return files


def test_a_ticked_check_in_prints_one_label_with_the_code_and_no_full_phone(
    qtbot: QtBot, page: ParcelsPage, pdfs: PdfFiles
) -> None:
    tab = page.checkin_tab
    _tick(tab)
    with qtbot.waitSignal(tab.labels.label_finished) as done:
        _scan_and_enter(qtbot, page, YTO)
        assert tab.labels.waiting() == 1  # queued behind the commit, not printed inside it

    assert done.args == ["1-1-0001", True]
    [path] = pdfs.paths
    info = _info(path)
    assert "Pages:           1" in info
    assert "113 x 85 pts" in info  # 40 × 30 mm
    text = _text(path)
    assert "1-1-0001" in text
    assert "1号货架第1层" in text
    assert "890123" in text  # the tracking number's last six digits
    assert "138****5678" in text
    assert PHONE not in text
    assert "已打印标签：1-1-0001" in tab.labels.status.text()


def test_unticked_prints_nothing(qtbot: QtBot, page: ParcelsPage, pdfs: PdfFiles) -> None:
    tab = page.checkin_tab
    assert not tab.batch.print_labels.isChecked()  # off by default
    _scan_and_enter(qtbot, page, YTO)

    assert tab.model.rowCount() == 1
    assert tab.labels.waiting() == 0
    QCoreApplication.processEvents()
    assert pdfs.paths == []


def test_a_burst_prints_one_label_per_parcel_in_order(
    qtbot: QtBot, page: ParcelsPage, pdfs: PdfFiles
) -> None:
    tab = page.checkin_tab
    _tick(tab)
    numbers = ["YT1000000000001", "YT1000000000002", "YT1000000000003"]
    for number in numbers:
        page.handle_scan(number)
    _scan_and_enter(qtbot, page, "YT1000000000004")
    assert tab.labels.waiting() == 4

    codes = ["1-1-0001", "1-1-0002", "1-1-0003", "1-1-0004"]
    qtbot.waitUntil(lambda: len(pdfs.paths) == 4 and tab.labels.waiting() == 0)
    for code, path in zip(codes, pdfs.paths, strict=True):
        assert code in _text(path)


def test_ctrl_p_reprints_the_selected_row(qtbot: QtBot, page: ParcelsPage, pdfs: PdfFiles) -> None:
    tab = page.checkin_tab
    _scan_and_enter(qtbot, page, "YT1000000000001", "1111")
    _scan_and_enter(qtbot, page, "YT1000000000002", "2222")
    assert pdfs.paths == []
    tab.table.setFocus()
    tab.table.selectRow(1)  # the older one: newest is on top

    with qtbot.waitSignal(tab.labels.label_finished) as done:
        qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert done.args == ["1-1-0001", True]
    [path] = pdfs.paths
    assert "1-1-0001" in _text(path)
    assert "****1111" in _text(path)


def test_reprint_without_a_selection_says_what_to_do(page: ParcelsPage, pdfs: PdfFiles) -> None:
    tab = page.checkin_tab
    tab.labels.reprint_button.click()

    assert "选中" in tab.labels.status.text()
    assert tab.labels.waiting() == 0


def test_no_printer_is_said_once_and_the_parcel_stays_shelved(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store
) -> None:
    tab = page.checkin_tab
    tab.labels.target = lambda: None
    _tick(tab)
    with qtbot.waitSignal(tab.labels.label_finished) as done:
        _scan_and_enter(qtbot, page, YTO)

    assert done.args == ["1-1-0001", False]
    assert "没有找到打印机" in tab.labels.status.text()
    assert "标签没有打印" in tab.labels.status.text()
    assert "1-1-0001" in tab.result.text()
    with set_up_store.reading() as session:
        [parcel] = session.scalars(select(Parcel))
        assert parcel.status == ParcelStatus.ON_SHELF.value

    tab.labels.status.clear()  # as if the keeper had read it; the next scan stays quiet
    with qtbot.waitSignal(tab.labels.label_finished):
        _scan_and_enter(qtbot, page, "YT1000000000002")
    assert tab.labels.status.text() == ""
    assert tab.model.rowCount() == 2


def test_a_failing_printer_leaves_the_check_in_done(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store
) -> None:
    def broken() -> QPagedPaintDevice:
        raise LabelNotPrinted("打印机报错")

    tab = page.checkin_tab
    tab.labels.target = broken
    _tick(tab)
    with qtbot.waitSignal(tab.labels.label_finished) as done:
        _scan_and_enter(qtbot, page, YTO)

    assert done.args == ["1-1-0001", False]
    assert "取件码 1-1-0001 的标签没有打印（打印机报错）" in tab.labels.status.text()
    assert tab.model.rowCount() == 1
    with set_up_store.reading() as session:
        assert session.scalar(select(Parcel.status)) == ParcelStatus.ON_SHELF.value


def test_the_tick_is_remembered_as_a_preference(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _tick(page.checkin_tab)

    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.PRINT_LABELS) is True
        changes = list(
            session.scalars(
                select(LedgerEntry.payload).where(LedgerEntry.type == "preference.changed")
            )
        )
    assert '{"key":"print_labels","value":"1"}' in changes
    again = ParcelsPage(set_up_store, keeper)
    qtbot.addWidget(again)
    assert again.checkin_tab.batch.print_labels.isChecked()


def test_an_assistants_tick_holds_for_the_session_only(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo, tmp_path: Path
) -> None:
    page = ParcelsPage(set_up_store, assistant)
    qtbot.addWidget(page)
    tab = page.checkin_tab
    files = PdfFiles(tmp_path)
    tab.labels.target = files
    _tick(tab)

    assert "只有站长" in tab.labels.status.text()
    assert "不会记住" in tab.labels.status.text()
    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.PRINT_LABELS) is False
    with qtbot.waitSignal(tab.labels.label_finished):
        _scan_and_enter(qtbot, page, YTO)
    assert len(files.paths) == 1


def _ink_rows_and_box(png: Path) -> tuple[int, tuple[int, int, int, int], QSize]:
    """The tallest run of inked rows (the code) and the bounding box of all ink."""
    image = QImage(str(png))
    assert not image.isNull()
    rows = [
        [x for x in range(image.width()) if image.pixelColor(x, y).lightness() < 128]
        for y in range(image.height())
    ]
    inked = [y for y, xs in enumerate(rows) if xs]
    tallest = run = 0
    for xs in rows:
        run = run + 1 if xs else 0
        tallest = max(tallest, run)
    left = min(min(xs) for xs in rows if xs)
    right = max(max(xs) for xs in rows if xs)
    return tallest, (left, inked[0], right, inked[-1]), image.size()


def test_the_code_is_big_and_the_label_fits_its_stock(
    qtbot: QtBot, page: ParcelsPage, pdfs: PdfFiles, tmp_path: Path
) -> None:
    """Seen as a picture at 150 dpi: the longest code still inside the margins, and
    the code at least 9 mm tall on the 30 mm label."""
    tab = page.checkin_tab
    tab.batch.shelf.setCurrentIndex(tab.batch.shelf.count() - 1)
    tab.batch.tier.setCurrentIndex(tab.batch.tier.count() - 1)
    _tick(tab)
    with qtbot.waitSignal(tab.labels.label_finished):
        _scan_and_enter(qtbot, page, YTO, "17012345678转1234")
    [path] = pdfs.paths
    stem = tmp_path / "label"
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(stem)], check=True)
    [png] = tmp_path.glob("label*.png")

    tallest, (left, top, right, bottom), size = _ink_rows_and_box(png)

    dots_per_mm = 150 / 25.4
    assert abs(size.width() - LABEL_WIDTH_MM * dots_per_mm) <= 1  # PDF points round up
    assert abs(size.height() - LABEL_HEIGHT_MM * dots_per_mm) <= 1
    edge = round(1 * dots_per_mm)  # nothing closer than 1 mm to the label's edge
    assert left >= edge
    assert top >= edge
    assert right <= size.width() - edge
    assert bottom <= size.height() - edge
    assert tallest >= size.height() * 0.3
    text = _text(path)
    assert "17012345678" not in text
    assert "转1234" in text
