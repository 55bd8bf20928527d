"""What the keeper does with notices by hand: settings for the gateway (the secret kept
out of the ledger), reminders at most once a day, the clipboard batch, the listing."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlalchemy import select

from station_app.core import preferences
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry, Parcel
from station_app.core.db.notification_models import Channel, Kind, NotificationStatus
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.notifications import dispatch, gateway_config, listing, outbox, reminders
from station_app.core.notifications.gateway_config import AuthKind, GatewayConfig
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.store import Store
from tests.core.notifications.conftest import PHONE, CheckIn

SECRET = "k-9f8e7d6c"
URL = "https://sms.example.cn/api/send"


def _save(store: Store, actor: OperatorInfo, config: GatewayConfig, **kw: object) -> None:
    with store.writing() as session:
        gateway_config.save(session, store.clock, actor=actor, config=config, **kw)  # type: ignore[arg-type]


def _load(store: Store) -> GatewayConfig:
    with store.reading() as session:
        return gateway_config.load(session)


def test_gateway_settings_round_trip_and_the_secret_never_reaches_the_ledger(
    store: Store, keeper: OperatorInfo
):
    config = GatewayConfig(
        url=URL, auth_kind=AuthKind.HEADER, auth_name="X-Api-Key", body_format="json"
    )
    _save(store, keeper, config, new_secret=SECRET)
    loaded = _load(store)
    assert loaded.url == URL
    assert loaded.secret == SECRET
    assert loaded.auth_name == "X-Api-Key"
    assert SECRET not in repr(loaded)
    _save(store, keeper, loaded, new_secret=None)  # an empty field keeps the saved key
    assert _load(store).secret == SECRET
    with store.reading() as session:
        payloads = list(
            session.scalars(
                select(LedgerEntry.payload).where(LedgerEntry.type == "preference.changed")
            )
        )
    assert '{"key":"sms_auth_secret","value":"******"}' in payloads
    assert not any(SECRET in payload for payload in payloads)


def test_no_authentication_forgets_the_secret(store: Store, keeper: OperatorInfo):
    _save(store, keeper, GatewayConfig(url=URL, auth_kind=AuthKind.BASIC), new_secret=SECRET)
    _save(store, keeper, GatewayConfig(url=URL, auth_kind=AuthKind.NONE), new_secret=None)
    assert _load(store).secret == ""


@pytest.mark.parametrize(
    ("config", "secret", "match"),
    [
        (GatewayConfig(url=""), None, "网关地址"),
        (GatewayConfig(url="ftp://x"), None, "http://"),
        (GatewayConfig(url="http://a b"), None, "http://"),
        (GatewayConfig(url=URL, auth_kind=AuthKind.HEADER), None, "密钥"),
        (GatewayConfig(url=URL, auth_kind=AuthKind.HEADER, auth_name="X Key"), "s", "请求头"),
        (GatewayConfig(url=URL, template='{"to": "{phone}"}'), None, "{phone}"),
        (GatewayConfig(url=URL, template='{"to": "{phone}", "t": {text}}'), None, "JSON"),
        (GatewayConfig(url=URL, template='["{phone}", "{text}"]'), None, "大括号"),
        (GatewayConfig(url=URL, success_field=" ", success_marker=""), None, "成功标志"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, config: GatewayConfig, secret: str | None, match: str
):
    with pytest.raises(ValidationError) as caught:
        _save(store, keeper, config, new_secret=secret)
    assert match in str(caught.value)
    assert _load(store) == GatewayConfig()


def test_an_assistant_cannot_change_the_gateway(store: Store, assistant: OperatorInfo):
    with pytest.raises(PermissionDenied):
        _save(store, assistant, GatewayConfig(url=URL))


def test_print_channel_needs_no_gateway(store: Store, keeper: OperatorInfo):
    _save(store, keeper, GatewayConfig(channel=Channel.PRINT))
    assert _load(store).channel is Channel.PRINT
    with store.reading() as session:
        assert gateway_config.channel(session) is Channel.PRINT


def test_the_sender_carries_basic_auth_and_the_key_in_the_body():
    config = GatewayConfig(
        url=URL,
        auth_kind=AuthKind.BASIC,
        auth_name="hjz",
        secret='p"w',
        template='{"account": "hjz", "password": "{key}", "to": "{phone}", "msg": "{text}"}',
    )
    sender = config.sender()
    try:
        expected = "Basic " + base64.b64encode(b'hjz:p"w').decode()
        assert sender._headers == {"Authorization": expected}
        body = sender._encoded(PHONE, "到了")
    finally:
        sender.close()
    assert b'"password": "p\\"w"' in body


def test_a_test_phone_must_be_a_full_mobile_number():
    assert gateway_config.trial_phone(" 138 1234 5678 ") == "13812345678"
    with pytest.raises(ValidationError, match="11位"):
        gateway_config.trial_phone("5678")
    assert gateway_config.mask_secret(SECRET) != SECRET
    assert SECRET[-4:] not in gateway_config.mask_secret(SECRET)


def test_reminders_at_most_once_a_day_per_parcel(
    store: Store, clock: FixedClock, keeper: OperatorInfo, checked_in: CheckIn
):
    first, second, gone = checked_in(), checked_in(), checked_in()
    with store.writing() as session:
        tracking = session.scalar(select(Parcel.tracking_number).where(Parcel.uid == gone))
        handover.hand_over(session, clock, actor=keeper, scans={gone: tracking})
    clock.advance(timedelta(days=4))
    with store.writing() as session:
        report = reminders.remind(session, clock, [first, first, gone])
    assert report.queued == ("3-2-0001",)
    assert report.gone == ("3-2-0003",)
    for claimed in outbox.claim(store, clock, Channel.SMS, 10):
        outbox.mark_sent(store, clock, claimed.uid)  # sent already: still once a day
    clock.advance(timedelta(hours=2))
    with store.writing() as session:
        again = reminders.remind(session, clock, [first, second])
        assert outbox.queue_reminder(session, clock, first) is not None  # returns the old one
    assert again.already_today == ("3-2-0001",)
    assert again.queued == ("3-2-0002",)
    clock.advance(timedelta(days=1))
    with store.writing() as session:
        assert reminders.remind(session, clock, [first]).queued == ("3-2-0001",)
    with store.reading() as session:
        kinds = [n.kind for n in outbox.for_parcel(session, first)]
    assert kinds == [Kind.ARRIVAL, Kind.REMINDER, Kind.REMINDER]


def test_reminders_follow_the_stations_channel(
    store: Store, clock: FixedClock, keeper: OperatorInfo, checked_in: CheckIn
):
    parcel = checked_in()
    _save(store, keeper, GatewayConfig(channel=Channel.CLIPBOARD))
    clock.advance(timedelta(days=4))
    with store.writing() as session:
        reminders.remind(session, clock, [parcel])
        views = outbox.for_parcel(session, parcel)
    assert views[-1].channel is Channel.CLIPBOARD


def test_the_clipboard_batch_is_claimed_then_sent(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    checked_in(channel=Channel.CLIPBOARD)
    checked_in(channel=Channel.CLIPBOARD)
    checked_in()
    batch = dispatch.take_clipboard(store, clock)
    assert len(batch.texts) == 2
    assert all("取件码为3-2-000" in text and PHONE not in text for text in batch.texts)
    assert dispatch.take_clipboard(store, clock).uids == ()  # claimed: not taken twice
    dispatch.finish_clipboard(store, clock, batch)
    with store.reading() as session:
        rows = listing.recent(session)
        summary = listing.summary(session)
    statuses = {row.pickup_code: row.status for row in rows}
    assert statuses == {
        "3-2-0001": NotificationStatus.SENT,
        "3-2-0002": NotificationStatus.SENT,
        "3-2-0003": NotificationStatus.PENDING,
    }
    assert summary.waiting == {Channel.SMS: 1, Channel.PRINT: 0, Channel.CLIPBOARD: 0}
    assert summary.failed == 0


def test_the_listing_masks_phones_and_can_show_only_what_needs_doing(
    store: Store, clock: FixedClock, checked_in: CheckIn
):
    checked_in()
    checked_in(phone="5678")  # no full number: on the printed list
    [sms] = outbox.claim(store, clock, Channel.SMS, 10)
    outbox.mark_sent(store, clock, sms.uid)
    with store.reading() as session:
        every = listing.recent(session)
        open_ = listing.recent(session, open_only=True)
    assert [row.pickup_code for row in every] == ["3-2-0002", "3-2-0001"]
    assert every[1].phone_masked == "138****5678"
    assert [row.channel for row in open_] == [Channel.PRINT]
    assert all(PHONE not in repr(row) for row in every)


def test_preferences_declare_the_secret_as_secret():
    assert preferences.SMS_AUTH_SECRET.secret
    assert not preferences.SMS_GATEWAY_URL.secret
