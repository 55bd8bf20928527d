"""Farmers (农户) on a real store: registered with their personal data kept locally and
shown masked, found by name, pinyin initials or a tail of four, changed with an entry
only when the village or household changes; bad input writes nothing, and everything
but the personal data rebuilds from the ledger."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import Farmer, Household
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.produce import farmers
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.farmers import FarmerForm, FarmerView
from station_app.core.replay_base import PLACEHOLDER
from station_app.core.store import Store
from tests.core.test_replay import entries_of, rebuild

VILLAGE = "610305110201"
OTHER_VILLAGE = "610305110202"
ID_A = "610305196503122413"
ID_X = "61030519820808007X"
FORM = FarmerForm(
    name="张三丰",
    phone="138 1234 5678",
    village_code=VILLAGE,
    id_number=ID_A,
    household="lifted",
    pay_preference="wechat",
)


def register(store: Store, who: OperatorInfo, form: FarmerForm = FORM) -> FarmerView:
    with store.writing() as session:
        return farmers.register(session, store.clock, actor=who, form=form)


def change(store: Store, who: OperatorInfo, uid: str, form: FarmerForm) -> FarmerView:
    with store.writing() as session:
        return farmers.change(session, store.clock, actor=who, farmer_uid=uid, form=form)


def search(store: Store, text: str) -> list[str]:
    with store.reading() as session:
        return [view.name for view in farmers.search(session, text)]


def counts(store: Store) -> tuple[int, int]:
    with store.reading() as session:
        entries = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
        rows = session.scalar(select(func.count()).select_from(Farmer)) or 0
        return entries, rows


def payloads(store: Store) -> list[tuple[str, str]]:
    with store.reading() as session:
        query = select(LedgerEntry.type, LedgerEntry.payload).order_by(LedgerEntry.seq)
        return [(t, p) for t, p in session.execute(query) if t.startswith("farmer.")]


# --- registering --------------------------------------------------------------------


def test_a_farmer_is_registered_masked_with_no_personal_data_on_the_ledger(
    store: Store, assistant: OperatorInfo
) -> None:
    view = register(store, assistant)

    assert view.name == "张三丰"
    assert view.masked_phone == "138****5678"
    assert view.phone_tail == "5678"
    assert view.masked_id == "6103**********2413"
    assert (view.village_code, view.household, view.household_name) == (
        VILLAGE,
        Household.LIFTED,
        "脱贫户",
    )
    assert view.pay_preference == "wechat"
    assert (view.can_sell, view.rebuilt) == (True, False)
    with store.reading() as session:
        row = session.scalars(select(Farmer)).one()
        assert (row.initials, row.phone, row.id_number) == ("zsf", "13812345678", ID_A)
    [(event_type, raw)] = payloads(store)
    assert event_type == "farmer.registered"
    for personal in ("张", "三丰", "13812345678", "5678", ID_A, "2413", "zsf", "wechat"):
        assert personal not in raw
    assert VILLAGE in raw
    assert "lifted" in raw


def test_household_may_be_unknown_at_registration_but_then_the_farmer_cannot_sell(
    store: Store, assistant: OperatorInfo
) -> None:
    view = register(store, assistant, FarmerForm("李四", village_code=VILLAGE))

    assert (view.household, view.household_name) == (None, "未填写")
    assert not view.can_sell
    assert (view.masked_phone, view.phone_tail, view.masked_id) == ("", None, "")
    [(_, raw)] = payloads(store)
    assert "household" not in raw
    assert farmers.HOUSEHOLD_HINT == "户类型可以先不填，但收购前必须填写。"


def test_an_id_number_is_folded_from_full_width_and_lower_case(
    store: Store, assistant: OperatorInfo
) -> None:
    typed = "６１０３０５１９８２０８０８００７x"
    view = register(store, assistant, dataclasses.replace(FORM, id_number=typed))

    assert view.masked_id == "6103**********007X"
    with store.reading() as session:
        assert session.scalars(select(Farmer.id_number)).one() == ID_X


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "请填写农户姓名。"),
        ({"name": "张" * 41}, "name", "姓名太长了，最多40个字。"),
        ({"phone": "12345"}, "phone", "手机号要填完整的11位（不填也可以）。"),
        ({"phone": "5678"}, "phone", "手机号要填完整的11位（不填也可以）。"),
        ({"phone": "17012345678转1234"}, "phone", "手机号要填完整的11位（不填也可以）。"),
        ({"village_code": ""}, "village_code", "请填写农户所在村的12位区划代码。"),
        ({"village_code": "61030511020"}, "village_code", None),
        ({"village_code": "610305110000"}, "village_code", None),
        (
            {"id_number": "61030519650312241"},
            "id_number",
            "身份证号应是18位（最后一位可以是X），现在是17位。",
        ),
        (
            {"id_number": "610305196503122414"},
            "id_number",
            "身份证号校验位不对，请逐位核对（可能输错了一位）。",
        ),
        ({"id_number": "610305196513122413"}, "id_number", "身份证号中的出生日期不对，请核对。"),
        ({"household": "poor"}, "household", "户类型只能是普通、脱贫户或监测对象。"),
        ({"pay_preference": "card"}, "pay_preference", None),
    ],
)
def test_bad_input_names_its_field_and_writes_nothing(
    store: Store,
    assistant: OperatorInfo,
    changes: dict[str, str],
    field: str,
    message: str | None,
) -> None:
    before = counts(store)
    with pytest.raises(ProduceError) as refused:
        register(store, assistant, dataclasses.replace(FORM, **changes))

    assert refused.value.field == field
    if message is not None:
        assert str(refused.value) == message
    assert counts(store) == before


def test_an_id_number_registered_twice_is_refused(store: Store, assistant: OperatorInfo) -> None:
    register(store, assistant)
    before = counts(store)

    with pytest.raises(ProduceError) as refused:
        register(store, assistant, dataclasses.replace(FORM, name="张三", phone=""))

    assert refused.value.field == "id_number"
    assert str(refused.value) == "这个身份证号已登记为农户张三丰。"
    assert counts(store) == before


# --- changing -----------------------------------------------------------------------


def test_personal_details_change_without_an_entry(
    store: Store, assistant: OperatorInfo, clock: FixedClock
) -> None:
    view = register(store, assistant)
    before = counts(store)
    clock.advance(timedelta(minutes=5))

    changed = change(
        store,
        assistant,
        view.uid,
        dataclasses.replace(FORM, name="张山峰", phone="13900001111", id_number=ID_X),
    )

    assert (changed.name, changed.masked_phone, changed.masked_id) == (
        "张山峰",
        "139****1111",
        "6103**********007X",
    )
    assert changed.changed_at > view.changed_at
    assert counts(store) == before
    assert search(store, "1111") == ["张山峰"]
    assert search(store, "5678") == []


def test_a_new_village_or_household_is_one_farmer_changed_entry(
    store: Store, assistant: OperatorInfo
) -> None:
    view = register(store, assistant)

    changed = change(store, assistant, view.uid, dataclasses.replace(FORM, household="normal"))
    change(store, assistant, view.uid, dataclasses.replace(FORM, household="normal"))
    change(
        store,
        assistant,
        view.uid,
        dataclasses.replace(FORM, household="normal", village_code=OTHER_VILLAGE),
    )

    assert changed.household is Household.NORMAL
    types = [event_type for event_type, _ in payloads(store)]
    assert types == ["farmer.registered", "farmer.changed", "farmer.changed"]
    for _, raw in payloads(store):
        for personal in ("13812345678", "张三丰", ID_A):
            assert personal not in raw
    with store.reading() as session:
        assert farmers.farmer(session, view.uid).village_code == OTHER_VILLAGE


def test_a_refused_change_writes_nothing(store: Store, assistant: OperatorInfo) -> None:
    view = register(store, assistant)
    other = register(store, assistant, FarmerForm("李四", village_code=VILLAGE, id_number=ID_X))
    before = counts(store)

    with pytest.raises(ProduceError) as refused:
        change(store, assistant, other.uid, dataclasses.replace(FORM, name="李四"))
    assert refused.value.field == "id_number"
    with pytest.raises(ProduceError) as refused:
        change(store, assistant, view.uid, dataclasses.replace(FORM, household="x"))
    assert refused.value.field == "household"
    with pytest.raises(ProduceError) as refused:
        change(store, assistant, "no-such-uid", FORM)
    assert refused.value.field == "farmer"

    assert counts(store) == before
    with store.reading() as session:
        assert farmers.farmer(session, other.uid).name == "李四"
    # A farmer's own ID number is no duplicate of itself.
    assert change(store, assistant, view.uid, dataclasses.replace(FORM, pay_preference="cash"))


# --- finding ------------------------------------------------------------------------


@pytest.fixture
def village(store: Store, assistant: OperatorInfo) -> None:
    register(store, assistant)
    register(store, assistant, FarmerForm("张三", "13900002222", VILLAGE, "", "normal"))
    register(store, assistant, FarmerForm("曾小贤", "", VILLAGE, ID_X, "monitored"))
    register(store, assistant, FarmerForm("Lee 明", "", VILLAGE, None, None))
    register(store, assistant, FarmerForm("王五", "13700003333", OTHER_VILLAGE))


@pytest.mark.usefixtures("village")
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("", ["王五", "Lee 明", "曾小贤", "张三", "张三丰"]),
        ("  ", ["王五", "Lee 明", "曾小贤", "张三", "张三丰"]),
        ("张三", ["张三", "张三丰"]),
        ("三丰", ["张三丰"]),
        ("zs", ["张三", "张三丰"]),
        ("ZSF", ["张三丰"]),
        ("z", ["曾小贤", "张三", "张三丰"]),
        ("zxx", ["曾小贤"]),
        ("leem", ["Lee 明"]),
        ("Lee", ["Lee 明"]),
        ("5678", ["张三丰"]),
        ("2222", ["张三"]),
        ("007x", ["曾小贤"]),
        ("2413", ["张三丰"]),
        ("13700003333", ["王五"]),
        (ID_X.lower(), ["曾小贤"]),
        ("赵", []),
        ("%", []),
    ],
)
def test_search_by_name_initials_and_tails(store: Store, text: str, found: list[str]) -> None:
    assert search(store, text) == found


@pytest.mark.usefixtures("village")
def test_search_is_limited(store: Store) -> None:
    with store.reading() as session:
        assert len(farmers.search(session, "", limit=2)) == 2


def test_initials_keep_letters_and_digits() -> None:
    assert farmers.initials("张三丰") == "zsf"
    assert farmers.initials("曾小贤") == "zxx"
    assert farmers.initials("Lee 明2") == "leem2"
    assert farmers.mask_id(ID_A) == "6103**********2413"
    with pytest.raises(ValidationError):
        farmers.check_id_number("abc")


# --- replay -------------------------------------------------------------------------


def test_farmers_rebuild_from_the_ledger_without_their_personal_data(
    store: Store, assistant: OperatorInfo, tmp_path: Path, clock: FixedClock
) -> None:
    first = register(store, assistant)
    register(store, assistant, FarmerForm("李四", village_code=VILLAGE))
    change(store, assistant, first.uid, dataclasses.replace(FORM, village_code=OTHER_VILLAGE))
    empty = Store.open(tmp_path / "rebuilt", clock)
    try:
        assert rebuild(entries_of(store), empty) == []

        def rows(target: Store) -> dict[str, tuple[object, ...]]:
            with target.reading() as session:
                return {
                    f.uid: (
                        f.village_code,
                        f.household,
                        f.registered_at,
                        f.registered_by,
                        f.registered_entry,
                    )
                    for f in session.scalars(select(Farmer))
                }

        assert rows(empty) == rows(store)
        with empty.reading() as session:
            for row in session.scalars(select(Farmer)):
                assert (row.name, row.phone, row.phone_tail, row.id_number, row.initials) == (
                    PLACEHOLDER,
                    None,
                    None,
                    None,
                    "",
                )
            rebuilt = farmers.farmer(session, first.uid)
            assert (rebuilt.rebuilt, rebuilt.masked_phone, rebuilt.masked_id) == (True, "", "")
            assert [v.name for v in farmers.search(session, "")] == [PLACEHOLDER] * 2
            assert farmers.search(session, "5678") == []
    finally:
        empty.close()
