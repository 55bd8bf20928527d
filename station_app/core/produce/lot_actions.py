"""What the keeper does with a lot (批次) after the purchases: looks at the day's lots,
weighs part of one out into child lots (拆分), ships one (发运), prints its label.

A lot is opened by the day's first purchase of its product and grade
(``core.produce.lots.lot_for``); from then on its weight is bookkeeping in whole grams:
``held = split_in + purchased − split_out − shipped``. A split or a shipment can only
take what is held, so the county's figures of what left each station add up to what
was bought there. Each action is ONE transaction: the rows and their entry; nothing is
written before every check passed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, local_time
from station_app.core.db.models import Operator, Station
from station_app.core.db.produce_models import (
    LotStatus,
    ProduceLot,
    ProducePurchase,
    PurchaseStatus,
)
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.produce.catalogue import catalogue_in_use
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.lots import format_trace_code, new_trace_code
from station_app.core.receipts import Detail, QrCode, Receipt, Translate
from station_app.core.weight import Grams
from sync.events import MAX_PRODUCE_GRAMS

MAX_PARTS = 50
"""What one ``lot.split`` entry may carry; more boxes than a station packs in a day."""
TO_NAME_LIMIT = 60
TO_KINDS = ("county_supply", "buyer")
TO_KIND_NAMES = {
    "county_supply": QT_TRANSLATE_NOOP("core", "县供销中心"),
    "buyer": QT_TRANSLATE_NOOP("core", "收购商"),
}
STATUS_NAMES = {
    LotStatus.OPEN: QT_TRANSLATE_NOOP("core", "收购中"),
    LotStatus.CLOSED: QT_TRANSLATE_NOOP("core", "已封批"),
    LotStatus.SHIPPED: QT_TRANSLATE_NOOP("core", "已发运"),
}


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class LotView:
    """A lot as screens, labels and the trace lookup show it: weights in grams."""

    uid: str
    trace_code: str
    formatted_code: str
    """XXXXX-XXXXX, as printed on the label."""
    product_code: str
    product_name: str
    grade_code: str
    grade_name: str
    business_day: str
    parent_uid: str | None
    parent_trace_code: str | None
    status: LotStatus
    purchased_g: int
    split_in_g: int
    split_out_g: int
    shipped_g: int
    held_g: int
    purchases: int
    """Purchases in the lot itself (voided ones not counted)."""
    shipped_to: str | None
    shipped_to_kind: str | None
    shipped_at: datetime | None
    opened_at: datetime

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    @property
    def takes_purchases(self) -> bool:
        return self.status is LotStatus.OPEN


Names = Callable[[str, str], tuple[str, str]]


def _names(session: Session) -> Names:
    """Product and grade names from the catalogue in use; a code stands for a product
    the catalogue no longer lists."""
    return catalogue_in_use(session).names


def views_of(session: Session, rows: Iterable[ProduceLot]) -> list[LotView]:
    """Views of ``rows``: one query for their purchase counts, one for parents' codes."""
    rows = list(rows)
    if not rows:
        return []
    uids = [row.uid for row in rows]
    counted = session.execute(
        select(ProducePurchase.lot_uid, func.count())
        .where(
            ProducePurchase.lot_uid.in_(uids),
            ProducePurchase.status != PurchaseStatus.VOIDED.value,
        )
        .group_by(ProducePurchase.lot_uid)
    )
    counts: dict[str, int] = dict(counted.all())
    parents = {row.parent_uid for row in rows if row.parent_uid}
    codes: dict[str, str] = {}
    if parents:
        found = session.execute(
            select(ProduceLot.uid, ProduceLot.trace_code).where(ProduceLot.uid.in_(parents))
        )
        codes = dict(found.all())
    names = _names(session)
    return [_view(row, counts.get(row.uid, 0), codes, names) for row in rows]


def _view(row: ProduceLot, purchases: int, parents: dict[str, str], names: Names) -> LotView:
    product_name, grade_name = names(row.product_code, row.grade_code)
    return LotView(
        uid=row.uid,
        trace_code=row.trace_code,
        formatted_code=format_trace_code(row.trace_code),
        product_code=row.product_code,
        product_name=product_name,
        grade_code=row.grade_code,
        grade_name=grade_name,
        business_day=row.business_day,
        parent_uid=row.parent_uid,
        parent_trace_code=parents.get(row.parent_uid) if row.parent_uid else None,
        status=LotStatus(row.status),
        purchased_g=row.purchased_g,
        split_in_g=row.split_in_g,
        split_out_g=row.split_out_g,
        shipped_g=row.shipped_g,
        held_g=row.held_g,
        purchases=purchases,
        shipped_to=row.shipped_to_name,
        shipped_to_kind=row.shipped_to_kind,
        shipped_at=row.shipped_at,
        opened_at=row.opened_at,
    )


