"""Operators and roles: who may log in, who may do what, all on the ledger."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from station_app.core import ledger, operators, passwords, preferences
from station_app.core.db.models import LedgerEntry, Operator, Role
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.operators import AuthenticationFailed, OperatorInfo
from station_app.core.permissions import Permission, can, require
from station_app.core.store import Store
from tests.conftest import ASSISTANT_LOGIN, ASSISTANT_PASSWORD, KEEPER_LOGIN, KEEPER_PASSWORD


def _login(store: Store, login: str, password: str) -> OperatorInfo:
    with store.writing() as session:
        return operators.authenticate(session, login, password)


def test_the_right_password_logs_in_with_the_right_role(store: Store, assistant: OperatorInfo):
    assert _login(store, KEEPER_LOGIN, KEEPER_PASSWORD).role is Role.KEEPER
    assert _login(store, "LiXia", ASSISTANT_PASSWORD).role is Role.ASSISTANT


@pytest.mark.parametrize(
    ("login", "password"), [(KEEPER_LOGIN, "wrong-pass1"), ("nobody", KEEPER_PASSWORD)]
)
def test_a_wrong_login_says_the_same_whichever_part_was_wrong(
    store: Store, keeper: OperatorInfo, login: str, password: str
):
    with pytest.raises(AuthenticationFailed) as excinfo:
        _login(store, login, password)
    assert str(excinfo.value) == "登录名或密码不对，请再试一次。"


def test_passwords_are_stored_as_argon2_hashes(store: Store, keeper: OperatorInfo):
    with store.reading() as session:
        stored = session.scalar(select(Operator.password_hash))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert KEEPER_PASSWORD not in stored


def test_a_deactivated_operator_cannot_log_in(store: Store, keeper, assistant):
    with store.writing() as session:
        operators.set_active(
            session, store.clock, actor=keeper, login=ASSISTANT_LOGIN, active=False
        )
    with pytest.raises(AuthenticationFailed, match="停用"):
        _login(store, ASSISTANT_LOGIN, ASSISTANT_PASSWORD)


def test_an_assistant_cannot_manage_operators_or_settings(store: Store, assistant):
    with pytest.raises(PermissionDenied, match="只有站长"), store.writing() as session:
        operators.create(
            session,
            store.clock,
            actor=assistant,
            login="newbie",
            display_name="新人",
            role=Role.ASSISTANT,
            password="xinren2026",
        )
    with pytest.raises(PermissionDenied, match="修改设置"), store.writing() as session:
        preferences.set_value(
            session, store.clock, actor=assistant, pref=preferences.SOUNDS_ENABLED, value=False
        )


@pytest.mark.parametrize("permission", list(Permission))
def test_role_matrix(permission: Permission):
    assert can(Role.KEEPER, permission)
    assert not can(Role.ASSISTANT, permission)
    with pytest.raises(PermissionDenied):
        require(Role.ASSISTANT, permission)


def test_every_change_names_its_operator_and_no_secret(store: Store, keeper, assistant):
    with store.writing() as session:
        operators.change_password(
            session,
            store.clock,
            actor=assistant,
            login=ASSISTANT_LOGIN,
            old_password=ASSISTANT_PASSWORD,
            new_password="xinmima2027",
        )
    with store.reading() as session:
        entries = list(session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq)))
        assert ledger.verify(session).ok
    assert [(e.type, e.operator) for e in entries[-2:]] == [
        ("operator.created", KEEPER_LOGIN),
        ("operator.password_changed", ASSISTANT_LOGIN),
    ]
    assert all("xinmima2027" not in e.payload and "argon2" not in e.payload for e in entries)
    assert _login(store, ASSISTANT_LOGIN, "xinmima2027").login == ASSISTANT_LOGIN


def test_changing_ones_own_password_needs_the_old_one(store: Store, keeper):
    with pytest.raises(AuthenticationFailed, match="原密码"), store.writing() as session:
        operators.change_password(
            session,
            store.clock,
            actor=keeper,
            login=KEEPER_LOGIN,
            old_password="guess-1234",
            new_password="xinmima2027",
        )


def test_a_keeper_can_reset_an_assistants_password(store: Store, keeper, assistant):
    with store.writing() as session:
        operators.change_password(
            session, store.clock, actor=keeper, login=ASSISTANT_LOGIN, new_password="chongzhi99"
        )
    assert _login(store, ASSISTANT_LOGIN, "chongzhi99").role is Role.ASSISTANT


def test_the_last_keeper_and_oneself_cannot_be_deactivated(store: Store, keeper):
    with pytest.raises(ValidationError, match="自己"), store.writing() as session:
        operators.set_active(session, store.clock, actor=keeper, login=KEEPER_LOGIN, active=False)


def test_duplicate_logins_are_refused_case_insensitively(store: Store, keeper, assistant):
    with pytest.raises(ValidationError, match="已经有人用了"), store.writing() as session:
        operators.create(
            session,
            store.clock,
            actor=keeper,
            login="LIXIA",
            display_name="另一个李霞",
            role=Role.ASSISTANT,
            password="lingyige99",
        )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "请输入密码"),
        ("abc12", "至少要8位"),
        ("88888888", "太常见"),
        ("23456789", "太常见"),
        ("aaaabbbb", "太常见"),
        ("onlyletters", "字母和数字"),
        ("wangjun2026", "登录名"),
        (" leading1x", "空格"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password: str, message: str):
    with pytest.raises(ValidationError, match=message):
        passwords.check_password(password, login="wangjun")


def test_a_reasonable_password_passes():
    passwords.check_password("liulin2026", login="wangjun")
    passwords.check_password("苹果园-2026", login="wangjun")
