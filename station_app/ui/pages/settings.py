"""The 设置 page: station information, operators, preferences and the ledger.

Everything it reads or writes goes through :class:`SettingsController`. An assistant
sees the same page with the keeper's controls disabled and a note saying why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.notifications import NotificationsController
from station_app.ui.controllers.settings import SettingsController
from station_app.ui.pages.settings_ledger import LedgerTab
from station_app.ui.pages.settings_notifications import NotificationSettingsTab
from station_app.ui.pages.settings_operators import OperatorsTab
from station_app.ui.pages.settings_prefs import PreferencesTab
from station_app.ui.text import level_name


class StationTab(QWidget):
    """The station's identity as set up on the first run (changed only via the county)."""

    def __init__(self, controller: SettingsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self)
        self.level = QLabel(self)
        self.division_code = QLabel(self)
        self.station_id = QLabel(self)
        self.station_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.tr("服务站名称"), self.name)
        form.addRow(self.tr("服务站级别"), self.level)
        form.addRow(self.tr("区划代码"), self.division_code)
        form.addRow(self.tr("服务站编号"), self.station_id)
        note = QLabel(self.tr("服务站信息在首次设置时填写；如需更改，请联系县服务中心。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        info = controller.station()
        if info is not None:
            self.name.setText(info.name)
            self.level.setText(level_name(info.level))
            self.division_code.setText(info.division_code)
            self.station_id.setText(info.station_id)


class SettingsPage(QWidget):
    """Emits ``preferences_saved`` when a keeper stores new preferences."""

    preferences_saved = Signal()

    def __init__(self, store: Store, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = SettingsController(store, operator)
        self.read_only_note = QLabel(self.tr("只有站长可以修改设置。"), self)
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setStyleSheet(
            "#readOnlyNote { background: #fff8e1; border: 1px solid #f0c36d; padding: 6px; }"
        )
        self.tabs = QTabWidget(self)
        self.station_tab = StationTab(self.controller, self)
        self.operators_tab = OperatorsTab(self.controller, self)
        self.preferences_tab = PreferencesTab(self.controller, self)
        self.ledger_tab = LedgerTab(self.controller, self)
        self.notifications_tab = NotificationSettingsTab(
            NotificationsController(store, operator), self
        )
        self.tabs.addTab(self.station_tab, self.tr("服务站信息"))
        self.tabs.addTab(self.operators_tab, self.tr("操作员"))
        self.tabs.addTab(self.preferences_tab, self.tr("使用设置"))
        self.tabs.addTab(self.notifications_tab, self.tr("通知"))
        self.tabs.addTab(self.ledger_tab, self.tr("台账"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        self.operators_tab.changed.connect(self.ledger_tab.refresh)
        self.preferences_tab.saved.connect(self.ledger_tab.refresh)
        self.preferences_tab.saved.connect(self.preferences_saved)
        self.notifications_tab.saved.connect(self.ledger_tab.refresh)
        self.set_operator(operator)

    def set_operator(self, operator: OperatorInfo) -> None:
        """Act as ``operator`` from now on; the controls follow their role."""
        self.controller.operator = operator
        editable = self.controller.can_change
        self.read_only_note.setVisible(not editable)
        self.preferences_tab.set_editable(editable)
        self.notifications_tab.set_operator(operator)
        self.operators_tab.refresh()
        self.ledger_tab.refresh()

    def refresh(self) -> None:
        """Re-read everything (the page is shown again, or another screen wrote)."""
        self.operators_tab.refresh()
        self.preferences_tab.load()
        self.notifications_tab.load()
        self.ledger_tab.refresh()