def by_uid(session: Session, lot_uid: str) -> ProduceLot:
    row = session.scalar(select(ProduceLot).where(ProduceLot.uid == lot_uid))
    if row is None:
        raise ProduceError("lot", ValidationError(QT_TRANSLATE_NOOP("core", "找不到这个批次。")))
    return row


def lot(session: Session, lot_uid: str) -> LotView:
    return views_of(session, [by_uid(session, lot_uid)])[0]


def lots_of_day(session: Session, day: date | str) -> list[LotView]:
    """The lots opened (or split off) on a business day, in the order they were made."""
    text = day.isoformat() if isinstance(day, date) else day
    query = select(ProduceLot).where(ProduceLot.business_day == text).order_by(ProduceLot.id)
    return views_of(session, session.scalars(query))


def open_and_held_lots(session: Session) -> list[LotView]:
    """Everything still at the station: lots taking purchases, and closed lots that hold
    something (a parent split to nothing, or shipped, has left)."""
    held = (
        ProduceLot.split_in_g
        + ProduceLot.purchased_g
        - ProduceLot.split_out_g
        - ProduceLot.shipped_g
    )
    query = select(ProduceLot).where(
        ProduceLot.status != LotStatus.SHIPPED.value,
        or_(ProduceLot.status == LotStatus.OPEN.value, held > 0),
    )
    return views_of(session, session.scalars(query.order_by(ProduceLot.id)))


# --- refusals -------------------------------------------------------------------------


def _kg(grams: int) -> str:
    return Grams(grams).format("kg")


def _refuse(field: str, template: str, **params: object) -> ProduceError:
    return ProduceError(field, ValidationError(template, **params))


def _not_shipped(row: ProduceLot, action: str) -> None:
    if row.status == LotStatus.SHIPPED.value:
        raise _refuse(
            "lot",
            QT_TRANSLATE_NOOP("core", "批次{code}已于{when}发运，不能再{action}。"),
            code=format_trace_code(row.trace_code),
            when=local_time(row.shipped_at).strftime("%Y-%m-%d %H:%M") if row.shipped_at else "",
            action=action,
        )


def _check_parts(parts_g: Sequence[int], held: int) -> list[int]:
    if not parts_g:
        raise _refuse("parts", QT_TRANSLATE_NOOP("core", "请至少填写一份要拆出的重量。"))
    if len(parts_g) > MAX_PARTS:
        raise _refuse(
            "parts",
            QT_TRANSLATE_NOOP("core", "一次最多拆成{limit}份，请分几次拆。"),
            limit=MAX_PARTS,
        )
    for row, part in enumerate(parts_g):
        if isinstance(part, bool) or not isinstance(part, int) or part <= 0:
            raise ProduceError(
                "parts",
                ValidationError(
                    QT_TRANSLATE_NOOP("core", "第{row}份的重量必须大于0。"), row=row + 1
                ),
                row,
            )
        if part > MAX_PRODUCE_GRAMS:
            raise ProduceError(
                "parts",
                ValidationError(
                    QT_TRANSLATE_NOOP("core", "第{row}份的重量太大了：{weight}。"),
                    row=row + 1,
                    weight=_kg(part),
                ),
                row,
            )
    asked = sum(parts_g)
    if asked > held:
        raise _refuse(
            "parts",
            QT_TRANSLATE_NOOP("core", "批次只剩{held}，不能拆出{asked}。"),
            held=_kg(held),
            asked=_kg(asked),
        )
    return list(parts_g)


def _to_name(text: str) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise _refuse("to_name", QT_TRANSLATE_NOOP("core", "请填写发往的单位（公司或市场名称）。"))
    if len(name) > TO_NAME_LIMIT:
        raise _refuse(
            "to_name",
            QT_TRANSLATE_NOOP("core", "单位名称太长了，最多{limit}个字。"),
            limit=TO_NAME_LIMIT,
        )
    return name


# --- actions --------------------------------------------------------------------------


def _fresh_codes(session: Session, count: int) -> list[str]:
    """``count`` trace codes no lot here has, nor each other: a clash of 50 random bits
    is all but impossible, and would send a buyer's question to the wrong farmers."""
    codes: list[str] = []
    while len(codes) < count:
        code = new_trace_code()
        taken = session.scalar(select(ProduceLot.id).where(ProduceLot.trace_code == code))
        if taken is None and code not in codes:
            codes.append(code)
    return codes


