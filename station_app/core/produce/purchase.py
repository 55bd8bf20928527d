"""Buying produce from a farmer (收购): weighed, priced, paid or owed, into the day's lot.

One purchase is one transaction: every check first, in the order of the counter form
(farmer, product, grade, weighings and deductions, payment, the day's price), then the
lot (opened with ``lot.opened`` if it is the day's first of that grade), the
``produce.purchased`` entry and the rows. The entry carries every weighing and the
farmer's household status and village as they are now, so the county can recompute the
amount and count the 帮扶 figures without asking who the farmer is.

A wrong purchase is voided by a keeper, never edited: its money is reversed by the cash
book (the void names the purchase entry), its weight leaves the lot. Not once the lot was
split or shipped (the weight is gone from the station), nor once it was settled.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from station_app.core import corrections, ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.produce_models import (
    Farmer,
    LotStatus,
    ProduceLot,
    ProducePrice,
    ProducePurchase,
    ProduceWeighing,
    PurchaseStatus,
)
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.phones import mask
from station_app.core.permissions import Permission, require
from station_app.core.produce import lots, weighing
from station_app.core.produce.catalogue import Catalogue, catalogue_in_use
from station_app.core.produce.errors import ProduceError, on_produce_field
from station_app.core.produce.prices import PriceQuote, price_for
from station_app.core.produce.weighing import Deductions, Totals, WeighingInput
from station_app.core.replay_base import PLACEHOLDER

PAYMENTS = ("cash", "wechat", "alipay", "bank", "owed")
"""Paid now by one of the station's money methods, or owed (赊账) until a settlement."""
REASON_LIMIT = 200


@dataclass(frozen=True)
class PurchaseOrder:
    """What the keeper filled in at the scale: codes from the catalogue, the crates as
    weighed, the deductions in basis points (``weighing.parse_percent``)."""

    farmer_uid: str
    product: str
    grade: str
    weighings: Sequence[WeighingInput]
    impurity_bp: int
    moisture_bp: int
    payment: str


@dataclass(frozen=True)
class PurchaseView:
    """A purchase as the receipt and the counter show it: the farmer's phone masked."""

    uid: str
    number: str
    business_day: str
    purchased_at: datetime
    purchased_by: str
    farmer_uid: str
    farmer_name: str
    farmer_phone: str
    village_code: str
    household: str
    product: str
    product_name: str
    grade: str
    grade_name: str
    weighings: tuple[WeighingInput, ...]
    impurity_bp: int
    moisture_bp: int
    totals: Totals
    price_uid: str
    price_source: str
    price_fen: int
    per_grams: int
    payment: str
    status: PurchaseStatus
    trace_code: str
    lot_uid: str
    manual: bool
    settlement_uid: str | None = None
    voided_at: datetime | None = None
    void_reason: str | None = None

    @property
    def amount(self) -> Fen:
        return Fen(self.totals.amount_fen)

    @property
    def price(self) -> Fen:
        return Fen(self.price_fen)

    @property
    def net_g(self) -> int:
        return self.totals.net_g

    @property
    def trace_code_text(self) -> str:
        return lots.format_trace_code(self.trace_code) if self.trace_code else ""


# --- buying ------------------------------------------------------------------------------


