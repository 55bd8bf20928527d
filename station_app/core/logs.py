"""The station's log: a few rotating files in the data dir, for support, never personal data.

A keeper who phones the county for help can send ``logs/station.log``; it holds what the
app did and every unexpected error with its traceback. Phone, ID and account numbers
are never passed to a logger (DESIGN.md, Privacy), so they cannot end up here.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5


def log_file(data_dir: Path) -> Path:
    return data_dir / "logs" / "station.log"


def configure(data_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Log to stderr and, once the data dir is known to be usable, to a rotating file."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(stream)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if data_dir is None:
        return None
    path = log_file(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file %s", path)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path
