"""What every order action shares: finding the order, refusing a wrong state, reading
a reason, a payment method or a tracking number the same way everywhere."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.clock import local_time
from station_app.core.db.cash_models import METHODS
from station_app.core.db.order_models import AWAITING, AgentOrder, OrderStatus
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.money import Fen

ORDER_MAX_FEN = 10_000_000
"""十万元 for a whole order: far above what a village counter orders online, so an extra
zero typed by mistake is refused instead of becoming a debt."""
REASON_LIMIT = 200
TRACKING_MIN, TRACKING_MAX = 8, 32
_TRACKING_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

STATUS_NAMES = {
    OrderStatus.REGISTERED: QT_TRANSLATE_NOOP("core", "登记"),
    OrderStatus.PLACED: QT_TRANSLATE_NOOP("core", "已下单"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("core", "已发货"),
    OrderStatus.ARRIVED: QT_TRANSLATE_NOOP("core", "已到站"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("core", "已交付"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("core", "已取消"),
    OrderStatus.REFUNDED: QT_TRANSLATE_NOOP("core", "已退款"),
}


ACTION_PLACE = QT_TRANSLATE_NOOP("core", "标记已下单")
ACTION_SHIP = QT_TRANSLATE_NOOP("core", "标记已发货")
ACTION_ARRIVE = QT_TRANSLATE_NOOP("core", "标记已到站")
ACTION_DELIVER = QT_TRANSLATE_NOOP("core", "收款交付")
ACTION_CANCEL = QT_TRANSLATE_NOOP("core", "取消")
ACTION_REFUND = QT_TRANSLATE_NOOP("core", "退款")


def by_uid(session: Session, order_uid: str) -> AgentOrder:
    row = session.scalar(select(AgentOrder).where(AgentOrder.uid == order_uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这张代购订单。"))
    return row


def require_state(row: AgentOrder, allowed: Collection[OrderStatus], action: str) -> None:
    """Refuse ``action`` (a ``core`` template: 标记已下单, 收款交付 …) unless the order is
    in one of ``allowed``, saying what state it is in and since when."""
    if OrderStatus(row.status) in allowed:
        return
    if row.status == OrderStatus.DELIVERED and action == ACTION_DELIVER:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "订单{number}已于{when}交付并收清尾款（{operator}），不能重复收款。"
            ),
            number=row.number,
            when=when(row.changed_at),
            operator=row.changed_by,
        )
    raise ValidationError(
        QT_TRANSLATE_NOOP("core", "订单{number}现在是“{status}”（{when}），不能{action}。"),
        number=row.number,
        status=STATUS_NAMES[OrderStatus(row.status)],
        when=when(row.changed_at),
        action=action,
    )


def total(row: AgentOrder) -> Fen:
    """What the villager pays in all: the goods and the service fee."""
    return Fen(row.items_total_fen + row.service_fee_fen)


def balance_due(row: AgentOrder) -> Fen:
    """尾款: what is still to be paid when the goods are handed over (less what was set
    off against produce the station bought from the villager, ``produce.settled``)."""
    return Fen(row.items_total_fen + row.service_fee_fen - row.deposit_fen - row.netted_fen)


def paid(row: AgentOrder) -> Fen:
    """Everything the villager has paid so far: the deposit, the balance once settled,
    and what was set off against produce (as good as money: a cancelled or refunded
    order may pay it back in cash, since the farmer's produce money went into it)."""
    return Fen(row.deposit_fen + row.settled_fen + row.netted_fen)


def reason_text(text: str, empty_message: str) -> str:
    reason = " ".join(unicodedata.normalize("NFKC", text).split())
    if not reason:
        raise ValidationError(empty_message)
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "“{text}…”太长了，最多{limit}个字。"),
            text=reason[:12],
            limit=REASON_LIMIT,
        )
    return reason


def money_method(method: str) -> str:
    if method not in METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择收付方式。"))
    return method


def amount(value: Fen | str, *, max_fen: int = ORDER_MAX_FEN) -> Fen:
    """An amount as typed (or already read): never negative, never past ``max_fen``."""
    fen = value if isinstance(value, Fen) else Fen.parse(value, max_fen=max_fen)
    if fen.fen < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "金额不能为负数：{text}"), text=fen.format()
        )
    if fen.fen > max_fen:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "金额不能超过{limit}元：{text}"),
            limit=Fen(max_fen).format(grouping=True),
            text=fen.format(),
        )
    return fen


def tracking_number(text: str) -> str | None:
    """As scanned or typed: full-width folded, spaces dropped, upper case, as check-in
    stores it (so the two compare equal); None when nothing was typed."""
    number = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if not number:
        return None
    if any(c not in _TRACKING_CHARS for c in number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号含有不该有的字符：{text}"), text=number[:40]
        )
    if len(number) < TRACKING_MIN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太短，可能没扫完整：{text}"), text=number
        )
    if len(number) > TRACKING_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号太长，可能连着扫了两个码：{text}"), text=number[:40]
        )
    return number


def when(instant: datetime | None) -> str:
    return "" if instant is None else local_time(instant).strftime("%Y-%m-%d %H:%M")


def check_tracking_free(session: Session, tracking: str, order_id: int | None) -> None:
    """One tracking number, one order waiting for it: else a check-in could not say whose
    goods arrived."""
    other = session.scalar(
        select(AgentOrder.number).where(
            AgentOrder.tracking_number == tracking,
            AgentOrder.status.in_([s.value for s in AWAITING]),
            AgentOrder.id != (order_id or 0),
        )
    )
    if other is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}已登记在代购订单{number}上，请核对。"),
            tracking=tracking,
            number=other,
        )
