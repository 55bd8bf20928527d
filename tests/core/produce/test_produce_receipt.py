"""The farmer's purchase slip: every crate (typed ones marked 手工), the deductions with
their percentage, the net weight in 斤 and kg, price, amount, how it was paid, the
farmer's phone masked and the lot's trace code as QR and text. The settlement slip: every
owed purchase paid, the agent-order balances set off, what was paid and how."""

from __future__ import annotations

from station_app.core.operators import OperatorInfo
from station_app.core.orders import register
from station_app.core.orders.forms import ItemForm, OrderForm
from station_app.core.produce import settle
from station_app.core.produce.receipt import purchase_receipt, settlement_receipt
from station_app.core.produce.weighing import WeighingInput
from station_app.core.receipts import Qr, blocks, layout_text
from station_app.core.store import Store
from tests.conftest import KEEPER_NAME, STATION_NAME
from tests.core.produce.support import CRATES, PHONE, add_farmer, buy, order, set_price, void


def test_the_slip_shows_every_crate_the_deductions_and_the_trace_code(
    store: Store, keeper: OperatorInfo
) -> None:
    set_price(store, keeper)
    farmer = add_farmer(store, keeper)
    bought = buy(store, keeper, order(farmer, impurity_bp=150, moisture_bp=50))

    with store.reading() as session:
        receipt = purchase_receipt(session, bought.uid)
    text = layout_text(receipt, 48)

    assert receipt.title == "农产品收购单"
    assert receipt.station_name == STATION_NAME
    assert (receipt.number, receipt.operator) == ("SG20261123-001", KEEPER_NAME)
    for line in (
        "张三丰",
        "138****5678",
        "凤翔苹果",
        "80mm以上",
        "毛重50.6斤 皮重3斤",
        "毛重52.2斤 皮重3斤 手工",
        "扣杂",
        "1.5%",
        "扣水",
        "0.5%",
        "140.532斤（70.266kg）",
        "3.50元/斤",
        "¥491.86",
        "现金",
        f"溯源码 {bought.trace_code_text}",
    ):
        assert line in text, line
    assert "13812345678" not in text
    assert text.count("第") >= len(CRATES)
    assert receipt.qr is not None
    assert receipt.qr.payload == bought.trace_code_text
    assert any(isinstance(block, Qr) for block in blocks(receipt))


def test_an_owed_and_then_voided_purchase_says_so(store: Store, keeper: OperatorInfo) -> None:
    set_price(store, keeper)
    farmer = add_farmer(store, keeper)
    bought = buy(store, keeper, order(farmer, weighings=[WeighingInput(20000, 0)], payment="owed"))

    with store.reading() as session:
        owed = layout_text(purchase_receipt(session, bought.uid), 32)
    void(store, keeper, bought.uid, "农户不卖了")
    with store.reading() as session:
        voided = layout_text(purchase_receipt(session, bought.uid), 32)

    assert "赊账" in owed
    assert "结账时请带上此单" in owed
    assert "手工" not in owed
    assert "此单已作废：农户不卖了" in voided


def test_the_settlement_slip_lists_the_purchases_the_netting_and_what_was_paid(
    store: Store, keeper: OperatorInfo
) -> None:
    set_price(store, keeper)
    farmer = add_farmer(store, keeper)
    crate = [WeighingInput(21500, 1500)]  # 20 kg = 40斤 at 3.50元 = 140.00元
    first = buy(store, keeper, order(farmer, weighings=crate, payment="owed"))
    second = buy(store, keeper, order(farmer, weighings=crate, payment="owed"))
    form = OrderForm(
        "张三丰", PHONE, (ItemForm("复合肥 50斤", "pinduoduo", 1, "100"),), "0", "20", "cash"
    )
    with store.writing() as session:
        fertiliser = register.register(session, store.clock, actor=keeper, form=form)
        done = settle.settle(
            session,
            store.clock,
            actor=keeper,
            farmer_uid=farmer,
            netted=[(fertiliser.uid, 5000)],
            method="bank",
        )

    with store.reading() as session:
        receipt = settlement_receipt(session, done.uid)
    text = layout_text(receipt, 32)

    assert receipt.title == "收购欠款结算单"
    assert receipt.station_name == STATION_NAME
    assert receipt.operator == KEEPER_NAME
    assert receipt.issued_at == done.settled_at
    assert receipt.number.startswith("JS-")
    for line in (
        "张三丰",
        "138****5678",
        f"{first.number} {first.business_day}",
        f"{second.number} {second.business_day}",
        "凤翔苹果 80mm以上 40斤",
        "¥140.00",
        "¥280.00",
        f"抵扣 {fertiliser.number}",
        "-¥50.00",
        "¥230.00",
        "银行转账",
    ):
        assert line in text, line
    assert text.index("合计") < text.index("抵扣 DG") < text.index("实付")
    assert "13812345678" not in text
    assert PHONE not in "".join(
        (*(d.value for d in receipt.details), *receipt.notes, receipt.payment_method)
    )


def test_a_settlement_netted_in_full_pays_nothing_and_names_no_method(
    store: Store, keeper: OperatorInfo
) -> None:
    set_price(store, keeper)
    farmer = add_farmer(store, keeper)
    buy(store, keeper, order(farmer, weighings=[WeighingInput(6500, 1500)], payment="owed"))
    form = OrderForm(
        "张三丰", PHONE, (ItemForm("复合肥 50斤", "pinduoduo", 1, "100"),), "0", "20", "cash"
    )
    with store.writing() as session:  # owed 35.00元, all of it set off
        fertiliser = register.register(session, store.clock, actor=keeper, form=form)
        done = settle.settle(
            session,
            store.clock,
            actor=keeper,
            farmer_uid=farmer,
            netted=[(fertiliser.uid, 3500)],
            method=None,
        )

    with store.reading() as session:
        text = layout_text(settlement_receipt(session, done.uid), 48)

    assert "¥0.00" in text
    assert "支付方式" not in text
    assert "本次不付钱" in text
