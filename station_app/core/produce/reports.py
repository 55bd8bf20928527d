"""Produce purchasing reports (收购报表): breakdowns, the 帮扶 summary, xlsx and a slip.

Read from the state table ``produce_purchases`` only (voided purchases left out) and
``farmers`` for the keeper's own farmer list. Everything is summed as integers (grams,
fen) in the database; kilograms and yuan appear only when shown or written, through
:class:`~decimal.Decimal` (grams / 1000, fen / 100), never through float arithmetic.

The 帮扶 figures count the household status *recorded on each purchase* (the snapshot
the ledger carries), not the farmer's status today: a household lifted out of
monitoring next month must not move this month's figures.

Farmers appear under a masked name (张*丰) only: a report is printed and e-mailed to the
township, so no phone or ID number goes on it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from station_app.core.db.produce_models import Farmer, Household, ProducePurchase, PurchaseStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.first_run import station_info
from station_app.core.money import Fen
from station_app.core.produce.catalogue import catalogue_in_use
from station_app.core.produce.farmers import village_name
from station_app.core.receipts import Detail, ItemLine, Receipt, Total

Breakdown = Literal["day", "farmer", "village", "product", "grade", "household"]
BREAKDOWNS: tuple[Breakdown, ...] = ("day", "farmer", "village", "product", "grade", "household")

HOUSEHOLD_NAMES = {
    Household.NORMAL.value: QT_TRANSLATE_NOOP("core", "普通户"),
    Household.LIFTED.value: QT_TRANSLATE_NOOP("core", "脱贫户"),
    Household.MONITORED.value: QT_TRANSLATE_NOOP("core", "监测对象"),
}
HOUSEHOLD_ORDER = (Household.NORMAL.value, Household.LIFTED.value, Household.MONITORED.value)

BREAKDOWN_TITLES: dict[Breakdown, str] = {
    "day": QT_TRANSLATE_NOOP("core", "按日期"),
    "farmer": QT_TRANSLATE_NOOP("core", "按农户"),
    "village": QT_TRANSLATE_NOOP("core", "按村"),
    "product": QT_TRANSLATE_NOOP("core", "按品种"),
    "grade": QT_TRANSLATE_NOOP("core", "按等级"),
    "household": QT_TRANSLATE_NOOP("core", "按户类型"),
}
"""Sheet names of the xlsx (at most 31 characters, none of ``[]:*?/\\``)."""
BREAKDOWN_HEADERS: dict[Breakdown, str] = {
    "day": QT_TRANSLATE_NOOP("core", "日期"),
    "farmer": QT_TRANSLATE_NOOP("core", "农户"),
    "village": QT_TRANSLATE_NOOP("core", "村"),
    "product": QT_TRANSLATE_NOOP("core", "品种"),
    "grade": QT_TRANSLATE_NOOP("core", "品种等级"),
    "household": QT_TRANSLATE_NOOP("core", "户类型"),
}
ASSISTANCE_SHEET = QT_TRANSLATE_NOOP("core", "帮扶汇总")
TOTAL_LABEL = QT_TRANSLATE_NOOP("core", "合计")
TITLE = QT_TRANSLATE_NOOP("core", "农产品收购报表")
RECEIPT_TITLE = QT_TRANSLATE_NOOP("core", "农产品收购汇总")

MSG_DAY = QT_TRANSLATE_NOOP("core", "日期“{day}”不对，应写成2026-11-23这样的格式。")
MSG_PERIOD = QT_TRANSLATE_NOOP("core", "开始日期{day_from}不能晚于结束日期{day_to}。")
MSG_NOT_SAVED = QT_TRANSLATE_NOOP(
    "core",
    "报表没能保存到“{path}”：磁盘已满或没有写入权限（{reason}）。请换一个位置（如U盘）再导出。",
)

GRAMS_PER_KG = Decimal(1000)
FEN_PER_YUAN = Decimal(100)
KG_FORMAT = "#,##0.000"
YUAN_FORMAT = "#,##0.00"
COUNT_FORMAT = "0"


@dataclass(frozen=True)
class ReportRow:
    """One line of a breakdown: ``key`` is what it groups by (a day, a farmer uid, a
    division code, a product code, ``product:grade``, a household status), ``label``
    what a person reads. ``households`` counts distinct farmers."""

    key: str
    label: str
    purchases: int
    households: int
    net_g: int
    amount_fen: int


@dataclass(frozen=True)
class AssistanceFigures:
    purchases: int
    households: int
    net_g: int
    amount_fen: int


@dataclass(frozen=True)
class AssistanceSummary:
    """帮扶 figures over a period: bought from 脱贫户 (``lifted``), from 监测对象
    (``monitored``), from the two together (``assisted``: a farmer counted once even if
    both statuses occur on their purchases), and from every household (``everyone``)
    for comparison. Status as recorded on each purchase."""

    day_from: str
    day_to: str
    lifted: AssistanceFigures
    monitored: AssistanceFigures
    assisted: AssistanceFigures
    everyone: AssistanceFigures


# --- queries ---------------------------------------------------------------------------


def check_period(day_from: str, day_to: str) -> tuple[str, str]:
    """Both ISO days, the first not after the second; ValidationError in Chinese else."""
    for day in (day_from, day_to):
        try:
            date.fromisoformat(day)
        except (TypeError, ValueError):
            raise ValidationError(MSG_DAY, day=day) from None
        if len(day) != 10:
            raise ValidationError(MSG_DAY, day=day)
    if day_from > day_to:
        raise ValidationError(MSG_PERIOD, day_from=day_from, day_to=day_to)
    return day_from, day_to


def _in_period(day_from: str, day_to: str) -> list[ColumnElement[bool]]:
    check_period(day_from, day_to)
    return [
        ProducePurchase.status != PurchaseStatus.VOIDED.value,
        ProducePurchase.business_day >= day_from,
        ProducePurchase.business_day <= day_to,
    ]


def _figures() -> tuple[Any, ...]:
    return (
        func.count(ProducePurchase.id),
        func.count(distinct(ProducePurchase.farmer_uid)),
        func.coalesce(func.sum(ProducePurchase.net_g), 0),
        func.coalesce(func.sum(ProducePurchase.amount_fen), 0),
    )


def produce_report(session: Session, day_from: str, day_to: str, by: Breakdown) -> list[ReportRow]:
    """The period's purchases grouped ``by`` one of :data:`BREAKDOWNS`, voided ones left
    out. Days and household statuses in their natural order, the rest biggest first."""
    if by not in BREAKDOWNS:
        raise ValueError(f"no breakdown {by!r}")
    keys: tuple[Any, ...] = {
        "day": (ProducePurchase.business_day,),
        "farmer": (ProducePurchase.farmer_uid,),
        "village": (ProducePurchase.village_code,),
        "product": (ProducePurchase.product_code,),
        "grade": (ProducePurchase.product_code, ProducePurchase.grade_code),
        "household": (ProducePurchase.household,),
    }[by]
    rows = session.execute(
        select(*keys, *_figures()).where(*_in_period(day_from, day_to)).group_by(*keys)
    ).all()
    label = _labeller(session, by, [tuple(row[: len(keys)]) for row in rows])
    report = []
    for row in rows:
        parts = tuple(str(part) for part in row[: len(keys)])
        purchases, households, net_g, amount_fen = row[len(keys) :]
        report.append(
            ReportRow(
                ":".join(parts), label(parts), purchases, households, int(net_g), int(amount_fen)
            )
        )
    if by == "day":
        report.sort(key=lambda r: r.key)
    elif by == "household":
        report.sort(key=lambda r: (_household_rank(r.key), r.key))
    else:
        report.sort(key=lambda r: (-r.net_g, -r.amount_fen, r.key))
    return report


def total_row(session: Session, day_from: str, day_to: str) -> ReportRow:
    """The 合计 line under any breakdown: households counted once over the whole period
    (a farmer selling on three days is one household, not three)."""
    purchases, households, net_g, amount_fen = session.execute(
        select(*_figures()).where(*_in_period(day_from, day_to))
    ).one()
    return ReportRow("total", TOTAL_LABEL, purchases, households, int(net_g), int(amount_fen))


def assistance_summary(session: Session, day_from: str, day_to: str) -> AssistanceSummary:
    period = _in_period(day_from, day_to)

    def figures(*households: str) -> AssistanceFigures:
        where = [*period]
        if households:
            where.append(ProducePurchase.household.in_(households))
        purchases, reached, net_g, amount_fen = session.execute(
            select(*_figures()).where(*where)
        ).one()
        return AssistanceFigures(purchases, reached, int(net_g), int(amount_fen))

    lifted, monitored = Household.LIFTED.value, Household.MONITORED.value
    return AssistanceSummary(
        day_from=day_from,
        day_to=day_to,
        lifted=figures(lifted),
        monitored=figures(monitored),
        assisted=figures(lifted, monitored),
        everyone=figures(),
    )


def _household_rank(key: str) -> int:
    return HOUSEHOLD_ORDER.index(key) if key in HOUSEHOLD_ORDER else len(HOUSEHOLD_ORDER)


# --- labels ----------------------------------------------------------------------------


def mask_name(name: str) -> str:
    """张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜: the keeper recognises the line, a
    stranger reading the printout learns no full name."""
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name) or "—"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _labeller(
    session: Session, by: Breakdown, keys: Sequence[tuple[Any, ...]]
) -> Callable[[tuple[str, ...]], str]:
    if by == "farmer":
        uids = sorted({key[0] for key in keys})
        names = dict(
            session.execute(select(Farmer.uid, Farmer.name).where(Farmer.uid.in_(uids))).all()
        )
        return lambda key: mask_name(names.get(key[0], ""))
    if by == "village":
        return lambda key: village_label(key[0])
    if by == "household":
        return lambda key: HOUSEHOLD_NAMES.get(key[0], key[0])
    if by in ("product", "grade"):
        products, grades = catalogue_names(session)
        if by == "product":
            return lambda key: products.get(key[0], key[0])
        return lambda key: f"{products.get(key[0], key[0])} {grades.get((key[0], key[1]), key[1])}"
    return lambda key: key[0]


def village_label(code: str) -> str:
    """The village's name when the app can tell one (``farmers.village_name``), else the
    division code itself."""
    return village_name(code) or code


def catalogue_names(session: Session) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Product names by code and grade names by (product, grade) from the catalogue in
    use; a code no longer listed is shown as itself."""
    catalogue = catalogue_in_use(session)
    products = {code: product.name for code, product in catalogue.products.items()}
    grades = {
        (code, grade_code): grade.name
        for code, product in catalogue.products.items()
        for grade_code, grade in product.grades.items()
    }
    return products, grades


