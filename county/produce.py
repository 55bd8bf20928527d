"""Produce purchasing at the county: the projection ingest fills, and the public trace
lookup a lot's QR code leads to.

The projection (``produce_farmers``, ``produce_purchases``, ``produce_lots``) is added
to in the ingest transaction, from the entries whose payload passed, in sequence order:
``farmer.registered`` / ``farmer.changed`` (village and household per farmer uid),
``produce.purchased`` (one row per purchase, with the status it was bought under),
``entry.voided`` of a purchase's entry (``voided``), ``produce.settled``
(``settlement``), ``lot.opened`` / ``lot.split`` (lots with their trace code and parent)
and ``lot.shipped``. Like the daily projections it costs a batch a few statements,
and none at all for a batch without these types: the parcel path is untouched.

:func:`rebuild` makes one station's rows again from the ledger copy (``county-centre
reproject --produce``, and after flagged entries of these types were judged again, when
their order among the rest matters).

The trace answer (:func:`trace`) names no farmer: no uid, name, phone or ID number,
only the product, the villages, days and weights, the lot chain and the shipment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol, cast

from pydantic import BaseModel, Field
from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from county import reference
from county.db.models import LedgerEntry, ProduceFarmer, ProduceLot, ProducePurchase, Station

FARMERS = cast(Table, ProduceFarmer.__table__)
PURCHASES = cast(Table, ProducePurchase.__table__)
LOTS = cast(Table, ProduceLot.__table__)

PROJECTED_TYPES = frozenset(
    {
        "farmer.registered",
        "farmer.changed",
        "produce.purchased",
        "produce.settled",
        "lot.opened",
        "lot.split",
        "lot.shipped",
        "entry.voided",
    }
)
"""What the projection reads; ``entry.voided`` only counts when it names a purchase."""
OWN_TYPES = PROJECTED_TYPES - {"entry.voided"}

TRACE_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{10}$")
DASHES = str.maketrans({"-": None, "\u2010": None, "\u2212": None})
MAX_PARENTS = 32
"""Lots split from lots split from lots: a real chain is two or three long; the bound
only stops a loop a buggy station could make."""
REBUILD_CHUNK = 2000


class ProduceEntry(Protocol):
    """What the projection reads of an entry: a ``WireEntry`` at ingest, a stored
    ``LedgerEntry`` when rebuilding."""

    @property
    def entry_id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def business_day(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def corrects(self) -> str | None: ...


# --- the projection --------------------------------------------------------------------


def project(session: Session, station: int, entries: Sequence[ProduceEntry]) -> None:
    """Add ``entries`` (sound payloads, in sequence order, any types: others are
    skipped) to the station's produce rows. The caller holds the station's lock."""
    batch = _Batch(station)
    for entry in entries:
        if entry.type in PROJECTED_TYPES:
            batch.take(entry)
    batch.write(session)


class _Batch:
    """One batch's changes, gathered in order and written with a few statements: new
    rows inserted, changes to rows from earlier batches as executemany updates."""

    def __init__(self, station: int) -> None:
        self.station = station
        self.farmers: dict[str, dict[str, Any]] = {}
        self.purchases: dict[str, dict[str, Any]] = {}
        self.purchase_of_entry: dict[str, dict[str, Any]] = {}
        self.lots: dict[str, dict[str, Any]] = {}
        self.voided_entries: list[str] = []
        self.settled: dict[str, str] = {}
        self.shipped: dict[str, dict[str, Any]] = {}

    def take(self, entry: ProduceEntry) -> None:
        kind = entry.type
        if kind in ("farmer.registered", "farmer.changed"):
            self.farmers[entry.payload["farmer"]] = {
                "village": entry.payload["village"],
                "household": entry.payload.get("household"),
                "changed_day": entry.business_day,
            }
        elif kind == "produce.purchased":
            self._purchased(entry)
        elif kind == "entry.voided":
            self._voided(entry.corrects)
        elif kind == "produce.settled":
            self._settled(entry.payload)
        elif kind.startswith("lot."):
            self._lot_event(entry)

    def _settled(self, payload: dict[str, Any]) -> None:
        for purchase in payload["purchases"]:
            row = self.purchases.get(purchase)
            if row is not None:
                row["settlement"] = payload["settlement"]
            else:
                self.settled[purchase] = payload["settlement"]

    def _lot_event(self, entry: ProduceEntry) -> None:
        payload, kind, day = entry.payload, entry.type, entry.business_day
        if kind == "lot.opened":
            self._lot(payload["lot"], payload["trace_code"], None, day, None)
            self.lots[payload["lot"]].update(product=payload["product"], grade=payload["grade"])
        elif kind == "lot.split":
            for child in payload["children"]:
                self._lot(child["lot"], child["trace_code"], payload["lot"], day, child["net_g"])
        elif kind == "lot.shipped":
            shipped = {
                "shipment": payload["shipment"],
                "shipped_day": day,
                "shipped_to_kind": payload["to_kind"],
                "shipped_to_name": payload["to_name"],
                "shipped_g": payload["net_g"],
            }
            lot = self.lots.get(payload["lot"])
            if lot is not None:
                lot.update(shipped)
            else:
                self.shipped[payload["lot"]] = shipped

    def _purchased(self, entry: ProduceEntry) -> None:
        payload = entry.payload
        if payload["purchase"] in self.purchases:
            return  # a station's bug: the first one stands
        row = {
            "station": self.station,
            "purchase": payload["purchase"],
            "entry_id": entry.entry_id,
            "number": payload["number"],
            "farmer": payload["farmer"],
            "business_day": entry.business_day,
            "product": payload["product"],
            "grade": payload["grade"],
            "village": payload["village"],
            "household": payload["household"],
            "net_g": payload["net_g"],
            "amount_fen": payload["amount_fen"],
            "payment": payload["payment"],
            "lot": payload["lot"],
            "voided": False,
            "settlement": None,
        }
        self.purchases[payload["purchase"]] = row
        self.purchase_of_entry[entry.entry_id] = row

    def _voided(self, corrects: str | None) -> None:
        if corrects is None:
            return
        row = self.purchase_of_entry.get(corrects)
        if row is not None:
            row["voided"] = True
        else:
            self.voided_entries.append(corrects)

    def _lot(
        self, lot: str, trace_code: str, parent: str | None, day: str, net_g: int | None
    ) -> None:
        if lot in self.lots:
            return
        self.lots[lot] = {
            "station": self.station,
            "lot": lot,
            "trace_code": trace_code,
            "parent": parent,
            "product": "",
            "grade": "",
            "lot_day": day,
            "net_g": net_g,
            "shipment": None,
            "shipped_day": None,
            "shipped_to_kind": None,
            "shipped_to_name": None,
            "shipped_g": None,
        }

    # -- writing --

    def write(self, session: Session) -> None:
        if self.farmers:
            self._write_farmers(session)
        if self.lots:
            self._write_lots(session)
        if self.purchases:
            self._write_purchases(session)
        if self.voided_entries:
            session.execute(
                update(PURCHASES)
                .where(
                    PURCHASES.c.station == self.station,
                    PURCHASES.c.entry_id.in_(self.voided_entries),
                )
                .values(voided=True)
            )
        if self.settled:
            session.execute(
                update(PURCHASES)
                .where(
                    PURCHASES.c.station == self.station,
                    PURCHASES.c.purchase == bindparam("uid"),
                )
                .values(settlement=bindparam("settled")),
                [{"uid": uid, "settled": settled} for uid, settled in self.settled.items()],
            )
        if self.shipped:
            session.execute(
                update(LOTS)
                .where(LOTS.c.station == self.station, LOTS.c.lot == bindparam("uid"))
                .values(
                    {name: bindparam(f"new_{name}") for name in next(iter(self.shipped.values()))}
                ),
                [
                    {"uid": uid, **{f"new_{k}": v for k, v in values.items()}}
                    for uid, values in self.shipped.items()
                ],
            )

    def _held(self, session: Session, table: Table, column: str, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            found.update(
                session.scalars(
                    select(table.c[column]).where(
                        table.c.station == self.station,
                        table.c[column].in_(wanted[start : start + 500]),
                    )
                )
            )
        return found

    def _write_farmers(self, session: Session) -> None:
        held = self._held(session, FARMERS, "farmer", self.farmers)
        changes = [
            {"uid": uid, **{f"new_{k}": v for k, v in state.items()}}
            for uid, state in self.farmers.items()
            if uid in held
        ]
        if changes:
            session.execute(
                update(FARMERS)
                .where(FARMERS.c.station == self.station, FARMERS.c.farmer == bindparam("uid"))
                .values(
                    village=bindparam("new_village"),
                    household=bindparam("new_household"),
                    changed_day=bindparam("new_changed_day"),
                ),
                changes,
            )
        made = [
            {"station": self.station, "farmer": uid, **state}
            for uid, state in self.farmers.items()
            if uid not in held
        ]
        if made:
            session.execute(insert(FARMERS), made)

    def _write_lots(self, session: Session) -> None:
        """Children take product, grade and day from their parent: from this batch, or
        from a lot held already (one query for all of them)."""
        held = self._held(session, LOTS, "lot", self.lots)
        missing = {
            row["parent"]
            for row in self.lots.values()
            if row["parent"] is not None and row["parent"] not in self.lots
        }
        parents: dict[str, dict[str, Any]] = {}
        if missing:
            for found in session.execute(
                select(LOTS.c.lot, LOTS.c.product, LOTS.c.grade, LOTS.c.lot_day).where(
                    LOTS.c.station == self.station, LOTS.c.lot.in_(sorted(missing))
                )
            ):
                parents[found.lot] = {
                    "product": found.product,
                    "grade": found.grade,
                    "day": found.lot_day,
                }
        for row in self.lots.values():  # in entry order: a parent before its children
            parent = row["parent"]
            if parent is None:
                continue
            source = self.lots.get(parent)
            if source is not None:
                origin = {"product": source["product"], "grade": source["grade"]}
                row.update(origin, lot_day=source["lot_day"])
            elif parent in parents:
                known = parents[parent]
                row.update(product=known["product"], grade=known["grade"], lot_day=known["day"])
        made = [row for uid, row in self.lots.items() if uid not in held]
        if made:
            session.execute(insert(LOTS), made)

    def _write_purchases(self, session: Session) -> None:
        held = self._held(session, PURCHASES, "purchase", self.purchases)
        made = [row for uid, row in self.purchases.items() if uid not in held]
        if made:
            session.execute(insert(PURCHASES), made)


def rebuild(session: Session, station: int) -> None:
    """The station's produce rows made again from its ledger copy (sound entries, in
    sequence order). The caller holds the station's lock."""
    for table in (PURCHASES, LOTS, FARMERS):
        session.execute(delete(table).where(table.c.station == station))
    last = 0
    while True:
        chunk = list(
            session.scalars(
                select(LedgerEntry)
                .where(
                    LedgerEntry.station == station,
                    LedgerEntry.seq > last,
                    LedgerEntry.type.in_(sorted(PROJECTED_TYPES)),
                    LedgerEntry.flagged.is_(False),
                )
                .order_by(LedgerEntry.seq)
                .limit(REBUILD_CHUNK)
            )
        )
        if not chunk:
            return
        project(session, station, chunk)
        last = chunk[-1].seq


