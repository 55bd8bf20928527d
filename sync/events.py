"""The event types a ledger may hold, and the payload schema of each.

Shared by both ends: the station refuses to append a payload its schema rejects, and
the county checks it again on ingest. Schemas are strict (no coercion, no extra
fields, integers never accepted as floats) because a county report is only as good as
what went into it. A change to a payload's meaning is a new schema version.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StationCreated(Payload):
    name: str = Field(min_length=1, max_length=60)
    level: Literal["village", "township"]
    division_code: str = Field(pattern=r"^[0-9]{12}$")
    install_id: str = Field(min_length=36, max_length=36)


class StationTakenOver(Payload):
    """A new PC took over the station after rebuilding it from the county's copy: the
    install that writes from here on (the county bound its credential to it)."""

    install_id: str = Field(min_length=36, max_length=36)
    app_version: str = Field(min_length=1, max_length=32)


class OperatorCreated(Payload):
    login: str = Field(min_length=1, max_length=32)
    display_name: str = Field(min_length=1, max_length=40)
    role: Literal["keeper", "assistant"]


class OperatorRef(Payload):
    """Events about an operator that carry nothing but who: never the password."""

    login: str = Field(min_length=1, max_length=32)


class PreferenceChanged(Payload):
    key: str = Field(min_length=1, max_length=64)
    value: str = Field(max_length=1000)


class EntryVoided(Payload):
    """Voids the entry named by the ledger entry's ``corrects``."""

    reason: str = Field(min_length=1, max_length=200)


class ParcelCheckedIn(Payload):
    """No phone, name or address: the county counts parcels, it does not need villagers'
    numbers (DESIGN.md, Privacy). The local store keeps them."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    courier: str = Field(min_length=2, max_length=16)
    pickup_code: str = Field(min_length=5, max_length=16)
    consent: bool | None = None


class ParcelPickedUp(Payload):
    """``photo_sha256``: the hand-over photo's hash (lower-case hex), when one was taken;
    the photo stays on the station. Left out of the payload, not null, without a photo,
    so entries from before the field existed validate and hash unchanged."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    confirmed_by_scan: bool
    photo_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class ParcelReturned(Payload):
    """Given back to the courier (退件): refused, unclaimed too long, or misdelivered."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    reason: Literal["refused", "overdue", "misdelivered", "damaged", "other"]
    note: str = Field(default="", max_length=200)


class ParcelCourierCorrected(Payload):
    """Names the check-in entry it corrects (``corrects``)."""

    parcel: str = Field(min_length=36, max_length=36)
    courier: str = Field(min_length=2, max_length=16)


ShelfCode = Annotated[str, Field(pattern=r"^(?:[1-9][0-9]?|[A-Z])$")]


class StocktakeStarted(Payload):
    """A count of the shelves (盘点) begun: which shelves (none listed = all of them) and
    how many parcels the record says are on them."""

    stocktake: str = Field(min_length=36, max_length=36)
    shelves: list[ShelfCode] = Field(max_length=60)
    expected: int = Field(ge=0)


class StocktakeFinished(Payload):
    """The count's outcome. Single scans are not on the ledger (the county needs the
    result, not every beep), so the counts here are what a report is built from."""

    stocktake: str = Field(min_length=36, max_length=36)
    expected: int = Field(ge=0)
    scanned: int = Field(ge=0)
    duplicate_scans: int = Field(ge=0)
    missing: int = Field(ge=0)
    found: int = Field(ge=0)
    lost: int = Field(ge=0)
    wrong_shelf: int = Field(ge=0)
    reshelved: int = Field(ge=0)
    relocated: int = Field(ge=0)
    unknown: int = Field(ge=0)
    checked_in: int = Field(ge=0)
    set_aside: int = Field(ge=0)
    unresolved: int = Field(ge=0)


class StocktakeParcelReshelved(Payload):
    """A parcel found on the wrong shelf and put back where its pickup code says."""

    stocktake: str = Field(min_length=36, max_length=36)
    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    found_shelf: ShelfCode
    found_tier: int | None = Field(default=None, ge=1, le=9)


class ParcelLost(Payload):
    """Missing in a stocktake and given up on: off the shelf, its notices cancelled."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    stocktake: str = Field(min_length=36, max_length=36)


