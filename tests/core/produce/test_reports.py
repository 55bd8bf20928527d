"""Produce reports: every breakdown, voided purchases left out, the 帮扶 figures from the
household status recorded on each purchase, the xlsx read back, a failed export."""

from __future__ import annotations

import errno
import itertools
import json
import shutil
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from station_app.core.db.produce_models import Farmer, ProducePurchase
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.produce import reports
from station_app.core.receipts import layout_text
from station_app.core.store import Store

ROOT = Path(__file__).resolve().parents[3]
VILLAGE_A = "610305110201"
VILLAGE_B = "610305110202"
_serial = itertools.count(1)


def add_farmer(session: Session, store: Store, name: str, village: str, household: str) -> str:
    uid = str(uuid.uuid4())
    session.add(
        Farmer(
            uid=uid,
            name=name,
            initials="x",
            phone="13812341234",
            phone_tail="1234",
            village_code=village,
            id_number="610303199001011234",
            household=household,
            pay_preference="cash",
            registered_at=store.clock.now(),
            registered_by="wangjun",
            registered_entry=str(uuid.uuid4()),
            changed_at=store.clock.now(),
        )
    )
    return uid


def buy(
    session: Session,
    store: Store,
    farmer: str,
    *,
    day: str,
    net_g: int,
    amount_fen: int,
    household: str,
    village: str = VILLAGE_A,
    product: str = "fengxiang_apple",
    grade: str = "d80",
    status: str = "paid",
) -> None:
    serial = next(_serial)
    session.add(
        ProducePurchase(
            uid=str(uuid.uuid4()),
            number=f"SG{day.replace('-', '')}-{serial:03d}",
            farmer_uid=farmer,
            village_code=village,
            household=household,
            product_code=product,
            grade_code=grade,
            price_uid=str(uuid.uuid4()),
            price_source="county",
            price_fen=350,
            per_grams=500,
            gross_g=net_g + 1500,
            tare_g=1500,
            impurity_bp=0,
            moisture_bp=0,
            deduction_g=0,
            net_g=net_g,
            amount_fen=amount_fen,
            payment_method="cash",
            status=status,
            manual=False,
            lot_uid=str(uuid.uuid4()),
            business_day=day,
            purchased_at=store.clock.now(),
            purchased_by="wangjun",
            entry=str(uuid.uuid4()),
        )
    )


@pytest.fixture
def bought(store: Store, keeper: OperatorInfo) -> dict[str, str]:
    """Three farmers over two days. 张三丰 was 监测对象 when he sold on the 23rd and is
    脱贫户 now; 李四 is 脱贫户; 王小二 ordinary. One purchase voided, one outside the period."""
    with store.writing() as session:
        zhang = add_farmer(session, store, "张三丰", VILLAGE_A, "lifted")
        li = add_farmer(session, store, "李四", VILLAGE_B, "lifted")
        wang = add_farmer(session, store, "王小二", VILLAGE_A, "normal")
        day1, day2 = "2026-11-23", "2026-11-24"
        buy(session, store, zhang, day=day1, net_g=10_001, amount_fen=7001, household="monitored")
        buy(session, store, zhang, day=day2, net_g=5_333, amount_fen=3733, household="lifted")
        buy(session, store, li, day=day1, net_g=20_000, amount_fen=14000, household="lifted",
            village=VILLAGE_B, grade="d75")  # fmt: skip
        buy(session, store, li, day=day2, net_g=1_111, amount_fen=999, household="lifted",
            village=VILLAGE_B, product="huajiao", grade="a")  # fmt: skip
        buy(session, store, wang, day=day2, net_g=7_777, amount_fen=5444, household="normal")
        buy(session, store, wang, day=day2, net_g=99_999, amount_fen=99999, household="normal",
            status="voided")  # fmt: skip
        buy(session, store, wang, day="2026-11-25", net_g=3_000, amount_fen=2100,
            household="normal")  # fmt: skip
    return {"zhang": zhang, "li": li, "wang": wang}


def report(store: Store, by: reports.Breakdown) -> list[reports.ReportRow]:
    with store.reading() as session:
        return reports.produce_report(session, "2026-11-23", "2026-11-24", by)


def figures(rows: list[reports.ReportRow]) -> dict[str, tuple[int, int, int, int]]:
    return {r.key: (r.purchases, r.households, r.net_g, r.amount_fen) for r in rows}


def test_by_day_leaves_out_voided_and_other_days(store: Store, bought: dict[str, str]):
    assert figures(report(store, "day")) == {
        "2026-11-23": (2, 2, 30_001, 21001),
        "2026-11-24": (3, 3, 14_221, 10176),
    }
    assert [r.label for r in report(store, "day")] == ["2026-11-23", "2026-11-24"]


