"""Reference sets the county published (``sync/wire.py`` ``ReferenceKind``), as fetched.

The newest applied set of a kind is what the station uses (courier rules, tariffs and
the township's route table; billers, prices and announcements for the pages that show
them), so a restart keeps the county's version instead of going back to the files
bundled with the app. A set the station refused is kept too, with ``applied_at`` NULL
and ``error`` saying why: its ETag goes with the next request, so the same bad set is
not fetched and refused again on every run, while the previous set stays in use.
``data`` is the set's canonical JSON text, as the county sent it.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class StoredReferenceSet(Base):
    __tablename__ = "reference_sets"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    """The county's version of the set (what its ETag names), not the data's own."""
    etag: Mapped[str] = mapped_column(String(40))
    data: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UTCInstant())
    applied_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    error: Mapped[str | None] = mapped_column(String(300), nullable=True)
    """Why the station refused the set (in Chinese); NULL for a set in use."""

    def decoded(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.data)
        return value
