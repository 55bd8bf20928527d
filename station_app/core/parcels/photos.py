"""Hand-over photos (取件拍照): a JPEG file written whole or not at all, hashed for the ledger.

The UI (or the devices layer) encodes the picture; this module only stores bytes. The
file is written before the hand-over's transaction and removed again if that
transaction fails, so a photo never exists without its hand-over for longer than the
call. A failed write (a full disk, above all) raises :class:`PhotoNotSaved` and leaves
no file behind, and the keeper can still hand the parcel over without a photo: a
missing picture must never keep a villager's parcel on the shelf.

Photos show people's faces: they are personal data, never logged, never uploaded. Only
their sha256 goes on the ledger, which is enough for the county to check a photo later.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.clock import local_time
from station_app.core.db.photo_models import PickupPhoto
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError, UserError

PHOTOS_DIRNAME = "photos"
_JPEG_START = b"\xff\xd8"
_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class PhotoNotSaved(UserError):
    """The photo could not be stored; nothing of it was left on disk."""


@dataclass(frozen=True)
class SavedPhoto:
    """A photo safely on disk, not yet tied to a hand-over."""

    uid: str
    path: str
    """Relative to the data dir, "/"-separated: ``photos/2026/11/<uid>.jpg``."""
    sha256: str
    size_bytes: int
    taken_at: datetime


def save(data_dir: Path, jpeg: bytes, taken_at: datetime) -> SavedPhoto:
    """Write ``jpeg`` under ``<data_dir>/photos/YYYY/MM/`` (the station's month) atomically."""
    if not jpeg.startswith(_JPEG_START):
        raise BugError("a hand-over photo must be JPEG bytes")
    uid = str(uuid.uuid4())
    month = local_time(taken_at)
    relative = f"{PHOTOS_DIRNAME}/{month:%Y}/{month:%m}/{uid}.jpg"
    target = data_dir / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, jpeg)
    except OSError as error:
        raise _not_saved(error) from error
    return SavedPhoto(uid, relative, hashlib.sha256(jpeg).hexdigest(), len(jpeg), taken_at)


def discard(data_dir: Path, photo: SavedPhoto) -> None:
    """Remove a saved photo whose hand-over did not happen (best effort)."""
    with suppress(OSError):
        (data_dir / photo.path).unlink(missing_ok=True)


@contextmanager
def kept(data_dir: Path, jpeg: bytes | None, taken_at: datetime) -> Iterator[SavedPhoto | None]:
    """The photo saved for the ``with`` block (None without one), removed if the block fails.

    Enter it before the hand-over's transaction, so a failed commit removes the file too.
    """
    photo = None if jpeg is None else save(data_dir, jpeg, taken_at)
    try:
        yield photo
    except BaseException:
        if photo is not None:
            discard(data_dir, photo)
        raise


def record(
    session: Session, photo: SavedPhoto, *, parcel_uid: str, entry_id: str, operator: str
) -> None:
    """Tie ``photo`` to one parcel's hand-over, in the hand-over's transaction."""
    session.add(
        PickupPhoto(
            parcel_uid=parcel_uid,
            handover_entry=entry_id,
            path=photo.path,
            sha256=photo.sha256,
            size_bytes=photo.size_bytes,
            taken_at=photo.taken_at,
            taken_by=operator,
        )
    )


def photo_of(session: Session, parcel_uid: str) -> PickupPhoto | None:
    """The photo kept with a parcel's hand-over, if one was taken."""
    return session.scalar(select(PickupPhoto).where(PickupPhoto.parcel_uid == parcel_uid))


def write_atomically(path: Path, data: bytes) -> None:
    """``path`` holds all of ``data`` or does not exist: temp file, fsync, rename.

    The temporary name starts with a dot and is removed on any failure, so an
    interrupted write (a full disk finds out at write or at fsync) leaves nothing.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temporary, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        with suppress(OSError):
            path.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _not_saved(error: OSError) -> PhotoNotSaved:
    if error.errno in _DISK_FULL:
        return PhotoNotSaved(QT_TRANSLATE_NOOP("core", "磁盘空间已满，照片没有保存。"))
    if error.errno in _NOT_WRITABLE:
        return PhotoNotSaved(QT_TRANSLATE_NOOP("core", "照片文件夹不能写入，照片没有保存。"))
    return PhotoNotSaved(QT_TRANSLATE_NOOP("core", "写照片文件时出错，照片没有保存。"))
