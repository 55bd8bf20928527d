"""The farmer's purchase slip: every crate (typed ones marked 手工), the deductions with
their percentage, the net weight in 斤 and kg, price, amount, how it was paid, the
farmer's phone masked and the lot's trace code as QR and text."""

from __future__ import annotations

from station_app.core.operators import OperatorInfo
from station_app.core.produce.receipt import purchase_receipt
from station_app.core.produce.weighing import WeighingInput
from station_app.core.receipts import Qr, blocks, layout_text
from station_app.core.store import Store
from tests.conftest import KEEPER_NAME, STATION_NAME
from tests.core.produce.support import CRATES, add_farmer, buy, order, set_price, void


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
