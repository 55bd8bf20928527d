"""Replaying farmer and lot entries onto the state tables.

Each handler does to the row what the action that wrote the entry did, and nothing
more. A farmer's name, phone and ID number were never on the ledger (DESIGN.md,
Privacy): a rebuilt farmer shows the placeholder name, has no phone, no ID number and
no pinyin initials (so it is found by nothing but the list of recent farmers), and is
paid in cash by default until the keeper fills the form in again. The purchases that
fill a lot are replayed by ``core.replay_produce`` (``produce.purchased`` adds to the
lot's ``purchased_g``); here only what the lot entries say.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.produce_models import Farmer, LotStatus, ProduceLot
from station_app.core.replay_base import PLACEHOLDER, Entry, Handler

REPLAYED_PAY_PREFERENCE = "cash"
"""The farmer's preference is local, not on the ledger; cash is what a purchase form
offers first anyway."""


def _farmer(session: Session, uid: str) -> Farmer | None:
    return session.scalar(select(Farmer).where(Farmer.uid == uid))


def _lot(session: Session, uid: str) -> ProduceLot | None:
    return session.scalar(select(ProduceLot).where(ProduceLot.uid == uid))


def farmer_registered(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _farmer(session, payload["farmer"]) is not None:
        return
    session.add(
        Farmer(
            uid=payload["farmer"],
            name=PLACEHOLDER,
            initials="",
            phone=None,
            phone_tail=None,
            village_code=payload["village"],
            id_number=None,
            household=payload.get("household"),
            pay_preference=REPLAYED_PAY_PREFERENCE,
            registered_at=entry.occurred_at,
            registered_by=entry.operator,
            registered_entry=entry.entry_id,
            changed_at=entry.occurred_at,
        )
    )
    session.flush()


def farmer_changed(session: Session, entry: Entry) -> None:
    row = _farmer(session, entry.payload["farmer"])
    if row is None:
        return
    row.village_code = entry.payload["village"]
    row.household = entry.payload.get("household")
    row.changed_at = entry.occurred_at
    session.flush()


def lot_opened(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _lot(session, payload["lot"]) is not None:
        return
    session.add(
        ProduceLot(
            uid=payload["lot"],
            trace_code=payload["trace_code"],
            product_code=payload["product"],
            grade_code=payload["grade"],
            business_day=payload["day"],
            parent_uid=None,
            status=LotStatus.OPEN.value,
            purchased_g=0,
            split_in_g=0,
            split_out_g=0,
            shipped_g=0,
            opened_at=entry.occurred_at,
            opened_by=entry.operator,
            opened_entry=entry.entry_id,
        )
    )
    session.flush()


def lot_split(session: Session, entry: Entry) -> None:
    """The parent closes and gives what the children took; each child is a closed lot
    of the parent's product, grade and day (it takes no purchases of its own)."""
    parent = _lot(session, entry.payload["lot"])
    if parent is None:
        return
    made = 0
    for child in entry.payload["children"]:
        if _lot(session, child["lot"]) is not None:
            continue
        session.add(
            ProduceLot(
                uid=child["lot"],
                trace_code=child["trace_code"],
                product_code=parent.product_code,
                grade_code=parent.grade_code,
                business_day=parent.business_day,
                parent_uid=parent.uid,
                status=LotStatus.CLOSED.value,
                purchased_g=0,
                split_in_g=child["net_g"],
                split_out_g=0,
                shipped_g=0,
                opened_at=entry.occurred_at,
                opened_by=entry.operator,
                opened_entry=entry.entry_id,
            )
        )
        made += child["net_g"]
    parent.split_out_g += made
    if parent.status == LotStatus.OPEN.value:
        parent.status = LotStatus.CLOSED.value
    session.flush()


def lot_shipped(session: Session, entry: Entry) -> None:
    payload = entry.payload
    row = _lot(session, payload["lot"])
    if row is None or row.status == LotStatus.SHIPPED.value:
        return
    row.status = LotStatus.SHIPPED.value
    row.shipped_g = payload["net_g"]
    row.shipment_uid = payload["shipment"]
    row.shipped_at = entry.occurred_at
    row.shipped_by = entry.operator
    row.shipped_to_kind = payload["to_kind"]
    row.shipped_to_name = payload["to_name"]
    row.shipped_entry = entry.entry_id
    session.flush()


HANDLERS: dict[str, Handler] = {
    "farmer.registered": farmer_registered,
    "farmer.changed": farmer_changed,
    "lot.opened": lot_opened,
    "lot.split": lot_split,
    "lot.shipped": lot_shipped,
}
