"""The 活动 page's figures for a period (business days, Beijing), read from the ingest
projections only, never from the raw ledger:

- ``daily_totals``: parcels in / out per day and per station (到件, 取件, 退件, 寄件),
  agent orders registered (代购) and bill payments (代缴) counted per day;
- ``daily_amounts``: agent-order turnover (``order.registered`` ``items_total_fen`` and
  ``service_fee_fen``) and bill payments (``bill.recorded`` ``amount_fen`` less
  ``bill.failed``'s) per day;
- ``produce_purchases``: produce bought by product and grade and by village, and the
  帮扶 figures (bought from 脱贫户 / 监测对象, households reached), with the household
  status as it was at the purchase, voided purchases left out.

Not by courier: ``daily_totals`` is per station × day × event type, with no courier,
so a courier breakdown would need a new projection (or the raw ledger, which pages do
not read). Counts are raw per event type, like the station page: a voided parcel
entry is its own ``entry.voided`` row and is not netted out here.

Weights leave as kilograms and money as 元, both ``Decimal`` from the integer grams and
fen; a farmer's uid is used to count households and never leaves this module.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from county import produce
from county.db.models import DailyAmount, DailyTotal, ProducePurchase, Station

TOP_STATIONS = 15
MAX_DAYS = 366
PARCEL_TYPES = {
    "parcel.checked_in": "checked_in",
    "parcel.picked_up": "picked_up",
    "parcel.returned": "returned",
    "shipment.accepted": "shipped",
}
"""Parcels in (到件) and out (取件 by the addressee, 退件 back to the courier, 寄件 sent
by villagers)."""
COUNTED_TYPES = {
    **PARCEL_TYPES,
    "order.registered": "orders",
    "bill.recorded": "bills",
    "bill.failed": "bills_failed",
}
AMOUNT_FIELDS = {
    ("order.registered", "items_total_fen"): "order_fen",
    ("order.registered", "service_fee_fen"): "order_fee_fen",
    ("bill.recorded", "amount_fen"): "bill_fen",
    ("bill.failed", "amount_fen"): "bill_failed_fen",
}
Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])
ASSISTED = {"lifted": "脱贫户", "monitored": "监测对象"}
"""Household statuses the 帮扶 figures count (``normal`` is everyone else)."""


def kg(grams: int) -> Decimal:
    return Decimal(grams).scaleb(-3)


def yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def kg_text(grams: int) -> str:
    text = f"{kg(grams):,.3f}"
    return text.rstrip("0").rstrip(".")


def yuan_text(fen: int) -> str:
    return f"{yuan(fen):,.2f}"


@dataclass
class Day:
    day: str
    checked_in: int = 0
    picked_up: int = 0
    returned: int = 0
    shipped: int = 0
    orders: int = 0
    order_fen: int = 0
    order_fee_fen: int = 0
    bills: int = 0
    bills_failed: int = 0
    bill_fen: int = 0
    bill_failed_fen: int = 0

    @property
    def bills_net(self) -> int:
        return self.bills - self.bills_failed

    @property
    def bill_net_fen(self) -> int:
        return self.bill_fen - self.bill_failed_fen


@dataclass
class StationRow:
    code: str
    name: str
    township: str
    checked_in: int = 0
    picked_up: int = 0
    returned: int = 0
    shipped: int = 0

    @property
    def parcels(self) -> int:
        return self.checked_in + self.picked_up + self.returned + self.shipped


@dataclass(frozen=True)
class ProductRow:
    product: str
    product_name: str
    grade: str
    grade_name: str
    purchases: int
    grams: int
    fen: int

    @property
    def label(self) -> str:
        return f"{self.product_name} {self.grade_name}"


@dataclass(frozen=True)
class VillageRow:
    code: str
    name: str
    purchases: int
    grams: int
    fen: int
    households: int


@dataclass(frozen=True)
class AssistRow:
    household: str
    name: str
    purchases: int
    grams: int
    fen: int
    households: int


@dataclass
class Activity:
    day_from: date
    day_to: date
    township: str | None
    townships: list[str]
    days: list[Day]
    stations: list[StationRow]
    stations_left_out: int
    products: list[ProductRow]
    villages: list[VillageRow]
    assist: list[AssistRow]
    assisted_households: int
    totals: Day = field(default_factory=lambda: Day("合计"))

    @property
    def produce_grams(self) -> int:
        return sum(row.grams for row in self.products)

    @property
    def produce_fen(self) -> int:
        return sum(row.fen for row in self.products)

    @property
    def produce_purchases(self) -> int:
        return sum(row.purchases for row in self.products)

    @property
    def assisted_grams(self) -> int:
        return sum(row.grams for row in self.assist)

    @property
    def assisted_fen(self) -> int:
        return sum(row.fen for row in self.assist)

    def charts(self) -> dict[str, Any]:
        """What the page's charts draw, embedded as JSON: numbers only (kg, 元)."""
        return {
            "days": {
                "labels": [d.day for d in self.days],
                "checked_in": [d.checked_in for d in self.days],
                "picked_up": [d.picked_up for d in self.days],
                "returned": [d.returned for d in self.days],
                "shipped": [d.shipped for d in self.days],
            },
            "stations": {
                "labels": [s.name for s in self.stations],
                "codes": [s.code for s in self.stations],
                "checked_in": [s.checked_in for s in self.stations],
                "picked_up": [s.picked_up for s in self.stations],
                "returned": [s.returned for s in self.stations],
                "shipped": [s.shipped for s in self.stations],
            },
            "produce": {
                "labels": [p.label for p in self.products],
                "products": [p.product for p in self.products],
                "grades": [p.grade for p in self.products],
                # Exact decimal text, not floats: ECharts reads numeric strings.
                "kg": [str(kg(p.grams)) for p in self.products],
                "yuan": [str(yuan(p.fen)) for p in self.products],
            },
        }


