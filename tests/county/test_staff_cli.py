"""``county-centre staff add / passwd / disable``, run as the command staff type, on
SQLite and PostgreSQL: the password comes from stdin, weak ones are refused in
Chinese, only an argon2 hash is stored, and a new password or a disabled account ends
the account's sessions."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from county import staff
from county.db.engine import make_engine
from county.db.models import Staff, StaffSession
from tests.county.conftest import county_command

PASSWORD = "Huangtu-2026"


@pytest.fixture(scope="module")
def engine(database_url: str) -> Iterator[Engine]:
    made = make_engine(database_url)
    yield made
    made.dispose()


def run(database_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        county_command("--database-url", database_url, "staff", *args),
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def account(engine: Engine, login: str) -> Staff:

    with Session(engine) as session:
        return session.scalars(select(Staff).where(Staff.login == login)).one()


def sessions_of(engine: Engine, staff_id: int) -> int:

    with Session(engine) as session:
        return len(
            session.scalars(select(StaffSession).where(StaffSession.staff == staff_id)).all()
        )


def open_session(engine: Engine, login: str) -> None:

    with Session(engine) as session, session.begin():
        found = staff.verify(session, login, PASSWORD) or staff.verify(session, login, "Loess-77x")
        assert found is not None
        staff.open_session(session, datetime.now(UTC), found)


def test_add_change_and_disable_an_account(database_url: str, engine: Engine):
    added = run(
        database_url, "add", "lixl", "--name", "李秀兰", "--role", "admin", stdin=PASSWORD + "\n"
    )
    assert added.returncode == 0, added.stderr
    assert "已开设账号 lixl（李秀兰，管理员）" in added.stdout
    row = account(engine, "lixl")
    assert (row.display_name, row.role, row.active) == ("李秀兰", "admin", True)
    assert row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash

    again = run(database_url, "add", "lixl", "--name", "李", "--role", "viewer", stdin=PASSWORD)
    assert again.returncode == 2
    assert "已经有人用了" in again.stderr

    open_session(engine, "lixl")
    assert sessions_of(engine, row.id) == 1
    changed = run(database_url, "passwd", "lixl", stdin="Loess-77x\n")
    assert changed.returncode == 0, changed.stderr
    assert sessions_of(engine, row.id) == 0

    with Session(engine) as session:
        assert staff.verify(session, "lixl", "Loess-77x") is not None
        assert staff.verify(session, "lixl", PASSWORD) is None

    open_session(engine, "lixl")
    disabled = run(database_url, "disable", "lixl")
    assert disabled.returncode == 0, disabled.stderr
    assert "已停用账号 lixl" in disabled.stdout
    assert account(engine, "lixl").active is False
    assert sessions_of(engine, row.id) == 0

    missing = run(database_url, "disable", "nobody")
    assert missing.returncode == 2
    assert "没有登录名为 nobody 的账号" in missing.stderr


@pytest.mark.parametrize(
    ("password", "said"),
    [
        ("abc1", "至少要8位"),
        ("12345678", "太常见"),
        ("zhangwei2026", "不能包含登录名"),
        ("onlyletters", "字母和数字"),
        ("", "请输入密码"),
    ],
)
def test_weak_passwords_are_refused_in_chinese(
    database_url: str, engine: Engine, password: str, said: str
):
    refused = run(database_url, "add", "zhangwei", "--name", "张伟", "--role", "viewer",
                  stdin=password + "\n")  # fmt: skip
    assert refused.returncode == 2
    assert said in refused.stderr
    assert "Traceback" not in refused.stderr

    with Session(engine) as session:
        assert session.scalars(select(Staff).where(Staff.login == "zhangwei")).all() == []


def test_a_bad_login_name_is_refused(database_url: str):
    refused = run(database_url, "add", "Li Xiu", "--name", "李秀", "--role", "viewer",
                  stdin=PASSWORD)  # fmt: skip
    assert refused.returncode == 2
    assert "登录名" in refused.stderr
