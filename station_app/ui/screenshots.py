"""Render every screen to PNG at a given size, for review and for the docs.

Run ``python -m station_app.ui.screenshots OUT_DIR``: it builds a demo-like station in a
temporary folder and saves one picture per screen at 1366×768, the keepers' usual
screen. Works without a display (the offscreen platform is chosen if none is set).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from station_app.core import demo, demo_township, first_run, operators
from station_app.core.clock import FixedClock
from station_app.core.db.models import StationLevel
from station_app.core.manifests.files import ManifestDocument
from station_app.core.store import Store

SETTINGS_TABS = ("station", "operators", "preferences", "notifications", "ledger")
DEMO_PARCELS = (
    ("YT8000000000001", "yto", "1", 1, "13812341234"),
    ("YT8000000000002", "yto", "1", 2, "13812341234"),
    ("SF8000000000003", "sf", "2", 1, "138****5678"),
    ("JT8000000000004", "jt", "2", 3, "17012345678转4321"),
)


def _save(widget: QWidget, size: tuple[int, int], path: Path) -> Path:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


@contextmanager
def _fresh_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory(prefix="station-shots-") as folder:
        store = Store.open(Path(folder), FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)))
        try:
            yield store
        finally:
            store.close()


def _wizard_shots(out_dir: Path, size: tuple[int, int]) -> list[Path]:
    from station_app.ui.setup_wizard import SetupWizard

    with _fresh_store() as store:
        wizard = SetupWizard(store)
        paths = [_save(wizard, size, out_dir / "wizard-0-intro.png")]
        wizard.next()
        paths.append(_save(wizard, size, out_dir / "wizard-1-station.png"))
        wizard.station_page.code.set_text(demo.DEMO_FORM.division_code[:-1])
        wizard.next()
        paths.append(_save(wizard, size, out_dir / "wizard-1-error.png"))
        wizard.station_page.name.set_text(demo.DEMO_FORM.station_name)
        wizard.station_page.code.set_text(demo.DEMO_FORM.division_code)
        wizard.next()
        paths.append(_save(wizard, size, out_dir / "wizard-2-keeper.png"))
        keeper = wizard.keeper_page
        keeper.login.set_text(demo.DEMO_FORM.keeper_login)
        keeper.display_name.set_text(demo.DEMO_FORM.keeper_name)
        keeper.password.set_text(demo.DEMO_FORM.password)
        keeper.password_again.set_text(demo.DEMO_FORM.password)
        wizard.next()
        paths.append(_save(wizard, size, out_dir / "wizard-3-county.png"))
        wizard.close()
        wizard.deleteLater()
    with _fresh_store() as store:
        wizard = SetupWizard(store)
        wizard.show()  # QWizard lays out its first page on show, before any next()
        wizard.intro_page.take_over.setChecked(True)
        wizard.next()
        paths.append(_save(wizard, size, out_dir / "wizard-4-takeover.png"))
        wizard.close()
        wizard.deleteLater()
    return paths


def _main_window_shots(store: Store, out_dir: Path, size: tuple[int, int]) -> list[Path]:
    from station_app.ui.main_window import MainWindow

    with store.reading() as session:
        keeper = next(info for info in operators.list_all(session) if info.is_keeper)
    window = MainWindow(store, keeper)
    paths = []
    for key in window.page_keys():
        window.select_page(key)
        paths.append(_save(window, size, out_dir / f"main-{key}.png"))
    settings = window.page("settings")
    tabs = settings.tabs  # type: ignore[attr-defined]
    for index, name in enumerate(SETTINGS_TABS):
        tabs.setCurrentIndex(index)
        paths.append(_save(window, size, out_dir / f"settings-{name}.png"))
    paths += _parcels_shots(store, keeper, window, out_dir, size)
    paths += _produce_shots(store, window, out_dir, size)
    window.lock()
    paths.append(_save(window, size, out_dir / "lock.png"))
    window.close()
    window.deleteLater()
    return paths


def _seed_parcels(store: Store, keeper: operators.OperatorInfo) -> None:
    """A few parcels on the shelf (one checked in days ago, so it is overdue)."""
    from datetime import timedelta

    from station_app.core.parcels import checkin

    days_ago = FixedClock(store.clock.now() - timedelta(days=4))
    for index, (tracking, courier, shelf, tier, phone) in enumerate(DEMO_PARCELS):
        arrival = checkin.Arrival(tracking, courier, shelf, tier, phone=phone)
        with store.writing() as session:
            clock = days_ago if index == 0 else store.clock
            checkin.check_in(session, clock, actor=keeper, arrival=arrival)


def _parcels_shots(
    store: Store,
    keeper: operators.OperatorInfo,
    window: QWidget,
    out_dir: Path,
    size: tuple[int, int],
) -> list[Path]:
    """入库 with a parcel pending, 取件 for one villager, 今日 with an overdue parcel."""
    from station_app.ui.pages.parcels import ParcelsPage

    _seed_parcels(store, keeper)
    window.select_page("parcels")  # type: ignore[attr-defined]
    page = window.page("parcels")  # type: ignore[attr-defined]
    assert isinstance(page, ParcelsPage)
    page.refresh()
    page.handle_scan("YT8000000000009")
    page.checkin_tab.form.phone.setText("1234")
    page.checkin_tab.commit()
    page.handle_scan("773012345678901")
    paths = [_save(window, size, out_dir / "parcels-checkin.png")]
    page.tabs.setCurrentWidget(page.pickup_tab)
    page.pickup_tab.search.setText("1234")
    page.pickup_tab.run_search()
    page.handle_scan("YT8000000000001")
    paths.append(_save(window, size, out_dir / "parcels-pickup.png"))
    page.tabs.setCurrentWidget(page.today_tab)
    paths.append(_save(window, size, out_dir / "parcels-today.png"))
    paths += _notification_shots(page, window, out_dir, size)
    paths += _stocktake_shots(page, window, out_dir, size)
    paths += _sending_shots(store, keeper, page, out_dir, size)
    page.tabs.setCurrentWidget(page.checkin_tab)
    return paths


def _notification_shots(
    page: QWidget, window: QWidget, out_dir: Path, size: tuple[int, int]
) -> list[Path]:
    """今日 after 再次通知 on every overdue parcel, then the 通知 list (nothing sent:
    the demo station has no SMS gateway, which the list and status bar say)."""
    today = page.today_tab  # type: ignore[attr-defined]
    today.remind_all_button.click()
    paths = [_save(window, size, out_dir / "parcels-today-reminded.png")]
    page.tabs.setCurrentWidget(page.notifications_tab)  # type: ignore[attr-defined]
    return [*paths, _save(window, size, out_dir / "parcels-notifications.png")]


def _sending_shots(
    store: Store,
    keeper: operators.OperatorInfo,
    page: QWidget,
    out_dir: Path,
    size: tuple[int, int],
) -> list[Path]:
    """寄件 with a parcel being priced, and three in the list (the oldest collected)."""
    from station_app.core.parcels.sending import ShipmentOrder, accept, collect

    shipped = []
    for city, weight in (("深圳市", "1.2"), ("广州市", "3.5"), ("佛山市", "0.8")):
        order = ShipmentOrder(
            courier="zto",
            province="广东",
            city=city,
            address="南山区科技园南路88号",
            recipient_name="张小红",
            recipient_phone="13912345678",
            sender_name="胡建国",
            sender_phone="13812341234",
            weight=weight,
            payment_method="wechat",
        )
        with store.writing() as session:
            shipped.append(accept(session, store.clock, actor=keeper, order=order).uid)
    with store.writing() as session:
        collect(
            session,
            store.clock,
            actor=keeper,
            shipment_uid=shipped[0],
            courier_tracking_number="ZT7300000000001",
        )
    tab = page.sending_tab  # type: ignore[attr-defined]
    page.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    for edit, text in (
        (tab.form.sender_name, "胡建国"),
        (tab.form.sender_phone, "13812341234"),
        (tab.form.recipient_name, "李梅"),
        (tab.form.recipient_phone, "13698765432"),
        (tab.form.city, "成都市"),
        (tab.form.address, "武侯区人民南路四段9号"),
        (tab.form.weight, "4.6斤"),
    ):
        edit.setText(text)
    tab.form.province.setEditText("四川省")
    tab.table.selectRow(0)
    return [_save(page.window(), size, out_dir / "parcels-sending.png")]


def _stocktake_shots(
    page: QWidget, window: QWidget, out_dir: Path, size: tuple[int, int]
) -> list[Path]:
    """盘点 counting shelf 1 tier 1: one in place, one misplaced, one never checked in."""
    from station_app.ui.pages.parcels import ParcelsPage

    assert isinstance(page, ParcelsPage)
    tab = page.stocktake_tab
    page.tabs.setCurrentWidget(tab)
    tab.start()
    assert tab.counting is not None
    tab.place.shelf.setCurrentIndex(tab.place.shelf.findData("1"))
    tab.place.shelf.activated.emit(tab.place.shelf.currentIndex())
    tab.place.tier.setCurrentIndex(tab.place.tier.findData(1))
    tab.place.tier.activated.emit(tab.place.tier.currentIndex())
    for code in ("YT8000000000001", "SF8000000000003", "75123456789012"):
        page.handle_scan(code)
    paths = [_save(window, size, out_dir / "parcels-stocktake.png")]
    tab.finish()
    return paths


def _produce_shots(
    store: Store, window: QWidget, out_dir: Path, size: tuple[int, int]
) -> list[Path]:
    """收购 with the demo's farmers: a purchase being weighed (two crates from the scale,
    one typed, the scale still moving), then each other tab, the lots tab with a trace
    code looked up."""
    from station_app.core.produce import farmers, lot_actions
    from station_app.ui.pages.produce.page import ProducePage

    window.select_page("produce")  # type: ignore[attr-defined]
    page = window.page("produce")  # type: ignore[attr-defined]
    assert isinstance(page, ProducePage)
    tab = page.purchase_tab
    with store.reading() as session:
        found = farmers.search(session, "张建军") or farmers.search(session, "")
        lots = lot_actions.open_and_held_lots(session)
    if found:  # a store without the demo's farmers shows the empty form
        tab.form.set_farmer(found[0])
    for grams in (22_150, 21_600):
        tab.panel.on_reading(grams, True, "settled")
        tab.panel.weigh()
        tab.panel.on_reading(0, True, "settled")
    tab.panel.manual.setText("43.6斤")
    tab.panel.add_manual()
    tab.panel.on_reading(20_850, False, "unsettled")
    tab.update_totals()
    paths = [_save(window, size, out_dir / "produce-purchase.png")]
    for sub, name in (
        (page.farmers_tab, "farmers"),
        (page.prices_tab, "prices"),
        (page.reports_tab, "reports"),
    ):
        page.tabs.setCurrentWidget(sub)
        paths.append(_save(window, size, out_dir / f"produce-{name}.png"))
    page.tabs.setCurrentWidget(page.lots_tab)
    if lots:
        page.lots_tab.show_code(lots[0].trace_code)
    paths.append(_save(window, size, out_dir / "produce-lots.png"))
    tab.panel.clear()
    page.tabs.setCurrentWidget(tab)
    return paths


def _assistant_shot(store: Store, out_dir: Path, size: tuple[int, int]) -> list[Path]:
    from station_app.ui.main_window import MainWindow

    with store.reading() as session:
        assistant = next((i for i in operators.list_all(session) if not i.is_keeper), None)
    if assistant is None:
        return []
    window = MainWindow(store, assistant)
    window.select_page("settings")
    window.page("settings").tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    path = _save(window, size, out_dir / "settings-assistant.png")
    window.close()
    window.deleteLater()
    return [path]


def _keeper(store: Store) -> operators.OperatorInfo:
    with store.reading() as session:
        return next(info for info in operators.list_all(session) if info.is_keeper)


def _manifest_shots(village: Store, out_dir: Path, size: tuple[int, int]) -> list[Path]:
    """交接单 on both ends: the township demo's 收包分拣, 发交接单 and 线路表, then the
    village ``village`` with the township's two newest manifests for it imported: the
    older checked in and closed, the newer still open with two parcels not in and a
    neighbour's parcel left by mistake (错分)."""
    with _fresh_store() as township:
        demo_township.seed(township)
        paths, manifests = _township_shots(township, out_dir, size)
    with village.reading() as session:
        info = first_run.station_info(session)
    if info is not None and info.level is StationLevel.VILLAGE:
        paths.append(_village_manifest_shot(village, manifests, out_dir, size))
    return paths


