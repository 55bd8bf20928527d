"""SQLite engines configured for a shop PC that loses power.

WAL so readers never block the writer, ``synchronous=FULL`` so a committed action
survives a power cut, foreign keys on, and a busy timeout so a brief lock waits
instead of failing. Writers start with ``BEGIN IMMEDIATE``: the write lock is taken up
front, so two writers never deadlock half-way and the ledger's next sequence number is
read and used under one lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _configure(
    dbapi_connection: sqlite3.Connection, busy_timeout_ms: int, foreign_keys: bool
) -> None:
    # Let SQLAlchemy's "begin" hook emit BEGIN itself instead of pysqlite guessing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def make_engine(
    path: Path,
    *,
    immediate: bool,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    foreign_keys: bool = True,
) -> Engine:
    """An engine on ``path``; ``immediate`` engines take the write lock at BEGIN.

    Migrations use ``foreign_keys=False``: Alembic's batch mode rebuilds SQLite tables by
    copy-and-rename, which foreign-key enforcement would break half-way; the migration
    checks the keys itself afterwards.
    """
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        _configure(dbapi_connection, busy_timeout_ms, foreign_keys)

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # Straight to the driver: this runs once per business action, on the hot path.
        connection.connection.driver_connection.execute(begin)

    return engine
