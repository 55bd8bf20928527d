"""What each role may do. An assistant (店员) works the counter; only the keeper (站长)
voids, closes the day, and changes settings or operators."""

from __future__ import annotations

import enum

from station_app.core.db.models import Role
from station_app.core.errors import QT_TRANSLATE_NOOP, PermissionDenied


class Permission(enum.StrEnum):
    VOID = "void"
    CLOSE_DAY = "close_day"
    CHANGE_SETTINGS = "change_settings"
    MANAGE_OPERATORS = "manage_operators"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.KEEPER: frozenset(Permission),
    Role.ASSISTANT: frozenset(),
}

PERMISSION_NAMES = {
    Permission.VOID: QT_TRANSLATE_NOOP("core", "作废记录"),
    Permission.CLOSE_DAY: QT_TRANSLATE_NOOP("core", "日结"),
    Permission.CHANGE_SETTINGS: QT_TRANSLATE_NOOP("core", "修改设置"),
    Permission.MANAGE_OPERATORS: QT_TRANSLATE_NOOP("core", "管理操作员"),
}


def can(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]


def require(role: Role | str, permission: Permission) -> None:
    """Raise PermissionDenied, naming the action, unless ``role`` may do it."""
    if not can(role, permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("core", "只有站长可以{action}，请让站长登录后操作。"),
            action=PERMISSION_NAMES[permission],
        )
