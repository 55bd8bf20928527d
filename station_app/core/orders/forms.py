"""An order as the keeper fills it in, checked field by field before anything is written.

Amounts and quantities arrive as typed (``"12.50"``, ``"３"``) or already read; each
refusal names the field (and the item row) at fault, so the form can put the message
and the cursor where the mistake is. :func:`preview` gives the live totals of a form
still being filled in, which is what the villager hears before paying the deposit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from station_app.core.db.order_models import Platform
from station_app.core.errors import (
    QT_TRANSLATE_NOOP,
    FieldError,
    UserError,
    ValidationError,
    on_field,
)
from station_app.core.money import Fen
from station_app.core.orders.common import ORDER_MAX_FEN, amount, money_method, tracking_number
from station_app.core.parcels.phones import parse_phone
from sync.events import MAX_ORDER_ITEMS, MAX_ORDER_QUANTITY

NAME_LIMIT = 40
DESCRIPTION_LIMIT = 60
_T = TypeVar("_T")

PLATFORM_NAMES = {
    Platform.PINDUODUO: QT_TRANSLATE_NOOP("core", "拼多多"),
    Platform.JD: QT_TRANSLATE_NOOP("core", "京东"),
    Platform.TAOBAO: QT_TRANSLATE_NOOP("core", "淘宝"),
    Platform.GONGXIAO: QT_TRANSLATE_NOOP("core", "供销e家"),
    Platform.OTHER: QT_TRANSLATE_NOOP("core", "其他"),
}


class OrderInputError(FieldError):
    """A refused form, naming the field (``customer_phone``, ``deposit`` …) and, for an
    item's field (``quantity``, ``unit_price`` …), its row counted from 0."""


def _on_field(field: str, check: Callable[[], _T], row: int | None = None) -> _T:
    return on_field(field, check, OrderInputError, row)


@dataclass(frozen=True)
class ItemForm:
    description: str
    platform: Platform | str
    quantity: int | str
    unit_price: Fen | str


@dataclass(frozen=True)
class OrderForm:
    customer_name: str
    customer_phone: str
    items: Sequence[ItemForm]
    service_fee: Fen | str
    deposit: Fen | str
    method: str
    """How the deposit was paid; ignored when the deposit is zero."""
    tracking_number: str = ""


@dataclass(frozen=True)
class CheckedItem:
    description: str
    platform: Platform
    quantity: int
    unit_price: Fen

    @property
    def amount(self) -> Fen:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class CheckedOrder:
    customer_name: str
    customer_phone: str
    items: tuple[CheckedItem, ...]
    service_fee: Fen
    deposit: Fen
    method: str | None
    tracking_number: str | None

    @property
    def items_total(self) -> Fen:
        return sum((item.amount for item in self.items), Fen(0))

    @property
    def total(self) -> Fen:
        return self.items_total + self.service_fee

    @property
    def balance_due(self) -> Fen:
        return self.total - self.deposit


def check(form: OrderForm) -> CheckedOrder:
    """Every rule, in the form's order, so the first refusal is the first field to fix."""
    name = _on_field("customer_name", lambda: _name(form.customer_name))
    phone = _on_field("customer_phone", lambda: _mobile(form.customer_phone))
    items = _items(form.items)
    items_total = sum((item.amount for item in items), Fen(0))
    fee = _on_field("service_fee", lambda: _optional_amount(form.service_fee))
    _on_field("service_fee", lambda: _within_limit(items_total + fee))
    deposit = _on_field("deposit", lambda: _deposit(form.deposit, items_total + fee))
    method = _on_field("method", lambda: money_method(form.method)) if deposit else None
    tracking = _on_field("tracking_number", lambda: tracking_number(form.tracking_number))
    return CheckedOrder(name, phone, items, fee, deposit, method, tracking)


@dataclass(frozen=True)
class Preview:
    """Live totals of a form being filled in; ``error`` is the first problem, if any."""

    items_total: Fen
    service_fee: Fen
    deposit: Fen
    error: UserError | None

    @property
    def total(self) -> Fen:
        return self.items_total + self.service_fee

    @property
    def balance_due(self) -> Fen:
        return self.total - self.deposit


