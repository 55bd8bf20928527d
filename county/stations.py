"""Stations as county staff manage them, and enrolment: a one-time code exchanged for a
per-station credential. Only hashes of codes and credentials are stored.

Codes are 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about
79 bits: typed from paper or scanned from the QR code, and far beyond guessing, so a
sha256 of the normalised code is enough to find it again (see ``Credential``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from county.db.models import Credential, EnrolmentCode, Station
from county.errors import Refused
from sync.wire import EnrolRequest, ErrorCode

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
CODE_VALID_FOR = timedelta(days=14)
LEVELS = ("village", "township")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """What the keeper typed, without the grouping dashes, spaces or lower case."""
    return "".join(ch for ch in code.upper() if ch not in "- ")


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@dataclass(frozen=True)
class IssuedCode:
    station_code: str
    enrolment_code: str
    """Formatted ``XXXX-XXXX-XXXX-XXXX``: shown once, the county keeps its hash."""
    expires_at: datetime


def add_station(
    session: Session,
    now: datetime,
    *,
    name: str,
    level: str,
    division_code: str,
    township: str,
) -> IssuedCode:
    """Create a station record and its first enrolment code.

    The station code is the 12-digit division code and a two-digit serial, so staff can
    read the village off it and a village may have more than one station.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    if len(division_code) != 12 or not division_code.isdigit():
        raise ValueError("division code is 12 digits")
    if not name.strip() or not township.strip():
        raise ValueError("name and township are required")
    taken = session.scalar(
        select(func.count()).select_from(Station).where(Station.division_code == division_code)
    )
    station = Station(
        code=f"{division_code}-{(taken or 0) + 1:02d}",
        name=name.strip(),
        level=level,
        division_code=division_code,
        township=township.strip(),
        created_at=now,
        held_through=0,
    )
    session.add(station)
    session.flush()
    return _issue_code(session, now, station)


def find_station(session: Session, code: str) -> Station:
    station = session.scalar(select(Station).where(Station.code == code))
    if station is None:
        raise LookupError(f"no station {code}")
    return station


def revoke(session: Session, now: datetime, station_code: str) -> int:
    """Revoke the station's credentials and withdraw its unused codes; how many credentials."""
    station = find_station(session, station_code)
    _withdraw_codes(session, now, station)
    result = session.execute(
        update(Credential)
        .where(Credential.station == station.id, Credential.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def reissue(session: Session, now: datetime, station_code: str) -> IssuedCode:
    """A new enrolment code (a new PC, a lost credential); the old credential stops working."""
    station = find_station(session, station_code)
    revoke(session, now, station_code)
    return _issue_code(session, now, station)


def _withdraw_codes(session: Session, now: datetime, station: Station) -> None:
    session.execute(
        update(EnrolmentCode)
        .where(
            EnrolmentCode.station == station.id,
            EnrolmentCode.used_at.is_(None),
            EnrolmentCode.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=now)
    )


def _issue_code(session: Session, now: datetime, station: Station) -> IssuedCode:
    _withdraw_codes(session, now, station)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = now + CODE_VALID_FOR
    session.add(
        EnrolmentCode(
            station=station.id, code_hash=_sha256(code), created_at=now, expires_at=expires
        )
    )
    return IssuedCode(station.code, format_code(code), expires)


@dataclass(frozen=True)
class Enrolled:
    station: Station
    credential: str


def enrol(session: Session, now: datetime, request: EnrolRequest) -> Enrolled:
    """Spend a one-time code: bind the station id (or check it), issue a credential.

    A request without a station id is a new PC taking over the station the record is
    bound to (the code came from ``reissue``, which revoked the old PC's credential);
    a record never bound has nothing to take over.

    The code is marked used by a conditional UPDATE, so two requests racing with one
    code cannot both win. A station record already bound to another station id is
    refused: that would be a second ledger under the same county record.
    """
    code_hash = _sha256(normalise_code(request.code))
    row = session.scalar(select(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash))
    if row is None or row.used_at is not None or row.withdrawn_at is not None:
        raise Refused(ErrorCode.ENROLMENT_CODE_INVALID)
    if row.expires_at.timestamp() <= now.timestamp():
        raise Refused(ErrorCode.ENROLMENT_CODE_INVALID, {"expired": True})
    station = session.get_one(Station, row.station)
    station_id = request.station_id or station.station_id
    if station_id is None:
        raise Refused(ErrorCode.NOTHING_TO_TAKE_OVER)
    if station.station_id is not None and station.station_id != station_id:
        raise Refused(ErrorCode.WRONG_STATION, {"reason": "station_record_bound_elsewhere"})
    other = session.scalar(
        select(Station.id).where(Station.station_id == station_id, Station.id != station.id)
    )
    if other is not None:
        raise Refused(ErrorCode.WRONG_STATION, {"reason": "station_id_enrolled_elsewhere"})
    spent = session.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.id == row.id, EnrolmentCode.used_at.is_(None))
        .values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise Refused(ErrorCode.ENROLMENT_CODE_INVALID)
    station.station_id = station_id
    station.install_id = request.install_id
    station.enrolled_at = now
    token = secrets.token_urlsafe(32)
    session.add(
        Credential(
            station=station.id,
            token_hash=_sha256(token),
            install_id=request.install_id,
            app_version=request.app_version,
            created_at=now,
        )
    )
    return Enrolled(station, token)


@dataclass(frozen=True)
class Caller:
    """Who a credential says is calling: the station's row id and its station id."""

    station: int
    station_id: str


def authenticate(session: Session, authorization: str | None) -> Caller:
    """Resolve a ``Bearer`` credential; unknown → unauthorized, revoked → revoked."""
    if not authorization or not authorization.startswith("Bearer "):
        raise Refused(ErrorCode.UNAUTHORIZED)
    token = authorization.removeprefix("Bearer ").strip()
    if not token or len(token) > 128:
        raise Refused(ErrorCode.UNAUTHORIZED)
    found = session.execute(
        select(Credential.revoked_at, Station.id, Station.station_id)
        .join(Station, Station.id == Credential.station)
        .where(Credential.token_hash == _sha256(token))
    ).first()
    if found is None or found[2] is None:
        raise Refused(ErrorCode.UNAUTHORIZED)
    if found[0] is not None:
        raise Refused(ErrorCode.REVOKED)
    return Caller(found[1], found[2])
