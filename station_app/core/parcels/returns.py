"""Overdue parcels (滞留件) and returns to the courier (退件).

A parcel left on the shelf too long is listed for a reminder, and eventually given back
to the courier with a reason; the return is a ledger entry like any other action.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.notifications import outbox
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.views import ParcelView

REASONS = {
    "refused": QT_TRANSLATE_NOOP("core", "拒收"),
    "overdue": QT_TRANSLATE_NOOP("core", "超期未取"),
    "misdelivered": QT_TRANSLATE_NOOP("core", "错投"),
    "damaged": QT_TRANSLATE_NOOP("core", "破损"),
    "other": QT_TRANSLATE_NOOP("core", "其他"),
}


def overdue(session: Session, now: datetime, days: int) -> list[ParcelView]:
    """On the shelf since before ``now - days``, longest waiting first."""
    cutoff = now - timedelta(days=days)
    rows = session.scalars(
        select(Parcel)
        .where(Parcel.status == ParcelStatus.ON_SHELF.value)
        .where(Parcel.checked_in_at < cutoff)
        .order_by(Parcel.checked_in_at)
    )
    return [ParcelView.of(row) for row in rows]


def return_to_courier(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    parcel_uid: str,
    reason: str,
    note: str = "",
) -> ParcelView:
    """Give a parcel on the shelf back to its courier; anything else is refused."""
    if reason not in REASONS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择退件原因。"))
    note = " ".join(note.split())[:200]
    if reason == "other" and not note:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "退件原因选“其他”时请写明情况。"))
    row = session.scalar(select(Parcel).where(Parcel.uid == parcel_uid))
    if row is None or row.status != ParcelStatus.ON_SHELF.value:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这个包裹不在货架上，不能退件。"))
    row.status = ParcelStatus.RETURNED.value
    outbox.cancel_for_parcel(session, row.uid)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="parcel.returned",
        payload={
            "parcel": row.uid,
            "tracking_number": row.tracking_number,
            "reason": reason,
            "note": note,
        },
    )
    return ParcelView.of(row)
