"""Every table the store has, registered on ``Base.metadata`` by importing its module.

Each domain keeps its tables in ``station_app/core/db/<domain>_models.py`` (the core
ones stay in ``models.py``); this module imports them all, so Alembic and the
schema check see the whole store without a list anyone must remember to extend.
"""

from __future__ import annotations

import importlib
import pkgutil

from station_app.core.db import models  # noqa: F401 - the core tables
from station_app.core.db.base import Base

__all__ = ["Base", "load_all"]


def load_all() -> None:
    package = "station_app.core.db"
    path = importlib.import_module(package).__path__
    for info in pkgutil.iter_modules(path):
        if info.name.endswith("_models"):
            importlib.import_module(f"{package}.{info.name}")


load_all()
