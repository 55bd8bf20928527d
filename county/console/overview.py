"""What the console shows of the stations, read from the ingest projections and the
stations' own rows, never from the raw ledger: five grouped queries for the whole
county, whatever the number of stations (not one query per station).

- ``stations``: name, code, level, township, enrolment, entries held
  (``held_through``) and the last accepted batch (``last_batch_at``, the county's
  receive time);
- ``credentials``: whether a live credential exists (a revoked station shows so);
- ``refusals``: refused batches per station (fork, gap, broken chain, bad payload,
  wrong station), the newest one's time;
- ``ledger_entries`` flagged for review, counted through the partial index on
  flagged rows only (``ix_ledger_entries_flagged``), never the whole ledger;
- ``daily_totals``: distinct business days this month (the station's business day,
  Beijing time).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from county.db.models import Credential, DailyAmount, DailyTotal, LedgerEntry, Refusal, Station

Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])
BEIJING = ZoneInfo("Asia/Shanghai")
LEVEL_NAMES = {"village": "村级", "township": "乡镇"}
DEFAULT_SILENT_DAYS = 3
HISTORY_DAYS = 30

TYPE_NAMES = {
    "parcel.checked_in": "到件",
    "parcel.picked_up": "取件",
    "parcel.returned": "退件",
    "shipment.accepted": "寄件",
    "shipment.collected": "寄件揽收",
    "order.placed": "代购下单",
    "order.delivered": "代购交付",
    "bill.succeeded": "代缴成功",
    "produce.purchased": "农产品收购",
    "lot.shipped": "批次发出",
    "entry.voided": "作废",
    "day.closed": "日结",
}
"""Event types a county officer reads by name on the station page; others are summed
under 其他."""
AMOUNT_NAMES = {
    ("shipment.accepted", "fee_fen"): "寄件运费",
    ("produce.purchased", "amount_fen"): "收购金额",
    ("produce.purchased", "net_g"): "收购净重",
}


def business_today(now: datetime) -> date:
    return now.astimezone(BEIJING).date()


@dataclass
class StationFacts:
    id: int
    code: str
    name: str
    level: str
    township: str
    enrolled: bool
    credential_live: bool
    held_through: int
    last_batch_at: datetime | None
    enrolled_at: datetime | None
    refusals: int = 0
    last_refusal_at: datetime | None = None
    flagged: int = 0
    active_days: int = 0

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, self.level)

    @property
    def enrolment(self) -> str:
        if not self.enrolled:
            return "未接入"
        return "已接入" if self.credential_live else "凭证已停用"

    @property
    def chain_states(self) -> list[tuple[str, str]]:
        """(css class, text): 正常, or what needs looking at."""
        if not self.enrolled:
            return [("none", "—")]
        states = []
        if self.refusals:
            states.append(("bad", "有被拒记录"))
        if self.flagged:
            states.append(("warn", "有待复核条目"))
        return states or [("ok", "正常")]

    @property
    def refused_since_last_batch(self) -> bool:
        """The newest refusal came after the last batch the county accepted: the
        station is stuck on it (a refusal it got past is history, not an alert)."""
        if self.last_refusal_at is None:
            return False
        return self.last_batch_at is None or self.last_refusal_at >= self.last_batch_at

    def silent_for(self, now: datetime) -> timedelta | None:
        """How long an enrolled station has sent nothing (since enrolment if never)."""
        if not self.enrolled or not self.credential_live:
            return None
        since = self.last_batch_at or self.enrolled_at
        return None if since is None else now - since


@dataclass(frozen=True)
class Alert:
    station: StationFacts
    kind: str
    """``silent`` or ``refused``."""
    text: str


@dataclass
class Township:
    name: str
    stations: list[StationFacts] = field(default_factory=list)


@dataclass(frozen=True)
class Overview:
    townships: list[Township]
    alerts: list[Alert]
    month: str
    silent_days: int
    station_count: int
    enrolled_count: int


def _facts(session: Session, now: datetime, code: str | None = None) -> list[StationFacts]:
    stations = select(
        Station.id,
        Station.code,
        Station.name,
        Station.level,
        Station.township,
        Station.station_id,
        Station.enrolled_at,
        Station.held_through,
        Station.last_batch_at,
    ).order_by(Station.township, Station.code)
    if code is not None:
        stations = stations.where(Station.code == code)
    facts = {
        row.id: StationFacts(
            id=row.id,
            code=row.code,
            name=row.name,
            level=row.level,
            township=row.township,
            enrolled=row.station_id is not None,
            credential_live=False,
            held_through=row.held_through,
            last_batch_at=row.last_batch_at,
            enrolled_at=row.enrolled_at,
        )
        for row in session.execute(stations)
    }
    if not facts:
        return []
    only = list(facts) if code is not None else None

    def scoped(column: InstrumentedAttribute[int], query: Query) -> Query:
        return query if only is None else query.where(column.in_(only))

    for station in session.scalars(
        scoped(
            Credential.station,
            select(Credential.station).where(Credential.revoked_at.is_(None)).distinct(),
        )
    ):
        if station in facts:
            facts[station].credential_live = True
    for station, count, last in session.execute(
        scoped(
            Refusal.station,
            select(Refusal.station, func.count(), func.max(Refusal.last_at)).group_by(
                Refusal.station
            ),
        )
    ).tuples():
        if station in facts:
            facts[station].refusals = count
            facts[station].last_refusal_at = _aware(last)
    for station, count in session.execute(
        scoped(
            LedgerEntry.station,
            select(LedgerEntry.station, func.count())
            .where(LedgerEntry.flagged)
            .group_by(LedgerEntry.station),
        )
    ).tuples():
        if station in facts:
            facts[station].flagged = count
    today = business_today(now)
    first = today.replace(day=1)
    for station, days in session.execute(
        scoped(
            DailyTotal.station,
            select(DailyTotal.station, func.count(DailyTotal.business_day.distinct()))
            .where(DailyTotal.business_day >= first.isoformat())
            .where(DailyTotal.business_day <= today.isoformat())
            .group_by(DailyTotal.station),
        )
    ).tuples():
        if station in facts:
            facts[station].active_days = days
    return list(facts.values())


def _aware(value: datetime | None) -> datetime | None:
    """``max()`` comes back without the column's type on SQLite: naive text-parsed."""
    if value is None or value.tzinfo is not None:
        return value
    from datetime import UTC

    return value.replace(tzinfo=UTC)


