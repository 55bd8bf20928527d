"""Lots with purchases in them, written the way ``purchase.buy`` writes them (state rows
plus their ledger entries in one transaction), so the lot, trace and replay tests do not
depend on the purchase form being finished."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.produce_models import (
    ProduceLot,
    ProducePurchase,
    ProduceWeighing,
    PurchaseStatus,
)
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, lots
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.rounding import round_half_up
from station_app.core.store import Store

VILLAGE = "610305110201"
APPLE, D80, D75 = "fengxiang_apple", "d80", "d75"
PRICE_FEN, PER_GRAMS = 350, 500


def add_farmer(
    store: Store,
    who: OperatorInfo,
    name: str = "张三丰",
    *,
    phone: str = "13812345678",
    id_number: str = "610305196503122413",
    household: str = "lifted",
) -> FarmerView:
    with store.writing() as session:
        return farmers.register(
            session,
            store.clock,
            actor=who,
            form=FarmerForm(name, phone, VILLAGE, id_number, household, "cash"),
        )


def open_lot(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    product: str = APPLE,
    grade: str = D80,
) -> ProduceLot:
    """The day's open lot of the product and grade, opened (``lot.opened``) if none."""
    day = business_day(clock.now())
    return lots.lot_for(session, clock, actor=actor, product=product, grade=grade, day=day)


def buy_into(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    lot: ProduceLot,
    farmer_uid: str,
    gross_g: int,
    tare_g: int = 1500,
) -> ProducePurchase:
    """One purchase of one crate into ``lot``, paid in cash, no deductions."""
    now = clock.now()
    day = business_day(now)
    farmer = farmers.by_uid(session, farmer_uid)
    assert farmer.household is not None
    prefix = f"SG{day.strftime('%Y%m%d')}-"
    serial = session.scalar(
        select(func.count())
        .select_from(ProducePurchase)
        .where(ProducePurchase.number.startswith(prefix))
    )
    number = f"{prefix}{(serial or 0) + 1:03d}"
    net = gross_g - tare_g
    amount = round_half_up(net * PRICE_FEN, PER_GRAMS)
    purchase_uid, price_uid = str(uuid.uuid4()), str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="produce.purchased",
        payload={
            "purchase": purchase_uid,
            "number": number,
            "farmer": farmer_uid,
            "village": farmer.village_code,
            "household": farmer.household,
            "product": lot.product_code,
            "grade": lot.grade_code,
            "price": price_uid,
            "price_source": "county",
            "price_fen": PRICE_FEN,
            "per_grams": PER_GRAMS,
            "weighings": [{"gross_g": gross_g, "tare_g": tare_g, "manual": False}],
            "impurity_bp": 0,
            "moisture_bp": 0,
            "deduction_g": 0,
            "net_g": net,
            "amount_fen": amount,
            "payment": "cash",
            "lot": lot.uid,
        },
    )
    row = ProducePurchase(
        uid=purchase_uid,
        number=number,
        farmer_uid=farmer_uid,
        village_code=farmer.village_code,
        household=farmer.household,
        product_code=lot.product_code,
        grade_code=lot.grade_code,
        price_uid=price_uid,
        price_source="county",
        price_fen=PRICE_FEN,
        per_grams=PER_GRAMS,
        gross_g=gross_g,
        tare_g=tare_g,
        impurity_bp=0,
        moisture_bp=0,
        deduction_g=0,
        net_g=net,
        amount_fen=amount,
        payment_method="cash",
        status=PurchaseStatus.PAID.value,
        manual=False,
        lot_uid=lot.uid,
        business_day=day.isoformat(),
        purchased_at=now,
        purchased_by=actor.login,
        entry=entry.entry_id,
    )
    session.add(row)
    session.flush()
    session.add(
        ProduceWeighing(
            purchase_id=row.id, position=0, gross_g=gross_g, tare_g=tare_g, manual=False
        )
    )
    lot.purchased_g += net
    session.flush()
    return row


def lot_with_purchases(
    store: Store, who: OperatorInfo, farmer_uid: str, *crates_g: int, grade: str = D80
) -> str:
    """Purchases of one crate each into the day's open lot of ``grade`` (opened by the
    first, as ``buy`` does); the lot's uid."""
    with store.writing() as session:
        lot = open_lot(session, store.clock, actor=who, grade=grade)
        for gross in crates_g:
            buy_into(session, store.clock, actor=who, lot=lot, farmer_uid=farmer_uid, gross_g=gross)
        return lot.uid
