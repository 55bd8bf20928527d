"""Petty cash (零钱、杂支): money in or out of the drawer that no other module records.

Keepers and assistants alike handle the drawer, so both may record it; a reason is
always required, because the day close has to explain every yuan. A mistake is voided
(``core.corrections.void``, keepers only), which puts the book back.
"""

from __future__ import annotations

import enum

from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.cash_models import METHODS
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from sync.events import MAX_AMOUNT_FEN


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


def record(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    direction: Direction,
    amount: Fen,
    method: str,
    reason: str,
) -> ledger.Appended:
    check_amount(amount)
    if method not in METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择收付方式。"))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请写明这笔钱的用途或来源。"))
    if len(reason) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "说明太长（最多200个字）。"))
    return ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type=f"cash.petty_{direction.value}",
        payload={"amount_fen": amount.fen, "method": method, "reason": reason},
    )


def check_amount(amount: Fen) -> None:
    """Zero, negative and absurd amounts are a slip of the keyboard, never a movement."""
    if amount.fen <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "金额必须大于0。"))
    if amount.fen > MAX_AMOUNT_FEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "金额不能超过{limit}元。"),
            limit=Fen(MAX_AMOUNT_FEN).format(grouping=True),
        )