def buy(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    order: PurchaseOrder,
    catalogue: Catalogue,
) -> PurchaseView:
    """Buy: checked in the form's order, nothing written before every check passed."""
    farmer = on_produce_field("farmer", lambda: _seller(session, order.farmer_uid))
    product = on_produce_field("product", lambda: catalogue.product(order.product))
    on_produce_field("grade", lambda: product.grade(order.grade))
    deductions = Deductions(order.impurity_bp, order.moisture_bp)
    weighings = tuple(order.weighings)
    weighing.weights(weighings, deductions)
    on_produce_field("payment", lambda: _payment(order.payment))
    now = clock.now()
    day = business_day(now)
    quote = price_for(session, product.code, order.grade, day)
    totals = weighing.totals(weighings, deductions, quote.price_fen, quote.per_grams)
    lot = lots.lot_for(
        session, clock, actor=actor, product=product.code, grade=order.grade, day=day
    )
    purchase_uid, number = str(uuid.uuid4()), _next_number(session, day)
    payload = _payload(
        order, farmer, quote, purchase_uid=purchase_uid, number=number, totals=totals, lot=lot.uid
    )
    entry = ledger.append(
        session, clock, operator=actor.login, event_type="produce.purchased", payload=payload
    )
    row = add_purchase(
        session,
        payload,
        entry_id=entry.entry_id,
        at=now,
        by=actor.login,
        day=day.isoformat(),
        lot=lot,
    )
    # Built from what is in hand, not read back: the counter waits for this.
    return _view(row, farmer, lot, {row.id: list(weighings)}, catalogue)


def add_purchase(
    session: Session,
    payload: Mapping[str, Any],
    *,
    entry_id: str,
    at: datetime,
    by: str,
    day: str,
    lot: ProduceLot | None = None,
) -> ProducePurchase:
    """The rows a ``produce.purchased`` entry stands for: the purchase, its weighings,
    the lot's weight and the price marked used. Shared with the replay, so a rebuilt
    store holds exactly what the original did."""
    weighings = payload["weighings"]
    row = ProducePurchase(
        uid=payload["purchase"],
        number=payload["number"],
        farmer_uid=payload["farmer"],
        village_code=payload["village"],
        household=payload["household"],
        product_code=payload["product"],
        grade_code=payload["grade"],
        price_uid=payload["price"],
        price_source=payload["price_source"],
        price_fen=payload["price_fen"],
        per_grams=payload["per_grams"],
        gross_g=sum(w["gross_g"] for w in weighings),
        tare_g=sum(w["tare_g"] for w in weighings),
        impurity_bp=payload["impurity_bp"],
        moisture_bp=payload["moisture_bp"],
        deduction_g=payload["deduction_g"],
        net_g=payload["net_g"],
        amount_fen=payload["amount_fen"],
        payment_method=payload["payment"],
        status=(PurchaseStatus.OWED if payload["payment"] == "owed" else PurchaseStatus.PAID).value,
        manual=any(w["manual"] for w in weighings),
        lot_uid=payload["lot"],
        business_day=day,
        purchased_at=at,
        purchased_by=by,
        entry=entry_id,
    )
    session.add(row)
    session.flush()
    session.add_all(
        ProduceWeighing(
            purchase_id=row.id,
            position=position,
            gross_g=w["gross_g"],
            tare_g=w["tare_g"],
            manual=w["manual"],
        )
        for position, w in enumerate(weighings)
    )
    lot = lot if lot is not None else _lot(session, row.lot_uid)
    if lot is not None:
        lot.purchased_g += row.net_g
    session.execute(
        update(ProducePrice)
        .where(ProducePrice.uid == row.price_uid, ProducePrice.first_used_at.is_(None))
        .values(first_used_at=at)
    )
    session.flush()
    return row


def _payload(
    order: PurchaseOrder,
    farmer: Farmer,
    quote: PriceQuote,
    *,
    purchase_uid: str,
    number: str,
    totals: Totals,
    lot: str,
) -> dict[str, Any]:
    assert farmer.household is not None  # _seller refused a farmer without one
    return {
        "purchase": purchase_uid,
        "number": number,
        "farmer": farmer.uid,
        "village": farmer.village_code,
        "household": farmer.household,
        "product": order.product,
        "grade": order.grade,
        "price": quote.uid,
        "price_source": quote.source,
        "price_fen": quote.price_fen,
        "per_grams": quote.per_grams,
        "weighings": [
            {"gross_g": w.gross_g, "tare_g": w.tare_g, "manual": bool(w.manual)}
            for w in order.weighings
        ],
        "impurity_bp": order.impurity_bp,
        "moisture_bp": order.moisture_bp,
        "deduction_g": totals.deduction_g,
        "net_g": totals.net_g,
        "amount_fen": totals.amount_fen,
        "payment": order.payment,
        "lot": lot,
    }