def preview(items: Sequence[ItemForm], service_fee: str, deposit: str) -> Preview:
    """What the order comes to so far: rows that read are counted, the rest reported."""
    error: UserError | None = None
    items_total = Fen(0)
    for row, item in enumerate(items):
        try:
            items_total += _line_amount(row, item)
        except OrderInputError as refused:
            error = error or refused
    fee, fee_error = _lenient("service_fee", service_fee)
    paid, paid_error = _lenient("deposit", deposit)
    return Preview(items_total, fee, paid, error or fee_error or paid_error)


def _line_amount(row: int, item: ItemForm) -> Fen:
    quantity = _on_field("quantity", lambda: _quantity(item.quantity), row)
    return _on_field("unit_price", lambda: _unit_price(item.unit_price), row) * quantity


def _lenient(field: str, text: str) -> tuple[Fen, UserError | None]:
    if not text.strip():
        return Fen(0), None
    try:
        return _on_field(field, lambda: _optional_amount(text)), None
    except OrderInputError as error:
        return Fen(0), error


def _name(text: str) -> str:
    name = " ".join(unicodedata.normalize("NFKC", text).split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写村民姓名。"))
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "姓名太长了，最多{limit}个字。"), limit=NAME_LIMIT
        )
    return name


def _mobile(text: str) -> str:
    """A full mobile number: the keeper calls when the goods arrive."""
    phone = parse_phone(text)
    if phone is None or phone.number is None or phone.extension is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "代购要填村民完整的11位手机号。"))
    return phone.number


def _items(items: Sequence[ItemForm]) -> tuple[CheckedItem, ...]:
    if not items:
        raise OrderInputError(
            "items", ValidationError(QT_TRANSLATE_NOOP("core", "请至少填写一件商品。"))
        )
    if len(items) > MAX_ORDER_ITEMS:
        raise OrderInputError(
            "items",
            ValidationError(
                QT_TRANSLATE_NOOP("core", "一张订单最多{limit}行商品，请分开登记。"),
                limit=MAX_ORDER_ITEMS,
            ),
        )
    checked = tuple(_item(row, item) for row, item in enumerate(items))
    _on_field("items", lambda: _within_limit(sum((i.amount for i in checked), Fen(0))))
    return checked


def _item(row: int, item: ItemForm) -> CheckedItem:
    description = _on_field("description", lambda: _description(item.description), row)
    platform = _on_field("platform", lambda: _platform(item.platform), row)
    quantity = _on_field("quantity", lambda: _quantity(item.quantity), row)
    price = _on_field("unit_price", lambda: _unit_price(item.unit_price), row)
    _on_field("unit_price", lambda: _within_limit(price * quantity), row)
    return CheckedItem(description, platform, quantity, price)


def _description(text: str) -> str:
    description = " ".join(unicodedata.normalize("NFKC", text).split())
    if not description:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写商品名称。"))
    if len(description) > DESCRIPTION_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "商品名称太长了，最多{limit}个字。"),
            limit=DESCRIPTION_LIMIT,
        )
    return description


def _platform(value: Platform | str) -> Platform:
    try:
        return Platform(value)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请选择下单平台。")) from None


def _quantity(value: int | str) -> int:
    if isinstance(value, bool):
        raise TypeError("a quantity is a count, not a bool")
    if isinstance(value, int):
        number = value
    else:
        text = unicodedata.normalize("NFKC", value).strip()
        if not text.isascii() or not text.lstrip("-").isdigit():
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "数量要填整数（件、袋、箱）：{text}"), text=value[:20]
            )
        number = int(text)
    if number < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "数量至少是1。"))
    if number > MAX_ORDER_QUANTITY:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "数量{quantity}太大了，一行最多{limit}。"),
            quantity=number,
            limit=MAX_ORDER_QUANTITY,
        )
    return number


def _unit_price(value: Fen | str) -> Fen:
    price = amount(value)
    if price.fen == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "单价必须大于0。"))
    return price


def _within_limit(fen: Fen) -> None:
    if fen.fen > ORDER_MAX_FEN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "订单金额{amount}元太大了，一张代购单最多{limit}元。"),
            amount=fen.format(grouping=True),
            limit=Fen(ORDER_MAX_FEN).format(grouping=True),
        )


def _optional_amount(value: Fen | str) -> Fen:
    """A fee or deposit left empty is none at all."""
    return Fen(0) if isinstance(value, str) and not value.strip() else amount(value)


def _deposit(value: Fen | str, total: Fen) -> Fen:
    deposit = _optional_amount(value)
    if deposit > total:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "订金{deposit}元不能超过订单总价{total}元。"),
            deposit=deposit.format(),
            total=total.format(),
        )
    return deposit
