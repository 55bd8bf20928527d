"""The migrations build exactly the schema the models describe (Alembic's own diff)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from station_app.core.db.registry import Base
from station_app.core.store import Store


def test_no_difference_between_migrations_and_models(store: Store):
    engine = create_engine(f"sqlite:///{store.path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
