"""The pieces of the 盘点 tab: the start panel (scope, resume), the running tally, the
place the keeper is counting, the decision buttons and the inline question.

Kept apart from the tab's flow so the flow reads as "scan, see, decide" and the
widgets' wiring lives here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.parcels.stocktake import Counts, StocktakeView
from station_app.ui.controllers.parcels import ShelfInfo
from station_app.ui.messages import ErrorLabel
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button

TALLY_POINTS = 22


def scope_text(shelves: tuple[str, ...]) -> str:
    if not shelves:
        return QCoreApplication.translate("stocktake", "全站所有货架")
    return QCoreApplication.translate("stocktake", "{shelves}号货架").format(
        shelves="、".join(shelves)
    )


class StartPanel(QWidget):
    """Choose what to count and start; or resume the count left open."""

    start_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("盘点：把货架上的包裹逐件扫一遍，找出少的、多的和放错的。"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setWordWrap(True)
        self.resume_box = QFrame(self)
        self.resume_box.setObjectName("resumeBox")
        self.resume_box.setStyleSheet(
            "#resumeBox { background: #fff8e1; border: 1px solid #f0c36d; }"
        )
        self.resume_text = QLabel(self.resume_box)
        self.resume_text.setWordWrap(True)
        self.resume_button = big_button(self.tr("继续盘点 (回车)"), self.resume_box)
        resume_row = QHBoxLayout(self.resume_box)
        resume_row.addWidget(self.resume_text, 1)
        resume_row.addWidget(self.resume_button)
        self.whole = QRadioButton(self.tr("全站所有货架"), self)
        self.some = QRadioButton(self.tr("只盘这些货架："), self)
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.some)
        self._shelf_row = QHBoxLayout()
        self.shelf_boxes: list[QCheckBox] = []
        self.start_button = big_button(self.tr("开始盘点"), self)
        self.start_button.setMinimumWidth(240)
        help_text = QLabel(
            self.tr(
                "开始后，先选好正在盘点的货架和层，再把那里的包裹逐件扫一遍，扫完一处换下一处。"
                "有问题的包裹会列在下面，选中后按 F5–F10 处理；中途断电或关机，下次打开可以接着盘。"
            ),
            self,
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #555;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error = ErrorLabel(self)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.whole)
        scope_row.addSpacing(24)
        scope_row.addWidget(self.some)
        scope_row.addLayout(self._shelf_row)
        scope_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.resume_box)
        layout.addLayout(scope_row)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_button)
        start_row.addStretch(1)
        layout.addLayout(start_row)
        layout.addWidget(help_text)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.start_button.clicked.connect(self.start_requested)
        self.resume_button.clicked.connect(self.resume_requested)
        self.some.toggled.connect(self._enable_boxes)

    def set_layout(self, layout: list[ShelfInfo]) -> None:
        if [box.property("code") for box in self.shelf_boxes] == [i.code for i in layout]:
            return
        for box in self.shelf_boxes:
            self._shelf_row.removeWidget(box)
            box.deleteLater()
        self.shelf_boxes = []
        for info in layout:
            box = QCheckBox(self.tr("{shelf}号").format(shelf=info.code), self)
            box.setProperty("code", info.code)
            box.toggled.connect(self._on_box_toggled)
            self._shelf_row.addWidget(box)
            self.shelf_boxes.append(box)
        self._enable_boxes()

    def show_summary(self, text: str, settled: bool) -> None:
        """The finished count's numbers: green when nothing was left undecided."""
        color = "#2e7d32" if settled else "#e65100"
        self.summary.setStyleSheet(f"color: {color}; font-size: 16pt; font-weight: bold;")
        self.summary.setText(text)

    def chosen_shelves(self) -> list[str]:
        """The ticked shelves, or none (the whole station)."""
        if self.whole.isChecked():
            return []
        return [str(box.property("code")) for box in self.shelf_boxes if box.isChecked()]

    def offer_resume(self, open_count: StocktakeView | None) -> None:
        """Show the open count (who started it, when, what) with 继续, or hide the offer."""
        self.resume_box.setVisible(open_count is not None)
        self.start_button.setEnabled(open_count is None)
        if open_count is None:
            return
        self.resume_text.setText(
            self.tr("有一次盘点还没结束：{who}于{when}开始，盘{scope}。").format(
                who=open_count.started_by,
                when=format_local_time(open_count.started_at)[:16],
                scope=scope_text(open_count.shelves),
            )
        )
        self.resume_button.setDefault(True)
        self.resume_button.setFocus()

    def _enable_boxes(self) -> None:
        for box in self.shelf_boxes:
            box.setEnabled(self.some.isChecked())

    def _on_box_toggled(self, checked: bool) -> None:
        if checked:
            self.some.setChecked(True)