def _seller(session: Session, farmer_uid: str) -> Farmer:
    farmer = session.scalar(select(Farmer).where(Farmer.uid == farmer_uid))
    if farmer is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这位农户，请先在农户资料里登记。"))
    if farmer.household is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "请先在农户资料里填写户类型（普通、脱贫户或监测对象），再收购。"
            )
        )
    return farmer


def _payment(value: str) -> str:
    if value not in PAYMENTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "付款方式只能是现金、微信、支付宝、银行转账或赊账。")
        )
    return value


def _next_number(session: Session, day: date) -> str:
    """SG20261123-001: the day's highest serial plus one, read from the day's rows only
    (the business-day index), longest first so that -1000 comes after -999."""
    last = session.scalar(
        select(ProducePurchase.number)
        .where(ProducePurchase.business_day == day.isoformat())
        .order_by(func.length(ProducePurchase.number).desc(), ProducePurchase.number.desc())
        .limit(1)
    )
    serial = 0 if last is None else int(last.rsplit("-", 1)[1])
    return f"SG{day:%Y%m%d}-{serial + 1:03d}"


# --- voiding -----------------------------------------------------------------------------


def void_purchase(
    session: Session, clock: Clock, *, actor: OperatorInfo, purchase_uid: str, reason: str
) -> PurchaseView:
    """Void a purchase (keepers): ``entry.voided`` names its entry, the cash book reverses
    its money, its weight leaves the lot."""
    require(actor.role, Permission.VOID)
    row = _by_uid(session, purchase_uid)
    _require_voidable(session, row)
    why = on_produce_field("reason", lambda: _reason(reason))
    corrections.void(session, clock, actor=actor, entry_id=row.entry, reason=why)
    apply_void(session, row, clock.now(), why)
    return purchase_view(session, row.uid)


def apply_void(session: Session, row: ProducePurchase, at: datetime, reason: str) -> None:
    """The state a void leaves (shared with the replay of ``entry.voided``)."""
    if row.status == PurchaseStatus.VOIDED.value:
        return
    row.status = PurchaseStatus.VOIDED.value
    row.voided_at, row.void_reason = at, reason
    lot = _lot(session, row.lot_uid)
    if lot is not None:
        lot.purchased_g = max(0, lot.purchased_g - row.net_g)
    session.flush()


def _require_voidable(session: Session, row: ProducePurchase) -> None:
    if row.status == PurchaseStatus.VOIDED.value:
        raise ProduceError(
            "purchase",
            ValidationError(
                QT_TRANSLATE_NOOP("core", "收购单{number}已经作废了。"), number=row.number
            ),
        )
    if row.status == PurchaseStatus.SETTLED.value:
        raise ProduceError(
            "purchase",
            ValidationError(
                QT_TRANSLATE_NOOP("core", "收购单{number}已经结清，不能作废。"), number=row.number
            ),
        )
    lot = _lot(session, row.lot_uid)
    if lot is None or lot.status != LotStatus.OPEN.value or lot.split_out_g or lot.shipped_g:
        raise ProduceError(
            "purchase",
            ValidationError(
                QT_TRANSLATE_NOOP("core", "这笔收购所在的批次已拆分或发运，不能作废。")
            ),
        )


def _reason(text: str) -> str:
    reason = " ".join(text.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "作废必须写明原因。"))
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "“{text}…”太长了，最多{limit}个字。"),
            text=reason[:12],
            limit=REASON_LIMIT,
        )
    return reason


# --- reading -----------------------------------------------------------------------------