def overview(session: Session, now: datetime, silent_days: int) -> Overview:
    facts = _facts(session, now)
    townships = [
        Township(name or "（未填乡镇）", list(group))
        for name, group in groupby(facts, key=lambda item: item.township)
    ]
    alerts: list[Alert] = []
    threshold = timedelta(days=silent_days)
    for item in facts:
        if item.refused_since_last_batch:
            alerts.append(Alert(item, "refused", "最近一次上传被县中心拒收，之后没有成功上传"))
        silent = item.silent_for(now)
        if silent is not None and silent >= threshold:
            never = item.last_batch_at is None
            alerts.append(
                Alert(
                    item,
                    "silent",
                    f"接入后 {silent.days} 天没有上传过台账"
                    if never
                    else f"已经 {silent.days} 天没有上传台账",
                )
            )
    alerts.sort(key=lambda alert: (alert.kind != "refused", alert.station.code))
    return Overview(
        townships=townships,
        alerts=alerts,
        month=business_today(now).strftime("%Y年%m月"),
        silent_days=silent_days,
        station_count=len(facts),
        enrolled_count=sum(1 for item in facts if item.enrolled),
    )


@dataclass
class DayRow:
    day: str
    entries: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    amounts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StationPage:
    facts: StationFacts
    days: list[DayRow]
    type_columns: list[str]
    amount_columns: list[str]
    refusals: list[Refusal]


def station_page(session: Session, now: datetime, code: str) -> StationPage | None:
    found = _facts(session, now, code)
    if not found:
        return None
    facts = found[0]
    today = business_today(now)
    since = (today - timedelta(days=HISTORY_DAYS - 1)).isoformat()
    days: dict[str, DayRow] = defaultdict(lambda: DayRow(""))
    for day, kind, count in session.execute(
        select(DailyTotal.business_day, DailyTotal.type, DailyTotal.count).where(
            DailyTotal.station == facts.id, DailyTotal.business_day >= since
        )
    ).tuples():
        row = days[day]
        row.day = day
        row.entries += count

        label = TYPE_NAMES.get(kind, "其他")
        row.by_type[label] = row.by_type.get(label, 0) + count
    for day, kind, name, amount in session.execute(
        select(
            DailyAmount.business_day, DailyAmount.type, DailyAmount.field, DailyAmount.amount
        ).where(DailyAmount.station == facts.id, DailyAmount.business_day >= since)
    ).tuples():
        named = AMOUNT_NAMES.get((kind, name))
        if named is not None:
            row = days[day]
            row.day = day
            row.amounts[named] = row.amounts.get(named, 0) + amount
    ordered = sorted(days.values(), key=lambda row: row.day, reverse=True)
    seen_types = {label for row in ordered for label in row.by_type}
    type_columns = [name for name in [*TYPE_NAMES.values(), "其他"] if name in seen_types]
    seen_amounts = {label for row in ordered for label in row.amounts}
    amount_columns = [name for name in AMOUNT_NAMES.values() if name in seen_amounts]
    refusals = list(
        session.scalars(
            select(Refusal)
            .where(Refusal.station == facts.id)
            .order_by(Refusal.last_at.desc())
            .limit(10)
        )
    )
    return StationPage(facts, ordered, type_columns, amount_columns, refusals)
