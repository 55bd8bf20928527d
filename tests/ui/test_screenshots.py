"""The screenshot helper renders every screen without a display."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from station_app.core.store import Store
from station_app.ui.screenshots import render_all
from tests.ui.conftest import KEEPER_LOGIN, KEEPER_PASSWORD


def test_render_all_saves_one_png_per_screen(
    qapp: QApplication, set_up_store: Store, tmp_path: Path
) -> None:
    paths = render_all(
        set_up_store, tmp_path / "shots", (1280, 720), demo_logins=[(KEEPER_LOGIN, KEEPER_PASSWORD)]
    )

    names = {path.name for path in paths}
    assert {"wizard-1-station.png", "login.png", "lock.png", "main-settings.png"} <= names
    assert {f"main-{key}.png" for key in ("parcels", "sync")} <= names
    produce = {f"produce-{tab}.png" for tab in ("purchase", "farmers", "prices", "lots")}
    assert {*produce, "produce-reports.png"} <= names
    township = {f"township-{pane}.png" for pane in ("receive", "dispatch", "routes")}
    assert {*township, "village-manifests.png"} <= names
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 720), path.name