def holds_produce(session: Session, station: int) -> bool:
    """Whether the station's ledger copy holds any produce entry (sound or flagged)."""
    found = session.scalar(
        select(LedgerEntry.id)
        .where(LedgerEntry.station == station, LedgerEntry.type.in_(sorted(OWN_TYPES)))
        .limit(1)
    )
    return found is not None


# --- the trace lookup ------------------------------------------------------------------


class TraceVillage(BaseModel):
    code: str = Field(description="12-digit statistical division code (统计用区划代码)")
    name: str | None = Field(description="The village's name, where the county knows it")
    township: str | None = Field(description="The township's name, where the county knows it")
    net_g: int = Field(description="Net grams bought from this village for the lot")


class TraceAnswer(BaseModel):
    """What a lot's QR code shows: where and when the produce was bought and where the
    lot went. No farmer is named (no uid, name, phone or ID number)."""

    trace_code: str = Field(pattern=TRACE_CODE.pattern)
    station_name: str
    product: str
    product_name: str | None
    grade: str
    grade_name: str | None
    lot_day: str = Field(description="The business day the (original) lot was opened")
    lot_net_g: int | None = Field(
        description="For a lot split from another: its weight out of the parent"
    )
    purchases: int = Field(description="Purchases in the original lot (voided ones left out)")
    purchased_g: int = Field(description="Their net weight, grams")
    first_purchase_day: str | None
    last_purchase_day: str | None
    villages: list[TraceVillage] = Field(description="Where it was bought, most weight first")
    parents: list[str] = Field(description="Trace codes of the lots it came from, nearest first")
    shipped_day: str | None
    shipped_to: Literal["county_supply", "buyer"] | None


