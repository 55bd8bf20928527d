"""Which billers set the counter uses: the county's, when it sent a valid one.

Kept apart from :mod:`station_app.core.bills.billers` (the parser) because
``core.reference`` checks fetched sets with that parser, and this module reads what
``core.reference`` stored: the two directions must not import each other.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from station_app.core import reference
from station_app.core.bills.billers import Billers, bundled_billers
from station_app.core.errors import ValidationError

log = logging.getLogger(__name__)


def billers_in_use(session: Session) -> Billers:
    """The county's newest applied set, else the bundled one.

    A stored set today's parser refuses (the app changed since it was applied) leaves
    the bundled set in use and is logged, as for courier rules and tariffs.
    """
    data = reference.active_data(session, "billers")
    if data is None:
        return bundled_billers()
    try:
        return Billers.from_dict(data)
    except ValidationError as error:
        log.warning("stored billers set no longer readable: %s", error.message)
        return bundled_billers()
