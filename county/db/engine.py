"""Engines for the county database: SQLite under the data dir, or PostgreSQL by URL.

SQLite gets WAL (readers never wait for the writer), ``synchronous=FULL`` (an
acknowledged batch survives a power cut: the station deletes nothing on an ack, but it
stops re-sending), foreign keys and a busy timeout. Writers ask for ``BEGIN IMMEDIATE``
through :data:`WRITE_OPTIONS`, so two batches never both read a head and then collide
at commit; on PostgreSQL the same is done by locking the station's row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

DB_FILENAME = "county.sqlite3"
WRITE_OPTIONS = {"sqlite_begin": "IMMEDIATE"}


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DB_FILENAME}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=8, max_overflow=8)
        _set_up_sqlite(engine)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level, so the "begin" hook below decides how each
        # transaction begins (the pysqlite driver's own BEGIN is always DEFERRED).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
