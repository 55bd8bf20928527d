"""The store on disk: pragmas, migrations, and failures sorted into what a keeper can fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from station_app.core import first_run, ledger
from station_app.core.clock import FixedClock
from station_app.core.db import migrate
from station_app.core.db.engine import make_engine
from station_app.core.db.errors import StoreError, StoreProblem, classify
from station_app.core.db.models import Operator, Preference
from station_app.core.errors import BugError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.conftest import SETUP_FORM


def test_connections_are_set_up_for_power_cuts(store: Store):
    with store.reading() as session:
        pragma = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_a_new_store_is_migrated_to_head(store: Store):
    assert store.schema_revision() == migrate.HEAD
    assert store.pre_migration_backup is None


def _store_at_revision(path: Path, revision: str) -> None:
    """A store as an older release left it: schema up to ``revision``, with data."""
    path.mkdir(parents=True)
    engine = make_engine(path / "station.sqlite3", immediate=True, foreign_keys=False)
    config = migrate.alembic_config()
    from alembic import command

    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(
            text(
                "INSERT INTO operators (login, display_name, role, password_hash, active,"
                " created_at) VALUES ('old', '老站长', 'keeper', 'x', 1,"
                " '2025-01-01T00:00:00.000000Z')"
            )
        )
    engine.dispose()


def test_an_old_store_is_copied_then_migrated_without_loss(tmp_path: Path, clock: FixedClock):
    data = tmp_path / "data"
    _store_at_revision(data, "0001")
    store = Store.open(data, clock)
    try:
        assert store.schema_revision() == migrate.HEAD
        with store.reading() as session:
            assert session.scalar(select(Operator.display_name)) == "老站长"
            assert session.scalar(select(Preference.key)) is None  # the new table works
        backup = store.pre_migration_backup
        assert backup is not None
        assert backup.name.startswith(f"pre-migrate-0001-to-{migrate.HEAD}-")
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert copy.execute("SELECT login FROM operators").fetchone() == ("old",)
        copy.close()
    finally:
        store.close()


def test_a_store_from_a_newer_release_is_refused(store: Store, clock: FixedClock):
    with store.writing() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError) as excinfo:
        Store.open(store.data_dir, clock)
    assert excinfo.value.problem is StoreProblem.NEWER_SCHEMA
    assert "更新版本" in str(excinfo.value)
    assert "9999" in str(excinfo.value)


def test_a_damaged_file_is_reported_as_corrupt(tmp_path: Path, clock: FixedClock):
    data = tmp_path / "data"
    data.mkdir()
    (data / "station.sqlite3").write_bytes(b"this is not a database, it is a shopping list" * 50)
    with pytest.raises(StoreError) as excinfo:
        Store.open(data, clock)
    assert excinfo.value.problem is StoreProblem.CORRUPT
    assert "损坏" in str(excinfo.value)


def test_a_damaged_page_is_reported_as_corrupt(store: Store, keeper: OperatorInfo):
    store.checkpoint()
    store.close()
    raw = bytearray(store.path.read_bytes())
    page = 4096
    raw[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    store.path.write_bytes(bytes(raw))
    with pytest.raises(StoreError) as excinfo:
        Store.open(store.data_dir, store.clock)
    assert excinfo.value.problem is StoreProblem.CORRUPT


def test_a_locked_store_says_another_program_holds_it(tmp_path: Path, clock: FixedClock):
    data = tmp_path / "data"
    Store.open(data, clock).close()
    holder = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as at_open:
            Store.open(data, clock, busy_timeout_ms=50)
        assert at_open.value.problem is StoreProblem.LOCKED
        assert "占用" in str(at_open.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_write_blocked_by_another_program_is_refused_whole(store: Store):
    store_copy = sqlite3.connect(store.path, isolation_level=None)
    store_copy.execute("BEGIN IMMEDIATE")
    blocked = Store(store.data_dir, store.clock, busy_timeout_ms=50)
    try:
        with pytest.raises(StoreError) as excinfo, blocked.writing() as session:
            session.add(Preference(key="k", value="v"))
        assert excinfo.value.problem is StoreProblem.LOCKED
    finally:
        store_copy.execute("ROLLBACK")
        store_copy.close()
        blocked.close()
    with store.reading() as session:
        assert session.get(Preference, "k") is None


def test_a_full_disk_loses_the_action_but_nothing_else(store: Store, keeper: OperatorInfo):
    with store.reading() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
    before = _ledger_length(store)
    with pytest.raises(StoreError) as excinfo, store.writing() as session:
        session.execute(text(f"PRAGMA max_page_count = {pages}"))
        session.add_all(Preference(key=f"k{i}", value="x" * 2000) for i in range(200))
        session.flush()
    assert excinfo.value.problem is StoreProblem.DISK_FULL
    assert "磁盘空间已满" in str(excinfo.value)
    with store.reading() as session:
        assert session.scalar(select(Preference.key)) is None
        assert ledger.verify(session).ok
    assert _ledger_length(store) == before


def _ledger_length(store: Store) -> int:
    with store.reading() as session:
        return ledger.verify(session).checked


def test_a_read_only_database_is_sorted_as_read_only(store: Store):
    ro = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as excinfo:
        ro.execute("CREATE TABLE t (x)")
    ro.close()
    error = classify(excinfo.value)
    assert isinstance(error, StoreError)
    assert error.problem is StoreProblem.READ_ONLY
    assert "只读" in str(error)


def test_a_data_dir_that_is_a_file_is_refused_clearly(tmp_path: Path, clock: FixedClock):
    (tmp_path / "data").write_text("oops")
    with pytest.raises(StoreError) as excinfo:
        Store.open(tmp_path / "data", clock)
    assert excinfo.value.problem is StoreProblem.CANNOT_OPEN


@pytest.mark.parametrize(
    ("errno_name", "problem"),
    [("ENOSPC", StoreProblem.DISK_FULL), ("EROFS", StoreProblem.READ_ONLY)],
)
def test_os_errors_from_the_disk_are_sorted(errno_name: str, problem: StoreProblem):
    import errno

    error = classify(OSError(getattr(errno, errno_name), "from the disk"))
    assert isinstance(error, StoreError)
    assert error.problem is problem


def test_a_programming_error_is_a_bug_not_the_keepers_problem(store: Store):
    with pytest.raises(BugError), store.writing() as session:
        session.execute(text("SELECT * FROM no_such_table"))


def test_a_failed_action_writes_nothing(store: Store):
    with pytest.raises(RuntimeError), store.writing() as session:
        session.add(Preference(key="half", value="written"))
        session.flush()
        raise RuntimeError("power cut in the middle")
    with store.reading() as session:
        assert session.get(Preference, "half") is None


def test_setup_survives_reopening(store: Store, clock: FixedClock):
    first_run.set_up(store, SETUP_FORM)
    store.close()
    again = Store.open(store.data_dir, clock)
    try:
        with again.reading() as session:
            assert first_run.is_set_up(session)
            assert ledger.verify(session).checked == 2
    finally:
        again.close()


def test_head_constant_matches_the_migration_scripts():
    assert migrate.script_head() == migrate.HEAD


def test_every_migration_file_is_named_after_its_revision():
    import importlib.util

    for path in migrate.VERSIONS_DIR.glob("*.py"):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.revision == path.name[:4], path.name
        if module.down_revision is not None:
            assert int(module.down_revision) == int(module.revision) - 1, path.name
