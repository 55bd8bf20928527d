"""The 盘点 tab: start, scan (scanner and typed), findings, decisions, resume, finish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import stocktake
from station_app.core.store import Store
from station_app.devices.sound import SoundPlayer
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.stocktake import StocktakeTab
from tests.ui.parcels.conftest import shelve

ON_1_1 = "YT1000000000001"
ALSO_1_1 = "YT1000000000002"
ON_1_2 = "YT1000000000003"
NEVER = "75123456789012"


def _tab(page: ParcelsPage) -> StocktakeTab:
    page.tabs.setCurrentWidget(page.stocktake_tab)
    return page.stocktake_tab


def _status(store: Store, tracking: str) -> str | None:
    with store.reading() as session:
        return session.scalar(
            select(Parcel.status)
            .where(Parcel.tracking_number == tracking)
            .order_by(Parcel.id.desc())
        )


def _start_counting_at_1_1(tab: StocktakeTab) -> None:
    tab.start_panel.start_button.click()
    assert tab.counting is not None
    tab.place.shelf.setCurrentIndex(tab.place.shelf.findData("1"))
    tab.place.shelf.activated.emit(tab.place.shelf.currentIndex())
    tab.place.tier.setCurrentIndex(tab.place.tier.findData(1))
    tab.place.tier.activated.emit(tab.place.tier.currentIndex())
    assert tab.counting.current_shelf == "1"
    assert tab.counting.current_tier == 1


def _select(tab: StocktakeTab, key: str) -> None:
    tab.select_key(key)
    assert tab.model.key_at(tab.table.currentIndex().row()) == key


def test_scans_go_to_the_tab_in_front_and_sound_by_finding(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    shelve(set_up_store, keeper, ON_1_1, tier=1)
    shelve(set_up_store, keeper, ALSO_1_1, tier=1)
    shelve(set_up_store, keeper, ON_1_2, tier=2)
    tab = _tab(page)
    _start_counting_at_1_1(tab)
    qtbot.waitUntil(tab.scan_field.hasFocus)

    page.handle_scan(ON_1_1)
    assert played[-1] == "success.wav"
    assert "1-1-0001" in tab.result.text()
    page.handle_scan(ON_1_1)
    assert played[-1] == "duplicate.wav"
    assert "重复扫描" in tab.result.text()
    page.handle_scan(ON_1_2)
    assert played[-1] == "error.wav"
    assert "放错位置" in tab.result.text()
    assert tab.decisions.reshelve_button.isEnabled()  # the misplaced one is selected
    page.handle_scan(NEVER)
    assert "从未入库" in tab.result.text()
    assert tab.decisions.check_in_button.isEnabled()

    keys = [tab.model.key_at(row) for row in range(tab.model.rowCount())]
    assert keys[0] == f"wrong:{ON_1_2}"
    assert keys[1] == f"unknown:{NEVER}"
    assert keys[2].startswith("missing:")
    assert "未扫到 1" in tab.tally.text.text()
    assert page.tabs.currentWidget() is tab  # the scans did not jump to 入库
    assert _status(set_up_store, NEVER) is None


def test_a_typed_pickup_code_and_enter_counts_and_garbage_is_refused(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    parcel = shelve(set_up_store, keeper, ON_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    qtbot.keyClicks(tab.scan_field, parcel.pickup_code)
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
    assert played == ["success.wav"]
    assert tab.scan_field.text() == ""
    assert tab.model.rowCount() == 0  # nothing missing, nothing off

    qtbot.keyClicks(tab.scan_field, "6901234567892")
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
    assert played[-1] == "error.wav"
    assert "商品条码" in tab.result.text()


def test_scanning_before_starting_says_what_to_do(page: ParcelsPage, played: list[str]) -> None:
    tab = _tab(page)
    page.handle_scan(ON_1_1)
    assert played == ["error.wav"]
    assert "请先开始盘点" in tab.start_panel.error.text()


def test_missing_found_and_lost(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    found = shelve(set_up_store, keeper, ON_1_1)
    lost = shelve(set_up_store, keeper, ALSO_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    assert tab.model.rowCount() == 2

    _select(tab, f"missing:{found.uid}")
    tab.decisions.found_button.click()
    assert "已记为找到" in tab.result.text()
    assert tab.model.rowCount() == 1

    _select(tab, f"missing:{lost.uid}")
    tab.decisions.lost_button.click()
    assert tab.question.isVisible()
    assert lost.pickup_code in tab.question.text.text()
    assert _status(set_up_store, ALSO_1_1) == ParcelStatus.ON_SHELF.value  # not yet
    with qtbot.waitSignal(tab.changed):
        tab.question.yes_button.click()
    assert _status(set_up_store, ALSO_1_1) == ParcelStatus.LOST.value
    assert tab.model.rowCount() == 0
    assert not tab.question.isVisible()


def test_losing_can_be_called_off(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, ON_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    tab.decisions.lost_button.click()
    tab.question.no_button.click()
    assert _status(set_up_store, ON_1_1) == ParcelStatus.ON_SHELF.value
    assert tab.model.rowCount() == 1


def test_wrong_shelf_reshelved_or_relocated(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    back = shelve(set_up_store, keeper, ON_1_2, tier=2)
    moved = shelve(set_up_store, keeper, "YT1000000000004", tier=2)
    tab = _tab(page)
    _start_counting_at_1_1(tab)
    page.handle_scan(ON_1_2)
    tab.decisions.reshelve_button.click()
    assert "已归位" in tab.result.text()
    assert back.pickup_code in tab.result.text()

    page.handle_scan("YT1000000000004")
    with qtbot.waitSignal(tab.changed):
        tab.decisions.relocate_button.click()
    with set_up_store.reading() as session:
        row = session.scalars(select(Parcel).where(Parcel.uid == moved.uid)).one()
    assert (row.shelf, row.tier) == ("1", 1)
    assert row.pickup_code != moved.pickup_code
    assert row.pickup_code in tab.result.text()
    assert "请在包裹上改写" in tab.result.text()
    assert tab.model.rowCount() == 0  # both decided; the two on 1-2 were scanned


def test_unknown_checked_in_with_a_phone_or_set_aside(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    tab = _tab(page)
    _start_counting_at_1_1(tab)
    page.handle_scan(NEVER)
    qtbot.keyClicks(tab.decisions.phone, "13812345678")
    with qtbot.waitSignal(tab.changed):
        tab.decisions.check_in_button.click()
    with set_up_store.reading() as session:
        parcel = session.scalars(select(Parcel).where(Parcel.tracking_number == NEVER)).one()
    assert (parcel.shelf, parcel.tier, parcel.phone_tail) == ("1", 1, "5678")
    assert parcel.pickup_code in tab.result.text()
    assert tab.decisions.phone.text() == ""

    page.handle_scan("YT9000000000001")
    tab.decisions.set_aside_button.click()
    assert "已放一边" in tab.result.text()
    assert tab.model.rowCount() == 0
    assert _status(set_up_store, "YT9000000000001") is None


def test_an_open_count_is_offered_for_resuming_in_a_new_window(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> None:
    shelve(set_up_store, keeper, ON_1_1)
    shelve(set_up_store, keeper, ALSO_1_1)
    with set_up_store.writing() as session:
        view = stocktake.start(session, set_up_store.clock, actor=keeper)
        stocktake.scan(
            session, set_up_store.clock, actor=keeper, stocktake_uid=view.uid, text=ON_1_1
        )
    player = SoundPlayer(lambda path: played.append(path.name))
    page = ParcelsPage(set_up_store, keeper, player.play)
    qtbot.addWidget(page)
    page.setMinimumSize(1150, 700)
    page.show()
    tab = _tab(page)
    qtbot.waitUntil(tab.start_panel.resume_box.isVisible)
    assert not tab.start_panel.start_button.isEnabled()
    assert "还没结束" in tab.start_panel.resume_text.text()

    tab.start_panel.resume_button.click()
    assert tab.counting is not None
    assert tab.counting.uid == view.uid
    assert tab.model.rowCount() == 1  # ALSO_1_1 still missing
    page.handle_scan(ON_1_1)
    assert played == ["duplicate.wav"]


def test_finish_asks_then_shows_the_summary(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, ON_1_1)
    shelve(set_up_store, keeper, ALSO_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    page.handle_scan(ON_1_1)
    tab.finish_button.click()
    assert "还有 1 项没有处理" in tab.question.text.text()
    tab.question.yes_button.click()
    assert tab.counting is None
    assert tab.pages.currentWidget() is tab.start_panel
    assert "应在架 2 件，扫到 1 件" in tab.start_panel.summary.text()
    assert tab.start_panel.start_button.isEnabled()
    with set_up_store.reading() as session:
        assert stocktake.current(session) is None


def test_a_chosen_shelf_subset_is_counted(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, ON_1_1)
    tab = _tab(page)
    tab.start_panel.shelf_boxes[1].setChecked(True)  # 2号 only
    assert tab.start_panel.some.isChecked()
    tab.start_panel.start_button.click()
    assert tab.counting is not None
    assert tab.counting.shelves == ("2",)
    assert tab.model.rowCount() == 0  # the parcel on shelf 1 is not expected
    assert "2号货架" in tab.heading.text()


def test_arrow_keys_in_the_scan_field_move_through_the_findings(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shelve(set_up_store, keeper, ON_1_1)
    shelve(set_up_store, keeper, ALSO_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    assert tab.table.currentIndex().row() == 0
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Down)
    assert tab.table.currentIndex().row() == 1
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Up)
    assert tab.table.currentIndex().row() == 0
    assert tab.decisions.found_button.shortcut().toString() == "F5"


def test_lost_applies_to_the_parcel_asked_about_even_if_the_selection_moves(
    page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    asked = shelve(set_up_store, keeper, ON_1_1)
    other = shelve(set_up_store, keeper, ALSO_1_1)
    tab = _tab(page)
    tab.start_panel.start_button.click()
    _select(tab, f"missing:{asked.uid}")
    tab.decisions.lost_button.click()
    page.handle_scan(ON_1_1)  # it turns up while the question waits
    _select(tab, f"missing:{other.uid}")
    tab.question.yes_button.click()
    assert _status(set_up_store, ALSO_1_1) == ParcelStatus.ON_SHELF.value
    assert _status(set_up_store, ON_1_1) == ParcelStatus.ON_SHELF.value
    assert "不在" in tab.error.text()  # "not on the missing list" any more
