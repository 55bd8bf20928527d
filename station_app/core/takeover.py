"""A new PC taking over a station that enrolled before (换电脑、重装系统).

The order is fixed by what each step needs: enrol first (``sync.client.take_over``: the
county's code is the keeper's authority, and it revokes the old PC's credential), then
rebuild the station from the county's copy of its ledger (``sync.recovery.recover``),
then give one of the rebuilt keeper accounts a new password here (:func:`finish`). The
ledger never carries a password hash, so a rebuilt account has none until this last
step; the county code is what lets this PC set one without the old password.

Each step commits on its own and the app asks where it stands at start-up
(:func:`stage`), so a power cut anywhere resumes at the step it cut.
"""

from __future__ import annotations

import enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app import __version__
from station_app.core import ledger, operators
from station_app.core.clock import Clock
from station_app.core.db.models import Operator, Role, Station
from station_app.core.db.sync_models import SyncState
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.passwords import check_password, check_same, hash_password
from station_app.core.replay_base import REPLAYED_PASSWORD_HASH
from station_app.core.store import Store


class Stage(enum.Enum):
    NONE = "none"  # no takeover under way
    RECOVERING = "recovering"  # enrolled; the county's copy is not all here yet
    NO_LEDGER = "no_ledger"  # recovered, but the county held nothing: set up as new
    CHOOSE_KEEPER = "choose_keeper"  # rebuilt; a keeper account needs a password here


MSG_NOT_TAKING_OVER = QT_TRANSLATE_NOOP("core", "这台电脑没有在接替服务站，不需要这一步。")
MSG_NOT_A_REBUILT_KEEPER = QT_TRANSLATE_NOOP(
    "core", "请从列表中选择一个站长账号（从县服务中心恢复的账号）。"
)


def pending(session: Session) -> SyncState | None:
    """The sync row of an unfinished takeover (it holds the takeover's ids), else None."""
    row = session.get(SyncState, 1)
    return row if row is not None and row.install_id is not None else None


def stage(session: Session) -> Stage:
    row = pending(session)
    if row is None:
        return Stage.NONE
    if row.halted and row.last_error_code == ledger.BEHIND_COUNTY:
        return Stage.RECOVERING
    if session.scalar(select(Station.id)) is None:
        # Not behind, yet no station.created: the old PC enrolled and never uploaded.
        return Stage.NO_LEDGER
    return Stage.CHOOSE_KEEPER


def rebuilt_keepers(session: Session) -> list[operators.OperatorInfo]:
    """Keeper accounts that came from the county's copy and have no password here yet."""
    rows = session.scalars(
        select(Operator)
        .where(Operator.role == Role.KEEPER.value, Operator.password_hash == REPLAYED_PASSWORD_HASH)
        .order_by(Operator.login)
    )
    return [operators.OperatorInfo.of(row) for row in rows]


def finish(
    store: Store, login: str, password: str, password_again: str, clock: Clock | None = None
) -> operators.OperatorInfo:
    """Give a rebuilt keeper account a password and record the takeover, in one transaction.

    The two entries (``station.taken_over``, then ``operator.password_changed``) follow
    the county's copy on the chain, so they upload like any other; the old PC's
    credential was revoked when the county issued the takeover code.
    """
    clock = clock or store.clock
    with store.writing() as session:
        row = pending(session)
        station = session.scalar(select(Station))
        if row is None or station is None or stage(session) is not Stage.CHOOSE_KEEPER:
            raise ValidationError(MSG_NOT_TAKING_OVER)
        keeper = session.scalar(
            select(Operator).where(
                func.lower(Operator.login) == login.strip().lower(),
                Operator.role == Role.KEEPER.value,
                Operator.password_hash == REPLAYED_PASSWORD_HASH,
            )
        )
        if keeper is None:
            raise ValidationError(MSG_NOT_A_REBUILT_KEEPER)
        check_password(password, keeper.login)
        check_same(password, password_again)
        assert row.install_id is not None  # ``pending`` says so
        station.install_id = row.install_id
        ledger.append(
            session,
            clock,
            operator=keeper.login,
            event_type="station.taken_over",
            payload={"install_id": row.install_id, "app_version": __version__},
        )
        keeper.password_hash = hash_password(password)
        keeper.active = True
        ledger.append(
            session,
            clock,
            operator=keeper.login,
            event_type="operator.password_changed",
            payload={"login": keeper.login},
        )
        row.station_id = row.install_id = None
        session.flush()
        return operators.OperatorInfo.of(keeper)
