"""Sort database failures into "the environment" and "a bug".

The environment (a full disk, a read-only folder, another program holding the file, a
damaged file) is something the keeper can act on, so it becomes a :class:`StoreError`
with a message saying what to do. Anything else is a bug in this program and must not
be dressed up as the keeper's problem.
"""

from __future__ import annotations

import enum
import sqlite3

from sqlalchemy import exc as sa_exc

from station_app.core.errors import QT_TRANSLATE_NOOP, BugError, UserError


class StoreProblem(enum.StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    CORRUPT = "corrupt"
    CANNOT_OPEN = "cannot_open"
    IO = "io"
    NEWER_SCHEMA = "newer_schema"


MESSAGES = {
    StoreProblem.DISK_FULL: QT_TRANSLATE_NOOP(
        "core", "磁盘空间已满，本次操作没有保存。请删除不需要的文件或换一个数据目录后重试。"
    ),
    StoreProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "core", "数据目录是只读的，无法保存。请检查文件夹权限，或用 --data-dir 选择可写的目录。"
    ),
    StoreProblem.LOCKED: QT_TRANSLATE_NOOP(
        "core", "数据文件正被另一个程序占用。请关闭另一个打开的服务站软件后重试。"
    ),
    StoreProblem.CORRUPT: QT_TRANSLATE_NOOP(
        "core", "数据文件已损坏，无法读取。请不要继续使用此文件，从备份恢复或联系县服务中心。"
    ),
    StoreProblem.CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "core", "无法打开数据文件。请检查数据目录是否存在、是否可写。"
    ),
    StoreProblem.IO: QT_TRANSLATE_NOOP(
        "core", "读写磁盘出错，本次操作没有保存。请检查硬盘或U盘后重试。"
    ),
    StoreProblem.NEWER_SCHEMA: QT_TRANSLATE_NOOP(
        "core",
        "数据文件来自更新版本的服务站软件（数据版本 {revision}），本版本无法打开。请安装最新版本。",
    ),
}

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_PROBLEMS = {
    13: StoreProblem.DISK_FULL,  # SQLITE_FULL
    8: StoreProblem.READ_ONLY,  # SQLITE_READONLY
    3: StoreProblem.READ_ONLY,  # SQLITE_PERM
    5: StoreProblem.LOCKED,  # SQLITE_BUSY
    6: StoreProblem.LOCKED,  # SQLITE_LOCKED
    11: StoreProblem.CORRUPT,  # SQLITE_CORRUPT
    26: StoreProblem.CORRUPT,  # SQLITE_NOTADB
    14: StoreProblem.CANNOT_OPEN,  # SQLITE_CANTOPEN
    10: StoreProblem.IO,  # SQLITE_IOERR
}


class StoreError(UserError):
    """The store cannot do its work because of the machine it runs on."""

    def __init__(self, problem: StoreProblem, **params: object) -> None:
        self.problem = problem
        super().__init__(MESSAGES[problem], **params)


def classify(error: BaseException) -> StoreError | BugError:
    """Turn a database exception into a StoreError (environment) or a BugError."""
    if isinstance(error, StoreError | BugError):
        return error
    original = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _SQLITE_PROBLEMS:
            return StoreError(_SQLITE_PROBLEMS[code & 0xFF])
    if isinstance(original, OSError):
        return _classify_os_error(original)
    bug = BugError(f"database bug: {error!r}")
    bug.__cause__ = error
    return bug


def _classify_os_error(error: OSError) -> StoreError:
    import errno

    if error.errno == errno.ENOSPC:
        return StoreError(StoreProblem.DISK_FULL)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError(StoreProblem.READ_ONLY)
    if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR):
        return StoreError(StoreProblem.CANNOT_OPEN)
    return StoreError(StoreProblem.IO)