class ParcelRelocated(Payload):
    """Recorded where a stocktake found it, with a new pickup code for that place (the
    code says where the parcel is, so it cannot keep the old one)."""

    parcel: str = Field(min_length=36, max_length=36)
    tracking_number: str = Field(min_length=8, max_length=32)
    pickup_code: str = Field(min_length=5, max_length=16)
    old_pickup_code: str = Field(min_length=5, max_length=16)
    stocktake: str = Field(min_length=36, max_length=36)


PaymentMethodName = Literal["cash", "wechat", "alipay", "bank", "owed"]


class ShipmentAccepted(Payload):
    """A parcel accepted for sending (寄件). No names, phones or street address: the
    county counts shipments and fees by courier and destination; the station keeps the
    rest (DESIGN.md, Privacy). ``tariff_version`` and ``zone`` let the county check the
    fee, which the station computes and never lets anyone type."""

    shipment: str = Field(min_length=36, max_length=36)
    courier: str = Field(min_length=2, max_length=16)
    province: str = Field(min_length=2, max_length=16)
    city: str = Field(min_length=1, max_length=40)
    weight_g: int = Field(gt=0)
    billable_g: int = Field(gt=0)
    fee_fen: int = Field(ge=0)
    payment_method: PaymentMethodName
    zone: int = Field(ge=1)
    tariff_version: int = Field(ge=1)


class ShipmentCollected(Payload):
    """Handed to the courier's driver (揽收), with the courier's own tracking number."""

    shipment: str = Field(min_length=36, max_length=36)
    courier_tracking_number: str = Field(min_length=8, max_length=32)


class ShipmentCancelled(Payload):
    """Names the ``shipment.accepted`` entry it corrects (``corrects``); the fee goes back
    to the sender by the way it was paid (or the debt is dropped when ``owed``)."""

    shipment: str = Field(min_length=36, max_length=36)
    reason: str = Field(min_length=1, max_length=200)
    fee_fen: int = Field(ge=0)
    payment_method: PaymentMethodName


# --- The cash book (钱箱) and the day close (日结) ---------------------------------------

MoneyMethod = Literal["cash", "wechat", "alipay", "bank"]
MAX_AMOUNT_FEN = 100_000_000
"""一百万元: beyond anything a village counter sees in one action, so a slip of the
keyboard (an extra three zeros) is refused rather than booked."""
MethodTotals = Annotated[
    dict[MoneyMethod, Annotated[int, Field(ge=-MAX_AMOUNT_FEN * 100, le=MAX_AMOUNT_FEN * 100)]],
    Field(max_length=4),
]


class PettyCash(Payload):
    """Money into or out of the drawer that no other module records (零钱备用金, 买水电,
    a float brought from home), always with the reason the keeper gave."""

    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod
    reason: str = Field(min_length=1, max_length=200)


class DayClosed(Payload):
    """A 日结: everything after the previous close's entry up to this one. ``expected`` is
    the book's figure per method (the opening cash included), ``counted`` the keeper's;
    the difference is kept as it is. The next day opens with ``counted["cash"]``."""

    business_day: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    opening_cash_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    expected: MethodTotals
    counted: MethodTotals
    note: str = Field(default="", max_length=200)
    carried_over: list[Annotated[str, Field(min_length=36, max_length=36)]] = Field(max_length=500)
    """The bill payments still 待缴 / 处理中 at the close, which the keeper confirmed are
    carried over to the next day."""


# --- Manifests (交接单): township bags, routes and manifests, village reconciliation ----

Uid = Annotated[str, Field(min_length=36, max_length=36)]
DivisionCode = Annotated[str, Field(pattern=r"^[0-9]{12}$")]
TrackingNumber = Annotated[str, Field(min_length=8, max_length=32)]
TrackingNumbers = Annotated[list[TrackingNumber], Field(max_length=2000)]


class RouteStopPayload(Payload):
    name: str = Field(min_length=1, max_length=60)
    division_code: DivisionCode
    station_id: str | None = Field(default=None, min_length=36, max_length=36)


class RouteSaved(Payload):
    """The whole route as saved (线路): its code, name and village stops in order."""

    code: str = Field(min_length=1, max_length=16)
    name: str = Field(min_length=1, max_length=40)
    stops: list[RouteStopPayload] = Field(max_length=200)


class RouteRemoved(Payload):
    code: str = Field(min_length=1, max_length=16)


class BagOpened(Payload):
    """A bag from the county logistics centre, against a list (its hash) or blind."""

    bag: Uid
    label: str = Field(min_length=1, max_length=40)
    source: Literal["list", "blind"]
    expected: int = Field(ge=0)
    list_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class BagParcelReceived(Payload):
    """Custody: this parcel was scanned out of the bag at the township. No phone."""

    bag: Uid
    tracking_number: str = Field(min_length=8, max_length=32)
    courier: str = Field(min_length=2, max_length=16)
    expected: bool
    destination: str | None = Field(default=None, pattern=r"^[0-9]{12}$")