def _township_shots(
    township: Store, out_dir: Path, size: tuple[int, int]
) -> tuple[list[Path], list[bytes]]:
    """The three township panes, after three scans out of the open bag (one twice); also
    returns the files of the two newest manifests to 胡家庄村 (the village demo's station),
    older first."""
    from station_app.core.manifests import dispatch, files, receiving
    from station_app.ui.main_window import MainWindow
    from station_app.ui.pages.parcels import ParcelsPage

    village_code = demo.DEMO_FORM.division_code
    with township.reading() as session:
        bag = receiving.current_bag(session)
        assert bag is not None
        waiting = [item.tracking_number for item in receiving.report(session, bag.uid).missing]
        sent = [m for m in dispatch.outgoing(session) if m.to_division_code == village_code]
        manifests = [files.manifest_file(session, m.uid) for m in reversed(sent[:2])]
    window = MainWindow(township, _keeper(township))
    window.select_page("parcels")
    page = window.page("parcels")
    assert isinstance(page, ParcelsPage)
    tab = page.manifests_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.panes is not None
    assert tab.dispatch is not None
    assert tab.routes is not None
    for number in (waiting[0], waiting[1], waiting[1], waiting[2]):
        page.handle_scan(number)
    paths = [_save(window, size, out_dir / "township-receive.png")]
    for pane, name in ((tab.dispatch, "township-dispatch"), (tab.routes, "township-routes")):
        tab.panes.setCurrentWidget(pane)
        paths.append(_save(window, size, out_dir / f"{name}.png"))
    window.close()
    window.deleteLater()
    return paths, manifests


