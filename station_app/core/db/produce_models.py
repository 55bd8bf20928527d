"""Produce purchasing (农产品收购): farmers, prices, purchases, settlements and lots.

A farmer's name, phone and ID number are personal data (DESIGN.md, Privacy): they live
here so the keeper can find and pay the farmer, never on the ledger; a farmer rebuilt
from the ledger has a placeholder name. Weights are whole grams, money whole fen, and a
purchase copies the price it used, so no later price change can move it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class Household(enum.StrEnum):
    NORMAL = "normal"  # 普通
    LIFTED = "lifted"  # 脱贫户
    MONITORED = "monitored"  # 监测对象


class PurchaseStatus(enum.StrEnum):
    PAID = "paid"  # paid at the purchase (cash or transfer)
    OWED = "owed"  # 赊账: the station owes the farmer
    SETTLED = "settled"  # owed, then paid by a settlement
    VOIDED = "voided"


class LotStatus(enum.StrEnum):
    OPEN = "open"  # takes the day's purchases of its product and grade
    CLOSED = "closed"  # split or closed by hand: no more purchases go in
    SHIPPED = "shipped"  # left the station


class Farmer(Base):
    __tablename__ = "farmers"
    __table_args__ = (
        CheckConstraint("household IN ('normal', 'lifted', 'monitored')", name="household"),
        CheckConstraint(
            "pay_preference IN ('cash', 'wechat', 'alipay', 'bank', 'owed')", name="pay"
        ),
        Index("ix_farmers_initials", "initials"),
        Index("ix_farmers_phone_tail", "phone_tail"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    initials: Mapped[str] = mapped_column(String(40))
    """Pinyin initials of the name, lower case (张三丰 → zsf): what keepers type to find."""
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    phone_tail: Mapped[str | None] = mapped_column(String(4), nullable=True)
    village_code: Mapped[str] = mapped_column(String(12))
    id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    """The resident ID number (身份证号), shown masked; needed on some 帮扶 records."""
    household: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """None while the keeper does not know it: such a farmer cannot sell until it is set."""
    pay_preference: Mapped[str] = mapped_column(String(8))
    """How the farmer likes to be paid: cash, wechat, alipay, bank, or owed (settled later)."""
    registered_at: Mapped[datetime] = mapped_column(UTCInstant())
    registered_by: Mapped[str] = mapped_column(String(32))
    registered_entry: Mapped[str] = mapped_column(String(36))
    changed_at: Mapped[datetime] = mapped_column(UTCInstant())


class ProducePrice(Base):
    """One price for a product and grade over days: from the county's price list (the
    reference set ``prices``) or set by the keeper for one day. Rows are never edited
    once a purchase used them (``first_used_at``); a newer price is a new row."""

    __tablename__ = "produce_prices"
    __table_args__ = (
        CheckConstraint("source IN ('county', 'keeper')", name="source"),
        CheckConstraint("price_fen > 0 AND per_grams IN (500, 1000)", name="price"),
        Index("ix_produce_prices_lookup", "product_code", "grade_code", "day_from"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    source: Mapped[str] = mapped_column(String(8))
    product_code: Mapped[str] = mapped_column(String(32))
    grade_code: Mapped[str] = mapped_column(String(16))
    day_from: Mapped[str] = mapped_column(String(10))
    day_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """Last day it applies (inclusive); None: until a newer one. A keeper's price: its day."""
    price_fen: Mapped[int] = mapped_column(Integer)
    per_grams: Mapped[int] = mapped_column(Integer)
    """500 for a price per 斤, 1000 per kg."""
    list_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The county price list's version the row came from."""
    set_at: Mapped[datetime] = mapped_column(UTCInstant())
    set_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    entry: Mapped[str | None] = mapped_column(String(36), nullable=True)
    """The ``produce.price_set`` entry of a keeper's price."""
    first_used_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)


