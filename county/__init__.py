"""The county service centre: receives station ledgers, serves reference data."""
