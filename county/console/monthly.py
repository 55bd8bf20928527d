"""The monthly report (月报, due by the 10th): per station and for the whole county, as a
console page, a printable page and an xlsx workbook.

Read from the ingest projections only, never the raw ledger:

- ``daily_totals``: entries per business day and event type (parcels in and out,
  returns, shipments, agent orders, bills, voids) and the days a station was open;
- ``daily_amounts``: the money fields by event type (shipping fees, agent-order
  amounts and refunds, bill amounts and fees, less what failed or was cancelled);
- ``produce_purchases``: purchases with the household status they were bought under,
  voided ones left out, for the produce and 帮扶 figures.

The daily projections are raw per event type: a void is its own ``entry.voided`` row
and the projection does not say what it voided, so parcel, order and bill counts are
as recorded (the report shows the voids beside them); purchases are exact (their
projection marks the voided ones). Money is integer fen turned into yuan, weights
integer grams turned into kilograms, both as ``Decimal``: never a float.

Households reached count a farmer once however often they sold, per station and
(distinct across the county) in the county's total. The workbook names no farmer and
shows no phone or ID number: the projections hold none, and farmer uids stay here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import (  # type: ignore[import-untyped]
    Alignment,
    Border,
    Font,
    PatternFill,
    Side,
)
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from county.console.overview import LEVEL_NAMES, business_today
from county.db.models import DailyAmount, DailyTotal, ProducePurchase, Station

if TYPE_CHECKING:
    from county.api import Service
    from county.console.routes import _Auth

Value = int | Decimal
FEN = Decimal(100)
GRAMS = Decimal(1000)
CENT = Decimal("0.01")
MILLI = Decimal("0.001")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
DEFAULT_CENTRE = "县级电子商务公共服务中心"
AIDED = ("lifted", "monitored")
"""脱贫户 and 监测对象: the households the 帮扶 figures count."""


@dataclass(frozen=True)
class Column:
    key: str
    group: str
    label: str
    kind: str
    """``count`` (件/笔/条), ``yuan``, ``kg``, ``households`` or ``days``."""

    @property
    def unit(self) -> str:
        return UNITS[self.kind]


UNITS = {"count": "件", "yuan": "元", "kg": "千克", "households": "户", "days": "天"}
COLUMNS = [
    Column("parcels_in", "快递", "入库件数", "count"),
    Column("parcels_out", "快递", "出库件数", "count"),
    Column("parcels_returned", "快递", "退件件数", "count"),
    Column("shipments", "快递", "寄件件数", "count"),
    Column("shipping_fees", "快递", "寄件运费", "yuan"),
    Column("orders", "代购", "代购单数", "count"),
    Column("order_goods", "代购", "代购商品金额", "yuan"),
    Column("order_fees", "代购", "代购服务费", "yuan"),
    Column("order_refunds", "代购", "代购退款", "yuan"),
    Column("bills", "代缴", "代缴成功笔数", "count"),
    Column("bill_amount", "代缴", "代缴金额", "yuan"),
    Column("bill_fees", "代缴", "代缴手续费", "yuan"),
    Column("purchases", "农产品收购", "收购笔数", "count"),
    Column("purchase_kg", "农产品收购", "收购净重", "kg"),
    Column("purchase_yuan", "农产品收购", "收购金额", "yuan"),
    Column("lifted_kg", "帮扶", "脱贫户收购净重", "kg"),
    Column("lifted_yuan", "帮扶", "脱贫户收购金额", "yuan"),
    Column("lifted_households", "帮扶", "脱贫户户数", "households"),
    Column("monitored_kg", "帮扶", "监测对象收购净重", "kg"),
    Column("monitored_yuan", "帮扶", "监测对象收购金额", "yuan"),
    Column("monitored_households", "帮扶", "监测对象户数", "households"),
    Column("aided_households", "帮扶", "帮扶户数合计", "households"),
    Column("voids", "台账", "作废条数", "count"),
    Column("active_days", "台账", "营业天数", "days"),
]
COUNTED = {
    "parcel.checked_in": "parcels_in",
    "parcel.picked_up": "parcels_out",
    "parcel.returned": "parcels_returned",
    "shipment.accepted": "shipments",
    "order.registered": "orders",
    "bill.succeeded": "bills",
    "entry.voided": "voids",
}
"""Event types counted from ``daily_totals``, as recorded."""
SUMMED = {
    ("shipment.accepted", "fee_fen"): ("shipping_fees", 1),
    ("shipment.cancelled", "fee_fen"): ("shipping_fees", -1),
    ("order.registered", "items_total_fen"): ("order_goods", 1),
    ("order.registered", "service_fee_fen"): ("order_fees", 1),
    ("order.refunded", "amount_fen"): ("order_refunds", 1),
    ("bill.recorded", "amount_fen"): ("bill_amount", 1),
    ("bill.failed", "amount_fen"): ("bill_amount", -1),
    ("bill.recorded", "fee_fen"): ("bill_fees", 1),
    ("bill.failed", "fee_fen"): ("bill_fees", -1),
}
"""Money fields from ``daily_amounts`` (fen): what a cancelled shipment or a failed
bill gave back is taken off in the month it went back."""
NOTES = [
    "金额单位为元，重量单位为千克（净重）。",
    "件数、单数、笔数按台账记录统计，作废的记录未冲减（作废条数另列）；"
    "寄件运费扣除已取消寄件退回的运费，代缴金额和手续费扣除缴费失败退回的部分。",
    "农产品收购不含已作废的收购单；帮扶数字按收购时登记的户别（脱贫户、监测对象）统计，"
    "户数按农户去重（全县合计在全县范围内去重）。",
    "营业天数为本月有台账记录的营业日数；全县的营业天数为各站之和（站·天）。",
]


def column(key: str) -> Column:
    return next(item for item in COLUMNS if item.key == key)


def _zero(kind: str) -> Value:
    if kind == "yuan":
        return Decimal("0.00")
    if kind == "kg":
        return Decimal("0.000")
    return 0


def yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN).quantize(CENT)


def kilograms(grams: int) -> Decimal:
    return (Decimal(grams) / GRAMS).quantize(MILLI)


@dataclass
class StationMonth:
    code: str
    name: str
    township: str
    level: str
    values: dict[str, Value] = field(
        default_factory=lambda: {item.key: _zero(item.kind) for item in COLUMNS}
    )

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, self.level)


@dataclass(frozen=True)
class MonthlyFigures:
    year: int
    month: int
    stations: list[StationMonth]
    totals: dict[str, Value]
    station_code: str | None = None
    columns: list[Column] = field(default_factory=lambda: list(COLUMNS))

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date.fromordinal(_next_month(self.year, self.month).toordinal() - 1)

    @property
    def scope(self) -> str:
        """Whose report: the county's, or one station's."""
        if self.station_code is None or not self.stations:
            return "全县"
        return self.stations[0].name


def _next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def parse_month(text: str) -> tuple[int, int] | None:
    """``2026-11`` → (2026, 11); anything else (or a month outside 2000–2099) → None."""
    found = MONTH.match(text.strip())
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    if not 2000 <= year <= 2099 or not 1 <= month <= 12:
        return None
    return year, month


def previous_month(today: date) -> tuple[int, int]:
    """The month a report is due for on ``today`` (by the 10th of the next one)."""
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


# --- the figures -----------------------------------------------------------------------


def monthly_figures(
    session: Session, year: int, month: int, station_code: str | None = None
) -> MonthlyFigures | None:
    """The month's figures per station and for the county (or for the one station
    ``station_code``; None when there is no such station). A handful of grouped
    queries over the projections, whatever the number of stations."""
    query = select(Station.id, Station.code, Station.name, Station.township, Station.level)
    if station_code is not None:
        query = query.where(Station.code == station_code)
    rows = {
        row.id: StationMonth(row.code, row.name, row.township, row.level)
        for row in session.execute(query.order_by(Station.township, Station.code))
    }
    if station_code is not None and not rows:
        return None
    window = _Window(
        date(year, month, 1).isoformat(),
        _next_month(year, month).isoformat(),
        list(rows) if station_code is not None else None,
    )
    _daily(session, window, rows)
    _produce(session, window, rows)
    stations = list(rows.values())
    sums: dict[str, Value] = {item.key: _zero(item.kind) for item in COLUMNS}
    for item in COLUMNS:
        if item.kind != "households":
            for row in stations:
                sums[item.key] = sums[item.key] + row.values[item.key]
    sums.update(_county_households(session, window))
    return MonthlyFigures(year, month, stations, sums, station_code)


@dataclass(frozen=True)
class _Window:
    first: str
    after: str
    only: list[int] | None
    """The one station's id for a station's report; None for the county."""


def _daily(session: Session, window: _Window, rows: dict[int, StationMonth]) -> None:
    """Counts, active days and money from ``daily_totals`` / ``daily_amounts``."""
    totals = select(DailyTotal.station, DailyTotal.type, func.sum(DailyTotal.count)).where(
        DailyTotal.business_day >= window.first,
        DailyTotal.business_day < window.after,
        DailyTotal.type.in_(list(COUNTED)),
    )
    days = select(DailyTotal.station, func.count(DailyTotal.business_day.distinct())).where(
        DailyTotal.business_day >= window.first, DailyTotal.business_day < window.after
    )
    amounts = select(
        DailyAmount.station, DailyAmount.type, DailyAmount.field, func.sum(DailyAmount.amount)
    ).where(
        DailyAmount.business_day >= window.first,
        DailyAmount.business_day < window.after,
        DailyAmount.type.in_(sorted({kind for kind, _ in SUMMED})),
    )
    if window.only is not None:
        totals = totals.where(DailyTotal.station.in_(window.only))
        days = days.where(DailyTotal.station.in_(window.only))
        amounts = amounts.where(DailyAmount.station.in_(window.only))
    for station, kind, count in session.execute(
        totals.group_by(DailyTotal.station, DailyTotal.type)
    ).tuples():
        if station in rows:
            rows[station].values[COUNTED[kind]] = int(count or 0)
    for station, count in session.execute(days.group_by(DailyTotal.station)).tuples():
        if station in rows:
            rows[station].values["active_days"] = int(count)
    fen: dict[tuple[int, str], int] = defaultdict(int)
    for station, kind, name, amount in session.execute(
        amounts.group_by(DailyAmount.station, DailyAmount.type, DailyAmount.field)
    ).tuples():
        target = SUMMED.get((kind, name))
        if target is not None:
            fen[station, target[0]] += target[1] * int(amount or 0)
    for (station, key), value in fen.items():
        if station in rows:
            rows[station].values[key] = yuan(value)


def _bought(window: _Window) -> list[ColumnElement[bool]]:
    """Purchases in the month, voided ones left out."""
    conditions = [
        ProducePurchase.business_day >= window.first,
        ProducePurchase.business_day < window.after,
        ProducePurchase.voided.is_(False),
    ]
    if window.only is not None:
        conditions.append(ProducePurchase.station.in_(window.only))
    return conditions


def _produce(session: Session, window: _Window, rows: dict[int, StationMonth]) -> None:
    """Purchases and the 帮扶 figures per station, by the household as bought."""
    grams: dict[int, int] = defaultdict(int)
    money: dict[int, int] = defaultdict(int)
    for station, household, count, net_g, amount_fen, farmers in session.execute(
        select(
            ProducePurchase.station,
            ProducePurchase.household,
            func.count(),
            func.sum(ProducePurchase.net_g),
            func.sum(ProducePurchase.amount_fen),
            func.count(ProducePurchase.farmer.distinct()),
        )
        .where(*_bought(window))
        .group_by(ProducePurchase.station, ProducePurchase.household)
    ).tuples():
        if station not in rows:
            continue
        values = rows[station].values
        values["purchases"] = int(values["purchases"]) + int(count)
        grams[station] += int(net_g or 0)
        money[station] += int(amount_fen or 0)
        if household in AIDED:
            values[f"{household}_kg"] = kilograms(int(net_g or 0))
            values[f"{household}_yuan"] = yuan(int(amount_fen or 0))
            values[f"{household}_households"] = int(farmers)
    for station, weight in grams.items():
        rows[station].values["purchase_kg"] = kilograms(weight)
        rows[station].values["purchase_yuan"] = yuan(money[station])
    for station, farmers in session.execute(
        select(ProducePurchase.station, func.count(ProducePurchase.farmer.distinct()))
        .where(*_bought(window), ProducePurchase.household.in_(AIDED))
        .group_by(ProducePurchase.station)
    ).tuples():
        if station in rows:
            rows[station].values["aided_households"] = int(farmers)


def _county_households(session: Session, window: _Window) -> dict[str, Value]:
    """Households reached, distinct across all the stations in the window (a sum over
    stations would count a farmer who sold to two of them twice)."""
    found: dict[str, Value] = {f"{household}_households": 0 for household in AIDED}
    aided = (*_bought(window), ProducePurchase.household.in_(AIDED))
    for household, farmers in session.execute(
        select(ProducePurchase.household, func.count(ProducePurchase.farmer.distinct()))
        .where(*aided)
        .group_by(ProducePurchase.household)
    ).tuples():
        found[f"{household}_households"] = int(farmers)
    found["aided_households"] = int(
        session.scalar(select(func.count(ProducePurchase.farmer.distinct())).where(*aided)) or 0
    )
    return found


# --- the workbook ----------------------------------------------------------------------

NUMBER_FORMATS = {
    "count": "#,##0",
    "households": "#,##0",
    "days": "#,##0",
    "yuan": "#,##0.00",
    "kg": "#,##0.000",
}
TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
THIN = Side(style="thin", color="9AA5B1")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)


def monthly_xlsx(figures: MonthlyFigures, centre: str = DEFAULT_CENTRE) -> bytes:
    """The report as an xlsx workbook: a summary sheet (全县汇总, or 本站汇总 for one
    station's report) and 分站明细, one row per station with its township."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "全县汇总" if figures.station_code is None else "本站汇总"
    _summary_sheet(summary, figures, centre)
    _detail_sheet(book.create_sheet("分站明细"), figures, centre)
    book.properties.title = f"{centre} {figures.label}月报"
    book.properties.creator = centre
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _title(sheet: Worksheet, text: str, subtitle: str, width: int) -> None:
    sheet.append([text])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1).font = TITLE_FONT
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 26
    sheet.append([subtitle])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def _header(sheet: Worksheet, row: int, names: list[str]) -> None:
    sheet.append(names)
    for index in range(1, len(names) + 1):
        cell = sheet.cell(row, index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTRED


def _period(figures: MonthlyFigures) -> str:
    return (
        f"统计期：{figures.first_day.isoformat()} 至 {figures.last_day.isoformat()}"
        f"（营业日）　服务站 {len(figures.stations)} 个"
    )


def _summary_sheet(sheet: Worksheet, figures: MonthlyFigures, centre: str) -> None:
    _title(sheet, f"{centre} {figures.label}月报（{figures.scope}汇总）", _period(figures), 4)
    _header(sheet, 3, ["类别", "项目", "数值", "单位"])
    for offset, item in enumerate(figures.columns):
        row = 4 + offset
        sheet.append([item.group, item.label, figures.totals[item.key], item.unit])
        for index in range(1, 5):
            sheet.cell(row, index).border = BOX
        sheet.cell(row, 3).number_format = NUMBER_FORMATS[item.kind]
    row = 5 + len(figures.columns)
    for note in ["说明：", *NOTES]:
        sheet.cell(row, 1, note).alignment = Alignment(wrap_text=False)
        row += 1
    for letter, width in zip("ABCD", (14, 22, 18, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"
    _print_setup(sheet, landscape=False)


def _detail_sheet(sheet: Worksheet, figures: MonthlyFigures, centre: str) -> None:
    fixed = ["乡镇", "服务站编号", "服务站名称", "级别"]
    names = fixed + [f"{item.label}（{item.unit}）" for item in figures.columns]
    _title(sheet, f"{centre} {figures.label}月报（分站明细）", _period(figures), len(names))
    _header(sheet, 3, names)
    sheet.row_dimensions[3].height = 36
    row = 4
    for station in figures.stations:
        sheet.append(
            [station.township, station.code, station.name, station.level_name]
            + [station.values[item.key] for item in figures.columns]
        )
        _format_row(sheet, row, figures, len(fixed))
        row += 1
    sheet.append(
        ["合计", None, None, None] + [figures.totals[item.key] for item in figures.columns]
    )
    _format_row(sheet, row, figures, len(fixed))
    for index in range(1, len(names) + 1):
        sheet.cell(row, index).font = HEADER_FONT
    sheet.cell(row + 2, 1, "说明：户数合计在" + ("全县" if figures.station_code is None else "本站")
               + "范围内按农户去重，不是各站之和。")  # fmt: skip
    for index, width in enumerate([12, 18, 24, 6], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index, item in enumerate(figures.columns, start=len(fixed) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(item.label) * 2 + 4)
    sheet.freeze_panes = "E4"
    _print_setup(sheet, landscape=True)


def _format_row(sheet: Worksheet, row: int, figures: MonthlyFigures, fixed: int) -> None:
    for index in range(1, fixed + len(figures.columns) + 1):
        sheet.cell(row, index).border = BOX
    for index, item in enumerate(figures.columns, start=fixed + 1):
        sheet.cell(row, index).number_format = NUMBER_FORMATS[item.kind]


def _print_setup(sheet: Worksheet, landscape: bool) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"


def attachment(filename: str) -> str:
    """``Content-Disposition`` for a download: an ASCII fallback, and the Chinese name
    RFC 5987-encoded (``filename*=UTF-8''…``)."""
    fallback = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    fallback = fallback.replace('"', "_").replace("\\", "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


# --- the console routes ----------------------------------------------------------------


def add_routes(router: APIRouter, service: Service, auth: _Auth) -> None:
    """``/console/monthly`` (the page), ``/console/monthly.xlsx`` and
    ``/console/stations/{code}/monthly.xlsx``: any logged-in staff member."""
    from county.console.routes import CENTRE_NAME, SECURITY_HEADERS, ConsoleRefusal, render

    def chosen_month(request: Request) -> tuple[int, int]:
        text = request.query_params.get("month")
        if text is None or not text.strip():
            return previous_month(business_today(service.now()))
        parsed = parse_month(text[:20])
        if parsed is None:
            raise ConsoleRefusal(
                400, "月份不对", "请按“年-月”选择月份，例如 2026-11（2000 年至 2099 年）。"
            )
        return parsed

    def figures_of(year: int, month: int, code: str | None = None) -> MonthlyFigures | None:
        with service.reading() as session:
            return monthly_figures(session, year, month, code)

    def workbook(year: int, month: int, code: str | None) -> bytes | None:
        found = figures_of(year, month, code)
        return None if found is None else monthly_xlsx(found, CENTRE_NAME)

    def download(content: bytes, filename: str) -> Response:
        headers = {**SECURITY_HEADERS, "Content-Disposition": attachment(filename)}
        return Response(content, media_type=XLSX, headers=headers)

    @router.get("/monthly")
    async def monthly_page(request: Request) -> HTMLResponse:
        who = await auth.who_is(request)
        year, month = chosen_month(request)
        found = await run_in_threadpool(figures_of, year, month)
        assert found is not None
        return render(
            request,
            "monthly.html",
            who=who,
            nav="monthly",
            report=found,
            groups=_groups(found.columns),
            notes=NOTES,
            shown=shown,
            this_month=business_today(service.now()).strftime("%Y-%m"),
        )

    @router.get("/monthly.xlsx")
    async def monthly_workbook(request: Request) -> Response:
        await auth.who_is(request)
        year, month = chosen_month(request)
        content = await run_in_threadpool(workbook, year, month, None)
        assert content is not None
        return download(content, f"月报-{year:04d}-{month:02d}.xlsx")

    @router.get("/stations/{code}/monthly.xlsx")
    async def station_workbook(request: Request, code: str) -> Response:
        await auth.who_is(request)
        year, month = chosen_month(request)
        content = await run_in_threadpool(workbook, year, month, code[:40])
        if content is None:
            raise ConsoleRefusal(404, "没有这个服务站", f"县中心没有编号为 {code[:40]} 的服务站。")
        return download(content, f"月报-{code[:40]}-{year:04d}-{month:02d}.xlsx")


def _groups(columns: list[Column]) -> list[tuple[str, list[Column]]]:
    out: list[tuple[str, list[Column]]] = []
    for item in columns:
        if out and out[-1][0] == item.group:
            out[-1][1].append(item)
        else:
            out.append((item.group, [item]))
    return out


def shown(value: Value, kind: str) -> str:
    """A figure as the page shows it: thousands separated, yuan to the fen, kilograms
    without trailing zeros."""
    if kind == "yuan":
        return f"{value:,.2f}"
    if kind == "kg":
        text = f"{value:,.3f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:,}"
