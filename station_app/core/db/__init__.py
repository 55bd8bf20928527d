"""The station's local SQLite store: models, engine, migrations and error sorting."""
