"""Sending (寄件): a villager's parcel is accepted, paid for, and handed to the courier.

States: accepted (at the counter, paid) → collected (揽收: the courier's driver scans
it out with the courier's own tracking number), or accepted → cancelled (money back,
keeper only, since it moves money). Each step is one transaction with its ledger entry.

The fee is computed from the county's tariff table, never typed: two keepers charge the
same for the same parcel, and the county can check every fee from the entry alone.
The ledger carries courier, destination province and city, weights and fee — never
names, phones or the street address (DESIGN.md, Privacy); those stay in the local store
and screens show them masked. The fee is recorded on the entry until the cash book
exists to take it.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, local_time
from station_app.core.db.shipment_models import PaymentMethod, Shipment, ShipmentStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, FieldError, ValidationError, on_field
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.phones import mask, parse_phone
from station_app.core.parcels.stats import day_bounds
from station_app.core.parcels.tariffs import Quote, Tariffs, active_tariffs
from station_app.core.permissions import Permission, require
from station_app.core.weight import Grams

NAME_LIMIT = 40
CITY_LIMIT = 40
ADDRESS_LIMIT = 200
REASON_LIMIT = 200
TRACKING_MIN, TRACKING_MAX = 8, 32
_TRACKING_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_T = TypeVar("_T")


class OrderError(FieldError):
    """A refused order, naming the ``ShipmentOrder`` field at fault."""


def _on_field(field: str, check: Callable[[], _T]) -> _T:
    return on_field(field, check, OrderError)


@dataclass(frozen=True)
class ShipmentOrder:
    """What the keeper fills in for one parcel to send.

    ``weight`` is what the scale reads, or text as typed (a bare number is kg, as on a
    parcel scale). There is no fee field: the fee comes from the tariff table.
    """

    courier: str
    province: str
    city: str
    address: str
    recipient_name: str
    recipient_phone: str
    sender_name: str
    sender_phone: str
    weight: Grams | str
    payment_method: PaymentMethod | str


@dataclass(frozen=True)
class ShipmentView:
    """What screens see of a shipment: names and phones already masked."""

    uid: str
    courier: str
    province: str
    city: str
    recipient_name: str
    recipient_phone: str
    sender_name: str
    sender_phone: str
    weight: Grams
    billable: Grams
    fee: Fen
    payment_method: PaymentMethod
    status: ShipmentStatus
    courier_tracking_number: str | None
    accepted_at: datetime
    accepted_by: str
    collected_at: datetime | None
    collected_by: str | None
    cancelled_at: datetime | None
    cancelled_by: str | None
    cancel_reason: str | None

    @classmethod
    def of(cls, row: Shipment) -> ShipmentView:
        return cls(
            uid=row.uid,
            courier=row.courier,
            province=row.province,
            city=row.city,
            recipient_name=mask_name(row.recipient_name),
            recipient_phone=mask(row.recipient_phone),
            sender_name=mask_name(row.sender_name),
            sender_phone=mask(row.sender_phone),
            weight=Grams(row.weight_g),
            billable=Grams(row.billable_g),
            fee=Fen(row.fee_fen),
            payment_method=PaymentMethod(row.payment_method),
            status=ShipmentStatus(row.status),
            courier_tracking_number=row.courier_tracking_number,
            accepted_at=row.accepted_at,
            accepted_by=row.accepted_by,
            collected_at=row.collected_at,
            collected_by=row.collected_by,
            cancelled_at=row.cancelled_at,
            cancelled_by=row.cancelled_by,
            cancel_reason=row.cancel_reason,
        )


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: enough to recognise, not enough to read out."""
    return name[:1] + "*" * (len(name) - 1) if len(name) > 1 else "*" * len(name)


# --- pricing --------------------------------------------------------------------------


