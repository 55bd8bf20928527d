"""Pickup (出库): find what a villager is waiting for and hand it over.

The villager says a pickup code or the last four digits of their phone; the keeper
confirms each parcel by scanning its waybill, so the wrong parcel cannot leave. Several
parcels go in one transaction: all are handed over, or none.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, local_time
from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.notifications import outbox
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import photos
from station_app.core.parcels.shelves import looks_like_pickup_code
from station_app.core.parcels.views import ParcelView

ON_SHELF = ParcelStatus.ON_SHELF.value


def find(session: Session, query: str) -> list[ParcelView]:
    """By pickup code, last four phone digits, or tracking number (any status, so a
    parcel already gone can say when and to whom)."""
    text = "".join(query.split()).upper()
    if not text:
        return []
    where: ColumnElement[bool]
    if looks_like_pickup_code(text):
        where = (Parcel.pickup_code == text) & (Parcel.status == ON_SHELF)
    elif text.isdigit() and len(text) == 4:
        # phone_tail holds the extension's last four digits for a virtual number, so
        # one index answers both: a LIKE on the extension read every row (140 ms at 1M).
        where = (Parcel.phone_tail == text) & (Parcel.status == ON_SHELF)
    else:
        where = Parcel.tracking_number == text
    rows = session.scalars(select(Parcel).where(where).order_by(Parcel.id.desc()).limit(50))
    return [ParcelView.of(row) for row in rows]


def waiting_for_same_phone(session: Session, parcel_uid: str) -> list[ParcelView]:
    """Everything on the shelf for the same villager, so they leave with all of it."""
    row = _by_uid(session, parcel_uid)
    if row.phone_tail is None and row.phone is None:
        return [ParcelView.of(row)] if row.status == ON_SHELF else []
    same: ColumnElement[bool]
    if row.phone and row.extension:  # a virtual number is shared: the extension is the person
        same = (Parcel.phone == row.phone) & (Parcel.extension == row.extension)
    elif row.phone:
        same = Parcel.phone == row.phone
    else:
        same = Parcel.phone_tail == row.phone_tail
    rows = session.scalars(
        select(Parcel).where(same, Parcel.status == ON_SHELF).order_by(Parcel.pickup_code)
    )
    return [ParcelView.of(r) for r in rows]


def hand_over(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    scans: dict[str, str | None],
    photo: photos.SavedPhoto | None = None,
) -> list[ParcelView]:
    """Hand over the parcels in ``scans`` (uid → the waybill scanned to confirm it, or
    None when confirmed by sight). Refuses the whole batch on the first problem.

    A ``photo`` (already on disk, see :func:`photos.kept`) is kept with every parcel
    handed over, and its sha256 goes on each ledger entry as evidence."""
    if not scans:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请先选择要取走的包裹。"))
    now = clock.now()
    handed = []
    for uid, scanned in scans.items():
        row = _by_uid(session, uid)
        _check_can_leave(row, scanned)
        row.status = ParcelStatus.PICKED_UP.value
        row.picked_up_at = now
        row.picked_up_by = actor.login
        outbox.cancel_for_parcel(session, row.uid)  # no "your parcel has arrived" afterwards
        payload: dict[str, object] = {
            "parcel": row.uid,
            "tracking_number": row.tracking_number,
            "confirmed_by_scan": scanned is not None,
        }
        if photo is not None:  # absent, not null, without one: such entries hash as before
            payload["photo_sha256"] = photo.sha256
        entry = ledger.append(
            session, clock, operator=actor.login, event_type="parcel.picked_up", payload=payload
        )
        if photo is not None:
            photos.record(
                session, photo, parcel_uid=row.uid, entry_id=entry.entry_id, operator=actor.login
            )
        handed.append(ParcelView.of(row))
    return handed


def _check_can_leave(row: Parcel, scanned: str | None) -> None:
    if row.status == ParcelStatus.PICKED_UP.value and row.picked_up_at is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "单号{tracking}已于{when}由{operator}办理取件，不能重复取件。"
            ),
            tracking=row.tracking_number,
            when=local_time(row.picked_up_at).strftime("%Y-%m-%d %H:%M"),
            operator=row.picked_up_by or "",
        )
    if row.status == ParcelStatus.LOST.value:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}已在盘点时记为丢失，不在货架上。"),
            tracking=row.tracking_number,
        )
    if row.status != ON_SHELF:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}已退回快递公司，不在货架上。"),
            tracking=row.tracking_number,
        )
    if scanned is not None and "".join(scanned.split()).upper() != row.tracking_number:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "扫的单号{scanned}和要取的包裹{tracking}不一致，请核对。"),
            scanned=scanned,
            tracking=row.tracking_number,
        )


def _by_uid(session: Session, uid: str) -> Parcel:
    row = session.scalar(select(Parcel).where(Parcel.uid == uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这个包裹。"))
    return row
