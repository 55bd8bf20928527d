"""The county's own migrations: a database from the first release upgrades without loss
(SQLite copied first), a database newer than the code is refused, and the models match
what the migrations build. SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from county.db import migrate
from county.db.engine import make_engine
from county.db.models import Base
from tests.county.conftest import county_command, fresh_postgres_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'county.sqlite3'}"
    else:
        yield from fresh_postgres_schema()


@pytest.fixture
def engine(empty_database: str) -> Iterator[Engine]:
    made = make_engine(empty_database)
    yield made
    made.dispose()


def migrate_to(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        county_command("--database-url", database_url, *args),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_models_match_what_the_migrations_build(engine: Engine):
    assert migrate.upgrade(engine) is None  # nothing to copy: the database was empty
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    migrate_to(engine, "0001", down=True)
    migrate_to(engine, "head")
    assert migrate.current_revision(engine) == migrate.known_revisions()[-1]


def test_a_first_release_database_upgrades_without_loss(engine: Engine, empty_database: str):
    migrate_to(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO stations (id, code, name, level, division_code, township,"
                " created_at, held_through) VALUES (1, '610305110201-01', '胡家庄村服务站',"
                " 'village', '610305110201', '柳林镇', '2026-11-23 02:00:00+00:00', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO ledger_entries (station, seq, entry_id, station_id, type,"
                " schema_version, occurred_at, business_day, operator, payload, hash,"
                " received_at) VALUES (1, 1, 'e', 's', 'parcel.checked_in', 1,"
                " '2026-11-23T02:00:00.000000Z', '2026-11-23', 'wangjun', '{}', :hash,"
                " '2026-11-23 02:00:00+00:00')"
            ),
            {"hash": "a" * 64},
        )
    engine.dispose()

    listed = run_cli(empty_database, "flagged")  # any command migrates first
    assert listed.returncode == 0, listed.stderr
    assert "no flagged entries" in listed.stdout
    assert migrate.current_revision(engine) == migrate.known_revisions()[-1]
    with engine.connect() as connection:
        row = connection.execute(text("SELECT seq, flagged, flag_reason FROM ledger_entries")).one()
        assert tuple(row) == (1, False, None)
        assert connection.execute(text("SELECT manifest_seq FROM stations")).scalar_one() == 0

    if engine.dialect.name == "sqlite":
        database = Path(engine.url.database or "")
        (copy,) = database.parent.glob(f"{database.name}.before-0001-*")
        with sqlite3.connect(copy) as kept:
            assert kept.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
            assert kept.execute("SELECT code FROM stations").fetchall() == [("610305110201-01",)]
        kept.close()


def test_a_database_newer_than_the_code_is_refused_untouched(engine: Engine, empty_database: str):
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()

    for args in (["--port", "1", "serve"], ["flagged"], ["stations", "revoke", "x"]):
        refused = run_cli(empty_database, *args)
        assert refused.returncode == 3, (args, refused.stdout, refused.stderr)
        assert "0099" in refused.stderr
        assert "newer" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert migrate.current_revision(engine) == "0099"
    if engine.dialect.name == "sqlite":
        database = Path(engine.url.database or "")
        assert list(database.parent.glob(f"{database.name}.before-*")) == []
    with pytest.raises(migrate.SchemaTooNew):
        migrate.upgrade(engine)
