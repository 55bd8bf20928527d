"""The county centre console against a real county process, on SQLite and PostgreSQL:
staff log in and out (DB-backed sessions, CSRF on every POST, idle expiry), viewers
cannot do what admins do, the stations overview and a station's page read the
projections (an enrolled station that uploaded, a silent one, a refused one, one with
flagged entries), and the public trace page shows a lot without personal data."""

from __future__ import annotations

import html
import re
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, update

from county import staff
from county.console.overview import business_today
from county.db.models import Refusal, StaffSession, Station
from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.county.conftest import County, start_county, stop
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    chain,
    checkin_payload,
    enrol_new,
    make_entry,
    upload,
)
from tests.county.test_produce_projection import Ledger, enrolled_station, upload_new

PASSWORD = "Huangtu-2026"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


def make_staff(county_db: SessionFactory, role: str = "admin", name: str = "李秀兰") -> str:
    login = f"{role}{secrets.token_hex(3)}"
    with county_db() as session, session.begin():
        staff.add(session, datetime.now(UTC), login=login, name=name, role=role, password=PASSWORD)
    return login


def csrf_of(page: requests.Response) -> str:
    found = CSRF_FIELD.search(page.text)
    assert found is not None, page.text
    return found.group(1)


def try_login(county: County, login: str, password: str = PASSWORD) -> requests.Response:
    browser = requests.Session()
    form = browser.get(f"{county.url}/console/login", timeout=10)
    assert form.status_code == 200
    return browser.post(
        f"{county.url}/console/login",
        data={"csrf": csrf_of(form), "login": login, "password": password},
        allow_redirects=False,
        timeout=10,
    )


