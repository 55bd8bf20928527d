"""The farmers (农户) a station buys from: registered once, found again in seconds.

A farmer's name, phone and ID number are personal data (DESIGN.md, Privacy): they stay
in the local ``farmers`` row, shown masked, and never go on the ledger. The ledger
gets only what the county's 帮扶 figures count: the village and the household status
(``farmer.registered`` / ``farmer.changed``). So a keeper at a busy scale finds a farmer
by what they say out loud: part of the name, its pinyin initials ("zs" for 张三), the
last four digits of the phone, or of the ID card.

Everything is checked before anything is written; then ONE transaction holds the row
and its entry.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pypinyin import Style, lazy_pinyin
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock
from station_app.core.db.models import StationLevel
from station_app.core.db.produce_models import Farmer, Household
from station_app.core.division import check_division_code
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.phones import mask, parse_phone
from station_app.core.produce.errors import ProduceError, on_produce_field
from station_app.core.replay_base import PLACEHOLDER

NAME_LIMIT = 40
SEARCH_LIMIT = 50
PAY_PREFERENCES = ("cash", "wechat", "alipay", "bank", "owed")

HOUSEHOLD_NAMES: dict[Household | None, str] = {
    Household.NORMAL: QT_TRANSLATE_NOOP("core", "普通"),
    Household.LIFTED: QT_TRANSLATE_NOOP("core", "脱贫户"),
    Household.MONITORED: QT_TRANSLATE_NOOP("core", "监测对象"),
    None: QT_TRANSLATE_NOOP("core", "未填写"),
}
PAY_PREFERENCE_NAMES = {
    "cash": QT_TRANSLATE_NOOP("core", "现金"),
    "wechat": QT_TRANSLATE_NOOP("core", "微信"),
    "alipay": QT_TRANSLATE_NOOP("core", "支付宝"),
    "bank": QT_TRANSLATE_NOOP("core", "银行转账"),
    "owed": QT_TRANSLATE_NOOP("core", "赊账（以后结清）"),
}
HOUSEHOLD_HINT = QT_TRANSLATE_NOOP("core", "户类型可以先不填，但收购前必须填写。")
"""Shown under the household field: registering without it is allowed (the keeper may
have to ask the village committee), buying is not (the 帮扶 figures need it)."""

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
_ID_TAIL = re.compile(r"^[0-9]{3}[0-9X]$")
_SURNAMES = {
    "曾": "z",
    "单": "s",
    "解": "x",
    "仇": "q",
    "区": "o",
    "朴": "p",
    "查": "z",
    "盖": "g",
    "乐": "y",
    "尉": "y",
    "缪": "m",
    "覃": "q",
    "翟": "z",
    "召": "s",
    "繁": "p",
    "员": "y",
    "种": "c",
    "长": "c",
    "重": "c",
    "沈": "s",
}
"""Surnames whose everyday reading differs from pypinyin's first guess (曾 is "céng" in
a sentence but "Zēng" as a name): the keeper types what they hear."""


@dataclass(frozen=True)
class FarmerForm:
    """The 农户 form as typed. ``household`` may be None (unknown) at registration, but
    it is needed before the station buys from the farmer (:data:`HOUSEHOLD_HINT`)."""

    name: str
    phone: str | None = ""
    village_code: str = ""
    id_number: str | None = ""
    household: str | None = None
    pay_preference: str = "cash"


@dataclass(frozen=True)
class _Checked:
    name: str
    phone: str | None
    village_code: str
    id_number: str | None
    household: Household | None
    pay_preference: str


@dataclass(frozen=True)
class FarmerView:
    """What screens see of a farmer: the full name (it is the keeper's own register),
    the phone and ID number masked."""

    uid: str
    name: str
    masked_phone: str
    phone_tail: str | None
    village_code: str
    village_name: str | None
    masked_id: str
    household: Household | None
    household_name: str
    pay_preference: str
    registered_at: datetime
    registered_by: str
    changed_at: datetime

    @property
    def can_sell(self) -> bool:
        """A purchase records the household status, so an unknown one blocks buying."""
        return self.household is not None

    @property
    def rebuilt(self) -> bool:
        """Rebuilt from the ledger: name, phone and ID number are to be asked again."""
        return self.name == PLACEHOLDER

    @classmethod
    def of(cls, row: Farmer) -> FarmerView:
        household = Household(row.household) if row.household else None
        return cls(
            uid=row.uid,
            name=row.name,
            masked_phone=mask(row.phone, row.phone_tail),
            phone_tail=row.phone_tail,
            village_code=row.village_code,
            village_name=village_name(row.village_code),
            masked_id=mask_id(row.id_number),
            household=household,
            household_name=HOUSEHOLD_NAMES[household],
            pay_preference=row.pay_preference,
            registered_at=row.registered_at,
            registered_by=row.registered_by,
            changed_at=row.changed_at,
        )


# --- helpers other produce modules share ---------------------------------------------


def village_name(code: str) -> str | None:
    """The village's name, when the app can tell it. ``core.division`` checks codes but
    carries no list of names (it does not pretend to know every village in China), so
    for now there is none and screens show the code."""
    del code
    return None


def mask_id(id_number: str | None) -> str:
    """6101**********123X: the region and the check digits, never the birth date."""
    if not id_number:
        return ""
    if len(id_number) <= 8:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def initials(name: str) -> str:
    """张三丰 → zsf, Lee 明 → leem: pinyin first letters, other letters and digits kept,
    lower case, what a keeper types to find the farmer."""
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER)
    if name[:1] in _SURNAMES and letters:
        letters[0] = _SURNAMES[name[:1]]
    return "".join(ch for ch in "".join(letters).lower() if ch.isascii() and ch.isalnum())[
        :NAME_LIMIT
    ]


def check_id_number(text: str) -> str:
    """An 18-character resident ID (GB 11643): full-width and lower-case folded, the
    birth date a real date, the last character the check digit of the other 17."""
    compact = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if not _ID_SHAPE.match(compact):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "身份证号应是18位（最后一位可以是X），现在是{count}位。"),
            count=len(compact),
        )
    try:
        born = date(int(compact[6:10]), int(compact[10:12]), int(compact[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < 1900:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "身份证号中的出生日期不对，请核对。"))
    total = sum(int(digit) * weight for digit, weight in zip(compact, _ID_WEIGHTS, strict=False))
    if _ID_CHECK[total % 11] != compact[17]:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "身份证号校验位不对，请逐位核对（可能输错了一位）。")
        )
    return compact


def by_uid(session: Session, farmer_uid: str) -> Farmer:
    row = session.scalar(select(Farmer).where(Farmer.uid == farmer_uid))
    if row is None:
        raise ProduceError("farmer", ValidationError(QT_TRANSLATE_NOOP("core", "找不到这位农户。")))
    return row


# --- checking the form ----------------------------------------------------------------


def _name(text: str) -> str:
    name = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写农户姓名。"))
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "姓名太长了，最多{limit}个字。"), limit=NAME_LIMIT
        )
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "姓名里有不能打印的字符。"))
    return name


def _phone(text: str | None) -> str | None:
    """Optional; when given, a whole mainland mobile the keeper can call or pay to."""
    message = QT_TRANSLATE_NOOP("core", "手机号要填完整的11位（不填也可以）。")
    try:
        phone = parse_phone(text or "")
    except ValidationError:
        raise ValidationError(message) from None
    if phone is None:
        return None
    if phone.number is None or phone.extension is not None:
        raise ValidationError(message)
    return phone.number


def _village(text: str) -> str:
    if not (text or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写农户所在村的12位区划代码。"))
    return check_division_code(text, StationLevel.VILLAGE)


def _id_number(text: str | None) -> str | None:
    if not (text or "").strip():
        return None
    return check_id_number(text or "")


def _household(value: str | None) -> Household | None:
    if value is None or not str(value).strip():
        return None
    try:
        return Household(str(value).strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "户类型只能是普通、脱贫户或监测对象。")
        ) from None


def _pay_preference(value: str) -> str:
    if value not in PAY_PREFERENCES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "请选择收款方式：现金、微信、支付宝、银行转账或赊账。")
        )
    return value


def check(form: FarmerForm) -> _Checked:
    """Every rule, in the form's order, so the first refusal is the first field to fix."""
    return _Checked(
        name=on_produce_field("name", lambda: _name(form.name)),
        phone=on_produce_field("phone", lambda: _phone(form.phone)),
        village_code=on_produce_field("village_code", lambda: _village(form.village_code)),
        id_number=on_produce_field("id_number", lambda: _id_number(form.id_number)),
        household=on_produce_field("household", lambda: _household(form.household)),
        pay_preference=on_produce_field(
            "pay_preference", lambda: _pay_preference(form.pay_preference)
        ),
    )


def _id_free(session: Session, id_number: str | None, farmer_uid: str | None) -> None:
    if id_number is None:
        return
    query = select(Farmer).where(Farmer.id_number == id_number)
    if farmer_uid is not None:
        query = query.where(Farmer.uid != farmer_uid)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ProduceError(
            "id_number",
            ValidationError(
                QT_TRANSLATE_NOOP("core", "这个身份证号已登记为农户{name}。"), name=other.name
            ),
        )


def _entry(farmer_uid: str, checked: _Checked) -> dict[str, Any]:
    """Village and household only: the ledger goes to the county, personal data does not."""
    payload: dict[str, Any] = {"farmer": farmer_uid, "village": checked.village_code}
    if checked.household is not None:
        payload["household"] = checked.household.value
    return payload


def _personal(row: Farmer, checked: _Checked) -> None:
    row.name = checked.name
    row.initials = initials(checked.name)
    row.phone = checked.phone
    row.phone_tail = checked.phone[-4:] if checked.phone else None
    row.id_number = checked.id_number
    row.pay_preference = checked.pay_preference


# --- actions --------------------------------------------------------------------------


def register(
    session: Session, clock: Clock, *, actor: OperatorInfo, form: FarmerForm
) -> FarmerView:
    """A new farmer: the row with everything, ``farmer.registered`` with the village and
    household status only."""
    checked = check(form)
    _id_free(session, checked.id_number, None)
    now = clock.now()
    farmer_uid = str(uuid.uuid4())
    entry = ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="farmer.registered",
        payload=_entry(farmer_uid, checked),
    )
    row = Farmer(
        uid=farmer_uid,
        village_code=checked.village_code,
        household=checked.household.value if checked.household else None,
        registered_at=now,
        registered_by=actor.login,
        registered_entry=entry.entry_id,
        changed_at=now,
    )
    _personal(row, checked)
    session.add(row)
    session.flush()
    return FarmerView.of(row)


