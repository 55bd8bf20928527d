"""Which kind of station this store is, asked before a township or village action.

A township store receives bags and dispatches manifests; a village store imports them.
Doing the other side's work would put events on the wrong ledger, so it is refused with
a message instead of being quietly allowed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from station_app.core.db.models import StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, BugError, ValidationError
from station_app.core.first_run import StationInfo, station_info

ONLY_TOWNSHIP = QT_TRANSLATE_NOOP("core", "收包、分拣和发交接单只在乡镇服务站使用。")
ONLY_VILLAGE = QT_TRANSLATE_NOOP("core", "导入和核对交接单只在村级服务站使用。")


def this_station(session: Session) -> StationInfo:
    info = station_info(session)
    if info is None:
        raise BugError("a manifest action before the station exists")
    return info


def require_level(session: Session, level: StationLevel) -> StationInfo:
    """This station, if it is of ``level``; a ValidationError otherwise."""
    info = this_station(session)
    if info.level is not level:
        raise ValidationError(ONLY_TOWNSHIP if level is StationLevel.TOWNSHIP else ONLY_VILLAGE)
    return info
