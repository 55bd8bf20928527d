"""Manifests and expected lists as files, until sync carries them.

A file is JSON: ``{"format", "version", "sha256", "body"}``. ``sha256`` is over the
canonical JSON of ``body`` (the ledger's own canonical form, ``sync.protocol``), so the
layout of the file may change (pretty-printed, re-saved by an editor) while any changed
value, a truncated copy or a flipped bit on a cheap USB stick is caught and the file is
refused before anything is written. The hash proves integrity, not authorship: signing
belongs to the sync issue, where stations hold credentials.

Only masked phones are in a file (``138****1234``): the village types the phone again at
check-in anyway, and a lost USB stick then leaks no villager's number.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy.orm import Session

from station_app.core import couriers
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.manifests import dispatch
from station_app.core.manifests.receiving import BagList, ListedParcel
from station_app.core.manifests.stations import this_station
from station_app.core.manifests.views import ManifestDetail
from station_app.core.parcels.phones import mask, parse_phone
from sync.protocol import canonical_json, format_instant

MANIFEST_FORMAT = "village-station/manifest"
BAG_LIST_FORMAT = "village-station/bag-list"
VERSION = 1
MAX_BYTES = 5_000_000
SUFFIX = ".json"

Tracking = Annotated[str, Field(min_length=8, max_length=32)]
Code12 = Annotated[str, Field(pattern=r"^\d{12}$")]
Uid = Annotated[str, Field(min_length=36, max_length=36)]
Name = Annotated[str, Field(min_length=1, max_length=60)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FileParcel(_Strict):
    tracking_number: Tracking
    courier: str = Field(min_length=2, max_length=16)
    phone_masked: str | None = Field(default=None, max_length=24)


class FileSibling(_Strict):
    number: str = Field(min_length=1, max_length=24)
    to_name: Name
    tracking_numbers: list[Tracking] = Field(max_length=dispatch.MAX_PARCELS)


class ManifestBody(_Strict):
    uid: Uid
    number: str = Field(min_length=1, max_length=24)
    from_station_id: Uid
    from_name: Name
    from_division_code: Code12
    to_station_id: Uid | None = None
    to_name: Name
    to_division_code: Code12
    route_code: str = Field(min_length=1, max_length=16)
    route_name: str = Field(min_length=1, max_length=40)
    dispatched_at: str = Field(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
    dispatched_by: str = Field(min_length=1, max_length=32)
    parcels: list[FileParcel] = Field(min_length=1, max_length=dispatch.MAX_PARCELS)
    siblings: list[FileSibling] = Field(default_factory=list, max_length=200)


class ListParcel(_Strict):
    tracking_number: Tracking
    courier: str = Field(default="unknown", max_length=16)
    phone: str | None = Field(default=None, max_length=32)
    division_code: Code12 | None = None


class BagListBody(_Strict):
    label: str = Field(min_length=1, max_length=40)
    parcels: list[ListParcel] = Field(max_length=2000)


@dataclass(frozen=True)
class ManifestDocument:
    """A manifest file that passed every check, and the hash that names its content."""

    body: ManifestBody
    content_hash: str


# --- writing --------------------------------------------------------------------------


def _envelope(kind: str, body: dict[str, Any]) -> bytes:
    digest = hashlib.sha256(canonical_json(body)).hexdigest()
    document = {"format": kind, "version": VERSION, "sha256": digest, "body": body}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def manifest_file(session: Session, uid: str) -> bytes:
    """The file a township hands the van for the village: the manifest, plus the tracking
    numbers of its route siblings (no phones) so the village can recognise 错分."""
    found = dispatch.detail(session, uid)
    township = this_station(session)
    siblings = dispatch.route_siblings(session, uid)
    return _envelope(MANIFEST_FORMAT, _manifest_body(found, township.division_code, siblings))


def _manifest_body(
    found: ManifestDetail, from_division_code: str, siblings: list[ManifestDetail]
) -> dict[str, Any]:
    view = found.manifest
    return {
        "uid": view.uid,
        "number": view.number,
        "from_station_id": view.from_station_id,
        "from_name": view.from_name,
        "from_division_code": from_division_code,
        "to_station_id": view.to_station_id,
        "to_name": view.to_name,
        "to_division_code": view.to_division_code,
        "route_code": view.route_code,
        "route_name": view.route_name,
        "dispatched_at": format_instant(view.dispatched_at),
        "dispatched_by": view.dispatched_by,
        "parcels": [
            {
                "tracking_number": item.tracking_number,
                "courier": item.courier,
                "phone_masked": item.phone_masked,
            }
            for item in found.items
        ],
        "siblings": [
            {
                "number": other.manifest.number,
                "to_name": other.manifest.to_name,
                "tracking_numbers": [item.tracking_number for item in other.items],
            }
            for other in siblings
        ],
    }


def bag_list_file(label: str, parcels: list[ListedParcel]) -> bytes:
    """An expected list in the county's format (for the county side and for tests)."""
    body = {
        "label": label,
        "parcels": [
            {
                "tracking_number": p.tracking_number,
                "courier": p.courier,
                "phone": p.phone_masked,
                "division_code": p.division_code,
            }
            for p in parcels
        ],
    }
    return _envelope(BAG_LIST_FORMAT, body)