def _village_manifest_shot(
    store: Store, manifests: list[bytes], out_dir: Path, size: tuple[int, int]
) -> Path:
    from station_app.core.manifests import files, reconcile
    from station_app.ui.main_window import MainWindow
    from station_app.ui.pages.parcels import ParcelsPage

    keeper = _keeper(store)
    for index, data in enumerate(manifests):
        document = files.read_manifest(data)
        with store.writing() as session:
            reconcile.import_manifest(session, store.clock, actor=keeper, document=document)
        last = index == len(manifests) - 1
        _check_in_from_manifest(store, keeper, document, missing=2 if last else 0)
        if not last:
            with store.writing() as session:
                reconcile.close(session, store.clock, actor=keeper, uid=document.body.uid)
    window = MainWindow(store, keeper)
    window.select_page("parcels")
    page = window.page("parcels")
    assert isinstance(page, ParcelsPage)
    page.tabs.setCurrentWidget(page.manifests_tab)
    page.manifests_tab.refresh()
    village = page.manifests_tab.village
    assert village is not None
    village.detail_table.scrollToBottom()  # the 错分 row, below the parcels that arrived
    path = _save(window, size, out_dir / "village-manifests.png")
    window.close()
    window.deleteLater()
    return path


def _check_in_from_manifest(
    store: Store, keeper: operators.OperatorInfo, document: ManifestDocument, *, missing: int
) -> None:
    """Check in the manifest's parcels but the last ``missing``; with some missing, one of
    a neighbour's parcels too (the van dropped it here)."""
    from station_app.core import couriers
    from station_app.core.parcels import checkin

    parcels = document.body.parcels
    arrived = [(p.tracking_number, p.courier) for p in parcels[: len(parcels) - missing]]
    for sibling in document.body.siblings[: 1 if missing else 0]:
        number = sibling.tracking_numbers[0]
        arrived.append((number, couriers.recognise(number).best.code))
    for number, courier in arrived:
        phone = f"1390000{int(number[-4:]):04d}"
        arrival = checkin.Arrival(number, courier, "3", 1, phone=phone)
        with store.writing() as session:
            checkin.check_in(session, store.clock, actor=keeper, arrival=arrival, notify=None)


