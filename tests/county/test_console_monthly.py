"""The monthly report (月报) against a real county process, on SQLite and PostgreSQL: two
stations in two townships upload a November of parcels, shipments, an agent order,
bills and produce (a voided purchase, a 脱贫户 who sold to both stations); the page and
both workbooks show exactly those figures, read from the projections, and no farmer."""

from __future__ import annotations

import io
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import requests
from openpyxl import load_workbook  # type: ignore[import-untyped]

from tests.county.conftest import County
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    checkin_payload,
    enrol_new,
    make_entry,
    shipment_payload,
    upload,
)
from tests.county.test_console import division, logged_in, make_staff, new_township, text_of
from tests.county.test_produce_projection import VILLAGE_A, VILLAGE_B, purchase

MONTH = "2026-11"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Chain:
    """One station's ledger as the station would upload it."""

    def __init__(self, station_id: str) -> None:
        self.station_id = station_id
        self.entries: list[dict[str, Any]] = []

    def add(self, day: str, kind: str, payload: dict[str, Any], corrects: str | None = None) -> str:
        prev = str(self.entries[-1]["hash"]) if self.entries else None
        entry = make_entry(
            self.station_id,
            len(self.entries) + 1,
            prev,
            kind,
            payload,
            business_day=day,
            corrects=corrects,
        )
        self.entries.append(entry)
        return str(entry["entry_id"])


def parcel(n: int, kind: str) -> dict[str, Any]:
    found = checkin_payload(n)
    if kind == "picked_up":
        return {k: found[k] for k in ("parcel", "tracking_number")} | {"confirmed_by_scan": True}
    if kind == "returned":
        return {k: found[k] for k in ("parcel", "tracking_number")} | {"reason": "refused"}
    return found


def bill(payment: str, amount_fen: int, fee_fen: int) -> dict[str, Any]:
    return {
        "payment": payment,
        "biller": "state_grid",
        "billers_version": 1,
        "account_tail": "4321",
        "amount_fen": amount_fen,
        "fee_fen": fee_fen,
        "payment_method": "cash",
    }


@dataclass(frozen=True)
class November:
    a: Enrolled
    b: Enrolled
    township_a: str
    township_b: str
    private: list[str]
    """Farmer uids, purchase numbers and an account tail: never in a report."""


