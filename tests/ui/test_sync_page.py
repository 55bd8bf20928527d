"""The 同步 page against a real county centre process on loopback: enrolment typed and
scanned, the county's refusal in its own words, 立即同步, history, and roles."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.core import first_run, ledger
from station_app.core.errors import PermissionDenied
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.paths import DB_FILENAME
from station_app.core.store import Store
from station_app.demo_county import DemoCounty
from station_app.ui.app import AppShell
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.sync_page import SyncPage
from station_app.ui.sync_runner import SyncRunner
from sync import client as sync_client
from sync import enrol_link
from sync import state as sync_state
from tests.county.conftest import free_port
from tests.sync.conftest import write_entries

NETWORK_MS = 20_000  # a loaded CI machine; every wait ends as soon as its condition holds
BAD_CODE = "ABCD-EFGH-JKMN-PQRS"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoCounty]:
    """One real ``county-centre`` for the module; every test makes its own station."""
    running = DemoCounty.launch(tmp_path_factory.mktemp("county"))
    try:
        running.wait_until_serving()
        yield running
    finally:
        running.stop()


def new_code(county: DemoCounty, store: Store) -> str:
    """A one-time enrolment code for this store's station, from ``county-centre stations add``."""
    with store.reading() as session:
        info = first_run.station_info(session)
    assert info is not None
    return county.add_station(info).enrolment_code


@pytest.fixture
def runners() -> Iterator[list[SyncRunner]]:
    made: list[SyncRunner] = []
    yield made
    for runner in made:
        runner.stop()


@pytest.fixture
def shell(qapp: QApplication, set_up_store: Store, runners: list[SyncRunner]) -> Iterator[AppShell]:
    def factory() -> SyncRunner:
        runner = SyncRunner(set_up_store, tick_seconds=3600, timeout=(5.0, 10.0))
        runners.append(runner)
        return runner

    made = AppShell(set_up_store, idle_interval_ms=60_000, sync_runner_factory=factory)
    yield made
    made.idle.uninstall()
    if made.main_window is not None:
        made.main_window.close()
        made.main_window.deleteLater()
    QCoreApplication.sendPostedEvents()


