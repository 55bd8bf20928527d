"""Every ledger event type has words in the settings' ledger list, not its code name."""

from __future__ import annotations

import pytest

from station_app.ui.text import event_type_name
from sync.events import EVENT_TYPES


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_every_event_type_has_a_name(event_type: str) -> None:
    assert event_type_name(event_type) != event_type


def test_an_unknown_type_from_a_newer_release_shows_as_it_is() -> None:
    assert event_type_name("future.thing") == "future.thing"
