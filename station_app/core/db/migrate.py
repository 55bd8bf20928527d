"""Bring a store's schema up to date at start-up, without ever losing it.

Before the first migration step touches a store that holds data, the whole database
(WAL included) is copied with SQLite's online backup API, so a failed or buggy
migration can be undone by hand. A store written by a newer release is refused: this
release cannot know what the newer schema means.

Alembic is imported only when there is something to migrate: a store already at
:data:`HEAD` (every start but the first after an upgrade) opens without paying for it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from station_app.core.db.errors import StoreError, StoreProblem

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


def _head_from_file_names() -> str:
    """The newest revision, read from the file names (``NNNN_what.py``, revision ``NNNN``)
    without importing Alembic; a test keeps the convention and Alembic's head in step."""
    numbers = [p.name[:4] for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(numbers)


HEAD = _head_from_file_names()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision (None for a new, empty store)."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError as error:
            if "no such table" in str(error.orig):
                return None
            raise


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database, including what is still in its WAL."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path, now: datetime) -> Path | None:
    """Migrate to head; returns the pre-migration copy it made, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    if current is not None and current not in known_revisions():
        raise StoreError(StoreProblem.NEWER_SCHEMA, revision=current)
    backup: Path | None = None
    if current is not None:
        stamp = now.strftime("%Y%m%dT%H%M%S")
        backup = backup_dir / f"pre-migrate-{current}-to-{HEAD}-{stamp}.sqlite3"
        copy_database(db_path, backup)
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
