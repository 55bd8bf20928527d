"""Shelves, tiers and pickup codes in the national convention ``shelf-tier-serial``.

A code like ``3-2-0156`` tells the keeper where to reach (shelf 3, tier 2) and is short
enough to say aloud. The serial restarts every business day; a code is unique among
parcels still on the shelf, so a code from last week that is still waiting is skipped.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core.db.models import Parcel, ParcelStatus, Shelf
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_LAYOUT = (("1", 4), ("2", 4), ("3", 4))
SHELF_CODE = re.compile(r"^(?:[1-9]\d?|[A-Z])$")
PICKUP_CODE = re.compile(r"^([1-9]\d?|[A-Z])-([1-9])-(\d{4})$")
MAX_SERIAL = 9999


def format_code(shelf: str, tier: int, serial: int) -> str:
    return f"{shelf}-{tier}-{serial:04d}"


def looks_like_pickup_code(text: str) -> bool:
    return PICKUP_CODE.match(text.strip().upper()) is not None


def shelves(session: Session) -> list[Shelf]:
    """The layout, created with a sensible default the first time it is asked for."""
    rows = list(session.scalars(select(Shelf).order_by(Shelf.position)))
    if rows or not session.in_transaction():
        return rows
    for position, (code, tiers) in enumerate(DEFAULT_LAYOUT):
        session.add(Shelf(code=code, tiers=tiers, position=position))
    session.flush()
    return list(session.scalars(select(Shelf).order_by(Shelf.position)))


def check_place(session: Session, shelf: str, tier: int) -> None:
    """On the path of every scan, so one indexed lookup rather than the whole layout."""
    tiers = _tiers_of(session, shelf)
    if tiers is None:
        shelves(session)  # the first scan ever lays out the default shelves
        tiers = _tiers_of(session, shelf)
    if tiers is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "没有编号为“{shelf}”的货架。"), shelf=shelf)
    if not 1 <= tier <= tiers:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{shelf}号货架只有{tiers}层。"), shelf=shelf, tiers=tiers
        )


def _tiers_of(session: Session, shelf: str) -> int | None:
    return session.scalar(select(Shelf.tiers).where(Shelf.code == shelf))


def allocate(session: Session, shelf: str, tier: int, day: date) -> tuple[str, int]:
    """The next free code on ``shelf``/``tier`` for ``day``: (code, serial)."""
    check_place(session, shelf, tier)
    last = session.scalar(select(func.max(Parcel.serial)).where(Parcel.code_day == day.isoformat()))
    serial = (last or 0) + 1
    while serial <= MAX_SERIAL:
        code = format_code(shelf, tier, serial)
        taken = session.scalar(
            select(Parcel.id).where(
                Parcel.pickup_code == code, Parcel.status == ParcelStatus.ON_SHELF.value
            )
        )  # served by the partial unique index on codes still on the shelf
        if taken is None:
            return code, serial
        serial += 1
    raise ValidationError(
        QT_TRANSLATE_NOOP("core", "今天的取件码已经用完（{limit}个），请先清理货架。"),
        limit=MAX_SERIAL,
    )
