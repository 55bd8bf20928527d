"""线路表: the routes out of the township and the villages each serves, keeper-edited.

A route is edited in a small dialog: code, name, and its villages one per line
("村名 区划代码 [站点编号]"), which is also how a county notice or a spreadsheet column
pastes in. The county will send the table later; its routes show as such.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.manifest_models import RouteSource
from station_app.core.errors import UserError
from station_app.core.manifests.routes import RouteView
from station_app.ui.controllers.manifests import ManifestsController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.models import Row, RowsModel
from station_app.ui.pages.parcels.models import fit_columns
from station_app.ui.widgets import big_button, list_table

Confirm = Callable[[QWidget, str], bool]


class RouteDialog(QDialog):
    """Edit one route; ``saved`` only after the controller accepted it."""

    def __init__(
        self,
        controller: ManifestsController,
        route: RouteView | None,
        on_saved: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._route = route
        self._on_saved = on_saved
        self.setWindowTitle(self.tr("修改线路") if route else self.tr("新增线路"))
        self.code = QLineEdit(route.code if route else "", self)
        self.code.setPlaceholderText(self.tr("如 R01"))
        self.name = QLineEdit(route.name if route else "", self)
        self.name.setPlaceholderText(self.tr("如 北线"))
        self.stops = QPlainTextEdit(self)
        self.stops.setPlaceholderText(self.tr("每行一个村：村名 12位区划代码 [站点编号]"))
        if route:
            self.stops.setPlainText(
                "\n".join(
                    " ".join(p for p in (s.name, s.division_code, s.station_id or "") if p)
                    for s in route.stops
                )
            )
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("线路编号"), self.code)
        form.addRow(self.tr("线路名称"), self.name)
        form.addRow(self.tr("沿线村站"), self.stops)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def save(self) -> None:
        try:
            self._controller.save_route(
                self.code.text(),
                self.name.text(),
                self.stops.toPlainText(),
                replaces=self._route.code if self._route else None,
            )
        except UserError as error:
            self.error.show_text(user_message(error))
            return
        self._on_saved()
        self.accept()


class RoutesPane(QWidget):
    def __init__(
        self, controller: ManifestsController, confirm: Confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._confirm = confirm
        self._routes: list[RouteView] = []
        self.dialog: RouteDialog | None = None
        self.model = RowsModel(
            [self.tr("编号"), self.tr("线路名称"), self.tr("来源"), self.tr("沿线村站")], self
        )
        self.table = list_table(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        fit_columns(self.table)
        self.add_button = big_button(self.tr("新增线路…"), self)
        self.edit_button = big_button(self.tr("修改…"), self)
        self.remove_button = big_button(self.tr("删除"), self)
        self.error = ErrorLabel(self)
        hint = QLabel(self.tr("线路表决定分拣时每个村归哪条线路；只有站长可以修改。"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.table.doubleClicked.connect(lambda _index: self.open_dialog(self.selected()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh()

    def refresh(self) -> None:
        self._routes = self._controller.routes()
        county = self.tr("县中心下发")
        local = self.tr("本站")
        self.model.set_rows(
            [
                Row(
                    (
                        route.code,
                        route.name,
                        county if route.source is RouteSource.COUNTY else local,
                        "、".join(stop.name for stop in route.stops),
                    ),
                    route.code,
                )
                for route in self._routes
            ]
        )

    def selected(self) -> RouteView | None:
        row = self.table.currentIndex().row()
        return self._routes[row] if 0 <= row < len(self._routes) else None

    def open_dialog(self, route: RouteView | None) -> None:
        self.error.clear_error()
        self.dialog = RouteDialog(self._controller, route, self.refresh, self)
        self.dialog.open()

    def remove_selected(self) -> None:
        route = self.selected()
        if route is None:
            self.error.show_text(self.tr("请先选中要删除的线路。"))
            return
        question = self.tr("删除线路 {code} {name}？沿线的村要重新加到别的线路上才能分拣。")
        if not self._confirm(self, question.format(code=route.code, name=route.name)):
            return
        try:
            self._controller.remove_route(route.code)
        except UserError as error:
            self.error.show_text(user_message(error))
            return
        self.refresh()
