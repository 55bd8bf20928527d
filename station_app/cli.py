"""``station-app``: parse the command line, open the store, hand over to the UI.

This is the composition root: the clock, the store and the UI are made here and passed
down, never looked up from globals.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from station_app import __version__

if TYPE_CHECKING:
    from station_app.core.store import Store

log = logging.getLogger("station_app")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="station-app", description="村级电商服务站")
    parser.add_argument(
        "--demo", action="store_true", help="start a seeded demo station in a throwaway folder"
    )
    parser.add_argument(
        "--township",
        action="store_true",
        help="with --demo: a township service centre (乡镇) instead of a village station",
    )
    parser.add_argument("--data-dir", type=Path, help="where the station's data lives")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_args(argv)
    if args.township and not args.demo:
        parser.error("--township goes with --demo")
    return args


def data_dir_for(args: argparse.Namespace) -> Path:
    from station_app.core.paths import default_data_dir

    if args.data_dir is not None:
        return Path(args.data_dir)
    if args.demo:
        return Path(tempfile.mkdtemp(prefix="village-station-demo-"))
    return default_data_dir()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from station_app import demo_county
    from station_app.core import logs, reference
    from station_app.core.clock import SystemClock
    from station_app.core.errors import UserError
    from station_app.core.notifications import outbox
    from station_app.core.store import Store
    from station_app.ui import startup

    logs.configure(None)
    data_dir = data_dir_for(args)
    throwaway = args.demo and args.data_dir is None
    log.info("data dir: %s", data_dir)
    # The demo's county centre starts first, so its start overlaps the seeding.
    county = demo_county.launch(data_dir) if args.demo else None
    try:
        store = Store.open(data_dir, SystemClock())
        outbox.reset_interrupted(store)  # notices a killed app left half-sent go back
        reference.activate_stored(store)  # the county's courier rules and tariffs, if any
        demo_logins = _seed_demo(store, township=args.township) if args.demo else None
    except UserError as error:
        log.warning("cannot open the store: %s", error)
        if county is not None:
            county.stop()
        return startup.show_fatal_error(error, lang=args.lang)
    log_path = logs.configure(data_dir)
    from station_app.ui.app import start

    try:
        county = demo_county.enrol(county, store)
        offline = args.demo and county is None
        return start(
            store, demo_logins=demo_logins, lang=args.lang, log_path=log_path, demo_offline=offline
        )
    finally:
        if county is not None:
            county.stop()  # before the folder goes: its database is in there
        store.close()
        if throwaway:
            shutil.rmtree(data_dir, ignore_errors=True)


def _seed_demo(store: Store, *, township: bool = False) -> list[tuple[str, str]]:
    """Seed a fresh demo store; a reused ``--data-dir`` keeps what it has, and the logins
    shown are those of the station it holds, whichever flag this start was given."""
    from station_app.core import demo, demo_township, first_run
    from station_app.core.db.models import StationLevel

    with store.reading() as session:
        info = first_run.station_info(session)
    if info is None:
        return demo_township.seed(store) if township else demo.seed(store)
    seeded = demo_township if info.level is StationLevel.TOWNSHIP else demo
    return [seeded.KEEPER, seeded.ASSISTANT]


if __name__ == "__main__":
    raise SystemExit(main())