def month_of(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _in_township(query: Query, station_column: Any, township: str | None) -> Query:
    query = query.join(Station, Station.id == station_column)
    return query if township is None else query.where(Station.township == township)


def activity_figures(
    session: Session, day_from: date, day_to: date, township: str | None = None
) -> Activity:
    """The figures of business days ``day_from`` … ``day_to`` (both included), for the
    county or one township."""
    if day_from > day_to:
        raise ValueError("day_from after day_to")
    low, high = day_from.isoformat(), day_to.isoformat()
    span = (day_to - day_from).days + 1
    days = {
        (day_from + timedelta(days=n)).isoformat(): Day((day_from + timedelta(days=n)).isoformat())
        for n in range(span)
    }
    totals = Day("合计")

    counted = _in_township(
        select(DailyTotal.business_day, DailyTotal.type, func.sum(DailyTotal.count))
        .where(DailyTotal.business_day >= low, DailyTotal.business_day <= high)
        .where(DailyTotal.type.in_(sorted(COUNTED_TYPES))),
        DailyTotal.station,
        township,
    ).group_by(DailyTotal.business_day, DailyTotal.type)
    for day, kind, count in session.execute(counted):
        name = COUNTED_TYPES[kind]
        for row in (days[day], totals):
            setattr(row, name, getattr(row, name) + int(count))

    summed = (
        _in_township(
            select(
                DailyAmount.business_day,
                DailyAmount.type,
                DailyAmount.field,
                func.sum(DailyAmount.amount),
            )
            .where(DailyAmount.business_day >= low, DailyAmount.business_day <= high)
            .where(DailyAmount.type.in_(sorted({kind for kind, _ in AMOUNT_FIELDS})))
            .where(DailyAmount.field.in_(sorted({name for _, name in AMOUNT_FIELDS}))),
            DailyAmount.station,
            township,
        )
    ).group_by(DailyAmount.business_day, DailyAmount.type, DailyAmount.field)
    for day, kind, field_name, amount in session.execute(summed):
        target = AMOUNT_FIELDS.get((kind, field_name))
        if target is None:
            continue
        for row in (days[day], totals):
            setattr(row, target, getattr(row, target) + int(amount))

    stations = _stations(session, low, high, township)
    ranked = sorted((s for s in stations if s.parcels), key=lambda s: (-s.parcels, s.code))
    products, villages, assist, reached = _produce(session, low, high, township)
    townships = sorted(
        name for name in session.scalars(select(Station.township).distinct()) if name
    )
    return Activity(
        day_from=day_from,
        day_to=day_to,
        township=township,
        townships=townships,
        days=list(days.values()),
        stations=ranked[:TOP_STATIONS],
        stations_left_out=max(0, len(ranked) - TOP_STATIONS),
        products=products,
        villages=villages,
        assist=assist,
        assisted_households=reached,
        totals=totals,
    )


def _stations(session: Session, low: str, high: str, township: str | None) -> list[StationRow]:
    query = (
        _in_township(
            select(
                Station.code,
                Station.name,
                Station.township,
                DailyTotal.type,
                func.sum(DailyTotal.count),
            )
            .where(DailyTotal.business_day >= low, DailyTotal.business_day <= high)
            .where(DailyTotal.type.in_(sorted(PARCEL_TYPES))),
            DailyTotal.station,
            township,
        )
    ).group_by(Station.code, Station.name, Station.township, DailyTotal.type)
    rows: dict[str, StationRow] = {}
    for code, name, station_township, kind, count in session.execute(query):
        row = rows.setdefault(code, StationRow(code, name, station_township))
        attribute = PARCEL_TYPES[kind]
        setattr(row, attribute, getattr(row, attribute) + int(count))
    return list(rows.values())


def _produce(
    session: Session, low: str, high: str, township: str | None
) -> tuple[list[ProductRow], list[VillageRow], list[AssistRow], int]:
    """Purchases not voided, grouped down to the farmer (so households can be counted
    without a uid leaving the database query's result)."""
    query = (
        _in_township(
            select(
                ProducePurchase.product,
                ProducePurchase.grade,
                ProducePurchase.village,
                ProducePurchase.household,
                ProducePurchase.station,
                ProducePurchase.farmer,
                func.count(),
                func.sum(ProducePurchase.net_g),
                func.sum(ProducePurchase.amount_fen),
            )
            .where(ProducePurchase.business_day >= low, ProducePurchase.business_day <= high)
            .where(ProducePurchase.voided.is_(False)),
            ProducePurchase.station,
            township,
        )
    ).group_by(
        ProducePurchase.product,
        ProducePurchase.grade,
        ProducePurchase.village,
        ProducePurchase.household,
        ProducePurchase.station,
        ProducePurchase.farmer,
    )
    by_product: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    by_village: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    village_farmers: dict[str, set[tuple[int, str]]] = defaultdict(set)
    by_status: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    status_farmers: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for product, grade, village, household, station, farmer, n, grams, fen in session.execute(
        query
    ):
        sums = (int(n), int(grams or 0), int(fen or 0))
        targets = [by_product[product, grade], by_village[village]]
        village_farmers[village].add((station, farmer))
        if household in ASSISTED:
            targets.append(by_status[household])
            status_farmers[household].add((station, farmer))
        for target in targets:
            for index, value in enumerate(sums):
                target[index] += value

    product_names, grade_names = produce._names(session, township or "")
    products = sorted(
        (
            ProductRow(
                product=product,
                product_name=product_names.get(product, product),
                grade=grade,
                grade_name=grade_names.get((product, grade), grade),
                purchases=n,
                grams=grams,
                fen=fen,
            )
            for (product, grade), (n, grams, fen) in by_product.items()
        ),
        key=lambda row: (-row.grams, row.product, row.grade),
    )
    named = {  # a village with a village station of that code; others by code alone
        found.code: f"{found.township or ''}{found.name}"
        for found in produce._villages(
            session, [(code, sums[1]) for code, sums in by_village.items()]
        )
        if found.name
    }
    villages = sorted(
        (
            VillageRow(
                code=code,
                name=named.get(code, "—"),
                purchases=n,
                grams=grams,
                fen=fen,
                households=len(village_farmers[code]),
            )
            for code, (n, grams, fen) in by_village.items()
        ),
        key=lambda row: (-row.grams, row.code),
    )
    assist = [
        AssistRow(
            household=status,
            name=name,
            purchases=by_status[status][0],
            grams=by_status[status][1],
            fen=by_status[status][2],
            households=len(status_farmers[status]),
        )
        for status, name in ASSISTED.items()
    ]
    reached = len(set().union(*status_farmers.values())) if status_farmers else 0
    return products, villages, assist, reached