class BagParcelSorted(Payload):
    """A received parcel put to a village's pile (or moved to another)."""

    bag: Uid
    tracking_number: str = Field(min_length=8, max_length=32)
    destination: DivisionCode
    route: str = Field(min_length=1, max_length=16)


class BagClosed(Payload):
    """The bag's report: the missing numbers are what a dispute with the county is about."""

    bag: Uid
    expected: int = Field(ge=0)
    received: int = Field(ge=0)
    missing: int = Field(ge=0)
    extra: int = Field(ge=0)
    missing_tracking_numbers: TrackingNumbers
    extra_tracking_numbers: TrackingNumbers


class ManifestDispatched(Payload):
    """Custody handed on: which parcels left for which village on which manifest."""

    manifest: Uid
    number: str = Field(min_length=1, max_length=24)
    to_station_id: str | None = Field(default=None, min_length=36, max_length=36)
    to_name: str = Field(min_length=1, max_length=60)
    to_division_code: DivisionCode
    route: str = Field(min_length=1, max_length=16)
    parcel_count: int = Field(ge=1)
    tracking_numbers: TrackingNumbers


class ManifestImported(Payload):
    """A village took a manifest on record; ``content_hash`` names the exact file."""

    manifest: Uid
    number: str = Field(min_length=1, max_length=24)
    from_station_id: Uid
    from_name: str = Field(min_length=1, max_length=60)
    parcel_count: int = Field(ge=1)
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    tracking_numbers: TrackingNumbers


class ManifestReconciled(Payload):
    """The village's discrepancy report, frozen when the keeper closes the manifest."""

    manifest: Uid
    number: str = Field(min_length=1, max_length=24)
    expected: int = Field(ge=0)
    arrived: int = Field(ge=0)
    missing: int = Field(ge=0)
    extra: int = Field(ge=0)
    wrong_route: int = Field(ge=0)
    missing_tracking_numbers: TrackingNumbers
    extra_tracking_numbers: TrackingNumbers
    wrong_route_tracking_numbers: TrackingNumbers


# --- Bill payments (代缴费 / 充值) ----------------------------------------------------------

BillerCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")]


class BillRecorded(Payload):
    """Money taken for a bill before it is paid (待缴). Never the account number (an ID
    number for 医保 and 养老, a phone for top-ups): at most its last few characters,
    ``account_tail``, so the county can help trace a payment. ``billers_version`` lets the
    county check the fee against the rule it published."""

    payment: Uid
    biller: BillerCode
    billers_version: int = Field(ge=1)
    account_tail: str = Field(pattern=r"^[0-9A-Z]{0,4}$")
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    fee_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    payment_method: MoneyMethod


class BillSubmitted(Payload):
    """Paid on the biller's own site or app (处理中), the result not known yet."""

    payment: Uid


class BillSucceeded(Payload):
    """The biller confirmed the payment; ``reference`` is its transaction number."""

    payment: Uid
    reference: str = Field(min_length=1, max_length=40)


class BillFailed(Payload):
    """Names the ``bill.recorded`` entry it corrects (``corrects``); amount and fee went
    back to the customer by the way they were paid."""

    payment: Uid
    reason: str = Field(min_length=1, max_length=200)
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    fee_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    payment_method: MoneyMethod


# --- Agent orders (代购) ---------------------------------------------------------------

OrderPlatform = Literal["pinduoduo", "jd", "taobao", "gongxiao", "other"]
MAX_ORDER_QUANTITY = 999
MAX_ORDER_ITEMS = 20


def _method_with_money(amount_fen: int, method: str | None) -> None:
    """A method says how money moved, so it is there exactly when money moved."""
    if (amount_fen > 0) != (method is not None):
        raise ValueError("method is given exactly when amount_fen > 0")


class OrderItem(Payload):
    """One line of an agent order: goods, not people (no name, phone or address)."""

    description: str = Field(min_length=1, max_length=60)
    platform: OrderPlatform
    quantity: int = Field(ge=1, le=MAX_ORDER_QUANTITY)
    unit_price_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)


