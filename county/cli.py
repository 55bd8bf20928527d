"""``county-centre``: run the county service, or manage stations (county staff's tools
until their web pages exist).

    county-centre [--data-dir D | --database-url URL] [serve] [--host H --port P]
    county-centre stations add --name N --level village --division 610305110201 --township 柳林镇
    county-centre stations revoke CODE
    county-centre stations reissue CODE
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from county.app import DEFAULT_BURST, DEFAULT_RATE


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="county-centre", description="县级电商公共服务中心服务")
    parser.add_argument("--data-dir", type=Path, help="where the SQLite database lives")
    parser.add_argument(
        "--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default loopback)")
    parser.add_argument("--port", type=int, default=8640)
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--rate", type=float, default=DEFAULT_RATE, help="requests/s per station")
    parser.add_argument("--burst", type=float, default=DEFAULT_BURST, help="burst per station")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the service (the default)")
    station_parser = commands.add_parser("stations", help="manage stations")
    actions = station_parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a station and its one-time enrolment code")
    add.add_argument("--name", required=True)
    add.add_argument("--level", choices=["village", "township"], required=True)
    add.add_argument("--division", required=True, help="12-digit division code")
    add.add_argument("--township", required=True)
    add.add_argument("--qr", action="store_true", help="also print the code as a QR code")
    for name, text in (
        ("revoke", "revoke the station's credential"),
        ("reissue", "new enrolment code; the old credential stops working"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("code", help="the county station code")
        if name == "reissue":
            action.add_argument("--qr", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "stations":
        return _stations(args)
    return _serve(args)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from county.app import create_app
    from county.http import configure_logging

    configure_logging(args.log_level)
    app = create_app(args.database_url, data_dir=args.data_dir, rate=args.rate, burst=args.burst)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, log_config=None)
    return 0


def _stations(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from county import stations
    from county.app import database_url_for
    from county.db import migrate
    from county.db.engine import WRITE_OPTIONS, make_engine

    engine = make_engine(database_url_for(args.data_dir, args.database_url))
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    try:
        with Session(engine.execution_options(**WRITE_OPTIONS)) as session, session.begin():
            if args.action == "add":
                issued = stations.add_station(
                    session,
                    now,
                    name=args.name,
                    level=args.level,
                    division_code=args.division,
                    township=args.township,
                )
            elif args.action == "revoke":
                count = stations.revoke(session, now, args.code)
                print(f"已停用 {args.code} 的 {count} 个登记凭证")
                return 0
            else:
                issued = stations.reissue(session, now, args.code)
    except (LookupError, ValueError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"服务站编号 station code: {issued.station_code}")
    print(f"登记码 enrolment code: {issued.enrolment_code}")
    print(f"有效期至 valid until: {issued.expires_at:%Y-%m-%d %H:%M} UTC")
    if args.qr:
        import segno

        segno.make(issued.enrolment_code, error="m").terminal(compact=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
