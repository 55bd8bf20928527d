"""The station's store: one SQLite file, opened, migrated and used through here.

Services receive a :class:`Store` from the composition root and do their work inside
``store.writing()`` (one transaction per business action, committed only on success)
or ``store.reading()``. Database failures leave here sorted: a
:class:`~station_app.core.db.errors.StoreError` the keeper can act on, or a
:class:`~station_app.core.errors.BugError`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from station_app.core.clock import Clock
from station_app.core.db import migrate
from station_app.core.db.engine import BUSY_TIMEOUT_MS, make_engine
from station_app.core.db.errors import StoreError, StoreProblem, classify
from station_app.core.errors import UserError
from station_app.core.paths import BACKUP_DIRNAME, DB_FILENAME, prepare_data_dir


@contextmanager
def _sorted_errors() -> Iterator[None]:
    """Database failures leave the store as StoreError (environment) or BugError."""
    try:
        yield
    except UserError:
        raise
    except (sa_exc.DBAPIError, sqlite3.Error, OSError) as error:
        raise classify(error) from error


class Store:
    def __init__(self, data_dir: Path, clock: Clock, busy_timeout_ms: int) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.path = data_dir / DB_FILENAME
        self.backup_dir = data_dir / BACKUP_DIRNAME
        self._writer: Engine = make_engine(
            self.path, immediate=True, busy_timeout_ms=busy_timeout_ms
        )
        self._reader: Engine = make_engine(
            self.path, immediate=False, busy_timeout_ms=busy_timeout_ms
        )
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)
        self.pre_migration_backup: Path | None = None

    @classmethod
    def open(cls, data_dir: Path, clock: Clock, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (creating if needed) and migrate the store in ``data_dir``."""
        prepare_data_dir(data_dir)
        store = cls(data_dir, clock, busy_timeout_ms)
        try:
            store._check_readable()
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def _check_readable(self) -> None:
        """Fail early, with the right message, on a damaged or foreign file."""
        if not self.path.exists():
            return
        try:
            with self._reader.connect() as connection:
                result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
        except (sa_exc.DBAPIError, sqlite3.Error) as error:
            raise classify(error) from error
        if result != "ok":
            raise StoreError(StoreProblem.CORRUPT)

    def _migrate(self) -> None:
        engine = make_engine(self.path, immediate=True, foreign_keys=False)
        try:
            self.pre_migration_backup = migrate.upgrade(
                engine, self.path, self.backup_dir, self.clock.now()
            )
            with engine.connect() as connection:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise StoreError(StoreProblem.CORRUPT)
        except (sa_exc.DBAPIError, sqlite3.Error, OSError) as error:
            raise classify(error) from error
        finally:
            engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, else rolled back."""
        session = self._write_sessions()
        with _sorted_errors(), session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view; nothing done in it is committed. Closing the session ends the
        transaction; loaded objects stay readable."""
        with _sorted_errors(), self._read_sessions() as session:
            yield session

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self._reader)

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (before copying it, or at exit)."""
        raw = self._writer.raw_connection()  # outside any transaction, as SQLite requires
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def close(self) -> None:
        self._writer.dispose()
        self._reader.dispose()