@pytest.fixture
def window(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> MainWindow:
    main = MainWindow(set_up_store, keeper)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.select_page("sync")
    return main


def sync_page(window: MainWindow) -> SyncPage:
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    return page


def test_typed_code_enrols_then_sync_now_uploads_and_history_grows(  # noqa: PLR0917
    qtbot: QtBot,
    shell: AppShell,
    set_up_store: Store,
    keeper: OperatorInfo,
    county: DemoCounty,
    runners: list[SyncRunner],
) -> None:
    shell.show_main(keeper)
    assert shell.main_window is not None
    shell.main_window.select_page("sync")
    page = sync_page(shell.main_window)
    assert page.form.isVisible()
    assert not page.status_box.isVisible()
    assert shell.sync_runner is None  # not enrolled at start: nothing uploads

    page.form.address.set_text(county.url)
    page.form.code.set_text(new_code(county, set_up_store))
    with qtbot.waitSignal(page.enrolled, timeout=NETWORK_MS):
        page.form.button.click()

    assert runners  # the enrolment made the runner and started it
    assert shell.sync_runner is runners[0]
    headline = page.status_box.headline
    qtbot.waitUntil(lambda: headline.text() == "已同步", timeout=NETWORK_MS)
    assert page.status_box.isVisible()
    assert not page.form.isVisible()
    assert page.status_box.county.text() == county.url
    assert page.history_model.rowCount() == 1
    assert shell.main_window.status.sync_label.text().startswith("已同步")

    write_entries(set_up_store, keeper, 3)
    page.refresh()
    assert headline.text() == "待上传 3 条"
    assert page.status_box.backlog.text() == "3 条"
    runner = runners[0]
    with qtbot.waitSignal(
        runner.state_changed, timeout=NETWORK_MS, check_params_cb=lambda s: s.pending == 0
    ):
        page.status_box.sync_button.click()
        assert page.status_box.sync_button.text() == "正在同步……"
    qtbot.waitUntil(lambda: headline.text() == "已同步")
    assert page.status_box.sync_button.isEnabled()
    assert page.history_model.rowCount() == 2
    newest = [page.history_model.index(0, column).data() for column in range(4)]
    assert newest[1:] == ["成功", "3", ""]
    # The test's store runs on a fixed clock in 2026; the county on the real one.
    assert page.status_box.skew.isVisibleTo(page) == (
        abs(sync_state.status(set_up_store).clock_skew_seconds or 0) > 300
    )


def test_scanned_qr_url_enrols(
    qtbot: QtBot, window: MainWindow, set_up_store: Store, county: DemoCounty
) -> None:
    page = sync_page(window)
    payload = enrol_link.make(county.url, new_code(county, set_up_store))
    assert payload.startswith("villagestation://enrol?server=http%3A%2F%2F127.0.0.1%3A")

    with qtbot.waitSignal(page.enrolled, timeout=NETWORK_MS) as blocker:
        assert window.deliver_scan(payload)  # as the USB scanner hands it over

    status = blocker.args[0]
    assert status.enrolled
    assert status.county_station_code
    assert sync_state.status(set_up_store).county_station_code == status.county_station_code
    assert page.status_box.isVisible()
    assert page.status_box.headline.text() == f"待上传 {status.pending} 条"
    assert page.status_box.station_code.text() == status.county_station_code


def test_a_bare_code_scanned_fills_the_code_and_waits_for_the_address(
    window: MainWindow, set_up_store: Store
) -> None:
    page = sync_page(window)
    page.handle_scan(BAD_CODE)
    assert page.form.code.text() == BAD_CODE
    assert page.form.result.text() == "已读到扫码内容，请补全另一项后点「接入」。"
    assert not page.form.call.running
    page.handle_scan("6971234567890,SHIPMENT")
    assert "不是县服务中心的登记二维码" in page.form.result.text()
    assert not sync_state.status(set_up_store).enrolled


def test_a_bad_code_shows_the_countys_chinese_message(
    qtbot: QtBot, window: MainWindow, set_up_store: Store, county: DemoCounty
) -> None:
    page = sync_page(window)
    page.form.address.set_text(county.url)
    page.form.code.set_text(BAD_CODE)
    with qtbot.waitSignal(page.form.call.failed, timeout=NETWORK_MS):
        page.form.button.click()

    said = requests.post(  # what the county says to anyone with this code
        f"{county.url}/api/v1/enrol",
        json={
            "protocol": 1,
            "code": BAD_CODE,
            "station_id": str(uuid.uuid4()),
            "install_id": str(uuid.uuid4()),
            "app_version": "0",
        },
        timeout=10,
    ).json()["message_zh"]
    assert "登记码" in said
    assert page.form.result.text() == said
    assert page.form.button.isEnabled()
    assert page.form.isVisible()
    assert not sync_state.status(set_up_store).enrolled


def test_an_unreachable_county_is_said_in_chinese(
    qtbot: QtBot, window: MainWindow, set_up_store: Store
) -> None:
    page = sync_page(window)
    page.form.address.set_text(f"http://127.0.0.1:{free_port()}")
    page.form.code.set_text(BAD_CODE)
    with qtbot.waitSignal(page.form.call.failed, timeout=NETWORK_MS):
        page.form.button.click()
    assert page.form.result.text().startswith("连不上县服务中心。请检查地址")


def test_an_assistant_sees_the_status_but_cannot_enrol(
    qtbot: QtBot,
    set_up_store: Store,
    keeper: OperatorInfo,
    assistant: OperatorInfo,
    county: DemoCounty,
) -> None:
    page = SyncPage(set_up_store, assistant)
    qtbot.addWidget(page)
    page.show()
    assert page.form.isVisible()
    assert not page.form.address.isEnabled()
    assert not page.form.button.isEnabled()
    assert page.form.read_only_note.isVisible()

    page.handle_scan(enrol_link.make(county.url, BAD_CODE))
    assert page.form.result.text() == "只有站长可以接入县服务中心。"
    assert not page.form.call.running
    with pytest.raises(PermissionDenied):
        page.controller.enrol(county.url, BAD_CODE)

    sync_client.enrol(set_up_store, county.url, new_code(county, set_up_store))
    page.refresh()
    assert page.status_box.isVisible()
    assert not page.form.isVisible()
    assert not page.status_box.reenrol_button.isVisible()
    page.set_operator(keeper)
    assert page.status_box.reenrol_button.isVisible()


def test_an_offline_run_shows_the_error_and_what_to_do(
    qtbot: QtBot,
    window: MainWindow,
    set_up_store: Store,
    keeper: OperatorInfo,
    county: DemoCounty,
) -> None:
    sync_client.enrol(set_up_store, county.url, new_code(county, set_up_store))
    write_entries(set_up_store, keeper, 2)
    enrolment = sync_state.enrolment(set_up_store)
    assert enrolment is not None
    nowhere = sync_client.CountyClient(
        f"http://127.0.0.1:{free_port()}", enrolment.credential, timeout=(2.0, 2.0)
    )
    report = sync_client.upload_pending(set_up_store, nowhere)
    nowhere.close()
    assert report.outcome == "retry"

    page = sync_page(window)
    page.refresh()
    box = page.status_box
    assert box.headline.text() == "离线（尚未同步过）"
    assert box.error.text() == "上次出错：连不上县服务中心，网络恢复后会自动上传。"
    assert box.advice.text().startswith("不用处理")
    row = [page.history_model.index(0, column).data() for column in range(4)]
    assert row[1:3] == ["没成功，稍后重试", "0"]


def test_the_demo_says_when_its_county_did_not_start(
    qapp: QApplication, set_up_store: Store, keeper: OperatorInfo
) -> None:
    shell = AppShell(set_up_store, idle_interval_ms=60_000, demo_offline=True)
    try:
        shell.show_main(keeper)
        assert shell.main_window is not None
        page = sync_page(shell.main_window)
        assert page.notice.isVisibleTo(page)
        assert "演示用的县服务中心没有启动" in page.notice.text()
    finally:
        shell.idle.uninstall()
        if shell.main_window is not None:
            shell.main_window.close()
            shell.main_window.deleteLater()
        QCoreApplication.sendPostedEvents()


def restored_behind(store: Store, keeper: OperatorInfo, county: DemoCounty, folder: Path) -> Store:
    """A backup of an enrolled station, restored after the county got more: found behind."""
    sync_client.enrol(store, county.url, new_code(county, store))
    client = sync_client.client_for(store)
    assert client is not None
    try:
        write_entries(store, keeper, 3)
        assert sync_client.upload_pending(store, client).outcome == "ok"
        store.checkpoint()
        folder.mkdir()
        shutil.copy2(store.path, folder / DB_FILENAME)
        write_entries(store, keeper, 4)
        assert sync_client.upload_pending(store, client).outcome == "ok"
    finally:
        client.close()
    restored = Store.open(folder, store.clock)
    behind = sync_client.client_for(restored)
    assert behind is not None
    try:
        report = sync_client.upload_pending(restored, behind)
    finally:
        behind.close()
    assert report.error_code == sync_client.BEHIND_COUNTY
    return restored


def test_a_restored_store_is_recovered_from_the_page_then_writes_again(  # noqa: PLR0917
    qtbot: QtBot,
    set_up_store: Store,
    keeper: OperatorInfo,
    assistant: OperatorInfo,
    county: DemoCounty,
    tmp_path: Path,
) -> None:
    restored = restored_behind(set_up_store, keeper, county, tmp_path / "restored")
    runner = SyncRunner(restored, tick_seconds=3600, timeout=(5.0, 10.0))
    page = SyncPage(restored, assistant)
    try:
        qtbot.addWidget(page)
        page.show()
        box = page.status_box
        assert not box.recover_button.isVisible()  # the keeper's
        assert "请站长登录" in box.advice.text()
        page.set_operator(keeper)
        assert box.recover_button.isVisible()
        assert box.recover_button.text() == "从县服务中心恢复"
        assert not box.sync_button.isVisible()
        assert "从县服务中心恢复" in box.advice.text()

        arrival = Arrival("YT7712345678901", "yto", "1", 1, phone="13812341234")
        with pytest.raises(ledger.BehindCounty), restored.writing() as session:
            check_in(session, restored.clock, actor=keeper, arrival=arrival)

        runner.start()
        page.set_runner(runner)
        with qtbot.waitSignal(page.recovery.succeeded, timeout=NETWORK_MS) as blocker:
            box.recover_button.click()
            assert not box.recover_button.isEnabled()
            assert box.recover_result.text().startswith("正在从县服务中心取回")
        report = blocker.args[0]
        assert (report.outcome, report.imported) == ("ok", 4)
        assert box.recover_result.text() == (
            "恢复完成：从县服务中心取回了 4 条记录，可以照常办理业务了。"
        )
        assert not box.recover_button.isVisible()
        assert box.sync_button.isVisible()
        status = sync_state.status(restored)
        assert (status.halted, status.error_code, status.pending) == (False, None, 0)
        qtbot.waitUntil(lambda: box.headline.text() == "已同步", timeout=NETWORK_MS)

        with restored.writing() as session:  # the runner carries on with new entries
            check_in(session, restored.clock, actor=keeper, arrival=arrival)
        with qtbot.waitSignal(
            runner.state_changed, timeout=NETWORK_MS, check_params_cb=lambda s: s.pending == 0
        ):
            box.sync_button.click()
        assert not sync_state.status(restored).halted
    finally:
        runner.stop()
        page.close()
        restored.close()


@pytest.mark.parametrize(
    ("text", "server", "code"),
    [
        (
            "villagestation://enrol?server=http%3A%2F%2Fa%3A8640&code=AB-CD-EF",
            "http://a:8640",
            "AB-CD-EF",
        ),
        ("VILLAGESTATION://ENROL?code=ABCDEFGH", None, "ABCDEFGH"),
        ("https://county.example.cn", "https://county.example.cn", None),
        ("7VTW-KGWG-E33Q-6SMN", None, "7VTW-KGWG-E33Q-6SMN"),
    ],
)
def test_enrol_link_payloads(text: str, server: str | None, code: str | None) -> None:
    assert enrol_link.parse(text) == enrol_link.EnrolLink(server, code)


@pytest.mark.parametrize(
    "text", ["villagestation://other?code=ABCDEFGH", "abc", "a b/c?", "YT8000000000001", "1-1-0001"]
)
def test_enrol_link_rejects_other_scans(text: str) -> None:
    assert enrol_link.parse(text) is None


def test_enrol_link_round_trip() -> None:
    made = enrol_link.make("http://10.0.0.5:8640/county", "7VTW-KGWG-E33Q-6SMN")
    assert enrol_link.parse(made) == enrol_link.EnrolLink(
        "http://10.0.0.5:8640/county", "7VTW-KGWG-E33Q-6SMN"
    )


def test_history_says_each_outcome_in_words_and_colours_what_needs_a_look(
    qapp: QApplication,
) -> None:
    from datetime import UTC, datetime

    from station_app.ui.controllers.sync import HistoryRow
    from station_app.ui.pages.sync_page import history_rows

    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    rows = history_rows(
        [HistoryRow(at, outcome, 3, None, None) for outcome in ("ok", "retry", "halted", "refused")]
    )

    words = [row.cells[1] for row in rows]
    assert words == ["成功", "没成功，稍后重试", "已停止", "未被接受"]
    assert rows[0].tone is None
    assert rows[3].tone == rows[1].tone != rows[2].tone
