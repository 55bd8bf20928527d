"""Lots (批次): the day's purchases of one product and grade, under one trace code.

A lot is what leaves the station together, so it is what a buyer or the county asks
about; its trace code (溯源码) goes on the label and on every farmer's receipt. The code
is ten Crockford base-32 characters: no I, L, O or U, so nothing on a smudged label is
misread, and typed input folds the look-alikes back (I/L → 1, O → 0).

Splitting and shipping are in ``lot_actions.py``; looking a code up in ``trace.py``.
"""

from __future__ import annotations

import secrets
import unicodedata
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.produce_models import LotStatus, ProduceLot
from station_app.core.operators import OperatorInfo

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford base 32: digits and capitals without I, L, O, U."""
CODE_LENGTH = 10
_FOLDED = str.maketrans({"I": "1", "L": "1", "O": "0"})
_DROPPED = str.maketrans({" ": None, "-": None, "\u2010": None, "\u2212": None})


def new_trace_code() -> str:
    """Fifty random bits from ``secrets``: unguessable, so a code on a label does not
    lead to the neighbouring lots' farmers."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_trace_code(code: str) -> str:
    """``ABCDE-12345``: two halves a person reads out or types without losing count."""
    return f"{code[:5]}-{code[5:]}"


def normalise_trace_code(text: str) -> str | None:
    """The code as stored, from a label typed or scanned (full-width, lower case, with
    dashes or spaces, an O for a 0); None when it cannot be one."""
    folded = unicodedata.normalize("NFKC", text).upper().translate(_DROPPED).translate(_FOLDED)
    folded = "".join(folded.split())
    if len(folded) != CODE_LENGTH or any(char not in ALPHABET for char in folded):
        return None
    return folded


def open_lot(session: Session, product: str, grade: str, day: str) -> ProduceLot | None:
    """The day's open lot of a product and grade (not a child of a split: those hold
    what was weighed out of another lot, not the day's purchases)."""
    return session.scalars(
        select(ProduceLot)
        .where(
            ProduceLot.business_day == day,
            ProduceLot.product_code == product,
            ProduceLot.grade_code == grade,
            ProduceLot.status == LotStatus.OPEN.value,
            ProduceLot.parent_uid.is_(None),
        )
        .order_by(ProduceLot.id.desc())
        .limit(1)
    ).first()


def lot_for(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    product: str,
    grade: str,
    day: date | str,
) -> ProduceLot:
    """The lot a purchase goes into: the open one, else a new one (``lot.opened``). A
    lot closed by a split stays closed: the day's later purchases start a new lot."""
    iso = day.isoformat() if isinstance(day, date) else day
    found = open_lot(session, product, grade, iso)
    if found is not None:
        return found
    lot_uid, code = str(uuid.uuid4()), _unused_code(session)
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="lot.opened",
        payload={
            "lot": lot_uid,
            "trace_code": code,
            "product": product,
            "grade": grade,
            "day": iso,
        },
    )
    lot = ProduceLot(
        uid=lot_uid,
        trace_code=code,
        product_code=product,
        grade_code=grade,
        business_day=iso,
        status=LotStatus.OPEN.value,
        purchased_g=0,
        split_in_g=0,
        split_out_g=0,
        shipped_g=0,
        opened_at=clock.now(),
        opened_by=actor.login,
        opened_entry=entry.entry_id,
    )
    session.add(lot)
    session.flush()
    return lot


def _unused_code(session: Session) -> str:
    """A code no lot here has: 2⁵⁰ codes make a clash all but impossible, and a clash
    would send a buyer's question to the wrong farmers."""
    while True:
        code = new_trace_code()
        if session.scalar(select(ProduceLot.id).where(ProduceLot.trace_code == code)) is None:
            return code
