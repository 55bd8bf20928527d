"""Engines for the county database: SQLite under the data dir, or PostgreSQL by URL.

SQLite gets WAL (readers never wait for the writer), ``synchronous=FULL`` (an
acknowledged batch survives a power cut: the station deletes nothing on an ack, but it
stops re-sending), foreign keys and a busy timeout. Writers ask for ``BEGIN IMMEDIATE``
through :data:`WRITE_OPTIONS`, so two batches never both read a head and then collide
at commit; on PostgreSQL the same is done by locking the station's row.

Several processes may write one SQLite file (``county-centre serve --workers N``, and
the staff commands beside it). SQLite's own wait for the write lock is a poll that
sleeps up to 100 ms between tries, so a process with a queue of writers can hold the
lock back to back while another's writer sleeps, until its busy timeout ends in
"database is locked". :class:`WriteSessions` therefore gives writers their turn first:
one thread per process, then one process at a time through an ``flock`` on a file
beside the database, which wakes the next waiter the moment the lock is let go.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

try:
    import fcntl
except ImportError:  # Windows: one writer per process still; between processes, SQLite's wait
    fcntl = None  # type: ignore[assignment]

DB_FILENAME = "county.sqlite3"
WRITE_OPTIONS = {"sqlite_begin": "IMMEDIATE"}
BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer outside the turn (a tool that does not take it) waits for
the lock: as long as a station waits for an answer (``sync.client.READ_TIMEOUT``)."""
LOCK_SUFFIX = ".writer-lock"


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
        # First: switching a new file to WAL takes a lock another process may hold.
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


class WriteSessions(sessionmaker[Session]):
    """Sessions whose transactions begin as writers (``BEGIN IMMEDIATE`` on SQLite).

    On SQLite, ``begin()`` first waits for the writers' turn (see the module's
    docstring) and holds it until the transaction has committed or rolled back. On
    PostgreSQL there is no turn: writers lock the rows they change."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.execution_options(**WRITE_OPTIONS), expire_on_commit=False)
        self._turn = writer_turn(engine)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self._turn(), super().begin() as session:
            yield session


def writer_turn(engine: Engine) -> Callable[[], AbstractContextManager[object]]:
    if engine.dialect.name != "sqlite":
        return nullcontext
    database = engine.url.database
    if not database or database == ":memory:":
        return _ThreadTurn()
    return _FileTurn(Path(database).with_name(Path(database).name + LOCK_SUFFIX))


class _ThreadTurn:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __call__(self) -> AbstractContextManager[object]:
        return self._lock


class _FileTurn:
    """One thread of this process, then this process among all that open the file. The
    lock file is opened for each turn (microseconds, next to a commit's fsync): closing
    it lets the lock go even if the thread dies, and nothing stays open."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._path = path

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if fcntl is None:
                yield
                return
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)
