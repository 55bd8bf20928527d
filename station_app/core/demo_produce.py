"""The demo's produce counter this morning: farmers, the day's prices, purchases by crate,
a lot split and shipped, and a farmer owed money who also owes the station for fertiliser.

So the 收购 page shows a working station: every household status (and one farmer whose
status the keeper has not filled in, who cannot sell until it is), cash, transfer and
owed purchases, a hand-typed crate, and a nettable agent order (王德明's 复合肥 from the
counter demo). The county's own price list arrives with the demo county's first sync.
Written after the counter demo, in the same open period, never in the future.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, lot_actions, prices, purchase
from station_app.core.produce.catalogue import Catalogue, catalogue_in_use
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store

STEP = timedelta(minutes=3)
APPLE = "fengxiang_apple"
PEPPER = "sichuan_pepper"

FARMERS = (
    ("张建军", "13700001234", "610303197203151214", "lifted", "cash"),
    ("刘秀英", "13700002345", None, "monitored", "wechat"),
    ("王德明", "13900003333", None, "normal", "owed"),
    ("陈桂芳", "13700004567", None, "normal", "alipay"),
    ("杨小平", None, None, "lifted", "cash"),
    ("赵国华", "13700006789", None, None, "cash"),  # status not filled in yet
)

DAY_PRICES = (
    (APPLE, "d80", "3.80", 500),
    (APPLE, "d75", "3.20", 500),
    (APPLE, "d70", "2.60", 500),
    (APPLE, "mixed", "1.80", 500),
    (PEPPER, "first", "68", 500),
)


def seed_produce(store: Store, keeper: OperatorInfo, now: datetime, village: str) -> None:
    clock = FixedClock(now - timedelta(minutes=45))
    with store.writing() as session:
        catalogue = catalogue_in_use(session)
        made = [_register(session, clock, keeper, village, farmer) for farmer in FARMERS]
        for product, grade, price, per_grams in DAY_PRICES:
            clock.advance(timedelta(seconds=20))
            prices.set_day_price(
                session,
                clock,
                actor=keeper,
                product=product,
                grade=grade,
                price=price,
                per_grams=per_grams,
                catalogue=catalogue,
            )
    zhang, liu, wang, chen, yang, _ = made
    crate = 1500
    _buy(
        store,
        clock,
        keeper,
        farmer=zhang,
        product=APPLE,
        grade="d80",
        crates=[(21300, crate), (20850, crate)],
        payment="cash",
    )
    _buy(
        store,
        clock,
        keeper,
        farmer=liu,
        product=APPLE,
        grade="d80",
        crates=[(19900, crate)],
        payment="wechat",
    )
    _buy(
        store,
        clock,
        keeper,
        farmer=wang,
        product=APPLE,
        grade="d75",
        crates=[(22400, crate), (21950, crate)],
        payment="owed",
    )
    _buy(
        store,
        clock,
        keeper,
        farmer=chen,
        product=APPLE,
        grade="d75",
        crates=[(18650, crate)],
        payment="alipay",
        manual=True,
    )
    _buy(
        store,
        clock,
        keeper,
        farmer=yang,
        product=APPLE,
        grade="mixed",
        crates=[(25600, crate)],
        payment="cash",
    )
    _buy(
        store,
        clock,
        keeper,
        farmer=wang,
        product=PEPPER,
        grade="first",
        crates=[(6420, 220)],
        payment="owed",
        moisture_bp=100,
    )
    _lots(store, clock, keeper)


def _register(
    session: Session,
    clock: FixedClock,
    keeper: OperatorInfo,
    village: str,
    farmer: tuple[str, str | None, str | None, str | None, str],
) -> str:
    name, phone, id_number, household, pay = farmer
    clock.advance(timedelta(seconds=40))
    form = farmers.FarmerForm(
        name=name,
        phone=phone or "",
        village_code=village,
        id_number=id_number or "",
        household=household,
        pay_preference=pay,
    )
    return farmers.register(session, clock, actor=keeper, form=form).uid


def _buy(
    store: Store,
    clock: FixedClock,
    keeper: OperatorInfo,
    *,
    farmer: str,
    product: str,
    grade: str,
    crates: list[tuple[int, int]],
    payment: str,
    manual: bool = False,
    moisture_bp: int = 0,
) -> None:
    clock.advance(STEP)
    order = purchase.PurchaseOrder(
        farmer_uid=farmer,
        product=product,
        grade=grade,
        weighings=[WeighingInput(gross, tare, manual) for gross, tare in crates],
        impurity_bp=0,
        moisture_bp=moisture_bp,
        payment=payment,
    )
    with store.writing() as session:
        catalogue: Catalogue = catalogue_in_use(session)
        purchase.buy(session, clock, actor=keeper, order=order, catalogue=catalogue)


def _lots(store: Store, clock: FixedClock, keeper: OperatorInfo) -> None:
    """The 80mm apples: 20 kg weighed out for a buyer, who takes it away at once."""
    clock.advance(STEP)
    with store.writing() as session:
        apples = next(
            lot
            for lot in lot_actions.open_and_held_lots(session)
            if lot.product_code == APPLE and lot.grade_code == "d80"
        )
        (child,) = lot_actions.split(
            session, clock, actor=keeper, lot_uid=apples.uid, parts_g=[20_000]
        )
        clock.advance(STEP)
        lot_actions.ship(
            session,
            clock,
            actor=keeper,
            lot_uid=child.uid,
            to_kind="buyer",
            to_name="凤翔果品批发市场",
        )