def purchase_view(session: Session, uid: str) -> PurchaseView:
    return views_of(session, [_by_uid(session, uid)])[0]


def purchases_of_day(session: Session, day: date | str) -> list[PurchaseView]:
    """The day's purchases in the order they were made, voided ones included (marked)."""
    iso = day.isoformat() if isinstance(day, date) else day
    rows = session.scalars(
        select(ProducePurchase)
        .where(ProducePurchase.business_day == iso)
        .order_by(ProducePurchase.id)
    )
    return views_of(session, list(rows))


def views_of(session: Session, rows: Sequence[ProducePurchase]) -> list[PurchaseView]:
    """Views of many purchases with one query per table, not per purchase."""
    if not rows:
        return []
    catalogue = catalogue_in_use(session)
    farmers = _by(session, Farmer, Farmer.uid, {row.farmer_uid for row in rows})
    lot_rows = _by(session, ProduceLot, ProduceLot.uid, {row.lot_uid for row in rows})
    crates: dict[int, list[WeighingInput]] = {}
    for crate in session.scalars(
        select(ProduceWeighing)
        .where(ProduceWeighing.purchase_id.in_([row.id for row in rows]))
        .order_by(ProduceWeighing.purchase_id, ProduceWeighing.position)
    ):
        crates.setdefault(crate.purchase_id, []).append(
            WeighingInput(crate.gross_g, crate.tare_g, crate.manual)
        )
    return [
        _view(row, farmers.get(row.farmer_uid), lot_rows.get(row.lot_uid), crates, catalogue)
        for row in rows
    ]


def _by(session: Session, model: Any, column: Any, uids: Iterable[str]) -> dict[str, Any]:
    return {found.uid: found for found in session.scalars(select(model).where(column.in_(uids)))}


def _view(
    row: ProducePurchase,
    farmer: Farmer | None,
    lot: ProduceLot | None,
    crates: dict[int, list[WeighingInput]],
    catalogue: Catalogue,
) -> PurchaseView:
    product_name, grade_name = catalogue.names(row.product_code, row.grade_code)
    return PurchaseView(
        uid=row.uid,
        number=row.number,
        business_day=row.business_day,
        purchased_at=row.purchased_at,
        purchased_by=row.purchased_by,
        farmer_uid=row.farmer_uid,
        farmer_name=PLACEHOLDER if farmer is None else farmer.name,
        farmer_phone=(mask(farmer.phone) if farmer is not None else "") or PLACEHOLDER,
        village_code=row.village_code,
        household=row.household,
        product=row.product_code,
        product_name=product_name,
        grade=row.grade_code,
        grade_name=grade_name,
        weighings=tuple(crates.get(row.id, ())),
        impurity_bp=row.impurity_bp,
        moisture_bp=row.moisture_bp,
        totals=Totals(
            row.gross_g,
            row.tare_g,
            row.gross_g - row.tare_g,
            row.deduction_g,
            row.net_g,
            row.amount_fen,
        ),
        price_uid=row.price_uid,
        price_source=row.price_source,
        price_fen=row.price_fen,
        per_grams=row.per_grams,
        payment=row.payment_method,
        status=PurchaseStatus(row.status),
        trace_code="" if lot is None else lot.trace_code,
        lot_uid=row.lot_uid,
        manual=row.manual,
        settlement_uid=row.settlement_uid,
        voided_at=row.voided_at,
        void_reason=row.void_reason,
    )


def _by_uid(session: Session, uid: str) -> ProducePurchase:
    row = session.scalar(select(ProducePurchase).where(ProducePurchase.uid == uid))
    if row is None:
        raise ProduceError(
            "purchase", ValidationError(QT_TRANSLATE_NOOP("core", "找不到这笔收购。"))
        )
    return row


def _lot(session: Session, lot_uid: str) -> ProduceLot | None:
    return session.scalar(select(ProduceLot).where(ProduceLot.uid == lot_uid))