def logged_in(county: County, login: str) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{county.url}/console/login", timeout=10)
    answer = browser.post(
        f"{county.url}/console/login",
        data={"csrf": csrf_of(form), "login": login, "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/console/"
    return browser


def without_values(page: str) -> str:
    return re.sub(r'value="[^"]*"', "", page)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def row_of(page: str, code: str) -> str:
    """The text of the table row that holds ``code``."""
    for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S):
        if f">{code}<" in row:
            return text_of(row)
    raise AssertionError(f"no row for {code}")


def alerts_of(page: str) -> str:
    found = re.search(r'<section class="alerts".*?</section>', page, flags=re.S)
    assert found is not None
    return text_of(found.group(0))


def new_township() -> str:
    return f"测试{secrets.token_hex(2)}镇"


def division() -> str:
    return f"6103051{secrets.randbelow(10**5):05d}"


def this_month_chain(station_id: str, count: int) -> list[dict[str, object]]:
    """Check-ins on the first of this month and today (Beijing business days)."""
    today = business_today(datetime.now(UTC))
    days = [today.replace(day=1).isoformat(), today.isoformat()]
    entries: list[dict[str, object]] = []
    prev: str | None = None
    for seq in range(1, count + 1):
        day = days[0] if seq <= count // 2 else days[1]
        entry = make_entry(
            station_id, seq, prev, "parcel.checked_in", checkin_payload(seq), business_day=day
        )
        entries.append(entry)
        prev = str(entry["hash"])
    return entries


# --- logging in and out ---------------------------------------------------------------


def test_login_shows_the_overview_and_logout_ends_the_session(
    county: County, county_db: SessionFactory
):
    login = make_staff(county_db, "admin", "李秀兰")
    answer = try_login(county, login)
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"]
    assert "county_console=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Path=/console" in cookie
    token = answer.cookies["county_console"]
    with county_db() as session:  # only the token's hash is stored
        hashes = set(session.scalars(select(StaffSession.token_hash)))
    assert token not in hashes
    assert len(hashes) >= 1

    browser = logged_in(county, login)
    page = browser.get(f"{county.url}/console/", timeout=10)
    assert page.status_code == 200
    assert "县级电子商务公共服务中心" in page.text
    assert "李秀兰" in page.text
    assert "管理员" in page.text
    for item in ("服务站", "活动", "月报", "参考数据", "退出"):
        assert item in page.text
    assert page.headers["cache-control"] == "no-store"
    assert browser.get(f"{county.url}/console/static/console.css", timeout=10).status_code == 200

    old_cookie = browser.cookies.get("county_console")
    out = browser.post(
        f"{county.url}/console/logout",
        data={"csrf": csrf_of(page)},
        allow_redirects=False,
        timeout=10,
    )
    assert out.status_code == 303
    assert out.headers["location"] == "/console/login"
    replay = requests.get(
        f"{county.url}/console/",
        cookies={"county_console": str(old_cookie)},
        allow_redirects=False,
        timeout=10,
    )
    assert replay.status_code == 303
    assert replay.headers["location"].startswith("/console/login")


def test_a_page_without_a_session_sends_to_login(county: County):
    answer = requests.get(f"{county.url}/console/stations/x", allow_redirects=False, timeout=10)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=/console/stations/x"
    forged = requests.get(
        f"{county.url}/console/",
        cookies={"county_console": secrets.token_urlsafe(32)},
        allow_redirects=False,
        timeout=10,
    )
    assert forged.status_code == 303


def test_a_wrong_password_and_an_unknown_login_get_the_same_answer(
    county: County, county_db: SessionFactory
):
    login = make_staff(county_db)
    wrong = try_login(county, login, "Wrong-pass-1")
    unknown = try_login(county, f"nobody{secrets.token_hex(3)}", PASSWORD)
    for answer in (wrong, unknown):
        assert answer.status_code == 401
        assert "登录名或密码不对" in answer.text
        assert "county_console" not in answer.cookies
    assert without_values(wrong.text) == without_values(unknown.text)
    assert PASSWORD not in county.log.read_text(encoding="utf-8")
    assert "Wrong-pass-1" not in county.log.read_text(encoding="utf-8")


def test_a_disabled_account_is_refused_and_its_sessions_end(
    county: County, county_db: SessionFactory
):
    login = make_staff(county_db, "viewer")
    browser = logged_in(county, login)
    assert browser.get(f"{county.url}/console/", timeout=10).status_code == 200
    with county_db() as session, session.begin():
        staff.disable(session, login)
    gone = browser.get(f"{county.url}/console/", allow_redirects=False, timeout=10)
    assert gone.status_code == 303
    refused = try_login(county, login)
    assert refused.status_code == 403
    assert "已停用" in refused.text
    assert "county_console" not in refused.cookies
    wrong = try_login(county, login, "Wrong-pass-1")  # without the password: no hint
    assert wrong.status_code == 401
    assert "已停用" not in wrong.text


def test_a_post_without_the_csrf_token_is_refused(county: County, county_db: SessionFactory):
    browser = logged_in(county, make_staff(county_db))
    for data in ({}, {"csrf": "forged"}):
        answer = browser.post(
            f"{county.url}/console/logout", data=data, allow_redirects=False, timeout=10
        )
        assert answer.status_code == 403
        assert "安全校验" in answer.text
    assert browser.get(f"{county.url}/console/", timeout=10).status_code == 200  # still in

    stranger = requests.post(  # a login form posted from elsewhere: no matching cookie
        f"{county.url}/console/login",
        data={"csrf": "x" * 32, "login": "a", "password": PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert stranger.status_code == 403
    assert "安全校验" in stranger.text


def test_an_idle_session_expires_and_a_used_one_is_extended(
    county: County, county_db: SessionFactory
):
    login = make_staff(county_db)
    browser = logged_in(county, login)
    with county_db() as session:
        staff_id = session.scalars(select(staff.Staff.id).where(staff.Staff.login == login)).one()
    now = datetime.now(UTC)
    with county_db() as session, session.begin():  # used five minutes ago, idle deadline soon
        session.execute(
            update(StaffSession)
            .where(StaffSession.staff == staff_id)
            .values(last_seen_at=now - timedelta(minutes=5), expires_at=now + timedelta(minutes=1))
        )
    assert browser.get(f"{county.url}/console/", timeout=10).status_code == 200
    with county_db() as session:
        row = session.scalars(select(StaffSession).where(StaffSession.staff == staff_id)).one()
    assert row.expires_at > now + staff.IDLE - timedelta(minutes=1)

    with county_db() as session, session.begin():  # idle past its deadline
        session.execute(
            update(StaffSession)
            .where(StaffSession.staff == staff_id)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    expired = browser.get(f"{county.url}/console/", allow_redirects=False, timeout=10)
    assert expired.status_code == 303
    assert expired.headers["location"].startswith("/console/login")


def test_a_viewer_sees_but_cannot_add_a_station(county: County, county_db: SessionFactory):
    viewer = logged_in(county, make_staff(county_db, "viewer", "王建国"))
    page = viewer.get(f"{county.url}/console/", timeout=10)
    assert "王建国" in page.text
    assert "查看" in page.text
    assert "新增服务站" not in page.text
    form = viewer.get(f"{county.url}/console/stations/new", timeout=10)
    assert form.status_code == 403
    assert "只有管理员" in form.text
    township = new_township()
    posted = viewer.post(
        f"{county.url}/console/stations/new",
        data={
            "csrf": csrf_of(page),
            "name": "甲村服务站",
            "level": "village",
            "division": division(),
            "township": township,
        },
        timeout=10,
    )
    assert posted.status_code == 403
    with county_db() as session:
        assert session.scalars(select(Station).where(Station.township == township)).all() == []

    admin = logged_in(county, make_staff(county_db, "admin"))
    page = admin.get(f"{county.url}/console/stations/new", timeout=10)
    assert page.status_code == 200
    bad = admin.post(
        f"{county.url}/console/stations/new",
        data={
            "csrf": csrf_of(page),
            "name": "甲村服务站",
            "level": "village",
            "division": "12345",
            "township": township,
        },
        timeout=10,
    )
    assert bad.status_code == 422
    assert "12 位数字" in bad.text
    made = admin.post(
        f"{county.url}/console/stations/new",
        data={
            "csrf": csrf_of(page),
            "name": "甲村服务站",
            "level": "village",
            "division": division(),
            "township": township,
        },
        timeout=10,
    )
    assert made.status_code == 200, made.text
    assert re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", made.text)
    with county_db() as session:
        (station,) = session.scalars(select(Station).where(Station.township == township)).all()
    overview = admin.get(f"{county.url}/console/", timeout=10).text
    assert "未接入" in row_of(overview, station.code)


def test_logins_from_one_address_are_rate_limited(
    county: County, county_db: SessionFactory, tmp_path: Path
):
    login = make_staff(county_db)
    process, limited = start_county(
        county.database_url, tmp_path / "limited.log", "--login-burst", "2", "--login-rate", "0.001"
    )
    try:
        assert try_login(limited, login).status_code == 303  # a success costs nothing
        for _ in range(2):
            assert try_login(limited, login, "Wrong-pass-1").status_code == 401
        held = try_login(limited, login)  # even the right password now waits
        assert held.status_code == 429
        assert "次数太多" in held.text
    finally:
        stop(process)


# --- the stations overview and a station's page ---------------------------------------


@pytest.fixture
def busy(county: County, county_db: SessionFactory) -> Enrolled:
    township = new_township()
    who = enrol_new(
        county.api(""), county_db, name=f"{township}甲村服务站", division_code=division(),
        township=township,
    )  # fmt: skip
    response = upload(county.api(""), who, this_month_chain(who.station_id, 6))
    assert response.status_code == 200, response.text
    return who


def test_the_overview_lists_an_enrolled_station_that_uploaded(
    county: County, county_db: SessionFactory, busy: Enrolled
):
    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(f"{county.url}/console/", timeout=10)
    assert page.status_code == 200
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == busy.station_code)).one()
    assert f"{station.township} " in text_of(page.text)
    row = row_of(page.text, busy.station_code)
    assert station.name in row
    assert "村级" in row
    assert "已接入" in row
    assert "正常" in row
    today = business_today(datetime.now(UTC))
    active_days = 1 if today.day == 1 else 2
    assert row.endswith(f" 6 正常 {active_days}"), row  # entries held, chain, active days
    assert busy.station_code not in alerts_of(page.text)

    detail = browser.get(f"{county.url}/console/stations/{busy.station_code}", timeout=10)
    assert detail.status_code == 200
    assert station.name in detail.text
    today_count = 6 if today.day == 1 else 3
    assert f"{today.isoformat()} {today_count} {today_count}" in text_of(detail.text)
    assert "到件" in detail.text
    missing = browser.get(f"{county.url}/console/stations/000000000000-99", timeout=10)
    assert missing.status_code == 404
    assert "没有这个服务站" in missing.text


def test_the_alert_list_shows_silent_refused_and_flagged_stations(
    county: County, county_db: SessionFactory
):
    township = new_township()
    silent, refused, flagged = (
        enrol_new(
            county.api(""),
            county_db,
            name=f"{township}{n}村服务站",
            division_code=division(),
            township=township,
        )
        for n in ("甲", "乙", "丙")
    )
    for who in (silent, refused):
        assert upload(county.api(""), who, chain(who.station_id, 3)).status_code == 200
    with county_db() as session, session.begin():
        session.execute(
            update(Station)
            .where(Station.code == silent.station_code)
            .values(last_batch_at=datetime.now(UTC) - timedelta(days=5, hours=1))
        )
    fork = chain(refused.station_id, 2, start=3, prev_hash="f" * 64)  # seq 3 again, elsewhere
    assert upload(county.api(""), refused, fork).status_code == 409
    with county_db() as session:
        assert session.scalars(
            select(Refusal.code)
            .join(Station, Station.id == Refusal.station)
            .where(Station.code == refused.station_code)
        ).all() == ["fork"]
    unknown = [make_entry(flagged.station_id, 1, None, "future.event", {"x": 1})]
    answer = upload(county.api(""), flagged, unknown)
    assert answer.status_code == 200
    assert answer.json()["flagged"] == 1

    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(f"{county.url}/console/", timeout=10).text
    alerts = alerts_of(page)
    assert f"{silent.station_code} {township} 已经 5 天没有上传台账" in alerts
    assert refused.station_code in alerts
    assert "被拒收" in alerts
    assert flagged.station_code not in alerts  # it uploads; its entries wait for review
    assert "有被拒记录" in row_of(page, refused.station_code)
    assert "有待复核条目" in row_of(page, flagged.station_code)
    assert "正常" in row_of(page, silent.station_code)

    patient = browser.get(f"{county.url}/console/?silent_days=7", timeout=10).text
    assert silent.station_code not in alerts_of(patient)
    assert refused.station_code in alerts_of(patient)
    odd = browser.get(f"{county.url}/console/?silent_days=abc", timeout=10)
    assert odd.status_code == 200  # the default, not an error
    assert silent.station_code in alerts_of(odd.text)

    detail = browser.get(f"{county.url}/console/stations/{refused.station_code}", timeout=10)
    assert "台账分叉" in detail.text


# --- the public trace page ------------------------------------------------------------


@pytest.fixture
def produce_ledger(
    county: County,
    county_db: SessionFactory,
    store: Store,
    clock: FixedClock,
    keeper: OperatorInfo,
) -> Ledger:
    book = Ledger(store, clock, keeper)
    book.first_part()
    who = enrolled_station(county, county_db, store)
    held = upload_new(county, who, store, 0)
    book.second_part()
    upload_new(county, who, store, held)
    return book


def test_the_trace_page_shows_a_lot_without_personal_data(county: County, produce_ledger: Ledger):
    book = produce_ledger
    typed = book.child_code.lower()
    page = requests.get(f"{county.url}/trace/{typed}", timeout=10)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'name="viewport"' in page.text
    shown = text_of(page.text)
    assert f"溯源码 {book.child_code[:5]}-{book.child_code[5:]}" in shown
    assert "fengxiang_apple" in shown
    assert "收购日期 2026年11月23日 至 2026年11月24日" in shown
    assert "收购 3 笔，共 42 千克" in shown
    assert "本批重量 20 千克" in shown
    assert "发货 2026年11月24日，发往县供销/集采" in shown
    assert "柳林镇胡家庄村 12 千克" in shown
    assert "柳林镇胡家庄村服务站" in shown
    for private in (book.farmer_a, book.farmer_b, book.p1["purchase"], book.p1["number"]):
        assert private not in page.text
    assert "凤翔县供销社" not in page.text  # the buyer's name is for county staff only
    assert "monitored" not in page.text
    assert "county_console" not in page.cookies

    unknown = requests.get(f"{county.url}/trace/{'0' * 10}", timeout=10)
    assert unknown.status_code == 404
    assert "没有查到这个溯源码" in unknown.text
    malformed = requests.get(f"{county.url}/trace/UUU", timeout=10)
    assert malformed.status_code == 400
    assert "溯源码格式不对" in malformed.text


def test_the_console_is_not_in_the_station_api_document(county: County):
    paths = requests.get(f"{county.url}/openapi.json", timeout=10).json()["paths"]
    assert not [path for path in paths if not path.startswith(("/api/v1/", "/healthz"))]
    assert "/api/v1/trace/{code}" in paths