def normalise(text: str) -> str | None:
    """A trace code as people type it (the station's rule): upper case, dashes and
    spaces dropped, I and L read as 1, O as 0. None unless ten Crockford characters."""
    folded = unicodedata.normalize("NFKC", text).translate(DASHES)
    code = "".join(folded.split()).upper()
    code = code.translate(str.maketrans("ILO", "110"))
    return code if TRACE_CODE.match(code) and len(code) == 10 else None


def trace(session: Session, code: str) -> TraceAnswer | None:
    """The lot with trace code ``code`` (already normalised), or None."""
    lot = session.execute(
        select(LOTS).where(LOTS.c.trace_code == code).order_by(LOTS.c.id).limit(1)
    ).first()
    if lot is None:
        return None
    station = session.get_one(Station, lot.station)
    chain = [lot]
    while chain[-1].parent is not None and len(chain) <= MAX_PARENTS:
        parent = session.execute(
            select(LOTS).where(LOTS.c.station == lot.station, LOTS.c.lot == chain[-1].parent)
        ).first()
        if parent is None:
            break
        chain.append(parent)
    origin = chain[-1]
    bought = (
        PURCHASES.c.station == lot.station,
        PURCHASES.c.lot == origin.lot,
        PURCHASES.c.voided.is_(False),
    )
    count, grams, first, last = session.execute(
        select(
            func.count(PURCHASES.c.id),
            func.coalesce(func.sum(PURCHASES.c.net_g), 0),
            func.min(PURCHASES.c.business_day),
            func.max(PURCHASES.c.business_day),
        ).where(*bought)
    ).one()
    by_village = session.execute(
        select(PURCHASES.c.village, func.sum(PURCHASES.c.net_g))
        .where(*bought)
        .group_by(PURCHASES.c.village)
    ).all()
    products, grades = _names(session, station.township)
    return TraceAnswer(
        trace_code=lot.trace_code,
        station_name=station.name,
        product=lot.product,
        product_name=products.get(lot.product),
        grade=lot.grade,
        grade_name=grades.get((lot.product, lot.grade)),
        lot_day=origin.lot_day,
        lot_net_g=lot.net_g,
        purchases=count,
        purchased_g=int(grams),
        first_purchase_day=first,
        last_purchase_day=last,
        villages=_villages(session, [(code, int(g)) for code, g in by_village]),
        parents=[row.trace_code for row in chain[1:]],
        shipped_day=lot.shipped_day,
        shipped_to=lot.shipped_to_kind,
    )