# --- numbers as shown ------------------------------------------------------------------


def kilograms(grams: int) -> Decimal:
    """Exact: 12345 g → Decimal('12.345')."""
    return (Decimal(grams) / GRAMS_PER_KG).quantize(Decimal("0.001"))


def yuan(fen: int) -> Decimal:
    """Exact: 12345 fen → Decimal('123.45')."""
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_kg(grams: int) -> str:
    return f"{kilograms(grams)}kg"


# --- xlsx ------------------------------------------------------------------------------


def export_xlsx(path: Path | str, session: Session, day_from: str, day_to: str) -> Path:
    """Write the report workbook: one sheet per breakdown (each with its 合计 line) and
    the 帮扶汇总 sheet. Written beside ``path`` under a temporary name and renamed over
    it, so a failed export (disk full, no permission) leaves no half-written file;
    such a failure is a :class:`ValidationError` saying so in Chinese."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    target = Path(path)
    check_period(day_from, day_to)
    info = station_info(session)
    station = info.name if info is not None else ""
    title = f"{station} {TITLE}（{day_from} 至 {day_to}）".strip()
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    total = total_row(session, day_from, day_to)
    for by in BREAKDOWNS:
        rows = produce_report(session, day_from, day_to, by)
        _breakdown_sheet(book, title, by, rows, total)
    _assistance_sheet(book, title, assistance_summary(session, day_from, day_to))
    _save_atomically(book, target)
    return target


HEADERS = (
    QT_TRANSLATE_NOOP("core", "收购笔数"),
    QT_TRANSLATE_NOOP("core", "农户数"),
    QT_TRANSLATE_NOOP("core", "净重（公斤）"),
    QT_TRANSLATE_NOOP("core", "金额（元）"),
)
FORMATS = (COUNT_FORMAT, COUNT_FORMAT, KG_FORMAT, YUAN_FORMAT)
WIDTHS = (10, 10, 16, 16)


def _breakdown_sheet(
    book: Any, title: str, by: Breakdown, rows: list[ReportRow], total: ReportRow
) -> None:
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    sheet = book.create_sheet(BREAKDOWN_TITLES[by])
    with_code = by in ("village", "grade")
    code_header = [QT_TRANSLATE_NOOP("core", "代码")] if with_code else []
    header = [BREAKDOWN_HEADERS[by], *code_header, *HEADERS]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in [*rows, total]:
        code = [row.key if row is not total else ""] if with_code else []
        sheet.append([row.label, *code, *_numbers(row)])
        if row is total:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    first_number = 2 + len(code_header)
    _format_columns(sheet, first_number, start_row=3)
    widths = [max(14, *(_width(row.label) for row in rows)) if rows else 14]
    widths += [max(14, *(_width(row.key) for row in rows))] if with_code and rows else []
    widths += [14] if with_code and not rows else []
    _set_widths(sheet, [*widths, *WIDTHS])
    sheet.freeze_panes = "A3"


def _numbers(row: ReportRow) -> list[Any]:
    return [row.purchases, row.households, kilograms(row.net_g), yuan(row.amount_fen)]


def _assistance_sheet(book: Any, title: str, summary: AssistanceSummary) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(ASSISTANCE_SHEET)
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([QT_TRANSLATE_NOOP("core", "对象"), *HEADERS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    lines = (
        (HOUSEHOLD_NAMES[Household.LIFTED.value], summary.lifted),
        (HOUSEHOLD_NAMES[Household.MONITORED.value], summary.monitored),
        (QT_TRANSLATE_NOOP("core", "脱贫户和监测对象合计"), summary.assisted),
        (QT_TRANSLATE_NOOP("core", "全部农户（对照）"), summary.everyone),
    )
    for label, figures in lines:
        sheet.append(
            [
                label,
                figures.purchases,
                figures.households,
                kilograms(figures.net_g),
                yuan(figures.amount_fen),
            ]
        )
    _format_columns(sheet, 2, start_row=3)
    _set_widths(sheet, [24, *WIDTHS])


def _format_columns(sheet: Any, first_number: int, *, start_row: int) -> None:
    for row in sheet.iter_rows(min_row=start_row, min_col=first_number):
        for cell, number_format in zip(row, FORMATS, strict=False):
            cell.number_format = number_format


def _set_widths(sheet: Any, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _width(text: str) -> int:
    """Columns a label needs: a 汉字 is about two Latin characters wide in Excel."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text) + 2


