"""The county's database: typed models, engine set-up and its own Alembic migrations."""