def test_by_farmer_with_masked_names_only(store: Store, bought: dict[str, str]):
    rows = report(store, "farmer")
    assert figures(rows) == {
        bought["zhang"]: (2, 1, 15_334, 10734),
        bought["li"]: (2, 1, 21_111, 14999),
        bought["wang"]: (1, 1, 7_777, 5444),
    }
    assert [r.label for r in rows] == ["李*", "张*丰", "王*二"]  # biggest first
    assert not any("1381234" in r.label or "6103" in r.label for r in rows)


def test_by_village_product_grade_and_household(store: Store, bought: dict[str, str]):
    assert figures(report(store, "village")) == {
        VILLAGE_A: (3, 2, 23_111, 16178),
        VILLAGE_B: (2, 1, 21_111, 14999),
    }
    assert all(r.label for r in report(store, "village"))  # a name if known, else the code
    assert figures(report(store, "product")) == {
        "fengxiang_apple": (4, 3, 43_111, 30178),
        "huajiao": (1, 1, 1_111, 999),
    }
    labels = {r.key: r.label for r in report(store, "product") + report(store, "grade")}
    assert labels["fengxiang_apple"] == "凤翔苹果"  # the catalogue's name
    assert labels["fengxiang_apple:d80"] == "凤翔苹果 80mm以上"
    assert labels["huajiao"] == "huajiao"  # not in the catalogue: its code
    assert figures(report(store, "grade")) == {
        "fengxiang_apple:d80": (3, 2, 23_111, 16178),
        "fengxiang_apple:d75": (1, 1, 20_000, 14000),
        "huajiao:a": (1, 1, 1_111, 999),
    }
    rows = report(store, "household")
    assert [r.key for r in rows] == ["normal", "lifted", "monitored"]
    assert [r.label for r in rows] == ["普通户", "脱贫户", "监测对象"]
    assert figures(rows) == {
        "normal": (1, 1, 7_777, 5444),
        "lifted": (3, 2, 26_444, 18732),
        "monitored": (1, 1, 10_001, 7001),
    }


def test_the_total_counts_each_household_once(store: Store, bought: dict[str, str]):
    with store.reading() as session:
        total = reports.total_row(session, "2026-11-23", "2026-11-24")
    assert (total.purchases, total.households, total.net_g, total.amount_fen) == (
        5, 3, 44_222, 31177,
    )  # fmt: skip
    assert total.label == "合计"


def test_assistance_counts_the_status_recorded_on_the_purchase(
    store: Store, bought: dict[str, str]
):
    with store.reading() as session:
        summary = reports.assistance_summary(session, "2026-11-23", "2026-11-24")
    # 张三丰 is 脱贫户 today, but sold 10.001 kg as 监测对象: that stays 监测对象.
    assert summary.monitored == reports.AssistanceFigures(1, 1, 10_001, 7001)
    assert summary.lifted == reports.AssistanceFigures(3, 2, 26_444, 18732)
    assert summary.assisted == reports.AssistanceFigures(4, 2, 36_445, 25733)
    assert summary.everyone == reports.AssistanceFigures(5, 3, 44_222, 31177)


def test_a_period_is_checked(store: Store, keeper: OperatorInfo):
    with store.reading() as session:
        with pytest.raises(ValidationError, match="不能晚于"):
            reports.produce_report(session, "2026-11-24", "2026-11-23", "day")
        with pytest.raises(ValidationError, match="格式"):
            reports.assistance_summary(session, "2026/11/23", "2026-11-24")
        assert reports.produce_report(session, "2026-01-01", "2026-01-31", "farmer") == []
        empty = reports.total_row(session, "2026-01-01", "2026-01-31")
        assert (empty.purchases, empty.net_g, empty.amount_fen) == (0, 0, 0)


def test_mask_name():
    assert reports.mask_name("张三丰") == "张*丰"
    assert reports.mask_name("张三") == "张*"
    assert reports.mask_name("欧阳娜娜") == "欧**娜"
    assert reports.mask_name("") == "—"


def _exact(value: Any, places: int) -> int:
    """A cell's number back to integer grams or fen, exactly."""
    return int(Decimal(str(value)).scaleb(places))


