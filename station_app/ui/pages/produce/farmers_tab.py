"""The 农户 tab: every farmer the station buys from, found as the keeper hears them.

Typing filters at once: part of the name, the pinyin initials (zs for 张三) or the last
four digits of the phone. Phones show masked; 脱贫户 and 监测对象 stand out (the county
counts what they sell) and a farmer whose status is 未填写 is orange, because the
station cannot buy from them until it is filled in. What the station still owes a
farmer for 赊账 purchases shows in the last column.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.produce.farmers import FarmerView
from station_app.core.store import Store
from station_app.ui.controllers.produce_records import ProduceRecordsController
from station_app.ui.messages import show_outcome
from station_app.ui.models import Row
from station_app.ui.pages.produce.farmer_dialog import FarmerDialog
from station_app.ui.pages.produce.records_table import CellTones, ToneRowsModel, fit_columns
from station_app.ui.pages.produce.text import (
    RED,
    household_name,
    household_tone,
    preference_name,
    village_text,
    yuan_sign,
)
from station_app.ui.widgets import big_button, list_table

HOUSEHOLD_COLUMN, OWED_COLUMN = 3, 5


class FarmersTab(QWidget):
    """Emits ``wrote`` after a farmer was registered or changed."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: ProduceRecordsController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or ProduceRecordsController(store, operator)
        self._farmers: list[FarmerView] = []
        self._own_village = ""
        self.dialog: FarmerDialog | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("找农户：姓名、拼音首字母（如 zs）或手机后4位；空着显示最近登记的")
        )
        self.search.setClearButtonEnabled(True)
        self.add_button = big_button(self.tr("新增农户…"), self)
        self.change_button = big_button(self.tr("修改…"), self)
        self.model = ToneRowsModel(
            [
                self.tr("姓名"),
                self.tr("手机"),
                self.tr("村"),
                self.tr("户类型"),
                self.tr("收款方式"),
                self.tr("欠农户"),
            ],
            self,
        )
        self.model.align_right(OWED_COLUMN)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #555;")
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_button)
        search_row.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.result)
        self.search.textChanged.connect(lambda _text: self._reload())
        self.search.returnPressed.connect(self._reload)
        self.add_button.clicked.connect(self.open_add)
        self.change_button.clicked.connect(self.open_change)
        self.table.activated.connect(lambda _index: self.open_change())  # Enter, double-click
        self.search.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search box goes into the list (then Enter opens 修改)."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self._farmers
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        """Read again whenever the tab comes to the front: purchases on the 收购 tab
        change what this one shows."""
        super().showEvent(event)
        self.refresh()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self.refresh()

    # --- reading --------------------------------------------------------------------

    def refresh(self) -> None:
        self._own_village = self.controller.station_code()
        self._reload()

    def _reload(self, select_uid: str | None = None) -> None:
        selected = self.selected()
        current = select_uid or (selected.uid if selected is not None else None)
        self._farmers = self.controller.search_farmers(self.search.text())
        owed = self.controller.owed(farmer.uid for farmer in self._farmers)
        rows: list[Row] = []
        tones: list[CellTones] = []
        for farmer in self._farmers:
            row, tone = self._row(farmer, owed.get(farmer.uid, 0))
            rows.append(row)
            tones.append(tone)
        self.model.set_toned_rows(rows, tones)
        index = self.model.row_of(current) if current else None
        if index is None and self._farmers:
            index = 0
        if index is not None:
            self.table.selectRow(index)
        self._show_count()
        self._update_buttons()

    def _row(self, farmer: FarmerView, owed_fen: int) -> tuple[Row, CellTones]:
        tones: CellTones = {}
        tone = household_tone(farmer.household)
        if tone:
            tones[HOUSEHOLD_COLUMN] = tone
        if owed_fen:
            tones[OWED_COLUMN] = RED
        name = farmer.name if not farmer.rebuilt else self.tr("（待补填姓名）")
        return (
            Row(
                (
                    name,
                    farmer.masked_phone or "—",
                    self._village_text(farmer),
                    household_name(farmer.household),
                    preference_name(farmer.pay_preference),
                    yuan_sign(owed_fen) if owed_fen else "",
                ),
                key=farmer.uid,
            ),
            tones,
        )

    def _village_text(self, farmer: FarmerView) -> str:
        return village_text(farmer.village_name, farmer.village_code, self._own_village)

    def _show_count(self) -> None:
        typed = self.search.text().strip()
        if typed and not self._farmers:
            self.count.setText(
                self.tr("没有找到“{text}”。新农户请点“新增农户”。").format(text=typed)
            )
        elif typed:
            self.count.setText(self.tr("找到 {count} 位农户。").format(count=len(self._farmers)))
        else:
            self.count.setText(
                self.tr("最近登记的 {count} 位农户。").format(count=len(self._farmers))
            )

    def selected(self) -> FarmerView | None:
        row = self.table.currentIndex().row()
        return self._farmers[row] if 0 <= row < len(self._farmers) else None

    def farmers(self) -> list[FarmerView]:
        return list(self._farmers)

    def _update_buttons(self) -> None:
        self.change_button.setEnabled(self.selected() is not None)

    # --- writing --------------------------------------------------------------------

    def open_add(self) -> FarmerDialog:
        dialog = FarmerDialog(
            self.controller.register_farmer,
            village_prefill=self.controller.village_prefill(),
            parent=self,
        )
        return self._open(dialog, self.tr("已登记农户 {name}。"))

    def open_change(self) -> FarmerDialog | None:
        farmer = self.selected()
        if farmer is None:
            show_outcome(self.result, self.tr("请先在列表里选中一位农户。"), ok=False)
            return None
        dialog = FarmerDialog(
            lambda form: self.controller.change_farmer(farmer.uid, form),
            village_prefill=self.controller.village_prefill(),
            farmer=farmer,
            parent=self,
        )
        return self._open(dialog, self.tr("已保存农户 {name} 的修改。"))

    def _open(self, dialog: FarmerDialog, done: str) -> FarmerDialog:
        dialog.accepted.connect(lambda: self._saved(dialog, done))
        self.dialog = dialog
        dialog.open()
        dialog.name.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog

    def _saved(self, dialog: FarmerDialog, done: str) -> None:
        farmer = dialog.saved
        dialog.forget_numbers()
        if self.dialog is dialog:
            self.dialog = None
        if farmer is None:
            return
        text = done.format(name=farmer.name)
        if farmer.household is None:
            text += self.tr("户类型还没填，收购前要补上。")
        show_outcome(self.result, text, ok=True)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._reload(farmer.uid)
        self.wrote.emit()
