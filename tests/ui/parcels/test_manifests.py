"""The 交接单 tab on real widgets: a township receives, sorts, dispatches, prints and
exports; the village imports the file and its check-ins reconcile the manifest."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core import first_run, ledger
from station_app.core.clock import FixedClock
from station_app.core.db.manifest_models import Manifest
from station_app.core.db.models import LedgerEntry, StationLevel
from station_app.core.manifests import files
from station_app.core.manifests.receiving import ListedParcel
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import SoundPlayer
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.manifests import ManifestsTab
from tests.conftest import SETUP_FORM

HUJIA, LIJIA = "610305110201", "610305110202"
LISTED = [
    ListedParcel("YT1000000000001", "yto", "13812341234", HUJIA),
    ListedParcel("YT1000000000002", "yto", None, HUJIA),
    ListedParcel("YT1000000000011", "yto", None, LIJIA),
]


@pytest.fixture
def township(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Store, OperatorInfo]]:
    store = Store.open(tmp_path / "township", clock)
    form = dataclasses.replace(
        SETUP_FORM,
        station_name="柳林镇中转站",
        level=StationLevel.TOWNSHIP,
        division_code="610305110000",
    )
    yield store, first_run.set_up(store, form)
    store.close()


def _page(qtbot: QtBot, store: Store, keeper: OperatorInfo, played: list[str]) -> ParcelsPage:
    shown = ParcelsPage(store, keeper, SoundPlayer(lambda path: played.append(path.name)).play)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1150, 700)
    shown.show()
    shown.tabs.setCurrentWidget(shown.manifests_tab)
    return shown


@pytest.fixture
def township_page(
    qtbot: QtBot, township: tuple[Store, OperatorInfo], played: list[str], tmp_path: Path
) -> ParcelsPage:
    store, keeper = township
    page = _page(qtbot, store, keeper, played)
    tab = page.manifests_tab
    assert tab.receive is not None
    assert tab.dispatch is not None
    list_file = tmp_path / "list.json"
    list_file.write_bytes(files.bag_list_file("县中心 第17袋", LISTED))
    tab.receive._choose_list = lambda _parent: list_file
    tab.dispatch._choose_folder = lambda _parent: tmp_path / "usb"
    tab.dispatch._open_file = lambda path: page.setProperty("opened", str(path))
    return page


def _add_route(qtbot: QtBot, tab: ManifestsTab) -> None:
    assert tab.routes is not None
    tab.routes.open_dialog(None)
    dialog = tab.routes.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.code, "r01")
    dialog.name.setText("北线")  # keyClicks types ASCII only
    dialog.stops.setPlainText(f"胡家庄村 {HUJIA}\n李家沟村 {LIJIA}")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert tab.routes.model.rowCount() == 1
    assert tab.routes.model.data(tab.routes.model.index(0, 3)) == "胡家庄村、李家沟村"


def test_a_bad_route_stays_in_its_dialog_with_the_reason(
    qtbot: QtBot, township_page: ParcelsPage
) -> None:
    tab = township_page.manifests_tab
    assert tab.routes is not None
    tab.routes.open_dialog(None)
    dialog = tab.routes.dialog
    assert dialog is not None
    dialog.code.setText("R01")
    dialog.name.setText("北线")
    dialog.stops.setPlainText("胡家庄村 61030511020")
    dialog.save()
    assert dialog.isVisible()
    assert "区划代码必须是12位数字" in dialog.error.text()
    assert tab.routes.model.rowCount() == 0


def test_township_receives_sorts_dispatches_prints_and_exports(
    qtbot: QtBot, township_page: ParcelsPage, played: list[str], tmp_path: Path
) -> None:
    page, tab = township_page, township_page.manifests_tab
    receive, dispatch = tab.receive, tab.dispatch
    assert receive is not None
    assert dispatch is not None
    _add_route(qtbot, tab)
    tab.panes.setCurrentWidget(receive)  # type: ignore[union-attr]
    receive.import_list()
    assert "县中心 第17袋" in receive.bag_label.text()

    with qtbot.waitSignal(page.wrote):
        page.handle_scan("YT1000000000001")
    assert "胡家庄村" in receive.big.text()
    page.handle_scan("YT1000000000001")
    assert "重复扫描" in receive.result.text()
    page.handle_scan("SF1234567890123")
    assert "多件" in receive.result.text()
    assert played == ["success.wav", "duplicate.wav", "error.wav"]
    assert "应到 3" in receive.counts.text()
    assert "多件 1" in receive.counts.text()
    assert "本次重复扫描 1" in receive.counts.text()
    page.handle_scan("YT1000000000011")
    assert "李家沟村" in receive.big.text()

    receive.typed.setFocus()
    qtbot.keyClick(receive.typed, Qt.Key.Key_F4)  # to 分拣, village chosen with F3
    assert receive.sort_mode.isChecked()
    qtbot.keyClick(receive.typed, Qt.Key.Key_F3)
    assert receive.chosen_destination() == LIJIA
    page.handle_scan("SF1234567890123")
    assert "已分拣" in receive.result.text()

    receive.close_bag()
    assert "未到1件" in receive.result.text()
    assert receive.model.data(receive.model.index(0, 0)) == "YT1000000000002"

    tab.panes.setCurrentWidget(dispatch)  # type: ignore[union-attr]
    assert dispatch.piles_model.rowCount() == 2
    dispatch.select_pile(HUJIA)
    with qtbot.waitSignal(page.wrote):  # the upload, and the manifest with it, go soon
        dispatch.dispatch_selected()
    assert "JJ20261123001" in dispatch.message.text()
    assert dispatch.piles_model.rowCount() == 1

    pdf = dispatch.print_selected()
    assert pdf is not None
    assert pdf.stat().st_size > 1000
    assert page.property("opened") == str(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "JJ20261123001" in text
        assert "138****1234" in text
        assert "13812341234" not in text

    exported = dispatch.export_selected()
    assert exported is not None
    assert exported.parent == tmp_path / "usb"
    assert files.read_manifest(exported.read_bytes()).body.number == "JJ20261123001"


def test_scans_reach_the_manifest_tab_only_when_it_is_in_front(
    township_page: ParcelsPage, played: list[str]
) -> None:
    township_page.handle_scan("YT1000000000001")
    receive = township_page.manifests_tab.receive
    assert receive is not None
    assert "请先导入到货清单或开始盲收" in receive.result.text()
    assert played == ["error.wav"]


def _manifest_file(township: tuple[Store, OperatorInfo], folder: Path) -> Path:
    """A township's manifest for 胡家庄村, made through the core."""
    from station_app.core.manifests import dispatch, receiving, routes

    store, keeper = township
    with store.writing() as session:
        stops = routes.parse_stops(f"胡家庄村 {HUJIA}\n李家沟村 {LIJIA}")
        routes.save_route(session, store.clock, actor=keeper, code="R01", name="北线", stops=stops)
        bag_list = files.read_bag_list(files.bag_list_file("第1袋", LISTED))
        receiving.open_bag(session, store.clock, actor=keeper, bag_list=bag_list)
    for parcel in LISTED:
        with store.writing() as session:
            receiving.receive(session, store.clock, actor=keeper, text=parcel.tracking_number)
    with store.writing() as session:
        made = dispatch.dispatch(session, store.clock, actor=keeper, division_code=HUJIA)
        dispatch.dispatch(session, store.clock, actor=keeper, division_code=LIJIA)
    with store.reading() as session:
        data = files.manifest_file(session, made.manifest.uid)
    path = folder / "manifest.json"
    path.write_bytes(data)
    return path