def split(
    session: Session, clock: Clock, *, actor: OperatorInfo, lot_uid: str, parts_g: list[int]
) -> list[LotView]:
    """Weigh ``parts_g`` out of a lot into as many child lots, each with its own trace
    code and label; the children, in order.

    The parent is closed to new purchases: a label already printed for it would no
    longer say what is in it if more went in. A child takes no purchases either (it was
    weighed out, not bought), so it is made closed; the rest of the parent stays at the
    station and can be split again or shipped.
    """
    parent = by_uid(session, lot_uid)
    _not_shipped(parent, QT_TRANSLATE_NOOP("core", "拆分"))
    parts = _check_parts(parts_g, parent.held_g)
    now = clock.now()
    codes = _fresh_codes(session, len(parts))
    children = [(str(uuid.uuid4()), code, part) for code, part in zip(codes, parts, strict=True)]
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="lot.split",
        payload={
            "lot": parent.uid,
            "children": [
                {"lot": uid, "trace_code": code, "net_g": part} for uid, code, part in children
            ],
        },
    )
    rows = [
        ProduceLot(
            uid=uid,
            trace_code=code,
            product_code=parent.product_code,
            grade_code=parent.grade_code,
            business_day=parent.business_day,
            parent_uid=parent.uid,
            status=LotStatus.CLOSED.value,
            purchased_g=0,
            split_in_g=part,
            split_out_g=0,
            shipped_g=0,
            opened_at=now,
            opened_by=actor.login,
            opened_entry=entry.entry_id,
        )
        for uid, code, part in children
    ]
    session.add_all(rows)
    parent.split_out_g += sum(parts)
    parent.status = LotStatus.CLOSED.value
    session.flush()
    return views_of(session, rows)


def ship(
    session: Session,
    clock: Clock,
    *,
    actor: OperatorInfo,
    lot_uid: str,
    to_kind: str,
    to_name: str,
) -> LotView:
    """Ship all a lot holds to the county's supply centre or a buyer (a business, never a
    private person's details: the name goes on the ledger)."""
    row = by_uid(session, lot_uid)
    _not_shipped(row, QT_TRANSLATE_NOOP("core", "发运"))
    if to_kind not in TO_KINDS:
        raise _refuse("to_kind", QT_TRANSLATE_NOOP("core", "请选择发往县供销中心还是收购商。"))
    name = _to_name(to_name)
    held = row.held_g
    if held <= 0:
        raise _refuse(
            "lot",
            QT_TRANSLATE_NOOP("core", "批次{code}里已经没有货了，不能发运。"),
            code=format_trace_code(row.trace_code),
        )
    now = clock.now()
    shipment_uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="lot.shipped",
        payload={
            "lot": row.uid,
            "shipment": shipment_uid,
            "to_kind": to_kind,
            "to_name": name,
            "net_g": held,
        },
    )
    row.status = LotStatus.SHIPPED.value
    row.shipped_g += held
    row.shipment_uid = shipment_uid
    row.shipped_at = now
    row.shipped_by = actor.login
    row.shipped_to_kind = to_kind
    row.shipped_to_name = name
    row.shipped_entry = entry.entry_id
    session.flush()
    return views_of(session, [row])[0]


# --- the label ------------------------------------------------------------------------


def label(
    session: Session,
    lot_uid: str,
    *,
    issued_at: datetime | None = None,
    operator: str | None = None,
    translate: Translate = _same,
) -> Receipt:
    """The lot's label (批次标签) for the crates: what, which grade, which day, how much
    is in it now, and its trace code as a QR code and as text to type. Short, so it fits
    a 58 mm label. Printed when and by whom the caller says, else as of the lot's making."""
    t = translate
    row = by_uid(session, lot_uid)
    view = views_of(session, [row])[0]
    station = session.scalar(select(Station.name)) or ""
    details = [
        Detail(t(QT_TRANSLATE_NOOP("core", "品名")), view.product_name),
        Detail(t(QT_TRANSLATE_NOOP("core", "等级")), view.grade_name),
        Detail(t(QT_TRANSLATE_NOOP("core", "日期")), view.business_day),
        Detail(
            t(QT_TRANSLATE_NOOP("core", "净重")),
            f"{_kg(view.held_g)}（{Grams(view.held_g).format('jin')}）",
        ),
    ]
    if view.parent_trace_code:
        details.append(
            Detail(
                t(QT_TRANSLATE_NOOP("core", "拆自批次")), format_trace_code(view.parent_trace_code)
            )
        )
    caption = t(QT_TRANSLATE_NOOP("core", "溯源码 {code}")).format(code=view.formatted_code)
    return Receipt(
        title=t(QT_TRANSLATE_NOOP("core", "批次标签")),
        station_name=station or "-",
        number=view.formatted_code,
        issued_at=issued_at or row.opened_at,
        operator=operator
        or session.scalar(select(Operator.display_name).where(Operator.login == row.opened_by))
        or row.opened_by,
        details=tuple(details),
        qr=QrCode(view.trace_code, caption),
    )