class OrderRegistered(Payload):
    """An agent order taken at the counter (代购登记). The villager's name and phone stay
    on the station. ``amount_fen`` is the deposit (订金) taken now, by ``method`` (left
    out when nothing was taken); the county can check the total from the items."""

    order: Uid
    number: str = Field(pattern=r"^DG[0-9]{8}-[0-9]{3,5}$")
    items: list[OrderItem] = Field(min_length=1, max_length=MAX_ORDER_ITEMS)
    items_total_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    service_fee_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    amount_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod | None = None
    tracking_number: TrackingNumber | None = None

    @model_validator(mode="after")
    def _consistent(self) -> OrderRegistered:
        if self.items_total_fen != sum(i.quantity * i.unit_price_fen for i in self.items):
            raise ValueError("items_total_fen is not the sum of the items")
        if self.amount_fen > self.items_total_fen + self.service_fee_fen:
            raise ValueError("the deposit is more than the order's total")
        _method_with_money(self.amount_fen, self.method)
        return self


class OrderPlaced(Payload):
    """Ordered on the platform (已下单), under the platform's own order number."""

    order: Uid
    platform_order_number: str = Field(min_length=1, max_length=64)
    tracking_number: TrackingNumber | None = None


class OrderShipped(Payload):
    """The platform shipped it (已发货); the tracking number, when known, is what a
    check-in recognises the parcel by."""

    order: Uid
    tracking_number: TrackingNumber | None = None


class OrderArrived(Payload):
    """The goods are at the station (已到站): with the parcel whose check-in matched the
    tracking number, or left out when the keeper marked it by hand."""

    order: Uid
    parcel: Uid | None = None


class OrderDelivered(Payload):
    """Handed to the villager (已交付), settling the balance (total − deposit) now."""

    order: Uid
    amount_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod | None = None

    @model_validator(mode="after")
    def _consistent(self) -> OrderDelivered:
        _method_with_money(self.amount_fen, self.method)
        return self


class OrderCancelled(Payload):
    """Given up before delivery (已取消); ``amount_fen`` of the deposit went back. Names
    the ``order.registered`` entry it corrects, so a voided order cannot be cancelled
    (and its deposit paid back) as well."""

    order: Uid
    reason: str = Field(min_length=1, max_length=200)
    amount_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod | None = None

    @model_validator(mode="after")
    def _consistent(self) -> OrderCancelled:
        _method_with_money(self.amount_fen, self.method)
        return self


class OrderRefunded(Payload):
    """Money paid back after delivery (已退款: goods returned, faulty, short)."""

    order: Uid
    reason: str = Field(min_length=1, max_length=200)
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod


# --- Produce purchasing (农产品收购): farmers, prices, purchases, lots -------------------

ProductCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")]
GradeCode = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]{0,15}$")]
TraceCode = Annotated[str, Field(pattern=r"^[0-9A-HJKMNP-TV-Z]{10}$")]
"""Ten Crockford base-32 characters (no I, L, O, U: nothing to misread on a label), 50
random bits: unique county-wide in practice, short enough to type from a label."""
Household = Literal["normal", "lifted", "monitored"]
"""普通 / 脱贫户 / 监测对象: what the county's 帮扶 statistics count."""
PurchasePayment = Literal["cash", "wechat", "alipay", "bank", "owed"]
IsoDay = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
MAX_PRODUCE_GRAMS = 50_000_000
"""50 t in one purchase or lot: more than any truck, so only a typo gets there."""
MAX_PRICE_FEN = 1_000_000
"""一万元 per 斤 or kg: above any produce a station buys (dried 花椒 is about 100 元/斤)."""
BASIS_POINTS = 10_000


class FarmerRegistered(Payload):
    """A farmer (农户) the station buys from. No name, phone or ID number (DESIGN.md,
    Privacy): the county counts households by village and status, it does not need to
    know who they are. ``household`` is left out while the keeper does not know it."""

    farmer: Uid
    village: DivisionCode
    household: Household | None = None


class FarmerChanged(Payload):
    """The farmer's village or household status as they are from now on (a household
    lifted out of monitoring, a wrong village corrected); earlier purchases keep the
    status they were bought under."""

    farmer: Uid
    village: DivisionCode
    household: Household | None = None


class PriceSet(Payload):
    """The keeper's own price for one product and grade on one business day (当日收购价),
    where the county published none or the market moved. Never changed once set: a new
    price for the same day is a new entry, and purchases name the price they used."""

    price: Uid
    product: ProductCode
    grade: GradeCode
    day: IsoDay
    price_fen: int = Field(gt=0, le=MAX_PRICE_FEN)
    per_grams: Literal[500, 1000]