def _sync_shots(out_dir: Path, size: tuple[int, int]) -> list[Path]:
    """同步 before enrolment, then enrolled: all sent, and offline with a skewed clock.
    The enrolled states are written into the store as the client would leave them, so
    no county centre is needed to draw them."""
    from datetime import timedelta

    from station_app.core.db.sync_models import SyncState
    from station_app.ui.main_window import MainWindow
    from sync import state

    with _fresh_store() as store:
        keeper = first_run.set_up(store, demo.DEMO_FORM)
        window = MainWindow(store, keeper)
        window.select_page("sync")
        paths = [_save(window, size, out_dir / "sync-not-enrolled.png")]
        now = store.clock.now()
        with store.writing() as session:
            for minutes, outcome, sent in ((95, "ok", 12), (65, "ok", 3), (35, "ok", 0)):
                state.record_attempt(session, now - timedelta(minutes=minutes), outcome, sent)
            session.add(
                SyncState(
                    id=1,
                    county_url="http://192.168.1.10:8640",
                    county_station_code="610305110201-01",
                    credential="-",
                    enrolled_at=now - timedelta(hours=2),
                    uploaded_through=state.last_seq(session),
                    last_success_at=now - timedelta(minutes=35),
                    last_attempt_at=now - timedelta(minutes=35),
                    consecutive_failures=0,
                    next_attempt_at=now - timedelta(minutes=30),
                    halted=0,
                    clock_skew_seconds=20,
                )
            )
        window.page("sync").refresh()  # type: ignore[attr-defined]
        paths.append(_save(window, size, out_dir / "sync-enrolled.png"))
        with store.writing() as session:
            for minutes in (20, 5):
                state.record_attempt(
                    session,
                    now - timedelta(minutes=minutes),
                    "retry",
                    0,
                    code="offline",
                    message="连不上县服务中心，网络恢复后会自动上传。",
                )
            row = session.get(SyncState, 1)
            assert row is not None
            row.uploaded_through -= 4
            row.consecutive_failures, row.clock_skew_seconds = 2, -7 * 60
            row.last_error_code = "offline"
            row.last_error_message = "连不上县服务中心，网络恢复后会自动上传。"
            row.next_attempt_at = now + timedelta(seconds=20)
        window.page("sync").refresh()  # type: ignore[attr-defined]
        paths.append(_save(window, size, out_dir / "sync-offline.png"))
        window.close()
        window.deleteLater()
    return paths


