"""County staff accounts and their console sessions.

Passwords follow the station's rules (``station_app.core.passwords``: at least eight
characters, not a common one, letters with digits or symbols) and are kept as argon2id
hashes. A login that does not exist is checked against a dummy hash, so a wrong login
name costs as long as a wrong password and does not tell which accounts exist.

Sessions live in the database (``staff_sessions``), so any app process can serve the
next request. The cookie carries a 256-bit random token; the table keeps its sha256
(looked up through a unique index, see ``Credential``). A session ends when its owner
logs out, when it has not been used for :data:`IDLE` (``expires_at``, pushed forward as
it is used, at most once a :data:`TOUCH_EVERY` so reading pages is not a write each
time), after :data:`MAX_AGE` whatever happens, or when the account is disabled.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from county.db.models import Staff, StaffSession
from station_app.core import passwords
from station_app.core.errors import ValidationError

ROLES = ("admin", "viewer")
ROLE_NAMES = {"admin": "管理员", "viewer": "查看"}
IDLE = timedelta(hours=8)
MAX_AGE = timedelta(hours=24)
TOUCH_EVERY = timedelta(minutes=1)
LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
MAX_NAME = 40


class StaffError(ValueError):
    """Refused input, with a Chinese message for staff."""


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_password(password: str, login: str) -> None:
    """Raise :class:`StaffError` saying why, unless the password is acceptable."""
    try:
        passwords.check_password(password, login)
    except ValidationError as error:
        raise StaffError(error.message) from None


def add(
    session: Session, now: datetime, *, login: str, name: str, role: str, password: str
) -> Staff:
    login = login.strip().lower()
    name = name.strip()
    if not LOGIN_PATTERN.match(login):
        raise StaffError("登录名要以小写字母开头，只用小写字母、数字和 _ . -，2 到 32 位。")
    if not name or len(name) > MAX_NAME:
        raise StaffError(f"请填写名字（最多 {MAX_NAME} 个字）。")
    if role not in ROLES:
        raise StaffError("角色只能是 admin（管理员）或 viewer（查看）。")
    check_password(password, login)
    if session.scalar(select(Staff.id).where(Staff.login == login)) is not None:
        raise StaffError(f"登录名 {login} 已经有人用了。")
    staff = Staff(
        login=login,
        display_name=name,
        role=role,
        password_hash=passwords.hash_password(password),
        active=True,
        created_at=now,
    )
    session.add(staff)
    session.flush()
    return staff


def find(session: Session, login: str) -> Staff:
    staff = session.scalar(select(Staff).where(Staff.login == login.strip().lower()))
    if staff is None:
        raise StaffError(f"没有登录名为 {login} 的账号。")
    return staff


def set_password(session: Session, login: str, password: str) -> None:
    """A new password; the account's sessions end (whoever held them must log in again)."""
    staff = find(session, login)
    check_password(password, staff.login)
    staff.password_hash = passwords.hash_password(password)
    session.execute(delete(StaffSession).where(StaffSession.staff == staff.id))


def disable(session: Session, login: str) -> None:
    """The account can no longer log in, and its sessions end now."""
    staff = find(session, login)
    staff.active = False
    session.execute(delete(StaffSession).where(StaffSession.staff == staff.id))


def verify(session: Session, login: str, password: str) -> Staff | None:
    """The account ``login`` names if ``password`` is its password, else None (the same
    answer, and about the same time, whichever of the two was wrong). The caller refuses
    a disabled account: saying so only to someone who knows its password gives nothing
    away."""
    staff = session.scalar(select(Staff).where(Staff.login == login.strip().lower()))
    if staff is None:
        passwords.verify_password(passwords.dummy_hash(), password)
        return None
    if not passwords.verify_password(staff.password_hash, password):
        return None
    if staff.active and passwords.needs_rehash(staff.password_hash):
        staff.password_hash = passwords.hash_password(password)
    return staff


@dataclass(frozen=True)
class Who:
    """The staff member a console request comes from."""

    staff: int
    login: str
    name: str
    role: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


@dataclass(frozen=True)
class Opened:
    token: str
    """For the cookie; the database keeps only its sha256."""
    who: Who


def open_session(session: Session, now: datetime, staff: Staff) -> Opened:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            token_hash=_sha256(token),
            staff=staff.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
            expires_at=now + IDLE,
        )
    )
    # Sessions long dead are cleared as new ones are made: the table stays small.
    session.execute(delete(StaffSession).where(StaffSession.expires_at < now - MAX_AGE))
    return Opened(token, Who(staff.id, staff.login, staff.display_name, staff.role, csrf))


@dataclass(frozen=True)
class Found:
    who: Who
    session_id: int
    needs_touch: bool
    """Last used more than :data:`TOUCH_EVERY` ago: push ``expires_at`` forward."""


def resolve(session: Session, now: datetime, token: str | None) -> Found | None:
    """The live session the cookie's token names, or None (unknown, expired, logged
    out, or its account disabled)."""
    if not token or len(token) > 128:
        return None
    row = session.execute(
        select(StaffSession, Staff)
        .join(Staff, Staff.id == StaffSession.staff)
        .where(StaffSession.token_hash == _sha256(token))
    ).first()
    if row is None:
        return None
    found, staff = row.tuple()
    if not staff.active or found.expires_at <= now or found.created_at + MAX_AGE <= now:
        return None
    who = Who(staff.id, staff.login, staff.display_name, staff.role, found.csrf_token)
    return Found(who, found.id, now - found.last_seen_at >= TOUCH_EVERY)


def touch(session: Session, now: datetime, session_id: int) -> None:
    session.execute(
        update(StaffSession)
        .where(StaffSession.id == session_id)
        .values(last_seen_at=now, expires_at=now + IDLE)
    )


def close(session: Session, token: str) -> None:
    session.execute(delete(StaffSession).where(StaffSession.token_hash == _sha256(token)))
