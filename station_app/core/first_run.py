"""The first-run setup: the station's identity and its first keeper, in one transaction.

Runs only on an empty store. Everything is checked before anything is written, and the
station row, the keeper and their two ledger entries commit together, so a power cut
during setup leaves either a usable station or an empty store that asks again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import ledger, operators, takeover
from station_app.core.clock import Clock
from station_app.core.db.models import Role, Station, StationLevel
from station_app.core.division import check_division_code
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.passwords import check_password, check_same
from station_app.core.store import Store


@dataclass(frozen=True)
class SetupForm:
    station_name: str
    level: StationLevel
    division_code: str
    keeper_login: str
    keeper_name: str
    password: str
    password_again: str


@dataclass(frozen=True)
class StationInfo:
    station_id: str
    name: str
    level: StationLevel
    division_code: str

    @classmethod
    def of(cls, row: Station) -> StationInfo:
        return cls(row.station_id, row.name, StationLevel(row.level), row.division_code)


def is_set_up(session: Session) -> bool:
    return session.scalar(select(Station.id)) is not None


def station_info(session: Session) -> StationInfo | None:
    row = session.scalar(select(Station))
    return None if row is None else StationInfo.of(row)


def check_station_name(name: str) -> str:
    name = " ".join(name.split())
    if len(name) < 2:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写服务站名称（至少2个字）。"))
    if len(name) > 60:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "服务站名称太长（最多60个字）。"))
    return name


def check_form(form: SetupForm) -> SetupForm:
    """Validate the whole form up front and return it normalised."""
    name = check_station_name(form.station_name)
    code = check_division_code(form.division_code, form.level)
    login = operators.check_login(form.keeper_login)
    keeper_name = operators.check_display_name(form.keeper_name)
    check_password(form.password, login)
    check_same(form.password, form.password_again)
    return SetupForm(name, form.level, code, login, keeper_name, form.password, form.password)


def _new_ids(session: Session) -> tuple[str, str]:
    """(station id, install id): new ones, unless this PC enrolled to take over a station
    the county has no ledger for (its old PC never uploaded): then the ids the county
    bound, so the ledger written from here on is that station's."""
    row = takeover.pending(session)
    if row is None or row.station_id is None or row.install_id is None:
        return str(uuid.uuid4()), str(uuid.uuid4())
    ids = row.station_id, row.install_id
    row.station_id = row.install_id = None
    return ids


def set_up(store: Store, form: SetupForm, clock: Clock | None = None) -> operators.OperatorInfo:
    """Create the station and its keeper; refused on a store that is already set up.

    ``clock`` defaults to the store's; the demo seeder passes one set in the past.
    """
    form = check_form(form)
    clock = clock or store.clock
    with store.writing() as session:
        if is_set_up(session):
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "这个数据目录已经设置过服务站，不能再次运行设置向导。")
            )
        station_id, install_id = _new_ids(session)
        session.add(
            Station(
                id=1,
                station_id=station_id,
                install_id=install_id,
                name=form.station_name,
                level=form.level.value,
                division_code=form.division_code,
                created_at=clock.now(),
            )
        )
        session.flush()
        ledger.append(
            session,
            clock,
            operator=form.keeper_login,
            event_type="station.created",
            payload={
                "name": form.station_name,
                "level": form.level.value,
                "division_code": form.division_code,
                "install_id": install_id,
            },
        )
        return operators.create(
            session,
            clock,
            actor=None,
            login=form.keeper_login,
            display_name=form.keeper_name,
            role=Role.KEEPER,
            password=form.password,
        )
