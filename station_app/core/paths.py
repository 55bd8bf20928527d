"""Where the station's data lives: the platform's user data folder unless told otherwise."""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

from platformdirs import user_data_dir

from station_app.core.db.errors import StoreError, StoreProblem

APP_NAME = "VillageStation"
DB_FILENAME = "station.sqlite3"
BACKUP_DIRNAME = "backups"


def default_data_dir() -> Path:
    """``%LOCALAPPDATA%\\VillageStation`` on Windows, ``~/.local/share/VillageStation`` on Linux."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def prepare_data_dir(path: Path) -> Path:
    """Create the data folder if needed and prove it is writable, before SQLite tries.

    A probe file is written and removed, because permission bits say nothing about a
    read-only medium or a full disk (and nothing at all when running as an admin).
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(path))
        probe = path / f".write-probe-{uuid.uuid4().hex}"
        with open(probe, "wb") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except FileExistsError as error:
        raise StoreError(StoreProblem.CANNOT_OPEN) from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise StoreError(StoreProblem.DISK_FULL) from error
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError(StoreProblem.READ_ONLY) from error
        raise StoreError(StoreProblem.CANNOT_OPEN) from error
    return path