class PlaceBar(QWidget):
    """正在盘点：货架 [..] 层 [..] — where the keeper stands, to catch wrong shelves."""

    place_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout: list[ShelfInfo] = []
        self.shelf = QComboBox(self)
        self.tier = QComboBox(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("正在盘点：货架"), self)
        label.setBuddy(self.shelf)
        row.addWidget(label)
        row.addWidget(self.shelf)
        tier_label = QLabel(self.tr("层"), self)
        tier_label.setBuddy(self.tier)
        row.addWidget(tier_label)
        row.addWidget(self.tier)
        self.shelf.activated.connect(self._on_shelf_chosen)
        self.tier.activated.connect(lambda _index: self.place_changed.emit())

    def set_choices(self, layout: list[ShelfInfo], view: StocktakeView) -> None:
        """The counted shelves, with the count's current place selected."""
        self._layout = [i for i in layout if not view.shelves or i.code in view.shelves]
        self.shelf.blockSignals(True)
        self.shelf.clear()
        self.shelf.addItem(self.tr("不指定"), None)
        for info in self._layout:
            self.shelf.addItem(self.tr("{shelf}号").format(shelf=info.code), info.code)
        self.shelf.setCurrentIndex(max(self.shelf.findData(view.current_shelf), 0))
        self.shelf.blockSignals(False)
        self._fill_tiers()
        self.tier.setCurrentIndex(max(self.tier.findData(view.current_tier), 0))

    def shelf_code(self) -> str | None:
        code = self.shelf.currentData()
        return str(code) if code else None

    def tier_number(self) -> int | None:
        tier = self.tier.currentData()
        return int(tier) if tier else None

    def _on_shelf_chosen(self, _index: int) -> None:
        self._fill_tiers()
        self.place_changed.emit()

    def _fill_tiers(self) -> None:
        code = self.shelf_code()
        tiers = next((i.tiers for i in self._layout if i.code == code), 0)
        self.tier.clear()
        self.tier.addItem(self.tr("整个货架"), None)
        for tier in range(1, tiers + 1):
            self.tier.addItem(self.tr("第{tier}层").format(tier=tier), tier)
        self.tier.setEnabled(code is not None)


class TallyBar(QWidget):
    """The running numbers in big type: expected, scanned and each kind of finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setStyleSheet(f"font-size: {TALLY_POINTS}pt; font-weight: bold;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)

    def show_counts(self, counts: Counts, missing: int, wrong: int, unknown: int) -> None:
        self.text.setText(
            self.tr(
                "应在架 {expected}　｜　已扫 {scanned}　｜　"
                "<span style='color:#c62828'>未扫到 {missing}</span>　｜　"
                "<span style='color:#e65100'>放错 {wrong}</span>　｜　"
                "<span style='color:#6a1b9a'>不在册 {unknown}</span>"
            ).format(
                expected=counts.expected,
                scanned=counts.scanned,
                missing=missing,
                wrong=wrong,
                unknown=unknown,
            )
        )


class DecisionBar(QWidget):
    """The decisions on the selected finding, each on a function key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found_button = self._button(self.tr("找到了 (F5)"), "F5")
        self.lost_button = self._button(self.tr("丢失 (F6)"), "F6")
        self.reshelve_button = self._button(self.tr("已归位 (F7)"), "F7")
        self.relocate_button = self._button(self.tr("改登记 (F8)"), "F8")
        self.check_in_button = self._button(self.tr("入库 (F9)"), "F9")
        self.set_aside_button = self._button(self.tr("放一边 (F10)"), "F10")
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("电话（入库用）"))
        self.phone.setMinimumWidth(170)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            row.addWidget(button)
        row.addWidget(self.phone)
        row.addStretch(1)

    def _button(self, text: str, key: str) -> QPushButton:
        button = big_button(text, self)
        button.setMinimumWidth(110)
        button.setShortcut(key)
        return button

    def buttons(self) -> list[QPushButton]:
        return [
            self.found_button,
            self.lost_button,
            self.reshelve_button,
            self.relocate_button,
            self.check_in_button,
            self.set_aside_button,
        ]

    def enable_for(self, kind: str | None) -> None:
        """Only the decisions that fit the selected finding ("missing"/"wrong"/"unknown")."""
        self.found_button.setEnabled(kind == "missing")
        self.lost_button.setEnabled(kind == "missing")
        self.reshelve_button.setEnabled(kind == "wrong")
        self.relocate_button.setEnabled(kind == "wrong")
        self.check_in_button.setEnabled(kind == "unknown")
        self.set_aside_button.setEnabled(kind == "unknown")
        self.phone.setEnabled(kind == "unknown")


class QuestionBar(QFrame):
    """An inline yes/no (no modal box: the scanner keeps working while it waits)."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBar")
        self.setStyleSheet("#questionBar { background: #fff8e1; border: 1px solid #f0c36d; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 14pt;")
        self.yes_button = big_button("", self)
        self.no_button = big_button(self.tr("取消 (Esc)"), self)
        self.no_button.setShortcut("Esc")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        self.yes_button.clicked.connect(self._yes)
        self.no_button.clicked.connect(self._no)
        self.hide()

    def ask(self, text: str, yes: str) -> None:
        self.text.setText(text)
        self.yes_button.setText(yes)
        self.show()
        self.yes_button.setFocus()

    def _yes(self) -> None:
        self.hide()
        self.confirmed.emit()

    def _no(self) -> None:
        self.hide()
        self.declined.emit()