@pytest.fixture(scope="module")
def november(county: County, county_db: SessionFactory) -> November:
    township_a, township_b = new_township(), new_township()
    a = enrol_new(county.api(""), county_db, name=f"{township_a}甲村服务站",
                  division_code=division(), township=township_a)  # fmt: skip
    b = enrol_new(county.api(""), county_db, name=f"{township_b}乙村服务站",
                  division_code=division(), township=township_b)  # fmt: skip
    lifted, monitored, normal = (str(uuid.uuid4()) for _ in range(3))
    lot = str(uuid.uuid4())

    book = Chain(a.station_id)
    book.add("2026-10-31", "parcel.checked_in", parcel(90, "checked_in"))  # October: left out
    for n in (1, 2):
        book.add("2026-11-02", "parcel.checked_in", parcel(n, "checked_in"))
    book.add("2026-11-15", "parcel.checked_in", parcel(3, "checked_in"))
    book.add("2026-11-15", "parcel.picked_up", parcel(1, "picked_up"))
    book.add("2026-11-15", "parcel.picked_up", parcel(2, "picked_up"))
    book.add("2026-11-15", "parcel.returned", parcel(3, "returned"))
    book.add("2026-11-02", "shipment.accepted", shipment_payload(1500, 1200))
    book.add("2026-11-02", "shipment.accepted", shipment_payload(800, 850))
    book.add("2026-11-02", "order.registered", {
        "order": str(uuid.uuid4()), "number": "DG20261102-001",
        "items": [{"description": "电饭锅", "platform": "pinduoduo", "quantity": 2,
                   "unit_price_fen": 6495}],
        "items_total_fen": 12990, "service_fee_fen": 500, "amount_fen": 0})  # fmt: skip
    paid, failed = str(uuid.uuid4()), str(uuid.uuid4())
    book.add("2026-11-02", "bill.recorded", bill(paid, 10000, 200))
    book.add("2026-11-02", "bill.succeeded", {"payment": paid, "reference": "GW20261102001"})
    recorded = book.add("2026-11-15", "bill.recorded", bill(failed, 5000, 100))
    failure = {"payment": failed, "reason": "户号不对", "amount_fen": 5000, "fee_fen": 100,
               "payment_method": "cash"}  # fmt: skip
    book.add("2026-11-15", "bill.failed", failure, corrects=recorded)
    for farmer, household in ((lifted, "lifted"), (monitored, "monitored"), (normal, "normal")):
        book.add("2026-11-02", "farmer.registered",
                 {"farmer": farmer, "village": VILLAGE_A, "household": household})  # fmt: skip
    p1 = purchase(lifted, VILLAGE_A, "lifted", lot, 11_000)  # net 10 kg, 70.00 元
    p2 = purchase(lifted, VILLAGE_A, "lifted", lot, 6_000)  # net 5 kg, 35.00 元
    p3 = purchase(monitored, VILLAGE_B, "monitored", lot, 3_000)  # net 2 kg, 14.00 元
    p4 = purchase(normal, VILLAGE_A, "normal", lot, 21_000)  # net 20 kg, 140.00 元
    p5 = purchase(lifted, VILLAGE_A, "lifted", lot, 51_000)  # voided: not counted
    for bought in (p1, p2, p3, p4):
        book.add("2026-11-15", "produce.purchased", bought)
    wrong = book.add("2026-11-15", "produce.purchased", p5)
    book.add("2026-11-15", "entry.voided", {"reason": "称错了"}, corrects=wrong)
    answer = upload(county.api(""), a, book.entries)
    assert answer.status_code == 200, answer.text
    assert answer.json()["flagged"] == 0

    other = Chain(b.station_id)
    for n in (1, 2):
        other.add("2026-11-20", "parcel.checked_in", parcel(n, "checked_in"))
    p6 = purchase(lifted, VILLAGE_A, "lifted", lot, 4_000)  # the same 脱贫户: net 3 kg, 21.00 元
    other.add("2026-11-20", "produce.purchased", p6)
    other.add("2026-12-01", "produce.purchased", purchase(monitored, VILLAGE_A, "monitored",
                                                         lot, 9_000))  # December  # fmt: skip
    answer = upload(county.api(""), b, other.entries)
    assert answer.status_code == 200, answer.text
    assert answer.json()["flagged"] == 0
    private = [lifted, monitored, normal, "4321"]
    private += [p["purchase"] for p in (p1, p2, p3, p4, p5, p6)]
    private += [p["number"] for p in (p1, p2, p3, p4, p5, p6)]
    return November(a, b, township_a, township_b, private)


D = Decimal
STATION_A: dict[str, int | Decimal] = {
    "入库件数": 3, "出库件数": 2, "退件件数": 1, "寄件件数": 2, "寄件运费": D("20.50"),
    "代购单数": 1, "代购商品金额": D("129.90"), "代购服务费": D("5.00"), "代购退款": D("0"),
    "代缴成功笔数": 1, "代缴金额": D("100.00"), "代缴手续费": D("2.00"),
    "收购笔数": 4, "收购净重": D("37.000"), "收购金额": D("259.00"),
    "脱贫户收购净重": D("15.000"), "脱贫户收购金额": D("105.00"), "脱贫户户数": 1,
    "监测对象收购净重": D("2.000"), "监测对象收购金额": D("14.00"), "监测对象户数": 1,
    "帮扶户数合计": 2, "作废条数": 1, "营业天数": 2,
}  # fmt: skip
STATION_B: dict[str, int | Decimal] = dict.fromkeys(STATION_A, D(0))
STATION_B.update({
    "入库件数": 2, "收购笔数": 1, "收购净重": D("3.000"), "收购金额": D("21.00"),
    "脱贫户收购净重": D("3.000"), "脱贫户收购金额": D("21.00"), "脱贫户户数": 1,
    "帮扶户数合计": 1, "营业天数": 1,
})  # fmt: skip
COUNTY = {name: STATION_A[name] + STATION_B[name] for name in STATION_A} | {
    "脱贫户户数": 1,  # the same household sold to both stations: counted once
    "帮扶户数合计": 2,
}