def change(
    session: Session, clock: Clock, *, actor: OperatorInfo, farmer_uid: str, form: FarmerForm
) -> FarmerView:
    """The farmer's details as they are from now on.

    ``farmer.changed`` is appended only when the village or the household status
    changed: those are all the ledger ever carries about a farmer. A new name, phone,
    ID number or payment preference is local data and changes without an entry (an
    entry saying "something personal changed" would tell the county nothing it may
    know). Earlier purchases keep the status they were bought under.
    """
    row = by_uid(session, farmer_uid)
    checked = check(form)
    _id_free(session, checked.id_number, farmer_uid)
    household = checked.household.value if checked.household else None
    place_changed = (row.village_code, row.household) != (checked.village_code, household)
    personal_changed = (
        row.name,
        row.phone,
        row.id_number,
        row.pay_preference,
    ) != (checked.name, checked.phone, checked.id_number, checked.pay_preference)
    if not place_changed and not personal_changed:
        return FarmerView.of(row)
    if place_changed:
        ledger.append(
            session,
            clock,
            operator=actor.login,
            event_type="farmer.changed",
            payload=_entry(farmer_uid, checked),
        )
        row.village_code = checked.village_code
        row.household = household
    _personal(row, checked)
    row.changed_at = clock.now()
    session.flush()
    return FarmerView.of(row)


