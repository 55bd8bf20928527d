"""What the 农户, 批次 and 报表 tabs of 收购 read and do, one transaction per action.

The tabs hold no session and know no query; a farmer's full phone and ID number never
leave this module towards a screen (the views carry them masked).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from station_app.core import first_run
from station_app.core.clock import business_day
from station_app.core.db.produce_models import ProducePurchase, PurchaseStatus
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, lot_actions, reports, trace
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.produce.lot_actions import LotView
from station_app.core.produce.reports import AssistanceSummary, Breakdown, ReportRow
from station_app.core.produce.trace import TraceView
from station_app.core.receipts import Receipt, Translate
from station_app.core.store import Store
from station_app.ui.receipt_printing import Printed, ReceiptPrinter

FARMER_LIST_LIMIT = 200


class ProduceRecordsController:
    def __init__(self, store: Store, operator: OperatorInfo) -> None:
        self._store = store
        self.operator = operator
        self.printer = ReceiptPrinter(store)

    @property
    def store(self) -> Store:
        return self._store

    def print_receipt(self, receipt: Receipt) -> Printed:
        return self.printer.print(receipt)

    # --- farmers --------------------------------------------------------------------

    def station_code(self) -> str:
        """The station's own division code (a farmer of that village reads 本村)."""
        with self._store.reading() as s:
            info = first_run.station_info(s)
        return "" if info is None else info.division_code

    def village_prefill(self) -> str:
        """The station's own village code; a township station's first nine digits (the
        keeper adds the village's three)."""
        code = self.station_code()
        return code[:9] if code.endswith("000") else code

    def search_farmers(self, text: str, limit: int = FARMER_LIST_LIMIT) -> list[FarmerView]:
        with self._store.reading() as s:
            return farmers.search(s, text, limit)

    def farmer(self, farmer_uid: str) -> FarmerView:
        with self._store.reading() as s:
            return farmers.farmer(s, farmer_uid)

    def owed(self, farmer_uids: Iterable[str]) -> dict[str, int]:
        """Fen the station still owes each farmer for 赊账 purchases (absent: nothing)."""
        uids = list(farmer_uids)
        if not uids:
            return {}
        with self._store.reading() as s:
            rows = s.execute(
                select(ProducePurchase.farmer_uid, func.sum(ProducePurchase.amount_fen))
                .where(
                    ProducePurchase.status == PurchaseStatus.OWED.value,
                    ProducePurchase.farmer_uid.in_(uids),
                )
                .group_by(ProducePurchase.farmer_uid)
            ).all()
        return {uid: int(total) for uid, total in rows if total}

    def register_farmer(self, form: FarmerForm) -> FarmerView:
        with self._store.writing() as s:
            return farmers.register(s, self._store.clock, actor=self.operator, form=form)

    def change_farmer(self, farmer_uid: str, form: FarmerForm) -> FarmerView:
        """``None`` for the phone or ID number keeps the one on file: the form shows them
        masked and sends a number only when the keeper typed a new one."""
        with self._store.writing() as s:
            row = farmers.by_uid(s, farmer_uid)
            kept = dataclasses.replace(
                form,
                phone=row.phone if form.phone is None else form.phone,
                id_number=row.id_number if form.id_number is None else form.id_number,
            )
            return farmers.change(
                s, self._store.clock, actor=self.operator, farmer_uid=farmer_uid, form=kept
            )

    # --- lots -----------------------------------------------------------------------

    def today(self) -> date:
        return business_day(self._store.clock.now())

    def lots(self) -> list[LotView]:
        """Everything still at the station and today's lots that have left, oldest first
        (the sort is stable: lots made at the same instant keep the core's order)."""
        with self._store.reading() as s:
            here = lot_actions.open_and_held_lots(s)
            today = lot_actions.lots_of_day(s, self.today())
        seen = {lot.uid for lot in here}
        return sorted(
            [*here, *(lot for lot in today if lot.uid not in seen)],
            key=lambda lot: lot.opened_at,
        )

    def lot(self, lot_uid: str) -> LotView:
        with self._store.reading() as s:
            return lot_actions.lot(s, lot_uid)

    def split(self, lot_uid: str, parts_g: list[int]) -> list[LotView]:
        with self._store.writing() as s:
            return lot_actions.split(
                s, self._store.clock, actor=self.operator, lot_uid=lot_uid, parts_g=parts_g
            )

    def ship(self, lot_uid: str, to_kind: str, to_name: str) -> LotView:
        with self._store.writing() as s:
            return lot_actions.ship(
                s,
                self._store.clock,
                actor=self.operator,
                lot_uid=lot_uid,
                to_kind=to_kind,
                to_name=to_name,
            )

    def label(self, lot_uid: str, translate: Translate) -> Receipt:
        """The lot's label as of now (its weight changes with splits)."""
        with self._store.reading() as s:
            return lot_actions.label(
                s,
                lot_uid,
                issued_at=self._store.clock.now(),
                operator=self.operator.display_name,
                translate=translate,
            )

    def trace(self, code: str) -> TraceView | None:
        with self._store.reading() as s:
            return trace.trace(s, code)

    # --- reports --------------------------------------------------------------------

    def report(
        self, day_from: str, day_to: str, by: Breakdown
    ) -> tuple[list[ReportRow], ReportRow, AssistanceSummary]:
        """The breakdown, its 合计 line and the 帮扶 figures, read in one transaction."""
        with self._store.reading() as s:
            return (
                reports.produce_report(s, day_from, day_to, by),
                reports.total_row(s, day_from, day_to),
                reports.assistance_summary(s, day_from, day_to),
            )

    def export_xlsx(self, path: Path, day_from: str, day_to: str) -> Path:
        with self._store.reading() as s:
            return reports.export_xlsx(path, s, day_from, day_to)

    def report_receipt(self, day_from: str, day_to: str) -> Receipt:
        with self._store.reading() as s:
            return reports.report_receipt(
                s,
                day_from,
                day_to,
                operator=self.operator.display_name,
                issued_at=self._store.clock.now(),
            )
