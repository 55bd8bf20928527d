"""While the store is behind the county, the counter says so instead of failing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core import ledger
from station_app.core.db.models import Parcel
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage
from tests.core.test_behind_county import set_stop


def test_a_scan_is_refused_with_the_reason_and_nothing_is_shelved(
    qtbot: QtBot, page: ParcelsPage, set_up_store: Store, played: list[str]
) -> None:
    set_stop(set_up_store, ledger.BEHIND_COUNTY)
    page.handle_scan("YT1234567890123")
    qtbot.keyClick(page.checkin_tab.form.phone, Qt.Key.Key_Return)

    assert "从县服务中心恢复" in page.checkin_tab.form.error.text()
    assert played[-1] == "error.wav"
    with set_up_store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Parcel)) == 0