class ProduceLot(Base):
    __tablename__ = "produce_lots"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed', 'shipped')", name="status"),
        CheckConstraint(
            "purchased_g >= 0 AND split_in_g >= 0 AND split_out_g >= 0 AND shipped_g >= 0",
            name="grams",
        ),
        Index("ix_produce_lots_day", "business_day", "product_code", "grade_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    trace_code: Mapped[str] = mapped_column(String(10), unique=True)
    product_code: Mapped[str] = mapped_column(String(32))
    grade_code: Mapped[str] = mapped_column(String(16))
    business_day: Mapped[str] = mapped_column(String(10))
    parent_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(8))
    purchased_g: Mapped[int] = mapped_column(Integer, default=0)
    """Net grams of the purchases in it (voided ones taken out again)."""
    split_in_g: Mapped[int] = mapped_column(Integer, default=0)
    """For a child lot: the grams weighed out of the parent into it."""
    split_out_g: Mapped[int] = mapped_column(Integer, default=0)
    shipped_g: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[datetime] = mapped_column(UTCInstant())
    opened_by: Mapped[str] = mapped_column(String(32))
    opened_entry: Mapped[str] = mapped_column(String(36))
    """The ``lot.opened`` entry, or for a child the ``lot.split`` entry that made it."""
    shipment_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    shipped_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    shipped_to_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    shipped_to_name: Mapped[str | None] = mapped_column(String(60), nullable=True)
    shipped_entry: Mapped[str | None] = mapped_column(String(36), nullable=True)

    @property
    def held_g(self) -> int:
        """What is still in the lot at the station."""
        return self.split_in_g + self.purchased_g - self.split_out_g - self.shipped_g


class ProducePurchase(Base):
    __tablename__ = "produce_purchases"
    __table_args__ = (
        CheckConstraint("status IN ('paid', 'owed', 'settled', 'voided')", name="status"),
        CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank', 'owed')", name="payment"
        ),
        CheckConstraint("household IN ('normal', 'lifted', 'monitored')", name="household"),
        CheckConstraint(
            "gross_g > 0 AND tare_g >= 0 AND deduction_g >= 0 AND net_g > 0"
            " AND amount_fen > 0 AND price_fen > 0",
            name="amounts",
        ),
        Index("ix_produce_purchases_farmer", "farmer_uid", "status"),
        Index("ix_produce_purchases_day", "business_day"),
        Index("ix_produce_purchases_lot", "lot_uid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    """SG + business day + serial (SG20261123-001): what the receipt and the keeper say."""
    farmer_uid: Mapped[str] = mapped_column(String(36))
    village_code: Mapped[str] = mapped_column(String(12))
    household: Mapped[str] = mapped_column(String(16))
    """The farmer's status when bought: the 帮扶 figures count what it was then."""
    product_code: Mapped[str] = mapped_column(String(32))
    grade_code: Mapped[str] = mapped_column(String(16))
    price_uid: Mapped[str] = mapped_column(String(36))
    price_source: Mapped[str] = mapped_column(String(8))
    price_fen: Mapped[int] = mapped_column(Integer)
    per_grams: Mapped[int] = mapped_column(Integer)
    gross_g: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    impurity_bp: Mapped[int] = mapped_column(Integer)
    moisture_bp: Mapped[int] = mapped_column(Integer)
    deduction_g: Mapped[int] = mapped_column(Integer)
    net_g: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    payment_method: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8))
    manual: Mapped[bool] = mapped_column()
    """Some weighing was typed in, not read from the scale."""
    lot_uid: Mapped[str] = mapped_column(String(36))
    business_day: Mapped[str] = mapped_column(String(10))
    purchased_at: Mapped[datetime] = mapped_column(UTCInstant())
    purchased_by: Mapped[str] = mapped_column(String(32))
    entry: Mapped[str] = mapped_column(String(36))
    settlement_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    voided_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    void_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)


class ProduceWeighing(Base):
    __tablename__ = "produce_weighings"
    __table_args__ = (CheckConstraint("gross_g > tare_g AND tare_g >= 0", name="grams"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purchase_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("produce_purchases.id"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    gross_g: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    manual: Mapped[bool] = mapped_column()


class ProduceSettlement(Base):
    """Paying a farmer what owed purchases came to, less agent-order balances netted."""

    __tablename__ = "produce_settlements"
    __table_args__ = (
        CheckConstraint("amount_fen > 0 AND paid_fen >= 0 AND netted_fen >= 0", name="amounts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    farmer_uid: Mapped[str] = mapped_column(String(36), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    netted_fen: Mapped[int] = mapped_column(Integer)
    paid_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str | None] = mapped_column(String(8), nullable=True)
    settled_at: Mapped[datetime] = mapped_column(UTCInstant())
    settled_by: Mapped[str] = mapped_column(String(32))
    entry: Mapped[str] = mapped_column(String(36))


class ProduceNetting(Base):
    __tablename__ = "produce_nettings"
    __table_args__ = (CheckConstraint("amount_fen > 0", name="amount"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    settlement_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("produce_settlements.id"), index=True
    )
    order_uid: Mapped[str] = mapped_column(String(36), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
