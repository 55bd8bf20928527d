"""Operators: who may log in, with which role, and every change to them on the ledger.

The UI holds :class:`OperatorInfo` snapshots, never ORM objects, so a screen can't
accidentally write through a stale session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import Operator, Role
from station_app.core.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from station_app.core.passwords import (
    check_password,
    dummy_hash,
    hash_password,
    needs_rehash,
    verify_password,
)
from station_app.core.permissions import Permission, require

LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,20}$")


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool

    @classmethod
    def of(cls, row: Operator) -> OperatorInfo:
        return cls(row.id, row.login, row.display_name, Role(row.role), row.active)

    @property
    def is_keeper(self) -> bool:
        return self.role is Role.KEEPER


class AuthenticationFailed(UserError):
    pass


def check_login(login: str) -> str:
    login = login.strip()
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "登录名要2–20个字，只能用汉字、字母、数字、下划线、点或短横线。"
            )
        )
    return login


def check_display_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写姓名。"))
    if len(name) > 40:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "姓名太长（最多40个字）。"))
    return name


def _find(session: Session, login: str) -> Operator | None:
    return session.scalar(select(Operator).where(func.lower(Operator.login) == login.lower()))


def create(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo | None,
    login: str,
    display_name: str,
    role: Role,
    password: str,
) -> OperatorInfo:
    """Add an operator. ``actor`` is None only for the keeper made by the first-run setup."""
    if actor is not None:
        require(actor.role, Permission.MANAGE_OPERATORS)
    login = check_login(login)
    display_name = check_display_name(display_name)
    check_password(password, login)
    if _find(session, login) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "登录名“{login}”已经有人用了，请换一个。"), login=login
        )
    row = Operator(
        login=login,
        display_name=display_name,
        role=role.value,
        password_hash=hash_password(password),
        active=True,
        created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    ledger.append(
        session,
        clock,
        operator=actor.login if actor else login,
        event_type="operator.created",
        payload={"login": login, "display_name": display_name, "role": role.value},
    )
    return OperatorInfo.of(row)


def authenticate(session: Session, login: str, password: str) -> OperatorInfo:
    """The operator whose password this is, or AuthenticationFailed (never saying which part
    was wrong). Upgrades the stored hash when argon2's parameters have grown."""
    row = _find(session, login.strip())
    if row is None:
        verify_password(dummy_hash(), password)
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("core", "登录名或密码不对，请再试一次。"))
    if not verify_password(row.password_hash, password):
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("core", "登录名或密码不对，请再试一次。"))
    if not row.active:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("core", "这个账号已停用，请联系站长。"))
    if needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    return OperatorInfo.of(row)


def change_password(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    login: str,
    new_password: str,
    old_password: str | None = None,
) -> None:
    """Operators change their own password (knowing the old one); a keeper can reset others'."""
    row = _require_row(session, login)
    own = row.id == actor.id
    if own:
        if old_password is None or not verify_password(row.password_hash, old_password):
            raise AuthenticationFailed(QT_TRANSLATE_NOOP("core", "原密码不对。"))
    else:
        require(actor.role, Permission.MANAGE_OPERATORS)
    check_password(new_password, row.login)
    row.password_hash = hash_password(new_password)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="operator.password_changed",
        payload={"login": row.login},
    )


def set_active(
    session: Session, clock: Clock, *, actor: OperatorInfo, login: str, active: bool
) -> None:
    require(actor.role, Permission.MANAGE_OPERATORS)
    row = _require_row(session, login)
    if row.active == active:
        return
    if not active and row.id == actor.id:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不能停用自己正在使用的账号。"))
    if not active and row.role == Role.KEEPER and _active_keepers(session) <= 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "至少要保留一个可用的站长账号。"))
    row.active = active
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="operator.reactivated" if active else "operator.deactivated",
        payload={"login": row.login},
    )


def _active_keepers(session: Session) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(Operator)
        .where(Operator.role == Role.KEEPER.value, Operator.active.is_(True))
    )
    return int(count or 0)


def _require_row(session: Session, login: str) -> Operator:
    row = _find(session, login)
    if row is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "没有登录名为“{login}”的操作员。"), login=login
        )
    return row


def list_all(session: Session) -> list[OperatorInfo]:
    rows = session.scalars(select(Operator).order_by(Operator.role.desc(), Operator.login))
    return [OperatorInfo.of(row) for row in rows]