def render_all(
    store: Store,
    out_dir: Path,
    size: tuple[int, int] = (1366, 768),
    *,
    demo_logins: list[tuple[str, str]] | None = None,
) -> list[Path]:
    """Save a PNG of every screen into ``out_dir``; ``store`` must be set up."""
    from station_app.ui.login import LoginWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = _wizard_shots(out_dir, size)
    login = LoginWindow(store, demo_logins=demo_logins)
    paths.append(_save(login, size, out_dir / "login.png"))
    login.close()
    login.deleteLater()
    paths += _main_window_shots(store, out_dir, size)
    paths += _assistant_shot(store, out_dir, size)
    paths += _manifest_shots(store, out_dir, size)
    paths += _sync_shots(out_dir, size)
    QApplication.processEvents()
    return paths


def make_demo_store(folder: Path) -> Store:
    """The ``--demo`` station, seeded the same way, on a fixed clock."""
    store = Store.open(folder, FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)))
    demo.seed(store)
    return store


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m station_app.ui.screenshots OUT_DIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from station_app.ui.app import application, configure_application

    app = application()
    translators = configure_application(app, "zh_CN")
    with tempfile.TemporaryDirectory(prefix="station-demo-") as folder:
        store = make_demo_store(Path(folder))
        try:
            paths = render_all(store, Path(args[0]), demo_logins=[demo.KEEPER, demo.ASSISTANT])
        finally:
            store.close()
    for path in paths:
        print(path)
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