def _villages(session: Session, weights: list[tuple[str, int]]) -> list[TraceVillage]:
    """Names from what the county knows: the township of any station in it, and the
    village from a village station at exactly that code (its name without the township
    in front and 服务站 behind: 柳林镇胡家庄村服务站 → 胡家庄村)."""
    if not weights:
        return []
    prefixes = sorted({code[:9] for code, _ in weights})
    stations = session.execute(
        select(Station.division_code, Station.name, Station.level, Station.township).where(
            func.substr(Station.division_code, 1, 9).in_(prefixes)
        )
    ).all()
    townships = {row.division_code[:9]: row.township for row in stations if row.township}
    villages: dict[str, str] = {}
    for row in stations:
        if row.level != "village" or not row.name.endswith("服务站"):
            continue
        name = row.name.removesuffix("服务站").removeprefix(row.township or "")
        if name:
            villages.setdefault(row.division_code, name)
    ordered = sorted(weights, key=lambda item: (-item[1], item[0]))
    return [
        TraceVillage(
            code=code, name=villages.get(code), township=townships.get(code[:9]), net_g=grams
        )
        for code, grams in ordered
    ]


def _names(session: Session, township: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Product and grade names from the newest published ``prices`` set, if any."""
    row = reference.newest_for(session, "prices", township)
    products: dict[str, str] = {}
    grades: dict[tuple[str, str], str] = {}
    listed = row.data.get("products") if row is not None else None
    for product in listed if isinstance(listed, list) else []:
        if not isinstance(product, dict) or not isinstance(product.get("code"), str):
            continue
        code = product["code"]
        if isinstance(product.get("name"), str):
            products[code] = product["name"]
        product_grades = product.get("grades")
        for grade in product_grades if isinstance(product_grades, list) else []:
            if (
                isinstance(grade, dict)
                and isinstance(grade.get("code"), str)
                and isinstance(grade.get("name"), str)
            ):
                grades[code, grade["code"]] = grade["name"]
    return products, grades
