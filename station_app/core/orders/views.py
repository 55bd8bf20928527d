"""What screens see of agent orders: snapshots with names and phones already masked,
the open orders, a search, and each villager's running balance with the station."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.db.order_models import AgentOrder, AgentOrderItem, OrderStatus, Platform
from station_app.core.money import Fen
from station_app.core.orders.common import by_uid
from station_app.core.parcels.phones import mask
from station_app.core.parcels.sending import mask_name
from station_app.core.replay_base import PLACEHOLDER

OPEN = (
    OrderStatus.REGISTERED,
    OrderStatus.PLACED,
    OrderStatus.SHIPPED,
    OrderStatus.ARRIVED,
)
"""Not yet handed over nor given up: the station holds the deposit and expects the rest."""
LIST_LIMIT = 200


@dataclass(frozen=True)
class ItemView:
    description: str
    platform: Platform
    quantity: int
    unit_price: Fen

    @property
    def amount(self) -> Fen:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class OrderView:
    uid: str
    number: str
    customer_name: str
    customer_phone: str
    status: OrderStatus
    items: tuple[ItemView, ...]
    items_total: Fen
    service_fee: Fen
    deposit: Fen
    deposit_method: str | None
    settled: Fen
    settled_method: str | None
    refunded: Fen
    refund_method: str | None
    reason: str | None
    platform_order_number: str | None
    tracking_number: str | None
    pickup_code: str | None
    """The code of the parcel that brought the goods, while it is on the shelf."""
    registered_at: datetime
    registered_by: str
    changed_at: datetime
    changed_by: str
    netted: Fen
    """Set off against produce bought from the villager (``produce.settled``)."""

    @property
    def total(self) -> Fen:
        return self.items_total + self.service_fee

    @property
    def balance_due(self) -> Fen:
        """尾款 at delivery: the total less the deposit and what was netted."""
        return self.total - self.deposit - self.netted

    @property
    def paid(self) -> Fen:
        return self.deposit + self.settled

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @classmethod
    def of(cls, row: AgentOrder, items: Sequence[ItemView], pickup_code: str | None) -> OrderView:
        return cls(
            uid=row.uid,
            number=row.number,
            customer_name=_shown_name(row.customer_name),
            customer_phone=mask(row.customer_phone, row.phone_tail) or PLACEHOLDER,
            status=OrderStatus(row.status),
            items=tuple(items),
            items_total=Fen(row.items_total_fen),
            service_fee=Fen(row.service_fee_fen),
            deposit=Fen(row.deposit_fen),
            deposit_method=row.deposit_method,
            settled=Fen(row.settled_fen),
            settled_method=row.settled_method,
            refunded=Fen(row.refunded_fen),
            refund_method=row.refund_method,
            reason=row.reason,
            platform_order_number=row.platform_order_number,
            tracking_number=row.tracking_number,
            pickup_code=pickup_code,
            registered_at=row.registered_at,
            registered_by=row.registered_by,
            changed_at=row.changed_at,
            changed_by=row.changed_by,
            netted=Fen(row.netted_fen),
        )


def _shown_name(name: str) -> str:
    """Masked; a rebuilt order's placeholder stays as it is, so it reads as missing."""
    return name if name == PLACEHOLDER else mask_name(name)


def views_of(session: Session, rows: Iterable[AgentOrder]) -> list[OrderView]:
    """Views of ``rows`` with their items and pickup codes: one query for each."""
    rows = list(rows)
    if not rows:
        return []
    items: dict[int, list[ItemView]] = {row.id: [] for row in rows}
    for item in session.scalars(
        select(AgentOrderItem)
        .where(AgentOrderItem.order_id.in_(items))
        .order_by(AgentOrderItem.order_id, AgentOrderItem.position)
    ):
        items[item.order_id].append(
            ItemView(
                item.description, Platform(item.platform), item.quantity, Fen(item.unit_price_fen)
            )
        )
    parcels = [row.parcel_uid for row in rows if row.parcel_uid]
    on_shelf = select(Parcel.uid, Parcel.pickup_code).where(
        Parcel.uid.in_(parcels), Parcel.status == ParcelStatus.ON_SHELF.value
    )
    codes: dict[str, str] = dict(session.execute(on_shelf).all())
    return [OrderView.of(row, items[row.id], codes.get(row.parcel_uid or "")) for row in rows]


def order(session: Session, order_uid: str) -> OrderView:
    return views_of(session, [by_uid(session, order_uid)])[0]


def open_orders(session: Session) -> list[OrderView]:
    """Everything not yet handed over nor given up, newest first."""
    query = select(AgentOrder).where(AgentOrder.status.in_([s.value for s in OPEN]))
    return views_of(session, session.scalars(query.order_by(AgentOrder.id.desc())))


def recent(session: Session, limit: int = LIST_LIMIT) -> list[OrderView]:
    query = select(AgentOrder).order_by(AgentOrder.id.desc()).limit(limit)
    return views_of(session, session.scalars(query))


