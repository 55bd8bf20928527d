"""The 台账 tab: the newest entries, and a button that proves the chain is whole.

Keepers are told the ledger is what the county trusts; letting them check it themselves,
in words they understand, is what makes that trust theirs too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import CONTEXT
from station_app.core.ledger import ChainReport
from station_app.ui.controllers.settings import RECENT_LEDGER_LIMIT, SettingsController
from station_app.ui.models import ledger_model, ledger_rows
from station_app.ui.widgets import big_button, list_table


class LedgerTab(QWidget):
    def __init__(self, controller: SettingsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model = ledger_model(self)
        self.table = list_table(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        caption = QLabel(
            self.tr("最近{count}条台账记录（最新的在最上面）").format(count=RECENT_LEDGER_LIMIT),
            self,
        )
        self.refresh_button = big_button(self.tr("刷新"), self)
        self.verify_button = big_button(self.tr("校验台账"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(ledger_rows(self._controller.recent_entries()))

    def verify(self) -> None:
        self.show_report(self._controller.verify_ledger())

    def show_report(self, report: ChainReport) -> None:
        if report.ok:
            text = self.tr("台账完整：共 {count} 条，哈希链校验通过。").format(count=report.checked)
            color = "#2e7d32"
        else:
            text = self.tr(
                "台账有问题：第 {seq} 条校验不通过（{problem}）。前 {count} 条完好。"
                "请不要自行修改数据文件，并联系县服务中心。"
            ).format(
                seq=report.first_bad_seq,
                problem=QCoreApplication.translate(CONTEXT, report.problem or ""),
                count=report.checked,
            )
            color = "#c62828"
        self.result.setStyleSheet(f"color: {color};")
        self.result.setText(text)
