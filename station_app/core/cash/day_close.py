"""The day close (日结): what the book expects in each place money is, what the keeper
counted, and the difference, kept as counted.

A close covers every movement after the previous close's ledger entry, by sequence: a
keeper who forgot yesterday's close closes both days today, and a payment taken after
the close belongs to the next one, whatever the clock says. The drawer opens with what
was counted at the last close (the book's cash is what should be there; the counted
cash is what is). Only a keeper closes, once per business day; over and short are
recorded with a note and never forced to match.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.bills import views as bill_views
from station_app.core.clock import Clock, business_day
from station_app.core.db.cash_models import METHODS, CashMovement, DayClose
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require
from sync.events import MAX_AMOUNT_FEN


@dataclass(frozen=True)
class KindTotal:
    """One line of the close report: what the money was for, how it moved, how much."""

    kind: str
    method: str
    count: int
    amount: Fen


@dataclass(frozen=True)
class Summary:
    """What the 日结 page shows before the keeper counts."""

    business_day: str
    after_seq: int
    """The previous close's entry (0 before the first close)."""
    opening_cash: Fen
    net: dict[str, Fen]
    """Per method, the movements since the previous close (in − out)."""
    kinds: list[KindTotal] = field(default_factory=list)
    closed_today: DayClose | None = None

    def expected(self, method: str) -> Fen:
        opening = self.opening_cash if method == "cash" else Fen(0)
        return opening + self.net.get(method, Fen(0))

    @property
    def movement_count(self) -> int:
        return sum(line.count for line in self.kinds)


@dataclass(frozen=True)
class Closed:
    seq: int
    business_day: str
    expected: dict[str, Fen]
    counted: dict[str, Fen]

    def difference(self, method: str) -> Fen:
        """Counted minus expected: positive is over (长款), negative short (短款)."""
        return self.counted.get(method, Fen(0)) - self.expected.get(method, Fen(0))


def last_close(session: Session) -> DayClose | None:
    return session.scalar(select(DayClose).order_by(DayClose.seq.desc()).limit(1))


def counted_of(close: DayClose) -> dict[str, Fen]:
    return {method: Fen(fen) for method, fen in json.loads(close.counted).items()}


def expected_of(close: DayClose) -> dict[str, Fen]:
    return {method: Fen(fen) for method, fen in json.loads(close.expected).items()}


def summary(session: Session, now: datetime) -> Summary:
    """The open period: one aggregate over the movements after the last close."""
    previous = last_close(session)
    after = previous.seq if previous is not None else 0
    opening = counted_of(previous).get("cash", Fen(0)) if previous is not None else Fen(0)
    rows = session.execute(
        select(
            CashMovement.kind,
            CashMovement.method,
            func.count(),
            func.sum(CashMovement.amount_fen),
        )
        .where(CashMovement.seq > after)
        .group_by(CashMovement.kind, CashMovement.method)
        .order_by(CashMovement.kind, CashMovement.method)
    )
    kinds = [KindTotal(kind, method, count, Fen(int(total))) for kind, method, count, total in rows]
    net: dict[str, Fen] = {}
    for line in kinds:
        net[line.method] = net.get(line.method, Fen(0)) + line.amount
    day = business_day(now).isoformat()
    today = session.scalar(select(DayClose).where(DayClose.business_day == day))
    return Summary(day, after, opening, net, kinds, today)


def close_day(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    counted: Mapping[str, Fen],
    note: str = "",
    carried_over: Sequence[str] = (),
) -> Closed:
    """Close the open period with the keeper's counts; refused twice a day or for an
    assistant. ``counted`` needs the cash and every method the book moved.
    ``carried_over`` must name exactly the bill payments still open: the keeper has
    looked at each one, so none is carried to tomorrow unnoticed."""
    require(actor.role, Permission.CLOSE_DAY)
    now = clock.now()
    open_period = summary(session, now)
    if open_period.closed_today is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "今天已经日结过了（{operator}），明天再结。"),
            operator=open_period.closed_today.operator,
        )
    open_bills = [payment.uid for payment in bill_views.pending(session)]
    if sorted(open_bills) != sorted(carried_over):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "有{count}笔缴费还没有结果，请逐笔核对后确认转入下一天，再日结。"
            ),
            count=len(open_bills),
        )
    counts = _checked_counts(open_period, counted)
    note = " ".join(note.split())
    if len(note) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "备注太长（最多200个字）。"))
    expected = {method: open_period.expected(method) for method in counts}
    payload = {
        "business_day": open_period.business_day,
        "opening_cash_fen": open_period.opening_cash.fen,
        "expected": {method: fen.fen for method, fen in expected.items()},
        "counted": {method: fen.fen for method, fen in counts.items()},
        "note": note,
        "carried_over": open_bills,
    }
    appended = ledger.append(
        session, clock, operator=actor.login, event_type="day.closed", payload=payload
    )
    add_close_row(session, appended.seq, now, actor.login, payload)
    return Closed(appended.seq, open_period.business_day, expected, counts)


def add_close_row(
    session: Session, seq: int, at: datetime, operator: str, payload: Mapping[str, object]
) -> None:
    """The state row of a ``day.closed`` entry (written at the close and by a replay)."""
    session.add(
        DayClose(
            business_day=payload["business_day"],
            seq=seq,
            closed_at=at,
            operator=operator,
            opening_cash_fen=payload["opening_cash_fen"],
            expected=json.dumps(payload["expected"], sort_keys=True),
            counted=json.dumps(payload["counted"], sort_keys=True),
            note=payload["note"],
            carried_over=json.dumps(payload["carried_over"]),
        )
    )
    session.flush()


def _checked_counts(open_period: Summary, counted: Mapping[str, Fen]) -> dict[str, Fen]:
    needed = {"cash"} | {m for m, fen in open_period.net.items() if fen.fen != 0}
    counts: dict[str, Fen] = {}
    for method in METHODS:
        value = counted.get(method)
        if value is None:
            if method in needed:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("core", "请填写清点到的{method}金额（没有就填0）。"),
                    method=METHOD_NAMES[method],
                )
            continue
        if value.fen < 0 or value.fen > MAX_AMOUNT_FEN:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{method}的清点金额不对：{amount}元。"),
                method=METHOD_NAMES[method],
                amount=value.format(),
            )
        counts[method] = value
    return counts


METHOD_NAMES = {
    "cash": QT_TRANSLATE_NOOP("core", "现金"),
    "wechat": QT_TRANSLATE_NOOP("core", "微信收款"),
    "alipay": QT_TRANSLATE_NOOP("core", "支付宝收款"),
    "bank": QT_TRANSLATE_NOOP("core", "银行转账"),
}