# --- finding --------------------------------------------------------------------------


def farmer(session: Session, uid: str) -> FarmerView:
    return FarmerView.of(by_uid(session, uid))


def views_of(rows: Iterable[Farmer]) -> list[FarmerView]:
    return [FarmerView.of(row) for row in rows]


def search(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[FarmerView]:
    """By name (any part), pinyin initials (a prefix: "zs" finds 张三 and 张三丰), the last
    four digits of the phone or the ID number, or a whole phone or ID number; newest
    first. Nothing typed: the most recently registered."""
    query = select(Farmer)
    condition = _matching(text)
    if condition is not None:
        query = query.where(condition)
    return views_of(session.scalars(query.order_by(Farmer.id.desc()).limit(limit)))


def _matching(text: str) -> ColumnElement[bool] | None:
    spaced = " ".join(unicodedata.normalize("NFKC", text or "").split())
    compact = spaced.replace(" ", "").upper()
    if not compact:
        return None
    conditions: list[ColumnElement[bool]] = [
        Farmer.name.contains(spaced, autoescape=True),
    ]
    if compact.isascii() and compact.isalnum() and not compact.isdigit():
        conditions.append(Farmer.initials.startswith(compact.lower(), autoescape=True))
    if _ID_TAIL.match(compact):
        if compact.isdigit():
            conditions.append(Farmer.phone_tail == compact)
        conditions.append(Farmer.id_number.endswith(compact, autoescape=True))
    if compact.isdigit() and len(compact) == 11:
        conditions.append(Farmer.phone == compact)
    if len(compact) == 18:
        conditions.append(Farmer.id_number == compact)
    return or_(*conditions)


def household_of(session: Session, farmer_uid: str) -> Household | None:
    """The status a purchase would record now (None: not known, so no purchase)."""
    value = session.scalar(select(Farmer.household).where(Farmer.uid == farmer_uid))
    return Household(value) if value else None
