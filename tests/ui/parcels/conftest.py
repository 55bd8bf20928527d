"""Fixtures for the 快递 page: the page on a set-up store, with sounds recorded."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from station_app.core.operators import OperatorInfo
from station_app.core.parcels import checkin
from station_app.core.parcels.checkin import Arrival
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store
from station_app.devices.sound import SoundPlayer
from station_app.ui.pages.parcels import ParcelsPage


@pytest.fixture
def played() -> list[str]:
    return []


@pytest.fixture
def page(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, played: list[str]) -> ParcelsPage:
    player = SoundPlayer(lambda path: played.append(path.name))
    shown = ParcelsPage(set_up_store, keeper, player.play)
    qtbot.addWidget(shown)
    # An explicit minimum, as the main window gives: the offscreen platform warns when a
    # top-level widget's layout sets one itself.
    shown.setMinimumSize(1150, 700)
    shown.show()
    return shown


def shelve(
    store: Store, keeper: OperatorInfo, tracking: str, phone: str = "", tier: int = 1
) -> ParcelView:
    """A parcel checked in through the core, as if scanned earlier."""
    arrival = Arrival(tracking, "yto", "1", tier, phone=phone)
    with store.writing() as session:
        return checkin.check_in(session, store.clock, actor=keeper, arrival=arrival).parcel