def default_name(number: str, to_name: str) -> str:
    """``交接单-JJ20261123001-胡家庄村.json``: the village's name shows on the USB stick."""
    safe = "".join(c for c in to_name if c not in '\\/:*?"<>|').strip() or "village"
    return f"交接单-{number}-{safe}{SUFFIX}"


def write_file(path: Path, data: bytes) -> None:
    """Write whole or not at all: a temporary file beside ``path``, synced, renamed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".manifest-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "文件写不进去（{reason}），请换个位置或检查U盘。"),
            reason=error.strerror or type(error).__name__,
        ) from error


# --- reading --------------------------------------------------------------------------


def read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "文件太大，不是交接单或到货清单。"))
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "读不了文件{name}（{reason}）。"),
            name=path.name,
            reason=error.strerror or type(error).__name__,
        ) from error


NOT_A_MANIFEST = QT_TRANSLATE_NOOP("core", "这个文件不是交接单文件。")
NOT_A_BAG_LIST = QT_TRANSLATE_NOOP("core", "这个文件不是到货清单文件。")
TAMPERED = QT_TRANSLATE_NOOP(
    "core",
    "文件内容和校验码对不上：文件可能已损坏或被改动过，不能导入。请让对方重新导出一份。",
)


def _open_envelope(data: bytes, kind: str, wrong_kind: str) -> tuple[dict[str, Any], str]:
    """The checked body and its hash, or a ValidationError saying what is wrong."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(wrong_kind) from None
    if not isinstance(document, dict) or document.get("format") != kind:
        raise ValidationError(wrong_kind)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError(wrong_kind)
    if version > VERSION:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "文件是新版程序（第{version}版格式）导出的，请先升级本程序。"
            ),
            version=version,
        )
    body, claimed = document.get("body"), document.get("sha256")
    if not isinstance(body, dict) or not isinstance(claimed, str):
        raise ValidationError(TAMPERED)
    try:
        digest = hashlib.sha256(canonical_json(body)).hexdigest()
    except TypeError:  # a float or another value no exporter writes
        raise ValidationError(TAMPERED) from None
    if digest != claimed.lower():
        raise ValidationError(TAMPERED)
    return body, digest


def _invalid(error: PydanticValidationError) -> ValidationError:
    first = error.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    return ValidationError(
        QT_TRANSLATE_NOOP("core", "文件内容格式不对（{field}），不能导入。"), field=where
    )


def read_manifest(data: bytes) -> ManifestDocument:
    body, digest = _open_envelope(data, MANIFEST_FORMAT, NOT_A_MANIFEST)
    try:
        parsed = ManifestBody.model_validate(body)
    except PydanticValidationError as error:
        raise _invalid(error) from None
    numbers = [p.tracking_number for p in parsed.parcels]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "交接单里有重复的单号，不能导入。"))
    return ManifestDocument(parsed, digest)


def read_bag_list(data: bytes) -> BagList:
    """An expected list: numbers normalised, couriers checked, phones masked on reading."""
    body, digest = _open_envelope(data, BAG_LIST_FORMAT, NOT_A_BAG_LIST)
    try:
        parsed = BagListBody.model_validate(body)
    except PydanticValidationError as error:
        raise _invalid(error) from None
    parcels: dict[str, ListedParcel] = {}
    for listed in parsed.parcels:
        number = couriers.normalise_scan(listed.tracking_number)
        parcels[number] = ListedParcel(
            number, _courier(listed.courier, number), safe_mask(listed.phone), listed.division_code
        )
    return BagList(" ".join(parsed.label.split()), tuple(parcels.values()), digest)


def _courier(code: str, number: str) -> str:
    try:
        return couriers.courier_by_code(code).code
    except ValidationError:
        try:
            return couriers.recognise(number, allow_product_code=True).best.code
        except ValidationError:
            return couriers.UNKNOWN.code


def safe_mask(phone: str | None) -> str | None:
    """Whatever a file carries, only a masked form is kept: one already masked (at most
    seven digits showing) stays as printed, a full number is masked here, and an
    unreadable one is dropped (the village asks the villager anyway) rather than
    refusing the whole file."""
    compact = "".join(unicodedata.normalize("NFKC", phone or "").split())
    if not compact:
        return None
    if "*" in compact and sum(c.isdigit() for c in compact) <= 7:
        return compact[:24]
    try:
        parsed = parse_phone(compact)
    except ValidationError:
        return None
    return None if parsed is None else mask(parsed.number, parsed.tail, parsed.extension) or None
