"""A dispatch round: sends outside any transaction, records each result, never leaks
a phone number to a log, and one bad message does not stop the others."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from station_app.core.clock import FixedClock
from station_app.core.db.notification_models import Channel, NotificationStatus
from station_app.core.notifications import dispatch, outbox
from station_app.core.notifications.senders import (
    GATEWAY_ERROR,
    UNREACHABLE,
    PrintRow,
    SendFailed,
    print_list_text,
)
from station_app.core.store import Store
from tests.core.notifications.conftest import PHONE, CheckIn

STATUS = NotificationStatus
OTHER_PHONE = "15987654321"


class Recorder:
    """A sender that keeps what it was given, and fails for numbers told to fail."""

    def __init__(self, store: Store, fail: dict[str, Exception] | None = None) -> None:
        self.store = store
        self.fail = fail or {}
        self.sent: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        # Sent outside any transaction: the counter can write meanwhile.
        with self.store.writing():
            pass
        if phone in self.fail:
            raise self.fail[phone]
        self.sent.append((phone, text))


def _statuses(store: Store, *uids: str) -> list[STATUS]:
    with store.reading() as session:
        return [outbox.for_parcel(session, uid)[0].status for uid in uids]


def test_a_round_sends_what_is_due_and_records_it(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    first, second = checked_in(), checked_in(phone=OTHER_PHONE)
    sender = Recorder(store)
    report = dispatch.dispatch_once(store, clock, sender)
    assert report == dispatch.DispatchReport(claimed=2, sent=2)
    assert [phone for phone, _ in sender.sent] == [PHONE, OTHER_PHONE]
    assert "取件码为3-2-0001" in sender.sent[0][1]
    assert _statuses(store, first, second) == [STATUS.SENT, STATUS.SENT]
    assert dispatch.dispatch_once(store, clock, sender) == dispatch.DispatchReport()


def test_one_bad_message_does_not_stop_the_round(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    bad, crashing, good = checked_in(), checked_in(phone=OTHER_PHONE), checked_in("13700001111")
    sender = Recorder(
        store,
        fail={
            PHONE: SendFailed(GATEWAY_ERROR, reached=True, code=40001, detail=f"{PHONE}停机"),
            OTHER_PHONE: RuntimeError(f"bug while sending to {OTHER_PHONE}"),
        },
    )
    report = dispatch.dispatch_once(store, clock, sender, random=lambda: 0.5)
    assert report == dispatch.DispatchReport(claimed=3, sent=1, retrying=2)
    assert _statuses(store, bad, crashing, good) == [STATUS.PENDING, STATUS.PENDING, STATUS.SENT]
    with store.reading() as session:
        [failed] = outbox.for_parcel(session, bad)
        [crashed] = outbox.for_parcel(session, crashing)
    assert failed.last_error == "短信网关报错：40001 138****5678停机"
    assert failed.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert crashed.last_error == "发送时出现程序错误（RuntimeError）"


def test_phone_numbers_never_reach_the_log(
    store: Store, clock: FixedClock, checked_in: CheckIn, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    checked_in(), checked_in(phone=OTHER_PHONE), checked_in("13700001111")
    sender = Recorder(
        store,
        fail={
            PHONE: SendFailed(GATEWAY_ERROR, reached=True, code=1, detail=f"号码{PHONE}不存在"),
            OTHER_PHONE: ValueError(f"cannot send to {OTHER_PHONE}"),
        },
    )
    dispatch.dispatch_once(store, clock, sender)
    assert caplog.records, "the round should say what it did"
    assert "138****5678" in caplog.text
    for phone in (PHONE, OTHER_PHONE, "13700001111"):
        assert phone not in caplog.text


def test_offline_failures_back_off_and_are_retried(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    parcel = checked_in()
    offline = Recorder(store, fail={PHONE: SendFailed(UNREACHABLE, reached=False)})
    assert dispatch.dispatch_once(store, clock, offline, random=lambda: 0.5).retrying == 1
    assert dispatch.dispatch_once(store, clock, offline).claimed == 0  # backing off
    clock.advance(timedelta(minutes=1))
    online = Recorder(store)
    assert dispatch.dispatch_once(store, clock, online).sent == 1
    assert _statuses(store, parcel) == [STATUS.SENT]


def test_other_channels_get_the_masked_number_only(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    checked_in(channel=Channel.CLIPBOARD)
    sender = Recorder(store)
    report = dispatch.dispatch_once(store, clock, sender, channel=Channel.CLIPBOARD)
    assert report.sent == 1
    assert sender.sent[0][0] == "138****5678"


def test_the_printed_list_shows_codes_and_masked_phones_only(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    printed_parcels = [checked_in(phone="138****5678"), checked_in(phone="5678")]
    checked_in()  # an SMS: not on the list
    checked_in(phone=PHONE, channel=Channel.PRINT)  # full number, printed by choice
    taken = dispatch.take_print_list(store, clock)
    assert len(taken.rows) == 3
    text = print_list_text(taken.rows, "柳林镇胡家庄村服务站", clock.now())
    assert PHONE not in text
    assert "3-2-0001  ****5678" in text
    assert "138****5678" in text
    assert "共3件" in text
    assert "2026-11-23 10:00" in text  # Beijing time
    assert _statuses(store, *printed_parcels) == [STATUS.SENDING, STATUS.SENDING]
    dispatch.finish_print_list(store, clock, taken)
    assert _statuses(store, *printed_parcels) == [STATUS.SENT, STATUS.SENT]
    assert dispatch.take_print_list(store, clock).rows == ()


def test_a_printer_failure_puts_the_list_back(store: Store, clock: FixedClock, checked_in: CheckIn):
    parcel = checked_in(phone="5678")
    taken = dispatch.take_print_list(store, clock)
    dispatch.finish_print_list(store, clock, taken, error="缺纸", random=lambda: 0.5)
    with store.reading() as session:
        [notice] = outbox.for_parcel(session, parcel)
    assert notice.status is STATUS.PENDING
    assert notice.last_error == "打印失败：缺纸"
    clock.advance(timedelta(minutes=1))
    assert len(dispatch.take_print_list(store, clock).rows) == 1


def test_a_full_number_handed_to_the_print_list_is_masked_anyway():
    row = PrintRow("3-2-0001", PHONE, "yto")
    text = print_list_text([row], "胡家庄村服务站", datetime.fromisoformat("2026-11-23T02:00Z"))
    assert PHONE not in text
    assert "138****5678" in text