@dataclass(frozen=True)
class Price:
    """A quote with the parts the keeper reads out to the villager.

    ``first_fen + steps × additional_fen == quote.fee``: 首重 1kg 12.00元 + 续重 2 × 1kg
    × 5.00元. Shown live at the counter, so the villager hears the fee before paying.
    """

    quote: Quote
    province: str
    weight: Grams
    zone_name: str
    first_weight_g: int
    first_fen: Fen
    steps: int
    step_g: int
    additional_fen: Fen

    @property
    def fee(self) -> Fen:
        return self.quote.fee


def price(
    courier: str, province: str, weight: Grams | str, tariffs: Tariffs | None = None
) -> Price:
    """What sending costs, with its parts; refusals are OrderErrors naming the field.

    The same computation ``accept`` charges, so the fee on screen is the fee recorded.
    """
    table = active_tariffs() if tariffs is None else tariffs
    full_name = _on_field("province", lambda: table.province(province))
    grams = _on_field("weight", lambda: _weight(weight))
    tariff = _on_field("courier", lambda: table.courier(courier))
    zone = _on_field("province", lambda: table.zone(full_name))
    billable = _on_field("weight", lambda: tariff.billable_g(grams))
    zone_price = tariff.prices[zone]
    return Price(
        quote=Quote(fee=tariff.fee(zone, billable), billable_g=billable, zone=zone),
        province=full_name,
        weight=grams,
        zone_name=table.zone_names[zone],
        first_weight_g=tariff.first_weight_g,
        first_fen=Fen(zone_price.first_fen),
        steps=(billable - tariff.first_weight_g) // tariff.step_g,
        step_g=tariff.step_g,
        additional_fen=Fen(zone_price.additional_fen),
    )


# --- accepting ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    """An order that passed every check, in the form it is stored."""

    province: str
    city: str
    address: str
    recipient_name: str
    recipient_phone: str
    sender_name: str
    sender_phone: str
    weight: Grams
    payment_method: PaymentMethod
    quote: Quote


def accept(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    order: ShipmentOrder,
    tariffs: Tariffs | None = None,
) -> ShipmentView:
    """Accept a parcel for sending at the fee the tariff table gives; all checks first."""
    table = active_tariffs() if tariffs is None else tariffs
    checked = _check_order(order, table)
    shipment_uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="shipment.accepted",
        payload={
            "shipment": shipment_uid,
            "courier": order.courier,
            "province": checked.province,
            "city": checked.city,
            "weight_g": checked.weight.grams,
            "billable_g": checked.quote.billable_g,
            "fee_fen": checked.quote.fee.fen,
            "payment_method": checked.payment_method.value,
            "zone": checked.quote.zone,
            "tariff_version": table.version,
        },
    )
    row = _new_row(
        shipment_uid,
        courier=order.courier,
        checked=checked,
        now=clock.now(),
        actor=actor,
        entry_id=entry.entry_id,
    )
    session.add(row)
    session.flush()
    return ShipmentView.of(row)


def _new_row(
    shipment_uid: str,
    *,
    courier: str,
    checked: _Checked,
    now: datetime,
    actor: OperatorInfo,
    entry_id: str,
) -> Shipment:
    return Shipment(
        uid=shipment_uid,
        courier=courier,
        province=checked.province,
        city=checked.city,
        address=checked.address,
        recipient_name=checked.recipient_name,
        recipient_phone=checked.recipient_phone,
        sender_name=checked.sender_name,
        sender_phone=checked.sender_phone,
        weight_g=checked.weight.grams,
        billable_g=checked.quote.billable_g,
        fee_fen=checked.quote.fee.fen,
        payment_method=checked.payment_method.value,
        status=ShipmentStatus.ACCEPTED.value,
        accepted_at=now,
        accepted_by=actor.login,
        accepted_entry=entry_id,
    )


