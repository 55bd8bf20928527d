"""Helpers the 收购 record tabs' tests share: typing like a keeper, valid ID numbers,
farmers registered through the core, a tab shown at the keeper's screen size."""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers, prices, purchase
from station_app.core.produce.catalogue import catalogue_in_use
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.produce.weighing import WeighingInput
from station_app.core.store import Store
from tests.ui.conftest import DIVISION_CODE

W = TypeVar("W", bound=QWidget)
SCREEN = (1366, 768)
PAGE_AREA = (1150, 640)
"""What the main window leaves a page's tab at 1366×768 (navigation, title, tab bar)."""

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first17: str) -> str:
    """A resident ID number with its right check character."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def shown(qtbot: QtBot, widget: W, size: tuple[int, int] = PAGE_AREA) -> W:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot: QtBot, text: str, *, enter: bool = True) -> None:
    """To whatever has the focus, as a keeper types: digits and letters are keys, Chinese
    arrives as the input method commits it."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
    else:
        committed = QInputMethodEvent()
        committed.setCommitString(text)
        QApplication.sendEvent(focused(), committed)
    if enter:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def ledger_size(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(LedgerEntry)) or 0


def ledger_types(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry.type).order_by(LedgerEntry.seq)))


def register(
    store: Store,
    actor: OperatorInfo,
    name: str,
    phone: str = "",
    *,
    household: str | None = "normal",
    village: str = DIVISION_CODE,
    id_no: str = "",
    pay: str = "cash",
) -> FarmerView:
    with store.writing() as session:
        return farmers.register(
            session,
            store.clock,
            actor=actor,
            form=FarmerForm(name, phone, village, id_no, household, pay),
        )


APPLE, D80, D75 = "fengxiang_apple", "d80", "d75"


def set_price(
    store: Store, actor: OperatorInfo, product: str, grade: str, *, price: str, per_grams: int = 500
) -> None:
    """The keeper's price for today (the bundled catalogue has no county prices)."""
    with store.writing() as session:
        prices.set_day_price(
            session,
            store.clock,
            actor=actor,
            product=product,
            grade=grade,
            price=price,
            per_grams=per_grams,
            catalogue=catalogue_in_use(session),
        )


def buy(
    store: Store,
    actor: OperatorInfo,
    farmer: FarmerView,
    crates_g: list[tuple[int, int]],
    *,
    product: str = APPLE,
    grade: str = D80,
    payment: str = "cash",
) -> PurchaseView:
    """A purchase through the core, as the 收购 tab makes it: (gross, tare) per crate."""
    order = PurchaseOrder(
        farmer_uid=farmer.uid,
        product=product,
        grade=grade,
        weighings=[WeighingInput(gross, tare) for gross, tare in crates_g],
        impurity_bp=0,
        moisture_bp=0,
        payment=payment,
    )
    with store.writing() as session:
        return purchase.buy(
            session, store.clock, actor=actor, order=order, catalogue=catalogue_in_use(session)
        )


def next_day(clock: FixedClock, days: int = 1) -> None:
    clock.advance(timedelta(days=days))