class Weighing(Payload):
    """One crate or sack on the scale: ``manual`` when the weight was typed, not read."""

    gross_g: int = Field(gt=0, le=MAX_PRODUCE_GRAMS)
    tare_g: int = Field(ge=0, le=MAX_PRODUCE_GRAMS)
    manual: bool


def _half_up(numerator: int, denominator: int) -> int:
    """The project's rounding rule (``station_app.core.rounding``) for non-negative
    numbers, repeated here because ``sync`` is shared with the county and imports no
    station code; a test keeps the two equal."""
    return (2 * numerator + denominator) // (2 * denominator)


class ProducePurchased(Payload):
    """One purchase (收购单): the farmer's household status and village as they were at the
    purchase (the 帮扶 figures must not move when a status changes later), the price used
    and every weighing, so the county can recompute net weight and amount exactly.

    net = Σ(gross − tare) − deduction; deduction = (Σ(gross − tare)) × (impurity +
    moisture) / 10000 and amount = net × price / per_grams, each rounded half up once."""

    purchase: Uid
    number: str = Field(pattern=r"^SG[0-9]{8}-[0-9]{3,5}$")
    farmer: Uid
    village: DivisionCode
    household: Household
    product: ProductCode
    grade: GradeCode
    price: Uid
    price_source: Literal["county", "keeper"]
    price_fen: int = Field(gt=0, le=MAX_PRICE_FEN)
    per_grams: Literal[500, 1000]
    weighings: list[Weighing] = Field(min_length=1, max_length=200)
    impurity_bp: int = Field(ge=0, lt=BASIS_POINTS)
    moisture_bp: int = Field(ge=0, lt=BASIS_POINTS)
    deduction_g: int = Field(ge=0, le=MAX_PRODUCE_GRAMS)
    net_g: int = Field(gt=0, le=MAX_PRODUCE_GRAMS)
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    payment: PurchasePayment
    lot: Uid

    @model_validator(mode="after")
    def _consistent(self) -> ProducePurchased:
        if any(w.tare_g >= w.gross_g for w in self.weighings):
            raise ValueError("a weighing's tare is not less than its gross")
        after_tare = sum(w.gross_g - w.tare_g for w in self.weighings)
        deducted = self.impurity_bp + self.moisture_bp
        if deducted >= BASIS_POINTS:
            raise ValueError("the deductions take everything")
        if self.deduction_g != _half_up(after_tare * deducted, BASIS_POINTS):
            raise ValueError("deduction_g does not follow from the weighings")
        if self.net_g != after_tare - self.deduction_g:
            raise ValueError("net_g is not the weighings less the deduction")
        if self.amount_fen != _half_up(self.net_g * self.price_fen, self.per_grams):
            raise ValueError("amount_fen is not net × price")
        return self


class Netting(Payload):
    """Part of what the farmer owed the station for an agent order's balance, set off
    against what the station owes the farmer."""

    order: Uid
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)


class ProduceSettled(Payload):
    """Paying a farmer what earlier purchases left owed (赊账结清): all of them at once,
    less any agent-order balances netted (both sides named), the rest by ``method``."""

    settlement: Uid
    farmer: Uid
    purchases: list[Uid] = Field(min_length=1, max_length=500)
    amount_fen: int = Field(gt=0, le=MAX_AMOUNT_FEN)
    netted: list[Netting] = Field(default_factory=list, max_length=20)
    paid_fen: int = Field(ge=0, le=MAX_AMOUNT_FEN)
    method: MoneyMethod | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ProduceSettled:
        if self.paid_fen != self.amount_fen - sum(n.amount_fen for n in self.netted):
            raise ValueError("paid_fen is not the amount less what was netted")
        _method_with_money(self.paid_fen, self.method)
        return self


class LotOpened(Payload):
    """A lot (批次) of one product and grade, opened by the day's first purchase of it.
    Its trace code (溯源码) goes on the label and the farmers' receipts."""

    lot: Uid
    trace_code: TraceCode
    product: ProductCode
    grade: GradeCode
    day: IsoDay


class LotChild(Payload):
    lot: Uid
    trace_code: TraceCode
    net_g: int = Field(gt=0, le=MAX_PRODUCE_GRAMS)


class LotSplit(Payload):
    """Part of a lot weighed out into child lots (a buyer takes half, a box line packs
    the rest); each child keeps the parent (``lot``) and gets its own trace code."""

    lot: Uid
    children: list[LotChild] = Field(min_length=1, max_length=50)