def exact(value: object) -> Decimal:
    """A workbook number as the Decimal it was written from (openpyxl reads floats)."""
    assert isinstance(value, int | float), value
    return Decimal(str(value))


def open_workbook(answer: requests.Response) -> Any:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == XLSX_TYPE
    return load_workbook(io.BytesIO(answer.content))


def summary_of(sheet: Any) -> dict[str, Decimal]:
    assert [cell.value for cell in sheet[3]] == ["类别", "项目", "数值", "单位"]
    found = {}
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row[1] is None:
            break
        found[str(row[1])] = exact(row[2])
    return found


def detail_of(sheet: Any, code: str) -> tuple[list[Any], dict[str, Decimal]]:
    headers = [str(cell.value) for cell in sheet[3]]
    for row in sheet.iter_rows(min_row=4, values_only=True):
        if row[1] == code:
            figures = {
                re.sub(r"（.*）$", "", name): exact(value)
                for name, value in zip(headers[4:], row[4:], strict=True)
            }
            return list(row[:4]), figures
    raise AssertionError(f"no row for {code}")


def all_text(book: Any) -> str:
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_the_page_shows_the_months_figures(
    county: County, county_db: SessionFactory, november: November
) -> None:
    browser = logged_in(county, make_staff(county_db, "admin"))
    page = browser.get(f"{county.url}/console/monthly?month={MONTH}", timeout=10)
    assert page.status_code == 200, page.text
    assert page.headers["cache-control"] == "no-store"
    assert '<a href="/console/monthly" class="here">月报</a>' in page.text
    shown = text_of(page.text)
    assert "2026年11月月报" in shown
    assert "统计期 2026-11-01 至 2026-11-30" in shown
    for key, value in (("parcels_in", "5"), ("purchase_kg", "40"), ("purchase_yuan", "280.00"),
                       ("lifted_kg", "18"), ("lifted_yuan", "126.00"), ("lifted_households", "1"),
                       ("aided_households", "2"), ("shipping_fees", "20.50"),
                       ("bill_amount", "100.00"), ("order_goods", "129.90")):  # fmt: skip
        assert f'data-key="{key}">{value}<' in page.text, key
    row_a = next(
        text_of(row)
        for row in re.findall(r"<tr>.*?</tr>", page.text, flags=re.S)
        if november.a.station_code in row
    )
    assert row_a.startswith(f"{november.township_a} {november.township_a}甲村服务站")
    assert " 3 2 1 2 20.50 1 129.90 5.00 0.00 1 100.00 2.00 4 37 259.00 " in row_a, row_a
    assert 'type="month" name="month" value="2026-11"' in page.text
    assert f'href="/console/monthly.xlsx?month={MONTH}"' in page.text
    assert "下载Excel" in page.text
    assert 'id="print-report"' in page.text
    assert "/console/static/monthly.js" in page.text
    assert "onclick" not in page.text  # the CSP allows no inline script
    assert browser.get(f"{county.url}/console/static/monthly.js", timeout=10).status_code == 200
    css = browser.get(f"{county.url}/console/static/console.css", timeout=10).text
    assert "@media print" in css
    for private in november.private:
        assert private not in page.text


