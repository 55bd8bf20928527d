"""Bill payments (代缴费 / 充值) taken at the counter, from 待缴 to 成功 or 失败.

The account number is personal data (an ID number for 医保 and 养老, a phone for top-ups):
it is kept here in full only while the payment is open, because the keeper types it into
the biller's site; once it succeeded (the biller's reference traces it) or failed (the
money went back) it is cleared. It never goes on the ledger: the ledger and every
screen get ``account_tail`` only. Amounts are whole fen.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class BillStatus(enum.StrEnum):
    RECORDED = "recorded"  # 待缴: money taken, not yet paid to the biller
    SUBMITTED = "submitted"  # 处理中: paid on the biller's site, result awaited
    SUCCEEDED = "succeeded"  # 成功: the biller's reference is on record
    FAILED = "failed"  # 失败: the money went back to the customer


class BillPayment(Base):
    __tablename__ = "bill_payments"
    __table_args__ = (
        CheckConstraint(
            "status IN ('recorded', 'submitted', 'succeeded', 'failed')", name="status"
        ),
        CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank')", name="payment_method"
        ),
        CheckConstraint("amount_fen > 0 AND fee_fen >= 0", name="amounts"),
        Index("ix_bill_payments_status", "status"),
        Index("ix_bill_payments_account_tail", "account_tail"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    biller_code: Mapped[str] = mapped_column(String(32))
    biller_name: Mapped[str] = mapped_column(String(40))
    """As it was named when paid: a later billers set may rename or drop the biller."""
    category: Mapped[str] = mapped_column(String(24))
    billers_version: Mapped[int] = mapped_column(Integer)
    account: Mapped[str | None] = mapped_column(String(40), nullable=True)
    """In full while the payment is open (the keeper types it on the biller's site);
    cleared when it ends, and never rebuilt by a replay (not on the ledger)."""
    account_tail: Mapped[str] = mapped_column(String(4))
    amount_fen: Mapped[int] = mapped_column(Integer)
    fee_fen: Mapped[int] = mapped_column(Integer)
    payment_method: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UTCInstant())
    recorded_by: Mapped[str] = mapped_column(String(32))
    recorded_entry: Mapped[str] = mapped_column(String(36))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    submitted_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    succeeded_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    succeeded_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    failed_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    failed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    fail_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