class LotShipped(Payload):
    """A lot leaves the station (发运): to the county's supply centre or to a buyer,
    named as a business (a company or market), never a private person's details."""

    lot: Uid
    shipment: Uid
    to_kind: Literal["county_supply", "buyer"]
    to_name: str = Field(min_length=1, max_length=60)
    net_g: int = Field(gt=0, le=MAX_PRODUCE_GRAMS)


EVENT_TYPES: dict[str, dict[int, type[Payload]]] = {
    "station.created": {1: StationCreated},
    "station.taken_over": {1: StationTakenOver},
    "operator.created": {1: OperatorCreated},
    "operator.password_changed": {1: OperatorRef},
    "operator.deactivated": {1: OperatorRef},
    "operator.reactivated": {1: OperatorRef},
    "preference.changed": {1: PreferenceChanged},
    "entry.voided": {1: EntryVoided},
    "cash.petty_in": {1: PettyCash},
    "cash.petty_out": {1: PettyCash},
    "day.closed": {1: DayClosed},
    "parcel.checked_in": {1: ParcelCheckedIn},
    "parcel.picked_up": {1: ParcelPickedUp},
    "parcel.courier_corrected": {1: ParcelCourierCorrected},
    "parcel.returned": {1: ParcelReturned},
    # Shipments (寄件) register below this line.
    "shipment.accepted": {1: ShipmentAccepted},
    "shipment.collected": {1: ShipmentCollected},
    "shipment.cancelled": {1: ShipmentCancelled},
    # Stocktakes (盘点) register below this line.
    "stocktake.started": {1: StocktakeStarted},
    "stocktake.finished": {1: StocktakeFinished},
    "stocktake.parcel_reshelved": {1: StocktakeParcelReshelved},
    "parcel.lost": {1: ParcelLost},
    "parcel.relocated": {1: ParcelRelocated},
    # Manifests (交接单) register below this line.
    "route.saved": {1: RouteSaved},
    "route.removed": {1: RouteRemoved},
    "bag.opened": {1: BagOpened},
    "bag.parcel_received": {1: BagParcelReceived},
    "bag.parcel_sorted": {1: BagParcelSorted},
    "bag.closed": {1: BagClosed},
    "manifest.dispatched": {1: ManifestDispatched},
    "manifest.imported": {1: ManifestImported},
    "manifest.reconciled": {1: ManifestReconciled},
    # Agent orders (代购) register below this line.
    "order.registered": {1: OrderRegistered},
    "order.placed": {1: OrderPlaced},
    "order.shipped": {1: OrderShipped},
    "order.arrived": {1: OrderArrived},
    "order.delivered": {1: OrderDelivered},
    "order.cancelled": {1: OrderCancelled},
    "order.refunded": {1: OrderRefunded},
    # Bill payments (代缴费) register below this line.
    "bill.recorded": {1: BillRecorded},
    "bill.submitted": {1: BillSubmitted},
    "bill.succeeded": {1: BillSucceeded},
    "bill.failed": {1: BillFailed},
    # Produce purchasing (农产品收购) registers below this line.
    "farmer.registered": {1: FarmerRegistered},
    "farmer.changed": {1: FarmerChanged},
    "produce.price_set": {1: PriceSet},
    "produce.purchased": {1: ProducePurchased},
    "produce.settled": {1: ProduceSettled},
    "lot.opened": {1: LotOpened},
    "lot.split": {1: LotSplit},
    "lot.shipped": {1: LotShipped},
}

CORRECTING_TYPES = frozenset(
    {
        "entry.voided",
        "parcel.courier_corrected",
        "shipment.cancelled",
        "bill.failed",
        "order.cancelled",
    }
)
"""Event types that must name the entry they correct."""


class UnknownEventType(ValueError):
    pass


class InvalidPayload(ValueError):
    pass


def latest_version(event_type: str) -> int:
    try:
        return max(EVENT_TYPES[event_type])
    except KeyError:
        raise UnknownEventType(event_type) from None


def validate_payload(event_type: str, version: int, payload: dict[str, Any]) -> None:
    """Raise UnknownEventType or InvalidPayload unless ``payload`` fits its schema."""
    versions = EVENT_TYPES.get(event_type)
    if versions is None or version not in versions:
        raise UnknownEventType(f"{event_type} v{version}")
    try:
        versions[version].model_validate(payload)
    except PydanticValidationError as error:
        raise InvalidPayload(
            f"{event_type} v{version}: {error.errors(include_url=False, include_input=False)}"
        ) from None
