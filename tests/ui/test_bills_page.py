"""The 缴费 page driven like a keeper: a payment taken from the keyboard with the total
priced live and the account checked as typed, followed to 成功 or 失败 through the list's
buttons and dialogs, the open ones never out of sight, and bad input refused in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.core.bills import payments
from station_app.core.bills.catalogue import billers_in_use
from station_app.core.bills.payments import BillOrder
from station_app.core.bills.views import PaymentView
from station_app.core.db.bill_models import BillPayment, BillStatus
from station_app.core.db.cash_models import CashMovement
from station_app.core.db.models import LedgerEntry
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.pages.bills import BillsPage
from station_app.ui.pages.bills.dialogs import FailDialog, ReceiptDialog, SucceedDialog

PHONE = "13812345678"


@pytest.fixture
def page(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> BillsPage:
    return _page(qtbot, set_up_store, keeper)


def _page(qtbot: QtBot, store: Store, operator: OperatorInfo) -> BillsPage:
    shown = BillsPage(store, operator)
    qtbot.addWidget(shown)
    shown.resize(1180, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _activate(qtbot: QtBot, page: BillsPage, widget: QWidget) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _pick(page: BillsPage, code: str) -> None:
    page.form.biller.setCurrentIndex(page.form.biller.findData(code))


def _stored(store: Store) -> list[BillPayment]:
    with store.reading() as session:
        return list(session.scalars(select(BillPayment).order_by(BillPayment.id)))


def _ledger_size(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(LedgerEntry)) or 0


def _cells(page: BillsPage, row: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _taken(
    store: Store, who: OperatorInfo, biller: str = "cmcc_topup", account: str = PHONE
) -> PaymentView:
    with store.writing() as session:
        return payments.record(
            session,
            store.clock,
            actor=who,
            order=BillOrder(biller, account, "50", "wechat"),
            billers=billers_in_use(session),
        )


def _ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# --- taking a payment -------------------------------------------------------------------


def test_keyboard_only_from_the_account_to_recorded(
    qtbot: QtBot, page: BillsPage, set_up_store: Store
) -> None:
    form = page.form
    assert form.biller.currentData() == "sgcc_power"  # the county's first biller
    _activate(qtbot, page, form.account)
    qtbot.keyClicks(form.account, "370123456")
    assert form.account_hint.text() == "户号为10位数字，在电费通知单或“网上国网”App里"
    qtbot.keyClicks(form.account, "7")
    assert form.account_hint.text().startswith("✓ ")  # fits the biller's rule
    qtbot.keyClick(form.account, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.amount
    qtbot.keyClicks(form.amount, "128.5")
    assert form.total.total.text() == "应收 128.50元"
    assert form.total.rule.text() == "不收服务费"
    qtbot.keyClick(form.amount, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.method
    qtbot.keyClick(form.method, Qt.Key.Key_Down)  # 微信收款
    qtbot.keyClick(form.method, Qt.Key.Key_Return)  # Enter on the last field records

    [row] = _stored(set_up_store)
    assert (row.biller_code, row.account, row.amount_fen, row.payment_method) == (
        "sgcc_power",
        "3701234567",
        12850,
        "wechat",
    )
    assert "已收款 128.50元（微信收款）：国网电费 ****4567" in page.result.text()
    assert _cells(page, 0)[:5] == ["待缴", "11-23 10:00", "国网电费", "****4567", "128.50元"]
    assert page.open_bar.isVisible()
    assert "处理中 0 笔，待缴 1 笔" in page.open_text.text()
    assert form.account.text() == ""  # the next customer's number is not prefilled
    assert QApplication.focusWidget() is form.account
    assert page.selected() is not None
    assert page.submit_button.isEnabled()


def test_the_total_includes_the_fee_from_the_billers_rule(page: BillsPage) -> None:
    form = page.form
    _pick(page, "broadband")
    assert form.account_label.text() == "宽带账号"
    form.amount.setText("650")
    assert form.total.total.text() == "应收 653.25元"  # 5‰ = 3.25元
    assert form.total.breakdown.text() == "缴费 650.00元 + 服务费 3.25元"
    assert form.total.rule.text() == "服务费按金额的5‰，最低1.00元，最高5.00元"
    form.amount.setText("12.345")
    assert form.total.total.text() == "应收 —"
    assert "最多两位小数" in form.total.breakdown.text()


def test_a_top_up_is_picked_from_its_fixed_amounts(
    qtbot: QtBot, page: BillsPage, set_up_store: Store
) -> None:
    form = page.form
    _pick(page, "unicom_topup")
    assert form.account_label.text() == "手机号"
    assert not form.amount.isVisible()
    assert form.amount_choice.isVisible()
    assert [form.amount_choice.itemText(i) for i in range(form.amount_choice.count())] == [
        "30.00元",
        "50.00元",
        "100.00元",
    ]
    form.account.setText(PHONE)
    form.amount_choice.setCurrentIndex(2)
    assert form.total.total.text() == "应收 100.00元"
    _activate(qtbot, page, form.account)
    qtbot.keyClick(form.account, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.amount_choice
    qtbot.keyClick(form.amount_choice, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [row] = _stored(set_up_store)
    assert (row.biller_code, row.amount_fen) == ("unicom_topup", 10000)


@pytest.mark.parametrize(
    ("biller", "account", "amount", "field", "says"),
    [
        ("sgcc_power", "37012345", "100", "account", "户号格式不对：户号为10位数字"),
        ("resident_medical", "61030319800101", "", "account", "18位身份证号码"),
        ("sgcc_power", "3701234567", "12.345", "amount", "金额最多两位小数"),
        ("sgcc_power", "3701234567", "-20", "amount", "金额不能为负数"),
        ("sgcc_power", "3701234567", "0", "amount", "缴费金额必须大于0"),
        ("sgcc_power", "3701234567", "9000", "amount", "1.00元到5,000.00元"),
    ],
)
def test_bad_input_is_refused_under_its_field_and_nothing_is_written(  # noqa: PLR0917
    page: BillsPage,
    set_up_store: Store,
    biller: str,
    account: str,
    amount: str,
    field: str,
    says: str,
) -> None:
    before = _ledger_size(set_up_store)
    _pick(page, biller)
    page.form.account.setText(account)
    if amount:
        page.form.amount.setText(amount)
    page.form.record_button.click()

    assert says in page.form.errors[field].text()
    assert page.form.errors[field].isVisible()
    assert page.form.account.text() == account  # nothing typed is lost
    assert (_stored(set_up_store), _ledger_size(set_up_store)) == ([], before)
    assert page.model.rowCount() == 0


def test_a_number_that_does_not_fit_turns_red_when_the_keeper_moves_on(
    qtbot: QtBot, page: BillsPage
) -> None:
    form = page.form
    _activate(qtbot, page, form.account)
    qtbot.keyClicks(form.account, "12345")
    assert not form.errors["account"].isVisible()  # still typing: no red yet
    qtbot.keyClick(form.account, Qt.Key.Key_Return)
    assert form.errors["account"].isVisible()
    assert "户号为10位数字" in form.errors["account"].text()


# --- following it to its end ---------------------------------------------------------------


def test_in_progress_then_succeeded_with_the_billers_reference(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _taken(set_up_store, keeper, "sgcc_power", "3701234567")
    topup = _taken(set_up_store, keeper)
    page.refresh()
    page.select(topup.uid)
    assert not page.succeed_button.isEnabled()  # not submitted yet

    page.submit_button.click()

    assert _cells(page, 0)[0] == "处理中"  # in progress comes first
    assert page.model.key_at(0) == topup.uid
    assert "处理中 1 笔，待缴 1 笔" in page.open_text.text()
    assert not page.submit_button.isEnabled()
    page.select(topup.uid)
    dialog = page.open_succeed()
    assert isinstance(dialog, SucceedDialog)
    _ok(dialog)
    assert dialog.isVisible()  # no reference: refused, kept open
    assert "回执号" in dialog.error.text()
    dialog.reference.setText("YD2026112300042")
    _ok(dialog)

    assert not dialog.isVisible()
    assert "缴费成功" in page.result.text()
    row = page.model.row_of(topup.uid)
    assert row is not None
    assert _cells(page, row)[0] == "成功"
    assert _cells(page, row)[6] == "YD2026112300042"
    assert "处理中 0 笔，待缴 1 笔" in page.open_text.text()


def test_the_open_bar_goes_once_nothing_is_open(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    paid = _taken(set_up_store, keeper)
    page.refresh()
    assert page.open_bar.isVisible()
    page.select(paid.uid)
    page.submit_button.click()
    dialog = page.open_succeed()
    assert dialog is not None
    dialog.reference.setText("R1")
    _ok(dialog)

    assert not page.open_bar.isVisible()


def test_a_keeper_fails_it_and_the_refund_is_booked(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    paid = _taken(set_up_store, keeper, "broadband", "02912345678")
    page.refresh()
    page.select(paid.uid)
    dialog = page.open_fail()
    assert isinstance(dialog, FailDialog)
    assert "要退还给村民 51.00元（微信收款）" in dialog.refund.text()
    _ok(dialog)
    assert dialog.isVisible()  # a reason is required
    dialog.reason.setText("账号已停机")
    _ok(dialog)

    assert "请把51.00元退还给村民（微信收款）" in page.result.text()
    assert _cells(page, 0)[0] == "失败已退款"
    assert _cells(page, 0)[6] == "账号已停机"
    with set_up_store.reading() as session:
        moved = [
            (m.amount_fen, m.kind)
            for m in session.scalars(select(CashMovement).order_by(CashMovement.id))
        ]
    assert moved == [
        (5000, "bill_payment"),
        (100, "bill_fee"),
        (-5000, "bill_refund"),
        (-100, "bill_fee_refund"),
    ]
    assert not page.fail_button.isEnabled()  # once


def test_an_assistant_cannot_fail_a_payment(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, assistant)
    paid = _taken(set_up_store, assistant)
    page.refresh()
    page.select(paid.uid)

    assert page.submit_button.isEnabled()
    assert not page.fail_button.isEnabled()
    assert page.open_fail() is None
    assert "只有站长" in page.result.text()
    with set_up_store.reading() as session:
        assert session.scalar(select(BillPayment.status)) == BillStatus.RECORDED.value


def test_a_step_another_screen_already_took_is_refused_with_what_happened(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    paid = _taken(set_up_store, keeper)
    page.refresh()
    page.select(paid.uid)
    with set_up_store.writing() as session:  # e.g. the keeper's second window
        payments.submit(session, set_up_store.clock, actor=keeper, payment_uid=paid.uid)

    page.submit_button.click()

    assert "已于2026-11-23 10:00由wangjun标记为处理中" in page.result.text()
    assert _cells(page, 0)[0] == "处理中"  # the list shows it now


# --- the account number, the receipt, finding a payment ----------------------------------------


def test_the_full_number_is_copied_for_the_billers_site_but_never_shown(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    paid = _taken(set_up_store, keeper)
    page.refresh()
    page.select(paid.uid)
    assert PHONE not in " ".join(_cells(page, 0))

    page.copy_button.click()

    assert QGuiApplication.clipboard().text() == PHONE
    assert PHONE not in page.result.text()
    assert "****5678" in page.result.text()
    page.submit_button.click()
    assert QGuiApplication.clipboard().text() == ""  # paid: no longer needed there
    dialog = page.open_succeed()
    assert dialog is not None
    dialog.reference.setText("R1")
    _ok(dialog)
    page.select(paid.uid)
    assert not page.copy_button.isEnabled()  # finished: the number was cleared


def test_the_receipt_shows_the_masked_slip_and_prints_where_the_settings_say(
    page: BillsPage, set_up_store: Store, keeper: OperatorInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No printer here: the slip is saved as a PDF in the data folder and opened."""
    from station_app.devices import receipt_qt

    monkeypatch.setattr(receipt_qt, "system_printer", lambda name="": None)
    opened: list[Path] = []
    page.printer.open_pdf = opened.append
    paid = _taken(set_up_store, keeper)
    page.refresh()
    page.select(paid.uid)

    dialog = page.open_receipt()

    assert isinstance(dialog, ReceiptDialog)
    text = dialog.preview.toPlainText()
    assert "代缴费凭证" in text
    assert "户号：****5678" in text
    assert "状态：待缴" in text
    assert "操作员：王军" in text
    assert PHONE not in text
    dialog.print_button.click()
    assert "PDF" in dialog.printed.text()
    assert [path.suffix for path in opened] == [".pdf"]


def test_search_by_the_account_tail_finds_earlier_payments(
    qtbot: QtBot, page: BillsPage, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _taken(set_up_store, keeper)
    _taken(set_up_store, keeper, "sgcc_power", "3701234567")
    _activate(qtbot, page, page.search)
    qtbot.keyClicks(page.search, "5678")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)

    assert page.model.rowCount() == 1
    assert _cells(page, 0)[3] == "****5678"
    assert page.caption.text() == "尾号5678的缴费"
    page.search.clear()
    assert page.model.rowCount() == 2
