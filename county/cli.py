"""``county-centre``: run the county service, or manage stations (county staff's tools
until their web pages exist).

    county-centre [--data-dir D | --database-url URL] [serve] [--host H --port P] [--workers N]
    county-centre stations add --name N --level village --division 610305110201 --township 柳林镇
    county-centre stations revoke CODE
    county-centre stations reissue CODE
    county-centre flagged [--station CODE]
    county-centre reproject [--station CODE] [--produce]
    county-centre reference publish KIND FILE.json [--township 柳林镇]
    county-centre staff add LOGIN --name 名字 --role admin|viewer   (password on stdin or prompted)
    county-centre staff passwd LOGIN
    county-centre staff disable LOGIN

A database migrated by a newer release is refused (exit 3) before anything is touched.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county.app import DEFAULT_BURST, DEFAULT_ENROL_BURST, DEFAULT_ENROL_RATE, DEFAULT_RATE
from county.console.routes import DEFAULT_LOGIN_BURST, DEFAULT_LOGIN_RATE

if TYPE_CHECKING:
    from sqlalchemy import Engine

EXIT_SCHEMA_TOO_NEW = 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="county-centre", description="县级电商公共服务中心服务")
    parser.add_argument("--data-dir", type=Path, help="where the SQLite database lives")
    parser.add_argument(
        "--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default loopback)")
    parser.add_argument("--port", type=int, default=8640)
    parser.add_argument("--log-level", default="info")
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="service processes (default 1; one per core; rate limits are per process)",
    )
    parser.add_argument("--rate", type=float, default=DEFAULT_RATE, help="requests/s per station")
    parser.add_argument("--burst", type=float, default=DEFAULT_BURST, help="burst per station")
    parser.add_argument(
        "--enrol-rate",
        type=float,
        default=DEFAULT_ENROL_RATE,
        help="failed enrolments/s per client address",
    )
    parser.add_argument(
        "--enrol-burst",
        type=float,
        default=DEFAULT_ENROL_BURST,
        help="failed enrolments in a burst per client address",
    )
    parser.add_argument(
        "--login-rate",
        type=float,
        default=DEFAULT_LOGIN_RATE,
        help="failed console logins/s per client address",
    )
    parser.add_argument(
        "--login-burst",
        type=float,
        default=DEFAULT_LOGIN_BURST,
        help="failed console logins in a burst per client address",
    )
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
    flagged = commands.add_parser("flagged", help="ledger entries flagged for review")
    flagged.add_argument("--station", help="only this station code")
    reproject = commands.add_parser(
        "reproject", help="judge flagged entries again; count those now valid"
    )
    reproject.add_argument("--station", help="only this station code")
    reproject.add_argument(
        "--produce",
        action="store_true",
        help="also rebuild the produce projection (purchases, lots) from the ledger copy",
    )
    reference_parser = commands.add_parser("reference", help="reference data for stations")
    reference_actions = reference_parser.add_subparsers(dest="action", required=True)
    publish = reference_actions.add_parser("publish", help="publish a new version")
    publish.add_argument(
        "kind", choices=["couriers", "tariffs", "billers", "prices", "announcements", "routes"]
    )
    publish.add_argument("file", type=Path, help="the data, a JSON object")
    publish.add_argument("--township", default="", help="routes only: for this township")
    staff_parser = commands.add_parser("staff", help="county staff accounts for the console")
    staff_actions = staff_parser.add_subparsers(dest="action", required=True)
    staff_add = staff_actions.add_parser("add", help="a new account")
    staff_add.add_argument("login")
    staff_add.add_argument("--name", required=True, help="shown in the console (名字)")
    staff_add.add_argument("--role", choices=["admin", "viewer"], required=True)
    for name, text in (
        ("passwd", "set a new password (its sessions end)"),
        ("disable", "the account can no longer log in (its sessions end)"),
    ):
        staff_actions.add_parser(name, help=text).add_argument("login")
    return parser.parse_args(argv)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: list[str] | None = None) -> int:
    from county.db.migrate import SchemaTooNew

    args = parse_args(argv)
    try:
        if args.command == "stations":
            return _stations(args)
        if args.command == "flagged":
            return _flagged(args)
        if args.command == "reproject":
            return _reproject(args)
        if args.command == "reference":
            return _publish(args)
        if args.command == "staff":
            return _staff(args)
        return _serve(args)
    except SchemaTooNew as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_SCHEMA_TOO_NEW


def _open(args: argparse.Namespace) -> Engine:
    from county.app import database_url_for
    from county.db import migrate
    from county.db.engine import make_engine

    engine = make_engine(database_url_for(args.data_dir, args.database_url))
    try:
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _flagged(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from county.review import flagged_entries

    engine = _open(args)
    try:
        with Session(engine) as session:
            found = flagged_entries(session, args.station)
    except LookupError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if not found:
        print("没有待核查的台账记录 no flagged entries")
        return 0
    print("station\tseq\tbusiness_day\treceived_at\treason")
    for item in found:
        print(
            f"{item.station_code}\t{item.seq}\t{item.business_day}\t"
            f"{item.received_at:%Y-%m-%d %H:%M:%S}Z\t{item.reason}"
        )
    print(f"共 {len(found)} 条 {len(found)} flagged")
    return 0


def _reproject(args: argparse.Namespace) -> int:
    from county.reproject import reproject

    engine = _open(args)
    try:
        done = reproject(engine, args.station, produce=args.produce)
    except LookupError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if not done:
        print("没有待核查的台账记录 no flagged entries")
        return 0
    for item in done:
        print(
            f"{item.station_code}\t重新计入统计 {item.unflagged} 条，仍待核查 "
            f"{item.still_flagged} 条 reprojected {item.unflagged}, "
            f"still flagged {item.still_flagged}"
        )
        if item.produce_rebuilt:
            print(f"{item.station_code}\t农产品收购统计已重建 produce projection rebuilt")
    unflagged = sum(item.unflagged for item in done)
    still = sum(item.still_flagged for item in done)
    print(
        f"共 {len(done)} 个服务站：重新计入 {unflagged} 条，仍待核查 {still} 条 "
        f"{len(done)} stations: {unflagged} reprojected, {still} still flagged"
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    from county import reference
    from county.db.engine import WriteSessions

    try:
        data = reference.parse(args.kind, args.file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, reference.InvalidReference) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    engine = _open(args)
    try:
        with WriteSessions(engine).begin() as session:
            published = reference.publish(
                session, datetime.now(UTC), args.kind, data, args.township
            )
    except reference.InvalidReference as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    scope = f" ({published.township})" if published.township else ""
    if published.unchanged:
        print(f"{published.kind}{scope} 与第 {published.version} 版相同，未发布新版本 unchanged")
    else:
        print(
            f"已发布 {published.kind}{scope} 第 {published.version} 版 version {published.version}"
        )
    return 0


def _read_password(login: str) -> str | None:
    """Typed twice at a terminal (not echoed); else the first line of stdin, so a
    script can pipe it in. None (after saying why) when the two typings differ."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"{login} 的新密码：")
        again = getpass.getpass("再输入一次：")
        if first != again:
            print("错误：两次输入的密码不一样。", file=sys.stderr)
            return None
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _staff(args: argparse.Namespace) -> int:
    from county import staff
    from county.db.engine import WriteSessions

    password = ""
    if args.action in ("add", "passwd"):
        read = _read_password(args.login)
        if read is None:
            return 2
        password = read
        try:
            staff.check_password(password, args.login)
        except staff.StaffError as error:
            print(f"错误：{error}", file=sys.stderr)
            return 2
    engine = _open(args)
    now = datetime.now(UTC)
    try:
        with WriteSessions(engine).begin() as session:
            if args.action == "add":
                made = staff.add(
                    session,
                    now,
                    login=args.login,
                    name=args.name,
                    role=args.role,
                    password=password,
                )
                done = (
                    f"已开设账号 {made.login}（{made.display_name}，{staff.ROLE_NAMES[made.role]}）"
                )
            elif args.action == "passwd":
                staff.set_password(session, args.login, password)
                done = f"已为 {args.login} 设置新密码，原有登录已失效"
            else:
                staff.disable(session, args.login)
                done = f"已停用账号 {args.login}，原有登录已失效"
    except staff.StaffError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(done)
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from county.app import create_app, database_url_for, export_settings
    from county.http import configure_logging

    configure_logging(args.log_level)
    url = database_url_for(args.data_dir, args.database_url)
    limits = {
        "rate": args.rate,
        "burst": args.burst,
        "enrol_rate": args.enrol_rate,
        "enrol_burst": args.enrol_burst,
        "login_rate": args.login_rate,
        "login_burst": args.login_burst,
    }
    app: Any
    if args.workers == 1:
        app = create_app(url, **limits)
    else:
        # Migrated here, once, before any worker opens the database: the workers would
        # otherwise race each other through the migration (and the SQLite copy before it).
        _open(args).dispose()
        export_settings(url, args.log_level, limits)
        app = "county.app:app_from_environment"
    uvicorn.run(
        app,
        factory=args.workers > 1,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        log_config=None,
    )
    return 0


def _stations(args: argparse.Namespace) -> int:
    from county import stations
    from county.db.engine import WriteSessions

    engine = _open(args)
    now = datetime.now(UTC)
    try:
        with WriteSessions(engine).begin() as session:
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