def _check_order(order: ShipmentOrder, tariffs: Tariffs) -> _Checked:
    """Every rule an order must pass, before anything is written; in the form's order,
    so the first refusal is the first field the keeper would reach."""
    sender_name = _on_field(
        "sender_name",
        lambda: _text(
            order.sender_name, NAME_LIMIT, QT_TRANSLATE_NOOP("core", "请填写寄件人姓名。")
        ),
    )
    sender_phone = _on_field(
        "sender_phone",
        lambda: _mobile(
            order.sender_phone, QT_TRANSLATE_NOOP("core", "寄件要填寄件人完整的11位手机号。")
        ),
    )
    recipient_name = _on_field(
        "recipient_name",
        lambda: _text(
            order.recipient_name, NAME_LIMIT, QT_TRANSLATE_NOOP("core", "请填写收件人姓名。")
        ),
    )
    recipient_phone = _on_field(
        "recipient_phone",
        lambda: _mobile(
            order.recipient_phone,
            QT_TRANSLATE_NOOP("core", "寄件要填收件人完整的11位手机号。"),
        ),
    )
    province = _on_field("province", lambda: tariffs.province(order.province))
    city = _on_field(
        "city",
        lambda: _text(
            order.city, CITY_LIMIT, QT_TRANSLATE_NOOP("core", "请填写收件人所在的城市。")
        ),
    )
    address = _on_field(
        "address",
        lambda: _text(
            order.address, ADDRESS_LIMIT, QT_TRANSLATE_NOOP("core", "请填写收件人的详细地址。")
        ),
    )
    priced = price(order.courier, province, order.weight, tariffs)
    return _Checked(
        province=province,
        city=city,
        address=address,
        recipient_name=recipient_name,
        recipient_phone=recipient_phone,
        sender_name=sender_name,
        sender_phone=sender_phone,
        weight=priced.weight,
        payment_method=_on_field("payment_method", lambda: _payment_method(order.payment_method)),
        quote=priced.quote,
    )


def _text(value: str, limit: int, empty_message: str) -> str:
    """Whitespace collapsed; refused when empty or too long (never silently cut)."""
    text = " ".join(unicodedata.normalize("NFKC", value).split())
    if not text:
        raise ValidationError(empty_message)
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "“{text}…”太长了，最多{limit}个字。"),
            text=text[:12],
            limit=limit,
        )
    return text


def _mobile(value: str, message: str) -> str:
    """A full mobile number: the courier must be able to call; a tail or extension won't do."""
    phone = parse_phone(value)
    if phone is None or phone.number is None or phone.extension is not None:
        raise ValidationError(message)
    return phone.number


def _weight(value: Grams | str) -> Grams:
    return value if isinstance(value, Grams) else Grams.parse(value, default_unit="kg")


def _payment_method(value: PaymentMethod | str) -> PaymentMethod:
    try:
        return PaymentMethod(value)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "付款方式只能是现金、微信、支付宝、银行卡或赊账。")
        ) from None


# --- collection by the courier --------------------------------------------------------


def collect(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    shipment_uid: str,
    courier_tracking_number: str,
) -> ShipmentView:
    """The courier's driver takes the parcel; the waybill number they stuck on is scanned."""
    tracking = _tracking_number(courier_tracking_number)
    row = _by_uid(session, shipment_uid)
    _check_still_here(row)
    _check_tracking_unused(session, row, tracking)
    row.status = ShipmentStatus.COLLECTED.value
    row.courier_tracking_number = tracking
    row.collected_at = clock.now()
    row.collected_by = actor.login
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="shipment.collected",
        payload={"shipment": row.uid, "courier_tracking_number": tracking},
    )
    return ShipmentView.of(row)


def _tracking_number(text: str) -> str:
    """As scanned or typed: full-width folded, spaces dropped, upper case; then checked."""
    number = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if any(c not in _TRACKING_CHARS for c in number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号含有不该有的字符：{text}"), text=number[:40]
        )
    if len(number) < TRACKING_MIN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太短，可能没扫完整：{text}"), text=number
        )
    if len(number) > TRACKING_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太长，可能连着扫了两个码：{text}"), text=number[:40]
        )
    return number