def test_the_county_workbook_holds_exactly_what_was_uploaded(
    county: County, county_db: SessionFactory, november: November
) -> None:
    browser = logged_in(county, make_staff(county_db, "admin"))
    answer = browser.get(f"{county.url}/console/monthly.xlsx?month={MONTH}", timeout=30)
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E6%9C%88%E6%8A%A5-2026-11.xlsx" in disposition
    assert answer.headers["cache-control"] == "no-store"
    book = open_workbook(answer)
    assert book.sheetnames == ["全县汇总", "分站明细"]
    summary, detail = book["全县汇总"], book["分站明细"]
    assert summary["A1"].value == "县级电子商务公共服务中心 2026年11月月报（全县汇总）"
    assert "2026-11-01 至 2026-11-30" in str(summary["A2"].value)
    assert summary_of(summary) == COUNTY
    assert summary["C4"].number_format == "#,##0"
    formats = {str(row[1].value): row[2].number_format for row in summary.iter_rows(min_row=4)}
    assert formats["收购金额"] == "#,##0.00"
    assert formats["收购净重"] == "#,##0.000"
    assert summary.column_dimensions["B"].width >= 20

    assert detail["A1"].value == "县级电子商务公共服务中心 2026年11月月报（分站明细）"
    assert [cell.value for cell in detail[3]][:5] == ["乡镇", "服务站编号", "服务站名称", "级别",
                                                      "入库件数（件）"]  # fmt: skip
    fixed, figures = detail_of(detail, november.a.station_code)
    assert fixed == [november.township_a, november.a.station_code,
                     f"{november.township_a}甲村服务站", "村级"]  # fmt: skip
    assert figures == STATION_A
    fixed, figures = detail_of(detail, november.b.station_code)
    assert fixed[0] == november.township_b
    assert figures == STATION_B
    total_row = next(row for row in detail.iter_rows(min_row=4) if row[0].value == "合计")
    headers = [str(cell.value) for cell in detail[3]]
    assert {
        re.sub(r"（.*）$", "", name): exact(cell.value)
        for name, cell in zip(headers[4:], total_row[4:], strict=True)
    } == COUNTY
    assert total_row[5 + 12].number_format == "#,##0.000"  # 收购净重
    assert detail.column_dimensions["C"].width >= 20
    text = all_text(book)
    for private in november.private:
        assert private not in text
    assert not re.search(r"1[3-9][0-9]{9}", text)  # no phone number

    october = browser.get(f"{county.url}/console/monthly.xlsx?month=2026-10", timeout=30)
    assert summary_of(open_workbook(october)["全县汇总"])["入库件数"] == 1


def test_a_viewer_downloads_one_stations_workbook(
    county: County, county_db: SessionFactory, november: November
) -> None:
    viewer = logged_in(county, make_staff(county_db, "viewer", "王建国"))
    code = november.a.station_code
    answer = viewer.get(f"{county.url}/console/stations/{code}/monthly.xlsx?month={MONTH}",
                        timeout=30)  # fmt: skip
    assert (
        f"filename*=UTF-8''%E6%9C%88%E6%8A%A5-{code}-2026-11.xlsx"
        in answer.headers["content-disposition"]
    )
    book = open_workbook(answer)
    assert book.sheetnames == ["本站汇总", "分站明细"]
    assert summary_of(book["本站汇总"]) == STATION_A
    assert f"{november.township_a}甲村服务站" in str(book["本站汇总"]["A1"].value)
    assert [row[1] for row in book["分站明细"].iter_rows(min_row=4, values_only=True)][:2] == [
        code,
        None,  # the 合计 row
    ]
    for private in november.private:
        assert private not in all_text(book)
    page = viewer.get(f"{county.url}/console/monthly?month={MONTH}", timeout=10)
    assert page.status_code == 200
    assert f'href="/console/stations/{code}/monthly.xlsx?month={MONTH}"' in page.text
    missing = viewer.get(f"{county.url}/console/stations/nope/monthly.xlsx?month={MONTH}",
                         timeout=10)  # fmt: skip
    assert missing.status_code == 404
    assert "没有这个服务站" in missing.text


def test_without_a_session_the_report_sends_to_login(county: County) -> None:
    for path in ("/console/monthly", "/console/monthly.xlsx", "/console/stations/x/monthly.xlsx"):
        answer = requests.get(
            f"{county.url}{path}?month={MONTH}", allow_redirects=False, timeout=10
        )
        assert answer.status_code == 303, path
        assert answer.headers["location"] == f"/console/login?next={path}"
        assert "content-disposition" not in answer.headers


def test_a_bad_month_gets_a_chinese_page(county: County, county_db: SessionFactory) -> None:
    browser = logged_in(county, make_staff(county_db, "viewer"))
    for month in ("2026-13", "2026-00", "abc", "2026-1", "1999-12", "2026-11-01"):
        for path in ("/console/monthly", "/console/monthly.xlsx"):
            answer = browser.get(f"{county.url}{path}", params={"month": month}, timeout=10)
            assert answer.status_code == 400, (path, month)
            assert answer.headers["content-type"].startswith("text/html")
            assert "月份不对" in answer.text
    default = browser.get(f"{county.url}/console/monthly", timeout=10)  # last month
    assert default.status_code == 200
    assert "月报" in default.text
