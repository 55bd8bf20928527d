"""Sending (寄件): accept at a computed fee, collection by the courier, cancellation."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from station_app.core import ledger
from station_app.core.clock import FixedClock, business_day
from station_app.core.db.models import LedgerEntry
from station_app.core.db.shipment_models import PaymentMethod, Shipment, ShipmentStatus
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending
from station_app.core.parcels.sending import ShipmentOrder, ShipmentView
from station_app.core.parcels.tariffs import Tariffs, quote
from station_app.core.store import Store
from station_app.core.weight import Grams

TARIFFS = Tariffs.load()
ORDER = ShipmentOrder(
    courier="zto",
    province="广东",
    city="深圳市",
    address="南山区科技园南路88号",
    recipient_name="张小红",
    recipient_phone="139 1234 5678",
    sender_name="胡建国",
    sender_phone="13812341234",
    weight="1.2",
    payment_method="wechat",
)
PERSONAL = ("张小红", "13912345678", "胡建国", "13812341234", "南山区", "科技园")


def _accept(store: Store, actor: OperatorInfo, order: ShipmentOrder = ORDER) -> ShipmentView:
    with store.writing() as session:
        return sending.accept(session, store.clock, actor=actor, order=order, tariffs=TARIFFS)


def _collect(store: Store, actor: OperatorInfo, uid: str, tracking: str) -> ShipmentView:
    with store.writing() as session:
        return sending.collect(
            session, store.clock, actor=actor, shipment_uid=uid, courier_tracking_number=tracking
        )


def _cancel(store: Store, actor: OperatorInfo, uid: str, reason: str = "寄件人不寄了"):
    with store.writing() as session:
        return sending.cancel(session, store.clock, actor=actor, shipment_uid=uid, reason=reason)


def _entries(store: Store, event_type: str) -> list[LedgerEntry]:
    with store.reading() as session:
        query = select(LedgerEntry).where(LedgerEntry.type == event_type).order_by(LedgerEntry.seq)
        return list(session.scalars(query))


def _counts(store: Store) -> tuple[int, int]:
    with store.reading() as session:
        shipments = session.scalar(select(func.count()).select_from(Shipment))
        entries = session.scalar(select(func.count()).select_from(LedgerEntry))
    return shipments or 0, entries or 0


def test_accept_records_the_computed_fee_and_no_personal_data(
    store: Store, assistant: OperatorInfo
):
    view = _accept(store, assistant)
    expected = quote(TARIFFS, "zto", "广东省", Grams(1200))
    assert view.fee == expected.fee == Fen(1200 + 600)
    assert (view.weight, view.billable) == (Grams(1200), Grams(2000))
    assert view.status is ShipmentStatus.ACCEPTED
    assert view.payment_method is PaymentMethod.WECHAT
    assert view.province == "广东省"
    assert (view.recipient_phone, view.sender_phone) == ("139****5678", "138****1234")
    assert (view.recipient_name, view.sender_name) == ("张**", "胡**")
    [entry] = _entries(store, "shipment.accepted")
    assert entry.operator == assistant.login
    for secret in PERSONAL:
        assert secret not in entry.payload
    assert json.loads(entry.payload) == {
        "shipment": view.uid,
        "courier": "zto",
        "province": "广东省",
        "city": "深圳市",
        "weight_g": 1200,
        "billable_g": 2000,
        "fee_fen": 1800,
        "payment_method": "wechat",
        "zone": 3,
        "tariff_version": TARIFFS.version,
    }


def test_the_full_details_stay_in_the_local_store(store: Store, keeper: OperatorInfo):
    view = _accept(store, keeper)
    with store.reading() as session:
        row = session.scalar(select(Shipment).where(Shipment.uid == view.uid))
    assert row is not None
    assert (row.recipient_phone, row.sender_phone) == ("13912345678", "13812341234")
    assert row.address == "南山区科技园南路88号"
    assert row.accepted_entry == _entries(store, "shipment.accepted")[0].entry_id


def test_a_weight_from_the_scale_is_taken_as_is(store: Store, keeper: OperatorInfo):
    view = _accept(store, keeper, dataclasses.replace(ORDER, weight=Grams(999)))
    assert view.billable == Grams(1000)
    assert view.fee == Fen(1200)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"province": "火星"}, "没有这个省份"),
        ({"province": "澳门"}, "暂不办理寄往澳门特别行政区"),
        ({"city": "  "}, "请填写收件人所在的城市"),
        ({"address": ""}, "请填写收件人的详细地址"),
        ({"address": "长" * 201}, "最多200个字"),
        ({"recipient_name": ""}, "请填写收件人姓名"),
        ({"sender_name": " "}, "请填写寄件人姓名"),
        ({"recipient_phone": "138****5678"}, "收件人完整的11位手机号"),
        ({"recipient_phone": "17012345678转1234"}, "收件人完整的11位手机号"),
        ({"recipient_phone": ""}, "收件人完整的11位手机号"),
        ({"sender_phone": "5678"}, "寄件人完整的11位手机号"),
        ({"recipient_phone": "12345"}, "电话格式不认识"),
        ({"weight": "0"}, "寄件重量必须大于0"),
        ({"weight": "abc"}, "重量格式不对"),
        ({"weight": "51"}, "中通快递单件最重50kg"),
        ({"courier": "ups"}, "资费表里没有这个快递公司"),
        ({"payment_method": "credit"}, "付款方式只能是"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    store: Store, keeper: OperatorInfo, change: dict[str, str], message: str
):
    before = _counts(store)
    with pytest.raises(ValidationError, match=message):
        _accept(store, keeper, dataclasses.replace(ORDER, **change))
    assert _counts(store) == before


def test_the_courier_collects_with_its_tracking_number(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo, clock: FixedClock
):
    view = _accept(store, keeper)
    clock.advance(timedelta(hours=5))
    collected = _collect(store, assistant, view.uid, " zt１２３４ ５６７８９０\r\n")
    assert collected.status is ShipmentStatus.COLLECTED
    assert collected.courier_tracking_number == "ZT1234567890"
    assert collected.collected_by == assistant.login
    assert collected.collected_at == clock.now()
    [entry] = _entries(store, "shipment.collected")
    assert json.loads(entry.payload) == {
        "shipment": view.uid,
        "courier_tracking_number": "ZT1234567890",
    }
    with store.reading() as session:
        assert sending.waiting_for_collection(session) == []


def test_a_second_collection_is_refused_saying_when_and_by_whom(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
):
    view = _accept(store, keeper)
    _collect(store, assistant, view.uid, "ZT0000000001")
    with pytest.raises(
        ValidationError,
        match="这件已于2026-11-23 10:00由lixia交给快递员揽收（单号ZT0000000001）",
    ):
        _collect(store, keeper, view.uid, "ZT0000000002")
    assert len(_entries(store, "shipment.collected")) == 1


def test_a_tracking_number_already_used_is_refused(store: Store, keeper: OperatorInfo):
    first = _accept(store, keeper)
    second = _accept(store, keeper)
    _collect(store, keeper, first.uid, "zt0000000001")
    with pytest.raises(ValidationError, match="单号ZT0000000001已用于另一件寄件"):
        _collect(store, keeper, second.uid, "ZT0000000001")
    with store.reading() as session:
        assert sending.shipment(session, second.uid).status is ShipmentStatus.ACCEPTED


@pytest.mark.parametrize(
    ("scan", "message"),
    [
        ("ZT12", "单号太短"),
        ("ZT0000000001ZT0000000001ZT0000000001", "单号太长"),
        ("ZT中通00000001", "不该有的字符"),
    ],
)
def test_a_bad_scan_is_refused(store: Store, keeper: OperatorInfo, scan: str, message: str):
    view = _accept(store, keeper)
    with pytest.raises(ValidationError, match=message):
        _collect(store, keeper, view.uid, scan)


def test_an_assistant_may_not_cancel(store: Store, keeper: OperatorInfo, assistant: OperatorInfo):
    view = _accept(store, assistant)
    with pytest.raises(PermissionDenied, match="只有站长可以作废记录"):
        _cancel(store, assistant, view.uid)
    assert _entries(store, "shipment.cancelled") == []


def test_the_keeper_cancels_before_collection_correcting_the_accepted_entry(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
):
    view = _accept(store, assistant)
    cancelled = _cancel(store, keeper, view.uid, "  寄件人  改主意了 ")
    assert cancelled.status is ShipmentStatus.CANCELLED
    assert cancelled.cancel_reason == "寄件人 改主意了"
    assert cancelled.cancelled_by == keeper.login
    [accepted] = _entries(store, "shipment.accepted")
    [entry] = _entries(store, "shipment.cancelled")
    assert entry.corrects == accepted.entry_id
    assert json.loads(entry.payload) == {
        "shipment": view.uid,
        "reason": "寄件人 改主意了",
        "fee_fen": 1800,
        "payment_method": "wechat",
    }
    with pytest.raises(ValidationError, match="这件已于2026-11-23 10:00由wangjun取消寄件"):
        _collect(store, assistant, view.uid, "ZT0000000001")
    with pytest.raises(ValidationError, match="取消寄件"):
        _cancel(store, keeper, view.uid)


def test_the_keeper_cannot_cancel_after_collection(store: Store, keeper: OperatorInfo):
    view = _accept(store, keeper)
    _collect(store, keeper, view.uid, "ZT0000000001")
    with pytest.raises(ValidationError, match="交给快递员揽收"):
        _cancel(store, keeper, view.uid)
    assert _entries(store, "shipment.cancelled") == []


def test_cancelling_needs_a_reason(store: Store, keeper: OperatorInfo):
    view = _accept(store, keeper)
    with pytest.raises(ValidationError, match="取消寄件必须写明原因"):
        _cancel(store, keeper, view.uid, "   ")


def test_an_unknown_shipment_is_refused(store: Store, keeper: OperatorInfo):
    with pytest.raises(ValidationError, match="找不到这件寄件"):
        _collect(store, keeper, "00000000-0000-0000-0000-000000000000", "ZT0000000001")


def test_waiting_for_collection_lists_what_the_driver_should_take(
    store: Store, keeper: OperatorInfo
):
    zto = _accept(store, keeper)
    sf = _accept(store, keeper, dataclasses.replace(ORDER, courier="sf"))
    gone = _accept(store, keeper)
    cancelled = _accept(store, keeper)
    _collect(store, keeper, gone.uid, "ZT0000000001")
    _cancel(store, keeper, cancelled.uid)
    with store.reading() as session:
        assert [v.uid for v in sending.waiting_for_collection(session)] == [zto.uid, sf.uid]
        assert [v.uid for v in sending.waiting_for_collection(session, "sf")] == [sf.uid]


def test_the_chain_verifies_after_a_day_of_sending(store: Store, keeper: OperatorInfo):
    first = _accept(store, keeper)
    second = _accept(store, keeper, dataclasses.replace(ORDER, payment_method="cash"))
    _collect(store, keeper, first.uid, "ZT0000000001")
    _cancel(store, keeper, second.uid)
    with store.reading() as session:
        report = ledger.verify(session)
    assert report.ok
    assert report.checked == _counts(store)[1]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sender_name": ""}, "sender_name"),
        ({"sender_phone": "5678"}, "sender_phone"),
        ({"recipient_name": ""}, "recipient_name"),
        ({"recipient_phone": "12345"}, "recipient_phone"),
        ({"province": "火星"}, "province"),
        ({"province": "澳门"}, "province"),
        ({"city": ""}, "city"),
        ({"address": "长" * 201}, "address"),
        ({"weight": "abc"}, "weight"),
        ({"weight": "-1"}, "weight"),
        ({"weight": "51"}, "weight"),
        ({"courier": "ups"}, "courier"),
        ({"payment_method": "credit"}, "payment_method"),
    ],
)
def test_a_refusal_names_the_field_at_fault(
    store: Store, keeper: OperatorInfo, change: dict[str, str], field: str
):
    with pytest.raises(sending.OrderError) as refused:
        _accept(store, keeper, dataclasses.replace(ORDER, **change))
    assert refused.value.field == field
    assert str(refused.value)  # the Chinese message, template and params kept


def test_the_price_shows_its_parts_and_matches_the_fee_charged(store: Store, keeper: OperatorInfo):
    priced = sending.price("zto", "广东", "2.4kg", TARIFFS)
    assert priced.province == "广东省"
    assert priced.weight == Grams(2400)
    assert (priced.first_weight_g, priced.first_fen) == (1000, Fen(1200))
    assert (priced.steps, priced.step_g, priced.additional_fen) == (2, 1000, Fen(600))
    assert priced.fee == priced.first_fen + priced.additional_fen * priced.steps
    assert priced.zone_name == "其他省份"
    view = _accept(store, keeper, dataclasses.replace(ORDER, weight="4.8斤"))
    assert view.fee == priced.fee


def test_the_price_of_a_half_kilo_step_courier():
    priced = sending.price("sf", "陕西省", "1600g", TARIFFS)
    assert (priced.steps, priced.step_g) == (2, 500)
    assert priced.quote.billable_g == 2000


def test_today_and_open_lists_the_counter_day_newest_first(
    store: Store, keeper: OperatorInfo, clock: FixedClock
):
    old_open = _accept(store, keeper)
    old_gone = _accept(store, keeper)
    _collect(store, keeper, old_gone.uid, "ZT0000000001")
    clock.advance(timedelta(days=1))
    fresh = _accept(store, keeper)
    collected = _accept(store, keeper)
    cancelled = _accept(store, keeper)
    _collect(store, keeper, collected.uid, "ZT0000000002")
    _cancel(store, keeper, cancelled.uid)
    with store.reading() as session:
        today = sending.today_and_open(session, business_day(clock.now()))
    assert [v.uid for v in today] == [cancelled.uid, collected.uid, fresh.uid, old_open.uid]
