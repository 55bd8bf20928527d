"""The login window, and the lock screen that reuses its form.

Both ask for a login and a password and hand back an :class:`OperatorInfo`. The lock
screen starts with the current operator's login filled in, so unlocking is one password;
changing the login lets the next person take over the counter.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers import session
from station_app.ui.messages import ErrorLabel
from station_app.ui.text import role_name
from station_app.ui.widgets import Field, big_button


def _heading(text: str, parent: QWidget, scale: float = 1.6) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class CredentialsForm(QWidget):
    """Login + password + button. Emits ``authenticated`` with the operator on success;
    on failure shows why, clears the password and puts the cursor back in it."""

    authenticated = Signal(object)

    def __init__(self, store: Store, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.login = Field()
        self.password = Field(password=True)
        self.button = big_button(button_text, self)
        self.button.setDefault(True)
        self.error = ErrorLabel(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.error)
        form.addRow(self.button)
        self.login.edit.returnPressed.connect(self.password.edit.setFocus)
        self.password.edit.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def submit(self) -> None:
        try:
            operator = session.sign_in(self._store, self.login.text(), self.password.text())
        except UserError as error:
            self.error.show_error(error)
            self.password.edit.clear()
            self.password.edit.setFocus()
            return
        self.error.clear_error()
        self.password.edit.clear()
        self.authenticated.emit(operator)

    def fill(self, login: str, password: str = "") -> None:
        self.login.set_text(login)
        self.password.set_text(password)
        self.password.edit.setFocus()


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A bordered, centred box of readable width on an otherwise empty screen.

    Centred with stretches rather than an alignment flag: an aligned widget gets only its
    size hint, and a word-wrapped label inside it would then push the button out of view.
    """
    card = QFrame(parent)
    card.setObjectName("card")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setMinimumWidth(460)
    card.setMaximumWidth(560)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(12)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 3)
    row.addStretch(1)
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, layout


class LoginWindow(QWidget):
    """The first thing a keeper sees each morning. Emits ``logged_in`` (OperatorInfo)."""

    logged_in = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        demo_logins: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name = session.station_name(store) or self.tr("村级电商服务站")
        self.setWindowTitle(self.tr("{station} — 登录").format(station=name))
        self.setMinimumSize(QSize(640, 560))
        self.form = CredentialsForm(store, self.tr("登录"), self)
        self.form.authenticated.connect(self.logged_in)
        _card_frame, layout = _card(self)
        layout.addWidget(_heading(name, self))
        layout.addWidget(_heading(self.tr("请登录"), self, scale=1.1))
        layout.addWidget(self.form)
        self.demo_box = self._demo_box(store, demo_logins or [])
        if self.demo_box is not None:
            layout.addWidget(self.demo_box)
        self.form.login.edit.setFocus()

    def _demo_box(self, store: Store, logins: list[tuple[str, str]]) -> QFrame | None:
        """A visible reminder of the demo accounts; clicking one fills in the form."""
        if not logins:
            return None
        box = QFrame(self)
        box.setObjectName("demoBox")
        box.setStyleSheet("#demoBox { background: #fff8e1; border: 1px solid #f0c36d; }")
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(self.tr("演示模式：点一下账号即可填入"), box))
        for demo in session.demo_logins_with_roles(store, logins):
            role = role_name(demo.role) if demo.role is not None else self.tr("账号")
            text = self.tr("{role} {login} / 密码 {password}").format(
                role=role, login=demo.login, password=demo.password
            )
            button = QPushButton(text, box)
            button.setFlat(True)
            button.clicked.connect(
                lambda _checked=False, d=demo: self.form.fill(d.login, d.password)
            )
            layout.addWidget(button)
        return box


class LockScreen(QWidget):
    """Shown in place of the work area when the counter is left alone.

    Emits ``unlocked`` with whoever signed in: the same operator resumes; a different
    one takes over (the main window switches operator).
    """

    unlocked = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _heading("", self)
        hint = QLabel(
            "\n".join(
                (
                    self.tr("输入密码即可解锁。"),
                    self.tr("换人接班：把登录名改成自己的，再输入自己的密码。"),
                )
            ),
            self,
        )
        self.form = CredentialsForm(store, self.tr("解锁"), self)
        self.form.authenticated.connect(self.unlocked)
        _card_frame, layout = _card(self)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.form)

    def lock_for(self, operator: OperatorInfo) -> None:
        """Prepare for ``operator`` to come back: their login filled in, password empty."""
        self.title.setText(self.tr("已锁定 — {name}").format(name=operator.display_name))
        self.form.error.clear_error()
        self.form.fill(operator.login)
