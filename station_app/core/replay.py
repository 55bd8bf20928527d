"""Rebuilding state from ledger entries: what a station restored from an old backup (or
a new PC taking over a station) does with the entries it fetches from the county.

"State tables are a projection that can be rebuilt from the ledger" (DESIGN.md), with
one deliberate hole: the ledger carries no personal data (phones, names, addresses)
and no secrets (password hashes, the SMS gateway key), because it goes to the county.
So a rebuilt row gets what the entry says and a visible placeholder (``—``) for the
rest. :func:`apply` changes state only: the entry itself is imported as it is by
:mod:`station_app.core.ledger_import`, in the same transaction, and nothing is
appended. No notification is queued by a replay: a notice about an old arrival, or
about a code changed weeks ago, is news the other install already sent, and a
rebuilt parcel has no phone to send it to.

========================== ==================================================================
event type                 what a replay does / cannot do
========================== ==================================================================
station.created            makes the station row when there is none (install id from the
                           entry); an existing row is left as it is (this install's id)
station.taken_over         sets the station's install id to the one that took over
operator.created           adds the operator **inactive**, with no usable password (the
                           hash is not on the ledger): a keeper sets a password, then
                           reactivates them
operator.password_changed  **cannot be replayed**: the new hash is not on the ledger; an
                           operator known to the backup keeps the backup's password
operator.deactivated       sets inactive
operator.reactivated       sets active, unless the operator has no usable password yet
preference.changed         sets the value; a secret (recorded as ``******``) keeps the
                           local value: **the SMS gateway key must be typed again**
entry.voided               the cash book (a voided entry's money is reversed); a voided
                           purchase (``produce.purchased``) is marked voided, its weight
                           leaves the lot
cash.petty_in / _out       the cash book only (every entry is booked by
                           ``cash.projection``, as when it was written)
day.closed                 the close, as counted
parcel.checked_in          parcel on its shelf (place from the pickup code), **no phone,
                           no name** (shown empty, searchable by code or tracking number
                           only), no arrival notice
parcel.picked_up           picked up, notices cancelled; the hand-over photo is not
                           rebuilt (only its hash is on the ledger)
parcel.courier_corrected   courier set
parcel.returned            returned, notices cancelled
parcel.lost                lost, notices cancelled
parcel.relocated           new code and place; the reminder with the new code is not queued
shipment.accepted          shipment with fee, weights, city; **names, phones and address
                           are placeholders** (the waybill cannot be reprinted)
shipment.collected         collected, with the courier's tracking number
shipment.cancelled         cancelled, with the reason
stocktake.started          the count, open
stocktake.finished         finished; **its scans (stocktake_items) cannot be rebuilt**:
                           they were never on the ledger, only the counts in this entry
stocktake.parcel_reshelved nothing: the parcel kept its code and place
route.saved                route upserted by code with its stops; a save that renamed a
                           code leaves the old route (the old code is not on the ledger)
route.removed              route and stops deleted
bag.opened                 the bag; **its list's parcels are not on the ledger** (they
                           return as received, and the missing ones at close)
bag.parcel_received        bag item received, with its destination
bag.parcel_sorted          bag item's destination
bag.closed                 closed; missing listed parcels added as expected, courier ``?``
manifest.dispatched        outgoing manifest, items from the bag items (courier, masked
                           phone), those items marked as dispatched on it
manifest.imported          incoming manifest, open; route, dispatcher, couriers, masked
                           phones and **route siblings are not on the ledger**: no
                           wrong-route findings for it until closed (re-import the file)
manifest.reconciled        closed with the entry's counts, arrivals and findings
order.registered           order with items, amounts, tracking number; **villager's name is a
                           placeholder and there is no phone** (in no villager's balance)
order.placed / .shipped    state, platform order number, tracking number
order.arrived              已到站, with the parcel that matched (if any)
order.delivered            已交付, balance settled (the parcel's own entry takes it off
                           the shelf)
order.cancelled / refunded state, reason and the amount paid back
bill.recorded              payment 待缴 with biller, amounts, method and account tail; **no
                           account number** (masked, found by tail, not payable from here)
bill.submitted             处理中
bill.succeeded             成功, with the biller's reference
bill.failed                失败, with the reason (the refund is the cash book's)
produce.price_set          the keeper's price for the day
produce.purchased          purchase with its weighings, the lot's weight, the price marked
                           used; the county's price rows are not on the ledger (the set is)
produce.settled            settled purchases, nettings, the agent orders' netted balances
farmer.registered          farmer with village and household; **name is a placeholder, no
                           phone, no ID number, no pinyin initials**, paid in cash by default
farmer.changed             village and household
lot.opened                 the lot, open, with its trace code
lot.split                  children (closed, their grams), the parent closed and reduced
lot.shipped                shipped, with the weight and to whom
========================== ==================================================================

An entry of a type this app does not know (written by a newer app, kept flagged by the
county) is imported but not replayed: :func:`apply` answers False and the caller
counts it, so the keeper can be told to update the app.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import preferences
from station_app.core.cash import day_close
from station_app.core.cash import projection as cash_projection
from station_app.core.db.models import LedgerEntry, Operator, Preference, Station
from station_app.core.replay_base import REPLAYED_PASSWORD_HASH, Entry, Handler
from station_app.core.replay_bills import HANDLERS as BILL_HANDLERS
from station_app.core.replay_lots import HANDLERS as LOT_HANDLERS
from station_app.core.replay_manifests import HANDLERS as MANIFEST_HANDLERS
from station_app.core.replay_orders import HANDLERS as ORDER_HANDLERS
from station_app.core.replay_parcels import HANDLERS as PARCEL_HANDLERS
from station_app.core.replay_produce import HANDLERS as PRODUCE_HANDLERS
from station_app.core.replay_produce import VOIDED_HANDLERS as PRODUCE_VOIDED_HANDLERS
from sync.events import InvalidPayload, UnknownEventType, validate_payload

__all__ = ["HANDLERS", "Entry", "apply"]


def station_created(session: Session, entry: Entry) -> None:
    if session.scalar(select(Station.id)) is not None:
        return
    payload = entry.payload
    session.add(
        Station(
            id=1,
            station_id=entry.station_id,
            install_id=payload["install_id"],
            name=payload["name"],
            level=payload["level"],
            division_code=payload["division_code"],
            created_at=entry.occurred_at,
        )
    )
    session.flush()


def station_taken_over(session: Session, entry: Entry) -> None:
    station = session.scalar(select(Station))
    if station is not None:
        station.install_id = entry.payload["install_id"]


def _operator(session: Session, login: str) -> Operator | None:
    return session.scalar(select(Operator).where(func.lower(Operator.login) == login.lower()))


def operator_created(session: Session, entry: Entry) -> None:
    payload = entry.payload
    if _operator(session, payload["login"]) is not None:
        return
    session.add(
        Operator(
            login=payload["login"],
            display_name=payload["display_name"],
            role=payload["role"],
            password_hash=REPLAYED_PASSWORD_HASH,
            active=False,
            created_at=entry.occurred_at,
        )
    )
    session.flush()


def password_changed(session: Session, entry: Entry) -> None:
    """The new hash never left the other install: the local one stays."""
    del session, entry


def _set_active(session: Session, entry: Entry, active: bool) -> None:
    row = _operator(session, entry.payload["login"])
    if row is None:
        return
    row.active = active and row.password_hash != REPLAYED_PASSWORD_HASH


def deactivated(session: Session, entry: Entry) -> None:
    _set_active(session, entry, False)


def reactivated(session: Session, entry: Entry) -> None:
    _set_active(session, entry, True)


def preference_changed(session: Session, entry: Entry) -> None:
    key, value = entry.payload["key"], entry.payload["value"]
    secret = any(pref.secret and pref.key == key for pref in preferences.ALL)
    if secret and value == preferences.REDACTED:
        return  # the real value never went on the ledger; "******" would break the sender
    row = session.get(Preference, key)
    if row is None:
        session.add(Preference(key=key, value=value))
    else:
        row.value = value
    session.flush()


def petty_cash(session: Session, entry: Entry) -> None:
    """The cash book is the whole of it, and :func:`apply` books every entry."""
    del session, entry


def day_closed(session: Session, entry: Entry) -> None:
    day_close.add_close_row(session, entry.seq, entry.occurred_at, entry.operator, entry.payload)


VOIDED_HANDLERS: dict[str, Handler] = {**PRODUCE_VOIDED_HANDLERS}
"""The voids that change state, by the type of the entry voided; for the others
``core.corrections.void`` appends the entry and changes nothing, nor does the replay."""


def voided(session: Session, entry: Entry) -> None:
    if entry.corrects is None:
        return
    corrected = session.scalar(
        select(LedgerEntry.type).where(LedgerEntry.entry_id == entry.corrects)
    )
    handler = VOIDED_HANDLERS.get(corrected or "")
    if handler is not None:
        handler(session, entry)


HANDLERS: dict[str, Handler] = {
    "station.created": station_created,
    "station.taken_over": station_taken_over,
    "operator.created": operator_created,
    "operator.password_changed": password_changed,
    "operator.deactivated": deactivated,
    "operator.reactivated": reactivated,
    "preference.changed": preference_changed,
    "entry.voided": voided,
    "cash.petty_in": petty_cash,
    "cash.petty_out": petty_cash,
    "day.closed": day_closed,
    **PARCEL_HANDLERS,
    **MANIFEST_HANDLERS,
    **ORDER_HANDLERS,
    **BILL_HANDLERS,
    **PRODUCE_HANDLERS,
    **LOT_HANDLERS,
}


def apply(session: Session, entry: Entry) -> bool:
    """Apply one entry's effect to the state tables in the caller's transaction.

    False when this app cannot replay it (a type or version it does not know, or a
    payload its schema refuses: the county keeps such entries flagged), True otherwise.
    """
    handler = HANDLERS.get(entry.type)
    if handler is None:
        return False
    try:
        validate_payload(entry.type, entry.schema_version, dict(entry.payload))
    except (UnknownEventType, InvalidPayload):
        return False
    handler(session, entry)
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None
    cash_projection.book(
        dbapi,
        seq=entry.seq,
        event_type=entry.type,
        business_day=entry.business_day,
        payload=entry.payload,
        corrects=entry.corrects,
    )
    return True
