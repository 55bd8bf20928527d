"""Who is at the counter: signing in, and what the login screen needs to show."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.core import first_run, operators, preferences, takeover
from station_app.core.db.models import Role
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.core.takeover import Stage


def sign_in(store: Store, login: str, password: str) -> OperatorInfo:
    """Check a login and password; in a write transaction because a stale hash is
    upgraded on the way in."""
    with store.writing() as session:
        return operators.authenticate(session, login, password)


def is_set_up(store: Store) -> bool:
    """Ready for the login window: set up, and not in the middle of a takeover (whose
    rebuilt accounts have no password until the wizard's last step)."""
    with store.reading() as session:
        return first_run.is_set_up(session) and takeover.stage(session) is Stage.NONE


def station_name(store: Store) -> str:
    with store.reading() as session:
        info = first_run.station_info(session)
    return "" if info is None else info.name


def idle_lock_minutes(store: Store) -> int:
    with store.reading() as session:
        return preferences.get(session, preferences.IDLE_LOCK_MINUTES)


def sounds_enabled(store: Store) -> bool:
    with store.reading() as session:
        return preferences.get(session, preferences.SOUNDS_ENABLED)


@dataclass(frozen=True)
class DemoLogin:
    login: str
    password: str
    role: Role | None


def demo_logins_with_roles(store: Store, logins: list[tuple[str, str]]) -> list[DemoLogin]:
    """The demo accounts with their roles, so the hint can say which one is the keeper."""
    with store.reading() as session:
        roles = {info.login.lower(): info.role for info in operators.list_all(session)}
    return [DemoLogin(login, password, roles.get(login.lower())) for login, password in logins]