def _save_atomically(book: Any, target: Path) -> None:
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=".xlsx.part", dir=target.parent
        )
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            book.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise ValidationError(
            MSG_NOT_SAVED, path=str(target), reason=error.strerror or type(error).__name__
        ) from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


# --- printable summary -----------------------------------------------------------------


def report_receipt(
    session: Session,
    day_from: str,
    day_to: str,
    *,
    operator: str = "—",
    issued_at: datetime | None = None,
) -> Receipt:
    """The period on a slip (``core.receipts``): a line per product (net weight and
    amount), the totals, and the 帮扶 figures."""
    check_period(day_from, day_to)
    products = produce_report(session, day_from, day_to, "product")
    summary = assistance_summary(session, day_from, day_to)
    info = station_info(session)
    items = tuple(
        ItemLine(row.label, Fen(row.amount_fen), quantity=format_kg(row.net_g)) for row in products
    )
    everyone = summary.everyone

    def line(label: str, figures: AssistanceFigures) -> Detail:
        return Detail(
            label,
            f"{figures.households}户 {figures.purchases}笔 {format_kg(figures.net_g)} "
            f"{Fen(figures.amount_fen).format(symbol=True)}",
        )

    return Receipt(
        title=RECEIPT_TITLE,
        station_name=info.name if info is not None else "—",
        number=f"SGHZ{day_from.replace('-', '')}-{day_to.replace('-', '')}",
        issued_at=issued_at or datetime.now(UTC),
        operator=operator,
        items=items,
        details=(
            Detail(QT_TRANSLATE_NOOP("core", "统计期间"), f"{day_from} 至 {day_to}"),
            Detail(QT_TRANSLATE_NOOP("core", "收购笔数"), str(everyone.purchases)),
            Detail(QT_TRANSLATE_NOOP("core", "农户数"), str(everyone.households)),
            Detail(QT_TRANSLATE_NOOP("core", "净重合计"), format_kg(everyone.net_g)),
            line(HOUSEHOLD_NAMES[Household.LIFTED.value], summary.lifted),
            line(HOUSEHOLD_NAMES[Household.MONITORED.value], summary.monitored),
            line(QT_TRANSLATE_NOOP("core", "帮扶合计"), summary.assisted),
        ),
        totals=(
            Total(QT_TRANSLATE_NOOP("core", "收购金额合计"), Fen(everyone.amount_fen), True),
            Total(QT_TRANSLATE_NOOP("core", "其中帮扶对象"), Fen(summary.assisted.amount_fen)),
        ),
    )