def search(session: Session, text: str, *, open_only: bool = False) -> list[OrderView]:
    """By order number, tracking or platform order number, phone tail, or name."""
    query = select(AgentOrder).where(_matching(text))
    if open_only:
        query = query.where(AgentOrder.status.in_([s.value for s in OPEN]))
    rows = session.scalars(query.order_by(AgentOrder.id.desc()).limit(LIST_LIMIT))
    return views_of(session, rows)


def _matching(text: str) -> ColumnElement[bool]:
    compact = "".join(text.split())
    if compact.isdigit() and len(compact) == 4:
        return AgentOrder.phone_tail == compact
    upper = compact.upper()
    return or_(
        AgentOrder.number == upper,
        AgentOrder.tracking_number == upper,
        AgentOrder.platform_order_number == compact,
        AgentOrder.customer_name.contains(" ".join(text.split()), autoescape=True),
    )


def waiting_on_parcels(session: Session, parcel_uids: Sequence[str]) -> list[OrderView]:
    """Orders at the station whose goods came in these parcels (just handed over)."""
    if not parcel_uids:
        return []
    query = select(AgentOrder).where(
        AgentOrder.parcel_uid.in_(list(parcel_uids)),
        AgentOrder.status == OrderStatus.ARRIVED.value,
    )
    return views_of(session, session.scalars(query.order_by(AgentOrder.id)))


# --- villagers' balances ------------------------------------------------------------


@dataclass(frozen=True)
class VillagerBalance:
    """Where a villager stands with the station over all their agent orders.

    ``key`` finds their orders again (:func:`orders_of`): their latest order's uid, so
    the full phone never leaves the core. Orders rebuilt from the ledger have no phone
    and belong to no villager here.
    """

    key: str
    customer_name: str
    customer_phone: str
    orders: int
    open_orders: int
    deposits_held: Fen
    """Deposits taken for goods not yet handed over (nor given up)."""
    balance_due: Fen
    """尾款 still to collect on the open orders."""
    paid_in: Fen
    refunded: Fen

    @property
    def net_paid(self) -> Fen:
        return self.paid_in - self.refunded


def balances(session: Session, text: str) -> list[VillagerBalance]:
    """The villagers matching ``text`` (name or phone tail); all with open orders when
    ``text`` is empty."""
    if text.strip():
        matched = select(AgentOrder.customer_phone).where(_villager(text))
    else:
        open_values = [s.value for s in OPEN]
        matched = select(AgentOrder.customer_phone).where(AgentOrder.status.in_(open_values))
    phones = {phone for phone in session.scalars(matched.distinct().limit(LIST_LIMIT)) if phone}
    rows = session.scalars(
        select(AgentOrder).where(AgentOrder.customer_phone.in_(phones)).order_by(AgentOrder.id)
    )
    grouped: dict[str, list[AgentOrder]] = {}
    for row in rows:
        grouped.setdefault(row.customer_phone or "", []).append(row)
    found = [_balance(phone, orders) for phone, orders in grouped.items()]
    return sorted(found, key=lambda b: (-b.open_orders, b.customer_phone))


def _villager(text: str) -> ColumnElement[bool]:
    compact = "".join(text.split())
    if compact.isdigit() and len(compact) == 4:
        return AgentOrder.phone_tail == compact
    if compact.isdigit() and len(compact) == 11:
        return AgentOrder.customer_phone == compact
    return AgentOrder.customer_name.contains(" ".join(text.split()), autoescape=True)


def _balance(phone: str, rows: list[AgentOrder]) -> VillagerBalance:
    open_rows = [row for row in rows if OrderStatus(row.status) in OPEN]
    latest = rows[-1]
    return VillagerBalance(
        key=latest.uid,
        customer_name=mask_name(latest.customer_name),
        customer_phone=mask(phone),
        orders=len(rows),
        open_orders=len(open_rows),
        deposits_held=Fen(sum(row.deposit_fen for row in open_rows)),
        balance_due=Fen(
            sum(
                row.items_total_fen + row.service_fee_fen - row.deposit_fen - row.netted_fen
                for row in open_rows
            )
        ),
        paid_in=Fen(sum(row.deposit_fen + row.settled_fen for row in rows)),
        refunded=Fen(sum(row.refunded_fen for row in rows)),
    )


def orders_of(session: Session, key: str) -> list[OrderView]:
    """A villager's orders (``VillagerBalance.key``), newest first."""
    latest = by_uid(session, key)
    if latest.customer_phone is None:
        return views_of(session, [latest])
    query = select(AgentOrder).where(AgentOrder.customer_phone == latest.customer_phone)
    return views_of(session, session.scalars(query.order_by(AgentOrder.id.desc())))


def count_open(session: Session) -> int:
    open_values = [s.value for s in OPEN]
    query = select(func.count()).select_from(AgentOrder).where(AgentOrder.status.in_(open_values))
    return session.scalar(query) or 0
