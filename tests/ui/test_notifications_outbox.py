"""The background dispatcher against the real fake gateway, the 通知 tab's statuses,
the clipboard and the printed list, re-notification on 今日, and a clean stop."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.core.clock import FixedClock
from station_app.core.db.notification_models import Channel, NotificationStatus
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.app import prepare
from station_app.ui.dispatcher import NotificationDispatcher
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.parcels import ParcelsPage
from tests.ui import notifications_support as support
from tests.ui.conftest import KEEPER_LOGIN, KEEPER_PASSWORD

fake_gateway = support.fake_gateway
dispatcher = support.dispatcher
STATUS = NotificationStatus


@pytest.fixture
def window(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, dispatcher: NotificationDispatcher
) -> MainWindow:
    shown = MainWindow(set_up_store, keeper, dispatcher=dispatcher)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.select_page("parcels")
    return shown


@dataclass
class Counter:
    """The station under test: its store, keeper, clock, dispatcher and main window."""

    store: Store
    keeper: OperatorInfo
    clock: FixedClock
    dispatcher: NotificationDispatcher
    window: MainWindow


@pytest.fixture
def counter(
    window: MainWindow,
    set_up_store: Store,
    keeper: OperatorInfo,
    clock: FixedClock,
    dispatcher: NotificationDispatcher,
) -> Counter:
    return Counter(set_up_store, keeper, clock, dispatcher, window)


def _page(window: MainWindow) -> ParcelsPage:
    page = window.page("parcels")
    assert isinstance(page, ParcelsPage)
    return page


def test_messages_go_out_in_the_background_and_the_view_follows(
    qtbot: QtBot, counter: Counter, fake_gateway
) -> None:
    window, dispatcher = counter.window, counter.dispatcher
    set_up_store, keeper = counter.store, counter.keeper
    gateway = fake_gateway("ok")
    support.configure(set_up_store, keeper, url=gateway.url, secret=support.SECRET)
    first = support.check_in(set_up_store, keeper, 1)
    support.check_in(set_up_store, keeper, 2, phone="5678")  # no full number: printed list
    tab = _page(window).notifications_tab
    _page(window).tabs.setCurrentWidget(tab)
    assert tab.status_of(first.pickup_code) == [STATUS.PENDING]

    state = support.run_round(qtbot, dispatcher)

    assert state.report.sent == 1
    assert tab.status_of(first.pickup_code) == [STATUS.SENT]
    assert tab.model.data(tab.model.index(tab.model.row_of(tab._rows[1].uid) or 0, 4)) == "已发"
    [request] = gateway.received()
    assert json.loads(request["body"])["mobile"] == support.PHONE
    assert request["headers"]["X-Api-Key"] == support.SECRET
    assert window.status.notify_label.text() == "通知：待打印 1"
    phones = {tab.model.data(tab.model.index(row, 1)) for row in range(tab.model.rowCount())}
    assert phones == {"138****5678", "****5678"}


def test_a_dead_gateway_leaves_messages_retrying_and_the_counter_works(
    qtbot: QtBot, counter: Counter, fake_gateway
) -> None:
    window, dispatcher = counter.window, counter.dispatcher
    set_up_store, keeper = counter.store, counter.keeper
    slow = fake_gateway("slow", delay=2.0)
    support.configure(set_up_store, keeper, url=slow.url)
    support.check_in(set_up_store, keeper, 1)
    with qtbot.waitSignal(dispatcher.state_changed, timeout=20_000) as blocker:
        dispatcher.start()
        qtbot.waitUntil(lambda: len(slow.received()) == 1, timeout=10_000)
        assert dispatcher.busy  # the gateway is still thinking ...
        later = support.check_in(set_up_store, keeper, 2)  # ... and the counter goes on
        assert later.pickup_code == "1-1-0002"
    assert blocker.args[0].report.sent == 2  # the one checked in meanwhile went too
    dead = fake_gateway("ok")
    dead.stop()
    support.configure(set_up_store, keeper, url=dead.url)
    parcel = support.check_in(set_up_store, keeper, 3)
    support.check_in(set_up_store, keeper, 4)

    state = support.run_round(qtbot, dispatcher)

    assert state.report.retrying == 2
    tab = _page(window).notifications_tab
    [status] = tab.status_of(parcel.pickup_code)
    assert status is STATUS.PENDING
    row = tab.model.row_of(next(r.uid for r in tab._rows if r.pickup_code == parcel.pickup_code))
    assert row is not None
    assert tab.model.data(tab.model.index(row, 4)).startswith("待发（")
    assert tab.model.data(tab.model.index(row, 7)) == "连不上短信网关（可能没有网络）"
    assert window.status.notify_label.text() == "通知：待发 2"


def test_failed_messages_can_be_retried_from_the_list(
    qtbot: QtBot, counter: Counter, fake_gateway
) -> None:
    window, dispatcher, clock = counter.window, counter.dispatcher, counter.clock
    set_up_store, keeper = counter.store, counter.keeper
    refusing = fake_gateway("error")
    support.configure(set_up_store, keeper, url=refusing.url)
    parcel = support.check_in(set_up_store, keeper, 1)
    for _ in range(5):  # the gateway answers "no" each time: failed for good
        support.run_round(qtbot, dispatcher)
        clock.advance(timedelta(hours=1))
    tab = _page(window).notifications_tab
    assert tab.status_of(parcel.pickup_code) == [STATUS.FAILED]
    assert "失败 1" in window.status.notify_label.text()
    assert "13812341234" not in tab.model.data(tab.model.index(0, 7))  # the echo is masked
    ok = fake_gateway("ok")
    support.configure(set_up_store, keeper, url=ok.url)
    tab.table.selectRow(0)
    with qtbot.waitSignal(dispatcher.state_changed, timeout=20_000):
        tab.retry_button.click()
    assert "重新排队" in tab.notice.text()
    assert tab.status_of(parcel.pickup_code) == [STATUS.SENT]


def test_clipboard_copy_puts_the_texts_there_and_marks_them_sent(
    qtbot: QtBot, window: MainWindow, set_up_store: Store, keeper: OperatorInfo
) -> None:
    support.configure(set_up_store, keeper, channel=Channel.CLIPBOARD)
    first = support.check_in(set_up_store, keeper, 1)
    second = support.check_in(set_up_store, keeper, 2)
    tab = _page(window).notifications_tab
    tab.refresh()
    tab.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"取件码为{first.pickup_code}" in copied
    assert f"取件码为{second.pickup_code}" in copied
    assert support.PHONE not in copied
    assert tab.notice.text() == "已复制2条通知，可以粘贴到微信群或短信里。"
    assert tab.status_of(first.pickup_code) == [STATUS.SENT]
    tab.copy_button.click()
    assert "没有要复制的通知" in tab.error.text()


def test_the_printed_list_becomes_a_pdf_with_the_pickup_codes(
    qtbot: QtBot, window: MainWindow, set_up_store: Store, keeper: OperatorInfo, tmp_path: Path
) -> None:
    support.configure(set_up_store, keeper, channel=Channel.PRINT)
    parcels = [support.check_in(set_up_store, keeper, n, tier=n) for n in (1, 2, 3)]
    tab = _page(window).notifications_tab
    pdf = tmp_path / "list" / "到件通知.pdf"

    assert tab.print_to_pdf(pdf)

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for parcel in parcels:
        assert parcel.pickup_code in text
        assert tab.status_of(parcel.pickup_code) == [STATUS.SENT]
    assert "138****5678" in text
    assert support.PHONE not in text
    assert "柳林镇胡家庄村服务站" in text
    assert not tab.print_to_pdf(tmp_path / "again.pdf")
    assert tab.error.text() == "没有要打印的通知。"


def test_an_unwritable_pdf_says_so_and_claims_nothing(
    window: MainWindow, set_up_store: Store, keeper: OperatorInfo, tmp_path: Path
) -> None:
    support.configure(set_up_store, keeper, channel=Channel.PRINT)
    parcel = support.check_in(set_up_store, keeper, 1)
    blocker = tmp_path / "file"
    blocker.write_text("")
    tab = _page(window).notifications_tab
    assert not tab.print_to_pdf(blocker / "x.pdf")
    assert tab.error.text().startswith("PDF 存不了")
    tab.refresh()
    assert tab.status_of(parcel.pickup_code) == [STATUS.PENDING]


def test_renotify_queues_reminders_and_refuses_a_second_the_same_day(
    qtbot: QtBot, counter: Counter, fake_gateway
) -> None:
    window, dispatcher, clock = counter.window, counter.dispatcher, counter.clock
    set_up_store, keeper = counter.store, counter.keeper
    gateway = fake_gateway("ok")
    support.configure(set_up_store, keeper, url=gateway.url)
    old = [support.check_in(set_up_store, keeper, n) for n in (1, 2)]
    clock.advance(timedelta(days=4))
    support.check_in(set_up_store, keeper, 3)  # today's: not overdue
    page = _page(window)
    today = page.today_tab
    page.tabs.setCurrentWidget(today)
    assert today.overdue_model.rowCount() == 2
    today.remind_button.click()
    assert today.message.text() == "请先在滞留件里选中要再次通知的包裹。"
    today.overdue.selectRow(0)
    with qtbot.waitSignal(today.reminded):
        today.remind_button.click()
    assert today.remind_notice.text() == "已为1件排队发送提醒。"

    with qtbot.waitSignal(dispatcher.state_changed, timeout=20_000):
        dispatcher.start()
        today.remind_all_button.click()
    assert today.remind_notice.text() == (
        f"已为1件排队发送提醒；{old[0].pickup_code} 今天已经提醒过，明天再发。"
    )
    qtbot.waitUntil(lambda: not dispatcher.busy and len(gateway.received()) >= 5, timeout=20_000)
    contents = [json.loads(request["body"])["content"] for request in gateway.received()]
    assert sum("已在站4天" in text for text in contents) == 2

    today.remind_all_button.click()
    assert "今天已经提醒过" in today.remind_notice.text()
    assert "已为" not in today.remind_notice.text()


def test_the_dispatcher_runs_after_login_and_stops_when_the_app_quits(
    qtbot: QtBot, qapp: QApplication, set_up_store: Store
) -> None:
    running = prepare(set_up_store, demo_logins=None, lang="zh_CN")
    shell = running.shell
    sender = shell.dispatcher
    assert sender is not None
    try:
        assert not sender.running  # nothing sends before anyone logs in
        assert shell.login_window is not None
        shell.login_window.form.fill(KEEPER_LOGIN, KEEPER_PASSWORD)
        with qtbot.waitSignal(sender.state_changed, timeout=20_000):
            shell.login_window.form.button.click()
        assert sender.running
        assert shell.main_window is not None
        assert shell.main_window.status.notify_label.text() == "通知：都已发出"
        qapp.aboutToQuit.emit()
        assert not sender.running
    finally:
        sender.stop()
        for translator in running.translators:
            qapp.removeTranslator(translator)
        shell.idle.uninstall()
        for window in (shell.login_window, shell.main_window):
            if window is not None:
                window.close()
                window.deleteLater()