def test_the_xlsx_holds_the_integer_sums(store: Store, bought: dict[str, str], tmp_path: Path):
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "收购报表.xlsx"
    with store.reading() as session:
        reports.export_xlsx(target, session, "2026-11-23", "2026-11-24")
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary left
    book = load_workbook(target)
    assert book.sheetnames == [
        "按日期",
        "按农户",
        "按村",
        "按品种",
        "按等级",
        "按户类型",
        "帮扶汇总",
    ]
    for by, name in zip(reports.BREAKDOWNS, book.sheetnames, strict=False):
        sheet = book[name]
        title = sheet["A1"].value
        assert "柳林镇胡家庄村服务站" in title
        assert "2026-11-23" in title
        assert "2026-11-24" in title
        header = [cell.value for cell in sheet[2]]
        assert header[-4:] == ["收购笔数", "农户数", "净重（公斤）", "金额（元）"]
        expected = [*report(store, by)]
        body = list(sheet.iter_rows(min_row=3, values_only=True))
        assert len(body) == len(expected) + 1
        for values, row in zip(body, expected, strict=False):
            assert values[0] == row.label
            purchases, households, kg, money = values[-4:]
            assert (purchases, households) == (row.purchases, row.households)
            assert _exact(kg, 3) == row.net_g
            assert _exact(money, 2) == row.amount_fen
        total = body[-1]
        assert total[0] == "合计"
        assert _exact(total[-2], 3) == 44_222
        assert _exact(total[-1], 2) == 31177
        kg_cell = sheet.cell(row=3, column=len(header) - 1)
        assert kg_cell.number_format == reports.KG_FORMAT
        assert sheet.cell(row=3, column=len(header)).number_format == reports.YUAN_FORMAT
        assert sheet.column_dimensions["A"].width >= 10
    farmers = [row[0] for row in book["按农户"].iter_rows(min_row=3, values_only=True)]
    assert "张*丰" in farmers
    assert "张三丰" not in farmers
    text = json.dumps(
        [[list(r) for r in book[n].iter_rows(values_only=True)] for n in book.sheetnames],
        default=str,
        ensure_ascii=False,
    )
    assert "13812341234" not in text
    assert "610303199001011234" not in text
    assistance = {
        row[0]: row[1:] for row in book["帮扶汇总"].iter_rows(min_row=3, values_only=True)
    }
    purchases, households, kg, money = assistance["监测对象"]
    assert (purchases, households, _exact(kg, 3), _exact(money, 2)) == (1, 1, 10_001, 7001)
    purchases, households, kg, money = assistance["脱贫户"]
    assert (purchases, households, _exact(kg, 3), _exact(money, 2)) == (3, 2, 26_444, 18732)


def test_a_failed_save_leaves_no_file(
    store: Store, bought: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A full disk in the middle of writing: the Chinese error, and neither the report
    nor its temporary file is left behind."""
    from openpyxl import Workbook

    real_save = Workbook.save

    def full_disk(self: Workbook, stream: Any) -> None:
        real_save(self, stream)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    folder = tmp_path / "export"
    folder.mkdir()
    with store.reading() as session, pytest.raises(ValidationError) as refused:
        reports.export_xlsx(folder / "report.xlsx", session, "2026-11-23", "2026-11-24")
    assert "磁盘已满或没有写入权限" in str(refused.value)
    assert list(folder.iterdir()) == []


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o ro tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs unshare -rm and tmpfs mounts")
def test_exporting_into_a_read_only_folder_gives_the_chinese_error(tmp_path: Path):
    """On a real read-only filesystem (a private mount namespace, so even root cannot
    write there): the refusal, and no file."""
    folder = tmp_path / "ro"
    folder.mkdir()
    data = tmp_path / "data"
    script = (
        f"mount -t tmpfs -o ro tmpfs {folder} && "
        f"exec {sys.executable} -m tests.core.produce.test_reports {data} {folder}"
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert "磁盘已满或没有写入权限" in outcome["message"]
    assert outcome["left"] == []


def _read_only_scenario(data: Path, folder: Path) -> dict[str, Any]:
    from datetime import UTC, datetime

    from station_app.core import first_run
    from station_app.core.clock import FixedClock
    from tests.conftest import SETUP_FORM

    store = Store.open(data, FixedClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)))
    try:
        first_run.set_up(store, SETUP_FORM)
        with store.writing() as session:
            farmer = add_farmer(session, store, "张三丰", VILLAGE_A, "lifted")
            buy(session, store, farmer, day="2026-11-23", net_g=1000, amount_fen=700,
                household="lifted")  # fmt: skip
        try:
            with store.reading() as session:
                reports.export_xlsx(folder / "report.xlsx", session, "2026-11-23", "2026-11-23")
        except ValidationError as error:
            return {"message": str(error), "left": sorted(p.name for p in folder.iterdir())}
        return {"message": "", "left": sorted(p.name for p in folder.iterdir())}
    finally:
        store.close()


def test_the_receipt_has_products_and_assistance(store: Store, bought: dict[str, str]):
    with store.reading() as session:
        receipt = reports.report_receipt(
            session, "2026-11-23", "2026-11-24", operator="wangjun", issued_at=store.clock.now()
        )
    assert receipt.title == "农产品收购汇总"
    assert receipt.station_name == "柳林镇胡家庄村服务站"
    assert [(i.amount.fen, i.quantity) for i in receipt.items] == [
        (30178, "43.111kg"),
        (999, "1.111kg"),
    ]
    details = {d.label: d.value for d in receipt.details}
    assert details["监测对象"] == "1户 1笔 10.001kg ¥70.01"
    assert details["脱贫户"] == "2户 3笔 26.444kg ¥187.32"
    assert receipt.totals[0].amount.fen == 31177
    printed = layout_text(receipt, 32)
    assert "10.001kg" in printed


if __name__ == "__main__":  # the read-only scenario, run under ``unshare -rm``
    print(json.dumps(_read_only_scenario(Path(sys.argv[1]), Path(sys.argv[2]))))
