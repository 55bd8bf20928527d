"""Hand-over photos: stored whole or not at all, and their sha256 on the ledger entry."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core import ledger
from station_app.core.db.models import LedgerEntry
from station_app.core.db.photo_models import PickupPhoto
from station_app.core.errors import BugError, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover, photos
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store
from sync.events import InvalidPayload, validate_payload

ROOT = Path(__file__).resolve().parents[3]
# Not a real picture, but JPEG's start and end markers are all the store looks at.
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"\xff\xd9"


def _shelve(store: Store, keeper: OperatorInfo, tracking: str) -> ParcelView:
    arrival = Arrival(tracking, "yto", "1", 1, phone="13812341234")
    with store.writing() as session:
        return check_in(session, store.clock, actor=keeper, arrival=arrival).parcel


def _hand_over(
    store: Store, keeper: OperatorInfo, uids: list[str], jpeg: bytes | None
) -> list[ParcelView]:
    """What the 取件 tab's controller does: the photo kept around the transaction."""
    with (
        photos.kept(store.data_dir, jpeg, store.clock.now()) as saved,
        store.writing() as session,
    ):
        scans: dict[str, str | None] = dict.fromkeys(uids)
        return handover.hand_over(session, store.clock, actor=keeper, scans=scans, photo=saved)


def _picked_up_payloads(store: Store) -> list[dict]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.type == "parcel.picked_up"))
        return [ledger.payload_of(row) for row in rows]


def _photo_rows(store: Store) -> list[PickupPhoto]:
    with store.reading() as session:
        return list(session.scalars(select(PickupPhoto).order_by(PickupPhoto.id)))


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_photo_is_saved_by_month_and_its_hash_is_on_each_entry(
    store: Store, keeper: OperatorInfo
):
    a = _shelve(store, keeper, "YT1000000000001")
    b = _shelve(store, keeper, "YT1000000000002")

    _hand_over(store, keeper, [a.uid, b.uid], JPEG)

    [file] = _files(store.data_dir / "photos")
    assert file.parent == store.data_dir / "photos" / "2026" / "11"
    assert file.read_bytes() == JPEG
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    payloads = _picked_up_payloads(store)
    assert [p["photo_sha256"] for p in payloads] == [digest, digest]
    rows = _photo_rows(store)
    assert [r.parcel_uid for r in rows] == [a.uid, b.uid]
    assert {(r.path, r.sha256, r.size_bytes, r.taken_by) for r in rows} == {
        (file.relative_to(store.data_dir).as_posix(), digest, len(JPEG), keeper.login)
    }
    with store.reading() as session:
        assert ledger.verify(session).ok
        entry_ids = set(session.scalars(select(LedgerEntry.entry_id)))
        found = photos.photo_of(session, a.uid)
    assert {r.handover_entry for r in rows} <= entry_ids
    assert found is not None
    assert found.sha256 == digest


def test_without_a_photo_the_entry_has_no_photo_field(store: Store, keeper: OperatorInfo):
    parcel = _shelve(store, keeper, "YT1000000000001")
    _hand_over(store, keeper, [parcel.uid], None)

    [payload] = _picked_up_payloads(store)
    assert "photo_sha256" not in payload
    assert _photo_rows(store) == []
    assert _files(store.data_dir / "photos") == []


def test_a_refused_hand_over_leaves_no_photo_behind(store: Store, keeper: OperatorInfo):
    parcel = _shelve(store, keeper, "YT1000000000001")
    _hand_over(store, keeper, [parcel.uid], None)

    with pytest.raises(ValidationError, match="不能重复取件"):
        _hand_over(store, keeper, [parcel.uid], JPEG)

    assert _photo_rows(store) == []
    assert _files(store.data_dir / "photos") == []


def test_a_write_failing_at_fsync_leaves_no_file(
    store: Store, keeper: OperatorInfo, monkeypatch: pytest.MonkeyPatch
):
    """ENOSPC often only shows at fsync, after the bytes went into the temporary file."""
    parcel = _shelve(store, keeper, "YT1000000000001")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(photos.os, "fsync", disk_full)
    with pytest.raises(photos.PhotoNotSaved, match="磁盘空间已满"):
        _hand_over(store, keeper, [parcel.uid], JPEG)
    monkeypatch.undo()

    assert _files(store.data_dir / "photos") == []
    assert _photo_rows(store) == []
    assert _picked_up_payloads(store) == []


def test_a_photos_folder_that_cannot_be_made_is_reported(store: Store):
    (store.data_dir / "photos").write_bytes(b"in the way")
    with pytest.raises(photos.PhotoNotSaved, match="照片没有保存"):
        photos.save(store.data_dir, JPEG, store.clock.now())


def test_only_jpeg_bytes_are_taken(store: Store):
    with pytest.raises(BugError):
        photos.save(store.data_dir, b"\x89PNG\r\n\x1a\n", store.clock.now())


@pytest.mark.parametrize("value", ["ABC", "0" * 63, "F" * 64, 7])
def test_the_ledger_refuses_a_malformed_photo_hash(value: object):
    payload = {
        "parcel": "0" * 36,
        "tracking_number": "YT1000000000001",
        "confirmed_by_scan": True,
        "photo_sha256": value,
    }
    with pytest.raises(InvalidPayload):
        validate_payload("parcel.picked_up", 1, payload)


def test_the_schema_has_one_photo_row_per_parcel(store: Store, keeper: OperatorInfo):
    parcel = _shelve(store, keeper, "YT1000000000001")
    _hand_over(store, keeper, [parcel.uid], JPEG)
    with store.reading() as session:
        count = session.scalar(select(func.count()).select_from(PickupPhoto))
    assert count == 1


# --- a real full disk ---------------------------------------------------------------

_REAL_DISK_SCRIPT = """
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from station_app.core.parcels import photos
folder = Path(sys.argv[1])
try:
    photos.save(folder, b"\\xff\\xd8" + b"\\x00" * 300_000, datetime(2026, 11, 23, tzinfo=UTC))
    outcome = {"error": None}
except photos.PhotoNotSaved as error:
    outcome = {"error": str(error)}
outcome["files"] = sorted(str(p) for p in folder.rglob("*") if p.is_file())
print(json.dumps(outcome))
"""


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or not sys.platform.startswith("linux"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs unshare -rm and tmpfs mounts")
def test_a_really_full_disk_leaves_no_partial_photo(tmp_path: Path):
    """A 64 KB tmpfs and a 300 KB photo, in a private mount namespace (no root needed)."""
    folder = tmp_path / "mnt"
    folder.mkdir()
    script = f'mount -t tmpfs -o size=64k tmpfs {folder} && exec {sys.executable} -c "$0" {folder}'
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, _REAL_DISK_SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["error"] == "磁盘空间已满，照片没有保存。"
    assert outcome["files"] == []
