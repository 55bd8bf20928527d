"""Shared by the notification UI tests: the real fake SMS gateway process (from the core
tests), a dispatcher that is always stopped, and check-ins the way the counter does them
(through the controller, so the station's notification channel is honoured)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from station_app.core.db.notification_models import Channel
from station_app.core.notifications import gateway_config
from station_app.core.notifications.gateway_config import AuthKind, GatewayConfig
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.dispatcher import DispatchState, NotificationDispatcher
from tests.core.notifications import test_http_gateway

fake_gateway = test_http_gateway.fake_gateway
FakeGateway = test_http_gateway.FakeGateway
PHONE = "13812345678"
SECRET = "sk-live-7f3a9c2e"
TEMPLATE = '{"mobile": "{phone}", "content": "{text}", "sign": "胡家庄"}'


@pytest.fixture
def dispatcher(qtbot: QtBot, set_up_store: Store) -> Iterator[NotificationDispatcher]:
    """Rounds only when a test asks (the minute timer is pushed out of the way)."""
    sender = NotificationDispatcher(set_up_store, interval_ms=3_600_000, soon_ms=10)
    yield sender
    sender.stop()
    assert not sender.running, "the dispatcher's thread outlived its test"


def configure(
    store: Store,
    keeper: OperatorInfo,
    *,
    url: str = "",
    channel: Channel = Channel.SMS,
    secret: str | None = None,
) -> None:
    config = GatewayConfig(
        channel=channel,
        url=url,
        auth_kind=AuthKind.HEADER if secret else AuthKind.NONE,
        auth_name="X-Api-Key",
        template=TEMPLATE,
    )
    with store.writing() as session:
        gateway_config.save(session, store.clock, actor=keeper, config=config, new_secret=secret)


def check_in(
    store: Store, keeper: OperatorInfo, serial: int, phone: str = PHONE, tier: int = 1
) -> ParcelView:
    arrival = Arrival(f"YT75{serial:011d}", "yto", "1", tier, phone=phone)
    return ParcelsController(store, keeper).check_in(arrival).parcel


def run_round(qtbot: QtBot, dispatcher: NotificationDispatcher) -> DispatchState:
    """Start (or nudge) the dispatcher and wait for the round's report."""
    with qtbot.waitSignal(dispatcher.state_changed, timeout=20_000) as blocker:
        if dispatcher.running:
            dispatcher.send_now()
        else:
            dispatcher.start()
    state = blocker.args[0]
    assert isinstance(state, DispatchState)
    return state
