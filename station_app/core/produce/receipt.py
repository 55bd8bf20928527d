"""The farmer's slips, in the one receipt layout: a purchase (农产品收购单) and the
settlement of what was bought on credit (收购欠款结算单).

The farmer checks a purchase slip against the scale and their own arithmetic, so it shows
every crate (typed weights marked 手工), the deductions with their percentage, the net
weight in 斤 as the farmer thinks of it and in kg as the scale shows it, the price and
the amount. The lot's trace code is printed as a QR code and as text: what a buyer scans
later leads back to this purchase.

The settlement slip lists every owed purchase it paid (number, day, product and grade,
net weight, amount), their sum, each agent-order balance set off against it, and what
was paid and how: the farmer can tick off their credit slips against it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.db.models import Operator
from station_app.core.db.produce_models import ProducePurchase, PurchaseStatus
from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.core.first_run import station_info
from station_app.core.money import Fen
from station_app.core.produce.farmers import farmer
from station_app.core.produce.purchase import PurchaseView, purchase_view, views_of
from station_app.core.produce.settle import SettlementView, settlement_view
from station_app.core.produce.weighing import format_percent
from station_app.core.receipts import Detail, ItemLine, QrCode, Receipt, Total, Translate
from station_app.core.weight import Grams, WeightUnit

PAYMENT_NAMES = {
    "cash": QT_TRANSLATE_NOOP("core", "现金"),
    "wechat": QT_TRANSLATE_NOOP("core", "微信"),
    "alipay": QT_TRANSLATE_NOOP("core", "支付宝"),
    "bank": QT_TRANSLATE_NOOP("core", "转账"),
    "owed": QT_TRANSLATE_NOOP("core", "赊账"),
}
SETTLE_METHOD_NAMES = {
    "cash": QT_TRANSLATE_NOOP("core", "现金"),
    "wechat": QT_TRANSLATE_NOOP("core", "微信"),
    "alipay": QT_TRANSLATE_NOOP("core", "支付宝"),
    "bank": QT_TRANSLATE_NOOP("core", "银行转账"),
}
UNIT_NAMES = {500: QT_TRANSLATE_NOOP("core", "斤"), 1000: QT_TRANSLATE_NOOP("core", "公斤")}


def _same(text: str) -> str:
    return text


def purchase_receipt(
    session: Session, purchase_uid: str, *, station_phone: str = "", translate: Translate = _same
) -> Receipt:
    """The slip for a purchase as it stands now (a voided one says so); ``translate``
    turns this module's ``core`` templates into the shown language (the UI passes Qt's)."""
    purchase = purchase_view(session, purchase_uid)
    info = station_info(session)
    operator = session.scalar(
        select(Operator.display_name).where(Operator.login == purchase.purchased_by)
    )
    t = translate
    return Receipt(
        title=t(QT_TRANSLATE_NOOP("core", "农产品收购单")),
        station_name=info.name if info is not None else "—",
        station_phone=station_phone,
        number=purchase.number,
        issued_at=purchase.purchased_at,
        operator=operator or purchase.purchased_by,
        items=(_item(purchase, t),),
        details=(*_who(purchase, t), *_crates(purchase, t), *_weights(purchase, t)),
        totals=(Total(t(QT_TRANSLATE_NOOP("core", "金额")), purchase.amount, emphasised=True),),
        payment_method=t(PAYMENT_NAMES.get(purchase.payment, purchase.payment)),
        notes=_notes(purchase, t),
        qr=_trace(purchase, t),
    )


def settlement_receipt(
    session: Session, settlement_uid: str, *, station_phone: str = "", translate: Translate = _same
) -> Receipt:
    """The slip for a settlement: the owed purchases it paid, what was set off against
    the farmer's agent orders, and what was paid out and how. Of the farmer it shows the
    name and the masked phone only."""
    settlement = settlement_view(session, settlement_uid)
    info = station_info(session)
    operator = session.scalar(
        select(Operator.display_name).where(Operator.login == settlement.settled_by)
    )
    paid = views_of(
        session,
        session.scalars(
            select(ProducePurchase)
            .where(ProducePurchase.settlement_uid == settlement_uid)
            .order_by(ProducePurchase.id)
        ).all(),
    )
    who = farmer(session, settlement.farmer_uid)
    t = translate
    return Receipt(
        title=t(QT_TRANSLATE_NOOP("core", "收购欠款结算单")),
        station_name=info.name if info is not None else "—",
        station_phone=station_phone,
        number=settlement_number(settlement),
        issued_at=settlement.settled_at,
        operator=operator or settlement.settled_by,
        items=tuple(_settled_item(purchase) for purchase in paid),
        details=(
            Detail(t(QT_TRANSLATE_NOOP("core", "农户")), who.name),
            Detail(t(QT_TRANSLATE_NOOP("core", "电话")), who.masked_phone),
            Detail(
                t(QT_TRANSLATE_NOOP("core", "结清赊账")),
                t(QT_TRANSLATE_NOOP("core", "{count}笔")).format(count=len(paid)),
            ),
        ),
        totals=_settled_totals(settlement, t),
        payment_method=(
            t(SETTLE_METHOD_NAMES.get(settlement.method, settlement.method))
            if settlement.method
            else ""
        ),
        notes=_settled_notes(settlement, t),
    )


def settlement_number(settlement: SettlementView) -> str:
    """Short enough for one receipt line, and found again from the settlement's id."""
    return f"JS-{settlement.uid[:8].upper()}"


