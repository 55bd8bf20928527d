"""The route table (线路表): which village stations each route out of the township serves.

The keeper edits it here; the county will publish it later (sync issue). So a route is
keyed by its ``code``, a stop by its village's 12-digit division code (both stable
across the two sources), the station id is optional (known once the village enrolled),
and :func:`apply_county_table` swaps the whole table in one transaction. A village sits
on one route only: two routes claiming it would make sorting ambiguous.

Keeper edits are ledger entries (``route.saved`` / ``route.removed``): a manifest sent
to the wrong village is easier to explain when the route table's history is on record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.manifest_models import Route, RouteSource, RouteStop
from station_app.core.db.models import StationLevel
from station_app.core.division import check_division_code
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.manifests.stations import require_level
from station_app.core.operators import OperatorInfo
from station_app.core.permissions import Permission, require

ROUTE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,15}$")
STATION_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_STOPS = 200


@dataclass(frozen=True)
class Stop:
    """A village station on a route."""

    name: str
    division_code: str
    station_id: str | None = None


@dataclass(frozen=True)
class RouteView:
    code: str
    name: str
    stops: tuple[Stop, ...]
    source: RouteSource


@dataclass(frozen=True)
class Destination:
    """A village a parcel can be sorted to, with the route that serves it."""

    route_code: str
    route_name: str
    stop: Stop

    @property
    def division_code(self) -> str:
        return self.stop.division_code

    @property
    def name(self) -> str:
        return self.stop.name


def list_routes(session: Session) -> list[RouteView]:
    routes = list(session.scalars(select(Route).order_by(Route.position, Route.code)))
    stops: dict[int, list[Stop]] = {route.id: [] for route in routes}
    for row in session.scalars(select(RouteStop).order_by(RouteStop.route_id, RouteStop.position)):
        stops[row.route_id].append(Stop(row.station_name, row.division_code, row.station_id))
    return [
        RouteView(route.code, route.name, tuple(stops[route.id]), RouteSource(route.source))
        for route in routes
    ]


def destinations(session: Session) -> list[Destination]:
    """Every village of every route, in route order then stop order (the sorting picker)."""
    return [
        Destination(route.code, route.name, stop)
        for route in list_routes(session)
        for stop in route.stops
    ]


def destination(session: Session, division_code: str) -> Destination | None:
    """The village with this code and its route; one indexed lookup (on every sort scan)."""
    row = session.execute(
        select(RouteStop, Route.code, Route.name)
        .join(Route, Route.id == RouteStop.route_id)
        .where(RouteStop.division_code == division_code)
    ).first()
    if row is None:
        return None
    stop = row[0]
    return Destination(row[1], row[2], Stop(stop.station_name, stop.division_code, stop.station_id))


def parse_stops(text: str) -> list[Stop]:
    """Stops as the keeper types them, one per line: ``村名 区划代码 [站点编号]``.

    Separators may be spaces, tabs, commas (half- or full-width) so a list copied from a
    spreadsheet or a county notice pastes in as it is.
    """
    stops = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = [p for p in re.split(r"[\s,，;；]+", unicodedata.normalize("NFKC", line)) if p]
        if not parts:
            continue
        if len(parts) not in (2, 3):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "core", "第{line}行看不懂：每行写“村名 12位区划代码”，可再加站点编号。"
                ),
                line=number,
            )
        stops.append(Stop(parts[0], parts[1], parts[2] if len(parts) == 3 else None))
    return stops


def _check_stop(stop: Stop, line: int) -> Stop:
    name = " ".join(stop.name.split())
    if not 1 <= len(name) <= 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "第{line}个村的名称要1–60个字。"), line=line
        )
    try:
        code = check_division_code(stop.division_code, StationLevel.VILLAGE)
    except ValidationError as error:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "第{line}个村（{name}）：{problem}"),
            line=line,
            name=name,
            problem=error.message,
        ) from None
    station_id = (stop.station_id or "").strip().lower() or None
    if station_id is not None and not STATION_ID.match(station_id):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "第{line}个村（{name}）的站点编号格式不对。"),
            line=line,
            name=name,
        )
    return Stop(name, code, station_id)


def check_route(code: str, name: str, stops: Sequence[Stop]) -> tuple[str, str, list[Stop]]:
    """The route normalised, or a ValidationError naming the first problem."""
    code = unicodedata.normalize("NFKC", code).strip().upper()
    if not ROUTE_CODE.match(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "线路编号要1–16位，只用字母、数字和短横线，如“R01”。")
        )
    name = " ".join(name.split())
    if not 1 <= len(name) <= 40:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写线路名称（最多40个字）。"))
    if not stops:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "一条线路至少要有一个村。"))
    if len(stops) > MAX_STOPS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "一条线路最多{limit}个村。"), limit=MAX_STOPS
        )
    checked = [_check_stop(stop, line) for line, stop in enumerate(stops, start=1)]
    seen: set[str] = set()
    for stop in checked:
        if stop.division_code in seen:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "区划代码{code}在这条线路上写了两次。"),
                code=stop.division_code,
            )
        seen.add(stop.division_code)
    return code, name, checked


def save_route(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    code: str,
    name: str,
    stops: Sequence[Stop],
    replaces: str | None = None,
) -> RouteView:
    """Create a route, or replace the one coded ``replaces`` (its code may change)."""
    require(actor.role, Permission.CHANGE_SETTINGS)
    require_level(session, StationLevel.TOWNSHIP)
    code, name, checked = check_route(code, name, stops)
    old = None if replaces is None else session.scalar(select(Route).where(Route.code == replaces))
    clash = session.scalar(select(Route).where(Route.code == code))
    if clash is not None and clash is not old:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "已经有编号为{code}的线路了。"), code=code)
    _refuse_villages_on_other_routes(session, checked, old)
    now = clock.now()
    if old is None:
        last = session.scalar(select(func.max(Route.position)))
        position = 0 if last is None else last + 1
        old = Route(code=code, name=name, position=position, source=RouteSource.LOCAL.value)
        session.add(old)
    old.code, old.name, old.updated_at = code, name, now
    old.source = RouteSource.LOCAL.value
    session.flush()
    session.execute(delete(RouteStop).where(RouteStop.route_id == old.id))
    _add_stops(session, old.id, checked)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="route.saved",
        payload={
            "code": code,
            "name": name,
            "stops": [
                {"name": s.name, "division_code": s.division_code, "station_id": s.station_id}
                for s in checked
            ],
        },
    )
    return RouteView(code, name, tuple(checked), RouteSource.LOCAL)


def _refuse_villages_on_other_routes(
    session: Session, stops: Sequence[Stop], route: Route | None
) -> None:
    codes = [stop.division_code for stop in stops]
    query = (
        select(RouteStop.station_name, Route.name)
        .join(Route, Route.id == RouteStop.route_id)
        .where(RouteStop.division_code.in_(codes))
    )
    if route is not None:
        query = query.where(RouteStop.route_id != route.id)
    taken = session.execute(query.limit(1)).first()
    if taken is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{village}已经在线路“{route}”上了，一个村只能属于一条线路。"),
            village=taken[0],
            route=taken[1],
        )


def _add_stops(session: Session, route_id: int, stops: Sequence[Stop]) -> None:
    for position, stop in enumerate(stops):
        session.add(
            RouteStop(
                route_id=route_id,
                position=position,
                station_name=stop.name,
                division_code=stop.division_code,
                station_id=stop.station_id,
            )
        )
    session.flush()


def remove_route(session: Session, clock: Clock, *, actor: OperatorInfo, code: str) -> None:
    require(actor.role, Permission.CHANGE_SETTINGS)
    require_level(session, StationLevel.TOWNSHIP)
    route = session.scalar(select(Route).where(Route.code == code))
    if route is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "没有编号为{code}的线路。"), code=code)
    session.execute(delete(RouteStop).where(RouteStop.route_id == route.id))
    session.delete(route)
    ledger.append(
        session, clock, operator=actor.login, event_type="route.removed", payload={"code": code}
    )


def apply_county_table(session: Session, now: datetime, table: Sequence[RouteView]) -> None:
    """Replace the whole table with the county's (the sync issue's entry point).

    Reference data the county owns, like its price lists: applied whole in the caller's
    transaction, with no ledger entry (the county already has it on its own record).
    Everything is checked before the old table is touched.
    """
    checked = [check_route(route.code, route.name, route.stops) for route in table]
    codes = [code for code, _name, _stops in checked]
    villages = [stop.division_code for _c, _n, stops in checked for stop in stops]
    if len(set(codes)) != len(codes) or len(set(villages)) != len(villages):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "县里下发的线路表有重复的线路或村，没有应用。")
        )
    session.execute(delete(RouteStop))
    session.execute(delete(Route))
    for position, (code, name, stops) in enumerate(checked):
        route = Route(
            code=code, name=name, position=position, source=RouteSource.COUNTY.value, updated_at=now
        )
        session.add(route)
        session.flush()
        _add_stops(session, route.id, stops)


COUNTY_TABLE_BAD = QT_TRANSLATE_NOOP("core", "县里下发的线路表格式不对（{where}），没有应用。")


def county_table(data: object) -> list[RouteView]:
    """The county's ``routes`` reference set read into routes, or a ValidationError.

    The set is ``{"routes": [{"code", "name", "stops": [{"name", "division_code",
    "station_id"?}]}]}``: the shape of a ``route.saved`` payload, so a table the county
    assembles from townships' own edits needs no translation. Only the shape is checked
    here; :func:`apply_county_table` checks the routes themselves.
    """
    routes = _field(data, "routes", list, "routes")
    table = []
    for number, route in enumerate(routes, start=1):
        where = f"routes[{number}]"
        stops = [
            Stop(
                _field(stop, "name", str, f"{where}.stops[{i}]"),
                _field(stop, "division_code", str, f"{where}.stops[{i}]"),
                _optional_text(stop, "station_id", f"{where}.stops[{i}]"),
            )
            for i, stop in enumerate(_field(route, "stops", list, where), start=1)
        ]
        table.append(
            RouteView(
                _field(route, "code", str, where),
                _field(route, "name", str, where),
                tuple(stops),
                RouteSource.COUNTY,
            )
        )
    return table


def _field(data: object, key: str, kind: type[Any], where: str) -> Any:
    if not isinstance(data, Mapping) or not isinstance(data.get(key), kind):
        raise ValidationError(COUNTY_TABLE_BAD, where=f"{where}.{key}")
    return data[key]


def _optional_text(data: object, key: str, where: str) -> str | None:
    value = data.get(key) if isinstance(data, Mapping) else None
    if value is not None and not isinstance(value, str):
        raise ValidationError(COUNTY_TABLE_BAD, where=f"{where}.{key}")
    return value
