"""The outbox: queued with the check-in, claimed, marked, backed off, reset, cancelled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from station_app.core.clock import FixedClock
from station_app.core.db.models import Parcel
from station_app.core.db.notification_models import (
    Channel,
    Kind,
    Notification,
    NotificationStatus,
)
from station_app.core.notifications import outbox
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from tests.core.notifications.conftest import PHONE, CheckIn

STATUS = NotificationStatus
HALF = 0.5  # the jitter's midpoint: delays come out exactly as designed


def _views(store: Store, parcel_uid: str) -> list[outbox.NotificationView]:
    with store.reading() as session:
        return outbox.for_parcel(session, parcel_uid)


def _fail(store: Store, clock: FixedClock, uid: str, *, reached: bool = True) -> STATUS:
    return outbox.mark_failed(store, clock, uid, "网关报错", reached=reached, random=lambda: HALF)


def test_arrival_notice_is_queued_with_the_check_in(store: Store, checked_in: CheckIn):
    uid = checked_in()
    [notice] = _views(store, uid)
    assert notice.kind is Kind.ARRIVAL
    assert notice.channel is Channel.SMS
    assert notice.status is STATUS.PENDING
    assert notice.attempts == 0
    assert notice.text == (
        "【柳林镇胡家庄村服务站】您的快递已到，取件码为3-2-0001，"
        "请凭码到柳林镇胡家庄村服务站取件，营业时间07:30-21:00。"
    )
    assert PHONE not in notice.text


def test_a_failed_check_in_leaves_no_notice(store: Store, keeper: OperatorInfo, hours: str):
    arrival = Arrival("YT7512345678901", "yto", "3", 2, phone=PHONE)
    with pytest.raises(RuntimeError), store.writing() as session:
        result = check_in(session, store.clock, actor=keeper, arrival=arrival)
        outbox.queue_arrival(session, store.clock, result.parcel.uid)
        raise RuntimeError("power cut before commit")
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Notification)) == 0
        assert session.scalar(select(func.count()).select_from(Parcel)) == 0


def test_queuing_twice_returns_the_first_notice(store: Store, checked_in: CheckIn):
    uid = checked_in()
    with store.writing() as session:
        again = outbox.queue_arrival(session, store.clock, uid)
    assert [n.uid for n in _views(store, uid)] == [again.uid]


@pytest.mark.parametrize("phone", ["138****5678", "5678", "17012345678转1234", ""])
def test_without_a_number_to_text_the_notice_goes_on_the_printed_list(
    store: Store, checked_in: CheckIn, phone: str
):
    [notice] = _views(store, checked_in(phone=phone))
    assert notice.channel is Channel.PRINT


def test_due_claim_and_sent(store: Store, clock: FixedClock, checked_in: CheckIn):
    parcel = checked_in()
    with store.reading() as session:
        [due] = outbox.due(session, clock.now(), 10)
    [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
    assert claimed.uid == due.uid
    assert claimed.phone == PHONE
    assert claimed.phone_masked == "138****5678"
    assert claimed.pickup_code == "3-2-0001"
    assert PHONE not in repr(claimed)
    assert outbox.claim(store, clock, Channel.SMS, 10) == []  # taken: nobody else sends it
    clock.advance(timedelta(seconds=3))
    assert outbox.mark_sent(store, clock, claimed.uid) is STATUS.SENT
    [notice] = _views(store, parcel)
    assert notice.status is STATUS.SENT
    assert notice.attempts == 1
    assert notice.sent_at == clock.now()


def test_claim_takes_only_its_channel_and_up_to_the_limit(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    for _ in range(3):
        checked_in()
    checked_in(phone="5678")
    assert len(outbox.claim(store, clock, Channel.SMS, 2)) == 2
    assert len(outbox.claim(store, clock, Channel.SMS, 10)) == 1
    [printed] = outbox.claim(store, clock, Channel.PRINT, 10)
    assert printed.phone is None


def test_failures_back_off_exponentially_then_give_up(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    parcel = checked_in()
    delays = []
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
        assert claimed.attempts == attempt
        status = _fail(store, clock, claimed.uid)
        if status is STATUS.FAILED:
            break
        [notice] = _views(store, parcel)
        delay = notice.next_attempt_at - clock.now()
        delays.append(delay)
        clock.advance(delay - timedelta(seconds=1))
        assert outbox.claim(store, clock, Channel.SMS, 10) == []  # not yet
        clock.advance(timedelta(seconds=1))
    assert delays == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    [notice] = _views(store, parcel)
    assert notice.status is STATUS.FAILED
    assert notice.attempts == outbox.MAX_ATTEMPTS
    assert notice.last_error == "网关报错"
    clock.advance(timedelta(days=1))
    assert outbox.claim(store, clock, Channel.SMS, 10) == []  # final: not retried alone
    with store.reading() as session:
        assert outbox.status_counts(session)[STATUS.FAILED] == 1


def test_being_offline_is_retried_far_longer_with_a_capped_delay(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    parcel = checked_in()
    for _ in range(outbox.MAX_ATTEMPTS + 5):
        [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
        assert _fail(store, clock, claimed.uid, reached=False) is STATUS.PENDING
        clock.advance(outbox.MAX_DELAY)
    [notice] = _views(store, parcel)
    assert notice.next_attempt_at - notice.created_at > timedelta(hours=2)
    assert outbox.backoff_delay(50, lambda: HALF) == outbox.MAX_DELAY


def test_jitter_spreads_the_delay_both_ways():
    base = timedelta(minutes=4)
    assert outbox.backoff_delay(3, lambda: 0.0) == base * (1 - outbox.JITTER)
    assert outbox.backoff_delay(3, lambda: 0.999999) < base * (1 + outbox.JITTER)
    assert outbox.backoff_delay(3, lambda: 0.999999) > base * 1.19


def test_the_keeper_can_retry_a_failed_notice(store: Store, clock: FixedClock, checked_in: CheckIn):
    parcel = checked_in()
    for _ in range(outbox.MAX_ATTEMPTS):
        [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
        _fail(store, clock, claimed.uid)
        clock.advance(outbox.MAX_DELAY * 2)
    with store.writing() as session:
        view = outbox.retry(session, clock, claimed.uid)
    assert view.status is STATUS.PENDING
    assert view.attempts == 0
    assert [c.parcel_uid for c in outbox.claim(store, clock, Channel.SMS, 10)] == [parcel]


def test_an_interrupted_send_goes_back_to_pending_at_start_up(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    parcel = checked_in()
    [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
    # The app is killed here: the row stays 'sending' and nothing claims it.
    assert outbox.claim(store, clock, Channel.SMS, 10) == []
    assert outbox.reset_interrupted(store) == 1
    [again] = outbox.claim(store, clock, Channel.SMS, 10)
    assert again.uid == claimed.uid
    assert again.attempts == 2
    assert _views(store, parcel)[0].status is STATUS.SENDING


def test_a_late_answer_for_a_reset_message_changes_nothing(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    checked_in()
    [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
    outbox.reset_interrupted(store)
    assert _fail(store, clock, claimed.uid) is STATUS.PENDING
    assert outbox.mark_sent(store, clock, claimed.uid) is STATUS.PENDING


def test_pickup_before_the_sms_went_out_cancels_it(
    store: Store, clock: FixedClock, keeper: OperatorInfo, checked_in: CheckIn
):
    parcel = checked_in()
    with store.writing() as session:
        tracking = session.scalar(select(Parcel.tracking_number).where(Parcel.uid == parcel))
        handover.hand_over(session, clock, actor=keeper, scans={parcel: tracking})
        assert outbox.cancel_for_parcel(session, parcel) == 0  # hand_over already did
    assert _views(store, parcel)[0].status is STATUS.CANCELLED
    assert outbox.claim(store, clock, Channel.SMS, 10) == []


def test_a_parcel_gone_without_cancel_is_cancelled_when_claimed(
    store: Store, clock: FixedClock, keeper: OperatorInfo, checked_in: CheckIn
):
    parcel = checked_in()
    with store.writing() as session:
        tracking = session.scalar(select(Parcel.tracking_number).where(Parcel.uid == parcel))
        handover.hand_over(session, clock, actor=keeper, scans={parcel: tracking})
    assert outbox.claim(store, clock, Channel.SMS, 10) == []
    assert _views(store, parcel)[0].status is STATUS.CANCELLED


def test_a_message_in_flight_is_not_cancelled(store: Store, clock: FixedClock, checked_in: CheckIn):
    parcel = checked_in()
    outbox.claim(store, clock, Channel.SMS, 10)
    with store.writing() as session:
        assert outbox.cancel_for_parcel(session, parcel) == 0


def test_a_reminder_is_a_second_notice_for_the_same_parcel(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    parcel = checked_in()
    [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
    outbox.mark_sent(store, clock, claimed.uid)
    clock.advance(timedelta(days=3))
    with store.writing() as session:
        reminder = outbox.queue_reminder(session, clock, parcel)
        again = outbox.queue_reminder(session, clock, parcel)  # a sweep run twice
    assert reminder is not None
    assert again == reminder
    assert reminder.kind is Kind.REMINDER
    assert "您的快递已在站3天，取件码为3-2-0001" in reminder.text
    assert [n.kind for n in _views(store, parcel)] == [Kind.ARRIVAL, Kind.REMINDER]


def test_no_reminder_for_a_parcel_that_left(
    store: Store, clock: FixedClock, keeper: OperatorInfo, checked_in: CheckIn
):
    parcel = checked_in()
    with store.writing() as session:
        tracking = session.scalar(select(Parcel.tracking_number).where(Parcel.uid == parcel))
        handover.hand_over(session, clock, actor=keeper, scans={parcel: tracking})
        assert outbox.queue_reminder(session, clock, parcel) is None


def test_status_counts_list_every_state(store: Store, clock: FixedClock, checked_in: CheckIn):
    checked_in()
    checked_in()
    checked_in(phone="5678")
    [first, _] = outbox.claim(store, clock, Channel.SMS, 10)
    outbox.mark_sent(store, clock, first.uid)
    with store.reading() as session:
        counts = outbox.status_counts(session)
        sms = outbox.status_counts(session, Channel.SMS)
    assert counts == {
        STATUS.PENDING: 1,
        STATUS.SENDING: 1,
        STATUS.SENT: 1,
        STATUS.FAILED: 0,
        STATUS.CANCELLED: 0,
    }
    assert sms[STATUS.PENDING] == 0


def test_a_phone_echoed_in_an_error_is_masked(store: Store, clock: FixedClock, checked_in: CheckIn):
    parcel = checked_in()
    [claimed] = outbox.claim(store, clock, Channel.SMS, 10)
    outbox.mark_failed(store, clock, claimed.uid, f"号码{PHONE}在黑名单", reached=True)
    assert _views(store, parcel)[0].last_error == "号码138****5678在黑名单"
