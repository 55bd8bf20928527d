"""Bring the county database to the newest schema at start-up (the county's own Alembic
environment, apart from the station's: the two schemas evolve separately).

Two guards before any migration runs:

- a database whose schema is newer than this code (a county downgraded after an
  upgrade, or pointed at another release's database) is refused with
  :class:`SchemaTooNew`: running old code on it would write rows the newer schema
  reads wrongly, and migrating "down" would drop what the newer release stored;
- a SQLite database that is behind is first copied beside itself
  (``county.sqlite3.before-0002-20261130T120000Z``), so a migration that goes wrong can
  be undone by putting the copy back. The copy uses SQLite's backup API, which also
  takes what is still in the WAL file (a plain file copy would miss it). PostgreSQL
  rolls a failed migration back itself (DDL is transactional); its backups are
  ``pg_dump``'s job.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release than this one."""

    def __init__(self, found: str, known: list[str]) -> None:
        super().__init__(
            f"数据库结构版本 {found} 比本程序认识的版本（最高 {known[-1]}）新："
            "请使用更新版本的 county-centre，不要用旧版本打开它。"
            f" The database schema ({found}) is newer than this county-centre knows"
            f" ({', '.join(known)}): run a newer release."
        )
        self.found = found


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def known_revisions() -> list[str]:
    """Oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, *, now: datetime | None = None) -> Path | None:
    """Run every pending migration in one transaction (PostgreSQL rolls DDL back too).

    Returns the path of the SQLite copy taken before migrating, if one was taken.
    Raises :class:`SchemaTooNew` before touching anything when the database is ahead.
    """
    known = known_revisions()
    current = current_revision(engine)
    if current is not None and current not in known:
        raise SchemaTooNew(current, known)
    if current == known[-1]:
        return None
    copy = None
    if current is not None and engine.dialect.name == "sqlite":
        copy = _copy_sqlite(engine, current, now or datetime.now(UTC))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return copy


def _copy_sqlite(engine: Engine, current: str, now: datetime) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    source = Path(database)
    target = source.with_name(f"{source.name}.before-{current}-{now:%Y%m%dT%H%M%SZ}")
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    copy.close()
    live.close()
    return target