def _check_in(qtbot: QtBot, page: ParcelsPage, tracking: str) -> None:
    page.tabs.setCurrentWidget(page.checkin_tab)
    page.handle_scan(tracking)
    page.checkin_tab.form.phone.setText("1234")
    with qtbot.waitSignal(page.checkin_tab.checked_in):
        qtbot.keyClick(page.checkin_tab.form.phone, Qt.Key.Key_Return)


def test_village_imports_the_file_and_check_ins_reconcile_it(
    qtbot: QtBot,
    page: ParcelsPage,
    set_up_store: Store,
    township: tuple[Store, OperatorInfo],
    tmp_path: Path,
) -> None:
    village = page.manifests_tab.village
    assert village is not None
    assert page.manifests_tab.receive is None
    path = _manifest_file(township, tmp_path)
    village._choose_file = lambda _parent: path
    page.tabs.setCurrentWidget(page.manifests_tab)
    village.import_file()
    assert "JJ20261123001" in village.message.text()
    assert village.list_model.data(village.list_model.index(0, 3)) == "2"

    _check_in(qtbot, page, "YT1000000000001")
    _check_in(qtbot, page, "YT1000000000011")  # 李家沟村's parcel, left here
    page.tabs.setCurrentWidget(page.manifests_tab)
    qtbot.waitUntil(lambda: "已到1" in village.summary.text())
    assert "错分1" in village.summary.text()
    rows = [
        village.detail_model.data(village.detail_model.index(r, 3))
        for r in range(village.detail_model.rowCount())
    ]
    assert rows == ["未到", "错分：属于李家沟村 JJ20261123002，请退回", "已到"], "problems first"
    assert village.detail_model.data(village.detail_model.index(2, 2)) == "138****1234"

    page.handle_scan("YT1000000000002")
    assert "还没入库" in village.message.text()

    village.close_selected()
    assert "已关闭" in village.message.text()
    with set_up_store.reading() as session:
        entry = session.scalar(select(LedgerEntry).where(LedgerEntry.type == "manifest.reconciled"))
        assert entry is not None
        assert ledger.payload_of(entry)["missing_tracking_numbers"] == ["YT1000000000002"]
        assert ledger.verify(session).ok


def test_a_damaged_file_is_refused_in_chinese_and_nothing_is_written(
    page: ParcelsPage,
    set_up_store: Store,
    township: tuple[Store, OperatorInfo],
    tmp_path: Path,
    played: list[str],
) -> None:
    village = page.manifests_tab.village
    assert village is not None
    path = _manifest_file(township, tmp_path)
    path.write_bytes(path.read_bytes().replace(b"YT1000000000002", b"YT1000000000003"))
    village._choose_file = lambda _parent: path
    village.import_file()
    assert "校验码对不上" in village.error.text()
    assert played[-1] == "error.wav"
    with set_up_store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Manifest)) == 0
