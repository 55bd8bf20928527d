"""Which receipts have been printed, so a second print says 重打 with its time.

A working-state table like the notification outbox: not on the ledger (printing is not a
business event) and not rebuilt by a replay (a rebuilt store has printed nothing yet).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class PrintedReceipt(Base):
    __tablename__ = "printed_receipts"

    identity: Mapped[str] = mapped_column(String(64), primary_key=True)
    """sha256 of what the receipt says (``core.receipt_log.identity``)."""
    first_printed_at: Mapped[datetime] = mapped_column(UTCInstant())
