"""Password rules and hashing (argon2id).

Shop PCs are shared and sit in public rooms, so a password must be more than a
birthday or 88888888; but keepers are not IT staff, so the rules are few, explained in
plain words, and checked before anything is saved.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError

MIN_LENGTH = 8
COMMON = frozenset(
    (
        *("password", "password1", "passw0rd", "qwerty123", "qwertyui", "1qaz2wsx"),
        *("abc12345", "abcd1234", "a1234567", "aa123456", "12345678", "123456789"),
        *("1234567890", "87654321", "88888888", "66666666", "11111111", "00000000"),
        *("iloveyou", "woaini1314", "admin123", "admin888", "zhanzhang"),
    )
)

_hasher = PasswordHasher()


def check_password(password: str, login: str = "") -> None:
    """Raise ValidationError, saying why, unless ``password`` is acceptable."""
    if not password:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请输入密码。"))
    if password != password.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "密码的开头和结尾不能是空格。"))
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "密码至少要{minimum}位，现在只有{count}位。"),
            minimum=MIN_LENGTH,
            count=len(password),
        )
    lowered = password.lower()
    if lowered in COMMON or len(set(lowered)) <= 2 or _is_run(lowered):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这个密码太常见，容易被猜到，请换一个。"))
    if login and login.lower() in lowered:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "密码里不能包含登录名。"))
    has_letter = any(ch.isalpha() for ch in password)
    has_digit = any(ch.isdigit() for ch in password)
    has_other = any(not ch.isalnum() for ch in password)
    if has_letter + has_digit + has_other < 2:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "密码要同时包含字母和数字（或符号），不能只有一种。")
        )


def check_same(password: str, password_again: str) -> None:
    """The password typed twice must match: a typo here would lock the keeper out."""
    if password != password_again:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "两次输入的密码不一样。"))


def _is_run(text: str) -> bool:
    """A straight run such as 23456789 or hgfedcba: easy to guess, easy to watch typed."""
    steps = {ord(b) - ord(a) for a, b in pairwise(text)}
    return len(steps) == 1 and steps <= {1, -1}


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


@cache
def dummy_hash() -> str:
    """Verified against when a login does not exist, so a wrong name costs as long as a
    wrong password and does not tell a passer-by which accounts exist. Made on first use:
    hashing at import would add its cost to every start-up."""
    return hash_password("not-a-real-password-0")