def _check_still_here(row: Shipment) -> None:
    """Refuse a shipment that already left or was cancelled, saying when and by whom."""
    if row.status == ShipmentStatus.COLLECTED.value:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "这件已于{when}由{operator}交给快递员揽收（单号{tracking}）。"
            ),
            when=_when(row.collected_at),
            operator=row.collected_by or "",
            tracking=row.courier_tracking_number or "",
        )
    if row.status == ShipmentStatus.CANCELLED.value:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "这件已于{when}由{operator}取消寄件。"),
            when=_when(row.cancelled_at),
            operator=row.cancelled_by or "",
        )


def _check_tracking_unused(session: Session, row: Shipment, tracking: str) -> None:
    other = session.scalar(
        select(Shipment).where(Shipment.courier_tracking_number == tracking, Shipment.id != row.id)
    )
    if other is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "单号{tracking}已用于另一件寄件（{when}揽收），请核对快递员给的单号。"
            ),
            tracking=tracking,
            when=_when(other.collected_at),
        )


# --- cancelling -----------------------------------------------------------------------


def cancel(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    shipment_uid: str,
    reason: str,
) -> ShipmentView:
    """Cancel before the courier collects it; the fee goes back, so keepers only."""
    require(actor.role, Permission.VOID)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "取消寄件必须写明原因。"))
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "“{text}…”太长了，最多{limit}个字。"),
            text=reason[:12],
            limit=REASON_LIMIT,
        )
    row = _by_uid(session, shipment_uid)
    _check_still_here(row)
    row.status = ShipmentStatus.CANCELLED.value
    row.cancelled_at = clock.now()
    row.cancelled_by = actor.login
    row.cancel_reason = reason
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="shipment.cancelled",
        payload={
            "shipment": row.uid,
            "reason": reason,
            "fee_fen": row.fee_fen,
            "payment_method": row.payment_method,
        },
        corrects=row.accepted_entry,
    )
    return ShipmentView.of(row)


# --- reading --------------------------------------------------------------------------


def waiting_for_collection(session: Session, courier: str | None = None) -> list[ShipmentView]:
    """Accepted parcels the courier has not taken yet, oldest first (the driver's pile)."""
    query = select(Shipment).where(Shipment.status == ShipmentStatus.ACCEPTED.value)
    if courier is not None:
        query = query.where(Shipment.courier == courier)
    return [ShipmentView.of(row) for row in session.scalars(query.order_by(Shipment.id))]


def today_and_open(session: Session, day: date) -> list[ShipmentView]:
    """The counter's list: everything not yet collected (whatever day it came), and all
    accepted, collected or cancelled on ``day``; newest first.

    Open ones from earlier days stay because the driver may not have come yet; the
    finished ones of the day stay so the keeper can answer "did the driver take it?".
    """
    start, end = day_bounds(day)
    query = select(Shipment).where(
        or_(
            Shipment.status == ShipmentStatus.ACCEPTED.value,
            (Shipment.accepted_at >= start) & (Shipment.accepted_at < end),
            (Shipment.collected_at >= start) & (Shipment.collected_at < end),
            (Shipment.cancelled_at >= start) & (Shipment.cancelled_at < end),
        )
    )
    return [ShipmentView.of(row) for row in session.scalars(query.order_by(Shipment.id.desc()))]


def shipment(session: Session, shipment_uid: str) -> ShipmentView:
    """One shipment, masked, e.g. to reprint its receipt."""
    return ShipmentView.of(_by_uid(session, shipment_uid))


def _by_uid(session: Session, shipment_uid: str) -> Shipment:
    row = session.scalar(select(Shipment).where(Shipment.uid == shipment_uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这件寄件。"))
    return row


def _when(instant: datetime | None) -> str:
    return "" if instant is None else local_time(instant).strftime("%Y-%m-%d %H:%M")
