"""The 报表 tab driven like a keeper: a period chosen, the breakdowns' lines adding up to
their 合计, the 帮扶 figures (by the status recorded at each purchase), the workbook
exported and read back with openpyxl, and the summary printed to PDF."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.produce.reports import BREAKDOWNS
from station_app.core.store import Store
from station_app.ui.pages.produce.reports_tab import ReportsTab, period_days
from tests.ui.produce_support import APPLE, D75, D80, buy, next_day, register, set_price, shown

WALNUT, WALNUT_GRADE = "walnut", "first"


@pytest.fixture
def bought(set_up_store: Store, keeper: OperatorInfo, clock: FixedClock) -> Store:
    """Sunday 22nd: a 脱贫户 sells apples. Monday 23rd (today): the 脱贫户 again, a
    监测对象 and an ordinary farmer."""
    zhang = register(set_up_store, keeper, "张三丰", "13812345678", household="lifted")
    li = register(set_up_store, keeper, "李四", "13900001111", household="monitored")
    wang = register(set_up_store, keeper, "王五", "13700002222")
    clock.set(clock.now().replace(day=22))
    set_price(set_up_store, keeper, APPLE, D80, price="3.00")
    buy(set_up_store, keeper, zhang, [(11_500, 1_500)])  # 10 kg × 6.00/kg = 60.00
    next_day(clock)
    set_price(set_up_store, keeper, APPLE, D80, price="3.50")
    set_price(set_up_store, keeper, APPLE, D75, price="2.80")
    buy(set_up_store, keeper, zhang, [(21_500, 1_500)])  # 20 kg × 7.00 = 140.00
    buy(set_up_store, keeper, li, [(16_500, 1_500)], grade=D75)  # 15 kg × 5.60 = 84.00
    buy(set_up_store, keeper, wang, [(5_234, 0)])  # 5.234 kg × 7.00 = 36.64 (36.638)
    return set_up_store


@pytest.fixture
def tab(qtbot: QtBot, bought: Store, keeper: OperatorInfo) -> ReportsTab:
    reports_tab = shown(qtbot, ReportsTab(bought, keeper))
    reports_tab.printer.open_pdf = lambda _path: None
    reports_tab.refresh()
    return reports_tab


def test_periods_run_up_to_today() -> None:
    monday = date(2026, 11, 23)
    assert period_days("today", monday) == (monday, monday)
    assert period_days("week", date(2026, 11, 26)) == (monday, date(2026, 11, 26))
    assert period_days("month", monday) == (date(2026, 11, 1), monday)


def test_today_by_day_with_its_total(tab: ReportsTab) -> None:
    assert tab.days() == ("2026-11-23", "2026-11-23")
    assert tab.cells() == [
        ["2026-11-23", "3", "3", "40.234", "80.468", "260.64"],
        ["合计", "3", "3", "40.234", "80.468", "260.64"],
    ]
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "日期"


def test_the_breakdown_lines_add_up_to_the_total(tab: ReportsTab) -> None:
    tab.set_period("month")
    assert tab.days() == ("2026-11-01", "2026-11-23")
    assert tab.cells()[-1] == ["合计", "4", "3", "50.234", "100.468", "320.64"]
    for by in BREAKDOWNS:
        tab.set_breakdown(by)
        cells = tab.cells()
        *lines, total = cells
        assert total[0] == "合计", by
        assert sum(int(line[1]) for line in lines) == int(total[1]), by
        assert sum(Decimal(line[3]) for line in lines) == Decimal(total[3]), by
        assert sum(Decimal(line[5]) for line in lines) == Decimal(total[5]), by
    tab.set_breakdown("farmer")
    assert [line[0] for line in tab.cells()] == ["张*丰", "李*", "王*", "合计"]
    assert "13812345678" not in str(tab.cells())
    tab.set_breakdown("household")
    assert [line[0] for line in tab.cells()] == ["普通户", "脱贫户", "监测对象", "合计"]
    tab.set_breakdown("grade")
    assert tab.cells()[0][0] == "凤翔苹果 80mm以上"


def test_the_assistance_box_counts_lifted_and_monitored_households(tab: ReportsTab) -> None:
    tab.set_period("custom", date(2026, 11, 22), date(2026, 11, 23))
    figures = {key: label.text() for key, label in tab.help_labels.items()}
    assert figures == {
        ("lifted", "households"): "1 户",
        ("lifted", "kg"): "30.000",
        ("lifted", "yuan"): "200.00",
        ("monitored", "households"): "1 户",
        ("monitored", "kg"): "15.000",
        ("monitored", "yuan"): "84.00",
        ("assisted", "households"): "2 户",
        ("assisted", "kg"): "45.000",
        ("assisted", "yuan"): "284.00",
    }
    tab.set_period("custom", date(2026, 11, 24), date(2026, 11, 22))
    assert tab.result.text() == "开始日期2026-11-24不能晚于结束日期2026-11-22。"
    assert not tab.export_button.isEnabled()


def test_the_report_is_exported_to_excel(tab: ReportsTab, tmp_path: Path) -> None:
    tab.set_period("month")
    asked: list[str] = []

    def ask(suggested: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "十一月收购")

    tab.ask_path = ask

    written = tab.export()

    assert asked[0].endswith("收购报表_2026-11-01_2026-11-23.xlsx")
    assert written == tmp_path / "十一月收购.xlsx"
    assert "报表已导出到" in tab.result.text()
    book = load_workbook(written)
    assert "帮扶汇总" in book.sheetnames
    by_day = book["按日期"]
    values = [[cell.value for cell in row] for row in by_day.iter_rows(min_row=3)]
    assert values[-1][0] == "合计"
    assert values[-1][1:] == [4, 3, 50.234, 320.64]  # numbers Excel can sum, not text
    assert [row[0] for row in values] == ["2026-11-22", "2026-11-23", "合计"]


def test_a_cancelled_export_writes_nothing(tab: ReportsTab, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*.xlsx"))
    tab.ask_path = lambda _suggested: ""
    assert tab.export() is None
    assert sorted(tmp_path.rglob("*.xlsx")) == before == []


def test_the_summary_is_printed(tab: ReportsTab) -> None:
    opened: list[Path] = []
    tab.printer.open_pdf = opened.append
    text = tab.print_report()
    [pdf] = opened
    assert pdf.exists()
    assert "没有找到打印机" in text
