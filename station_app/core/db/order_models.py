"""Agent orders (代购): goods the keeper orders online for a villager, until handed over.

The villager's name and phone are personal data (DESIGN.md, Privacy): they live here,
on the station, so the keeper can call when the goods arrive and find the villager's
orders by the last four digits; they never go on the ledger. An order rebuilt from the
ledger has a placeholder name and no phone. Amounts are whole fen.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class OrderStatus(enum.StrEnum):
    REGISTERED = "registered"  # 登记
    PLACED = "placed"  # 已下单
    SHIPPED = "shipped"  # 已发货
    ARRIVED = "arrived"  # 已到站
    DELIVERED = "delivered"  # 已交付
    CANCELLED = "cancelled"  # 已取消
    REFUNDED = "refunded"  # 已退款


AWAITING = (OrderStatus.REGISTERED, OrderStatus.PLACED, OrderStatus.SHIPPED)
"""States in which the goods are still on their way: a parcel checked in with the
order's tracking number means they arrived."""
AWAITING_SQL = "status IN ('registered', 'placed', 'shipped')"
"""The same, as the partial index's condition; the check-in's lookup repeats it word
for word, which is what lets SQLite use the index."""


class Platform(enum.StrEnum):
    PINDUODUO = "pinduoduo"
    JD = "jd"
    TAOBAO = "taobao"
    GONGXIAO = "gongxiao"  # 供销e家
    OTHER = "other"


class AgentOrder(Base):
    __tablename__ = "agent_orders"
    __table_args__ = (
        CheckConstraint(
            "status IN ('registered', 'placed', 'shipped', 'arrived', 'delivered',"
            " 'cancelled', 'refunded')",
            name="status",
        ),
        CheckConstraint(
            "items_total_fen > 0 AND service_fee_fen >= 0 AND deposit_fen >= 0"
            " AND deposit_fen <= items_total_fen + service_fee_fen",
            name="amounts",
        ),
        CheckConstraint("settled_fen >= 0 AND refunded_fen >= 0", name="paid"),
        CheckConstraint("netted_fen >= 0", name="netted"),
        Index("ix_agent_orders_phone_tail", "phone_tail"),
        Index(
            "uq_agent_orders_awaiting_tracking",
            "tracking_number",
            unique=True,
            sqlite_where=text(AWAITING_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    """DG + business day + serial (DG20261123-001): what the receipt and the keeper say."""
    customer_name: Mapped[str] = mapped_column(String(40))
    customer_phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    phone_tail: Mapped[str | None] = mapped_column(String(4), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    items_total_fen: Mapped[int] = mapped_column(Integer)
    service_fee_fen: Mapped[int] = mapped_column(Integer)
    deposit_fen: Mapped[int] = mapped_column(Integer)
    deposit_method: Mapped[str | None] = mapped_column(String(8), nullable=True)
    settled_fen: Mapped[int] = mapped_column(Integer, default=0)
    """The balance paid at delivery (total − deposit)."""
    settled_method: Mapped[str | None] = mapped_column(String(8), nullable=True)
    netted_fen: Mapped[int] = mapped_column(Integer, default=0)
    """Part of the balance set off against produce the station bought from the villager
    (``produce.settled``); what is left is paid at delivery."""
    refunded_fen: Mapped[int] = mapped_column(Integer, default=0)
    refund_method: Mapped[str | None] = mapped_column(String(8), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """Why it was cancelled or refunded."""
    platform_order_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    tracking_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """The expected tracking number; unique among orders still awaiting their goods."""
    parcel_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    """The checked-in parcel that brought the goods, when one did."""
    registered_at: Mapped[datetime] = mapped_column(UTCInstant())
    registered_by: Mapped[str] = mapped_column(String(32))
    registered_entry: Mapped[str] = mapped_column(String(36))
    changed_at: Mapped[datetime] = mapped_column(UTCInstant())
    """When the order reached its present state, and who moved it there."""
    changed_by: Mapped[str] = mapped_column(String(32))


class AgentOrderItem(Base):
    __tablename__ = "agent_order_items"
    __table_args__ = (
        CheckConstraint("quantity > 0 AND unit_price_fen > 0", name="amounts"),
        CheckConstraint(
            "platform IN ('pinduoduo', 'jd', 'taobao', 'gongxiao', 'other')", name="platform"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(Integer, ForeignKey("agent_orders.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(60))
    platform: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