def _settled_item(purchase: PurchaseView) -> ItemLine:
    """``SG20261123-001 2026-11-23``, then ``凤翔苹果 80mm以上 40斤`` and the amount: each
    part one line of a 58 mm roll, so a wrap falls between words."""
    return ItemLine(
        f"{purchase.number} {purchase.business_day}",
        purchase.amount,
        quantity=f"{purchase.product_name} {purchase.grade_name} "
        f"{Grams(purchase.net_g).format(_unit(purchase))}",
    )


def _settled_totals(settlement: SettlementView, t: Translate) -> tuple[Total, ...]:
    netted = t(QT_TRANSLATE_NOOP("core", "抵扣 {number}"))
    return (
        Total(t(QT_TRANSLATE_NOOP("core", "合计")), settlement.amount),
        *(
            Total(netted.format(number=n.order_number), Fen(-n.amount.fen))
            for n in settlement.netted
        ),
        Total(t(QT_TRANSLATE_NOOP("core", "实付")), settlement.paid, emphasised=True),
    )


def _settled_notes(settlement: SettlementView, t: Translate) -> tuple[str, ...]:
    notes = [t(QT_TRANSLATE_NOOP("core", "以上赊账已全部结清。"))]
    if settlement.netted:
        notes.append(
            t(QT_TRANSLATE_NOOP("core", "抵扣的金额已记入代购订单，取货时只付剩下的尾款。"))
        )
    if not settlement.paid:
        notes.append(t(QT_TRANSLATE_NOOP("core", "欠款全部用代购订单抵扣，本次不付钱。")))
    return tuple(notes)


def _unit(purchase: PurchaseView) -> WeightUnit:
    return "jin" if purchase.per_grams == 500 else "kg"


def _item(purchase: PurchaseView, t: Translate) -> ItemLine:
    return ItemLine(
        f"{purchase.product_name}（{purchase.grade_name}）",
        purchase.amount,
        quantity=Grams(purchase.net_g).format(_unit(purchase)),
        unit_price=purchase.price,
    )


def _who(purchase: PurchaseView, t: Translate) -> list[Detail]:
    return [
        Detail(t(QT_TRANSLATE_NOOP("core", "农户")), purchase.farmer_name),
        Detail(t(QT_TRANSLATE_NOOP("core", "电话")), purchase.farmer_phone),
        Detail(t(QT_TRANSLATE_NOOP("core", "品名")), purchase.product_name),
        Detail(t(QT_TRANSLATE_NOOP("core", "等级")), purchase.grade_name),
    ]


def _crates(purchase: PurchaseView, t: Translate) -> list[Detail]:
    unit = _unit(purchase)
    label = t(QT_TRANSLATE_NOOP("core", "第{n}筐"))
    line = t(QT_TRANSLATE_NOOP("core", "毛重{gross} 皮重{tare}"))
    manual = t(QT_TRANSLATE_NOOP("core", "手工"))
    return [
        Detail(
            label.format(n=position + 1),
            line.format(gross=Grams(w.gross_g).format(unit), tare=Grams(w.tare_g).format(unit))
            + (f" {manual}" if w.manual else ""),
        )
        for position, w in enumerate(purchase.weighings)
    ]


def _weights(purchase: PurchaseView, t: Translate) -> list[Detail]:
    unit, totals = _unit(purchase), purchase.totals
    details = [
        Detail(t(QT_TRANSLATE_NOOP("core", "毛重合计")), Grams(totals.gross_g).format(unit)),
        Detail(t(QT_TRANSLATE_NOOP("core", "皮重合计")), Grams(totals.tare_g).format(unit)),
    ]
    if purchase.impurity_bp:
        details.append(
            Detail(t(QT_TRANSLATE_NOOP("core", "扣杂")), format_percent(purchase.impurity_bp))
        )
    if purchase.moisture_bp:
        details.append(
            Detail(t(QT_TRANSLATE_NOOP("core", "扣水")), format_percent(purchase.moisture_bp))
        )
    if totals.deduction_g:
        details.append(
            Detail(t(QT_TRANSLATE_NOOP("core", "扣重")), Grams(totals.deduction_g).format(unit))
        )
    net = Grams(totals.net_g)
    per = t(UNIT_NAMES.get(purchase.per_grams, ""))
    return [
        *details,
        Detail(t(QT_TRANSLATE_NOOP("core", "净重")), f"{net.format('jin')}（{net.format('kg')}）"),
        Detail(
            t(QT_TRANSLATE_NOOP("core", "单价")),
            t(QT_TRANSLATE_NOOP("core", "{price}元/{unit}")).format(
                price=purchase.price.format(), unit=per
            ),
        ),
    ]


def _notes(purchase: PurchaseView, t: Translate) -> tuple[str, ...]:
    notes = []
    if purchase.status is PurchaseStatus.VOIDED:
        note = t(QT_TRANSLATE_NOOP("core", "此单已作废：{reason}"))
        notes.append(note.format(reason=purchase.void_reason or ""))
    elif purchase.status is PurchaseStatus.OWED:
        notes.append(t(QT_TRANSLATE_NOOP("core", "本单赊账，结账时请带上此单。")))
    if purchase.manual:
        notes.append(t(QT_TRANSLATE_NOOP("core", "标“手工”的重量为手工录入。")))
    return tuple(notes)


def _trace(purchase: PurchaseView, t: Translate) -> QrCode | None:
    if not purchase.trace_code:
        return None
    caption = t(QT_TRANSLATE_NOOP("core", "溯源码 {code}"))
    text = purchase.trace_code_text
    return QrCode(text, caption.format(code=text))
