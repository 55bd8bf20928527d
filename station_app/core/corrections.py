"""Correcting the record: a mistake is voided by a new entry, by a keeper, with a reason.

Business modules void their own actions (a parcel check-in, a payment) through here, so
the rule — keepers only, always a reason, never twice, never by editing — is written
once.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require


def void(
    session: Session, clock: Clock, *, actor: OperatorInfo, entry_id: str, reason: str
) -> ledger.Appended:
    """Void an earlier entry by appending ``entry.voided`` that names it."""
    require(actor.role, Permission.VOID)
    reason = reason.strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "作废必须写明原因。"))
    return ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="entry.voided",
        payload={"reason": reason},
        corrects=entry_id,
    )
