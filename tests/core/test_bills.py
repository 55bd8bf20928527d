"""Bill payments on a real store: taken before paying, followed to 成功 or 失败 with the
refund booked, every bad input refused with nothing written, the account number kept off
the ledger, and the whole of it rebuilt from the ledger."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core.bills import payments, views
from station_app.core.bills.billers import Billers
from station_app.core.bills.payments import BillError, BillOrder
from station_app.core.bills.receipt import receipt_for
from station_app.core.bills.views import PaymentView
from station_app.core.cash import day_close
from station_app.core.clock import FixedClock, business_day
from station_app.core.db.bill_models import BillPayment, BillStatus
from station_app.core.db.cash_models import CashMovement
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.receipts import layout_text
from station_app.core.store import Store
from tests.core.test_replay import entries_of, rebuild

BILLERS = Billers.load()
POWER_ACCOUNT = "3701234567"
PHONE = "13812345678"
ID_NUMBER = "61030319800101123x"


def record(
    store: Store,
    who: OperatorInfo,
    *,
    biller: str = "sgcc_power",
    account: str = POWER_ACCOUNT,
    amount: str = "100",
    method: str = "cash",
) -> PaymentView:
    with store.writing() as session:
        return payments.record(
            session,
            store.clock,
            actor=who,
            order=BillOrder(biller, account, amount, method),
            billers=BILLERS,
        )


def submit(store: Store, who: OperatorInfo, uid: str) -> PaymentView:
    with store.writing() as session:
        return payments.submit(session, store.clock, actor=who, payment_uid=uid)


def succeed(
    store: Store, who: OperatorInfo, uid: str, reference: str = "GW20261123001"
) -> PaymentView:
    with store.writing() as session:
        return payments.succeed(
            session, store.clock, actor=who, payment_uid=uid, reference=reference
        )


def fail(store: Store, who: OperatorInfo, uid: str, reason: str = "户号已销户") -> PaymentView:
    with store.writing() as session:
        return payments.fail(session, store.clock, actor=who, payment_uid=uid, reason=reason)


def book(store: Store) -> list[tuple[str, int, str]]:
    with store.reading() as session:
        rows = session.scalars(select(CashMovement).order_by(CashMovement.id))
        return [(m.method, m.amount_fen, m.kind) for m in rows]


def ledger_size(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(LedgerEntry)) or 0


def payment_count(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(BillPayment)) or 0


def ledger_text(store: Store) -> str:
    with store.reading() as session:
        return "\n".join(session.scalars(select(LedgerEntry.payload)))


# --- the billers set --------------------------------------------------------------------


def test_the_bundled_set_has_every_kind_of_bill_the_issue_names() -> None:
    categories = {biller.category for biller in BILLERS.billers.values()}
    assert categories == {
        "electricity",
        "water",
        "broadband",
        "mobile",
        "medical_insurance",
        "pension",
        "cable_tv",
    }
    topups = [b for b in BILLERS.billers.values() if b.category == "mobile"]
    assert {b.name for b in topups} == {"中国移动话费充值", "中国联通话费充值", "中国电信话费充值"}
    assert all(b.amount.choices == (3000, 5000, 10000) for b in topups)
    assert BILLERS.biller("sgcc_power").account.description.startswith("户号为10位数字")


@pytest.mark.parametrize(
    ("biller", "amount_fen", "fee_fen"),
    [
        ("sgcc_power", 10000, 0),  # none
        ("county_water", 10000, 100),  # fixed 1元
        ("broadband", 10000, 100),  # 5‰ = 0.50元, below the 1元 floor
        ("broadband", 50000, 250),  # 5‰ = 2.50元
        ("broadband", 50010, 250),  # 250.05 fen → 250
        ("broadband", 50100, 251),  # 250.5 fen → 251: half up, never to even
        ("broadband", 150000, 500),  # 7.50元, capped at 5元
    ],
)
def test_the_fee_rule_in_whole_fen(biller: str, amount_fen: int, fee_fen: int) -> None:
    assert payments.quote(BILLERS, biller, Fen(amount_fen)).fee == Fen(fee_fen)


def _set(**biller: object) -> dict[str, object]:
    good = {
        "code": "power",
        "name": "电费",
        "category": "electricity",
        "account": {"label": "户号", "pattern": "[0-9]{10}", "description": "户号为10位数字"},
        "amount": {"min_fen": 100, "max_fen": 500000},
        "fee": {"kind": "none"},
    }
    return {"version": 2, "updated": "2026-12-01", "billers": [{**good, **biller}]}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([], "缴费单位表应是一个对象"),
        ({**_set(), "colour": "red"}, "不认识的字段：colour"),
        ({"version": 2, "updated": "2026-12-01"}, "缺少字段：billers"),
        ({**_set(), "version": 2.0}, "version应是1到"),
        ({**_set(), "billers": []}, "billers 应是非空列表"),
        ({**_set(), "billers": _set()["billers"] * 2}, "代码重复：power"),  # type: ignore[operator]
        (_set(code="Power"), "小写英文字母开头"),
        (_set(category="lottery"), "category 应是"),
        (_set(account={"label": "户号", "pattern": "[0-9", "description": "x"}), "正则表达式"),
        (_set(account={"label": "户号", "pattern": "[0-9]*", "description": "x"}), "空户号"),
        (_set(account={"label": "户号", "pattern": "[0-9]{10}"}), "缺少字段：description"),
        (_set(amount={"min_fen": 100.0, "max_fen": 500000}), "min_fen应是"),
        (_set(amount={"min_fen": 5000, "max_fen": 100}), "max_fen应是5000到"),
        (_set(amount={"min_fen": 100, "max_fen": 1_000_000_000}), "max_fen应是"),
        (_set(amount={"choices_fen": []}), "非空列表"),
        (_set(amount={"choices_fen": [3000, 3000]}), "重复的金额"),
        (_set(amount={"choices_fen": [0]}), "一档金额应是1到"),
        (_set(fee={"kind": "percent"}), "fee.kind 应是"),
        (_set(fee={"kind": "fixed", "fen": -1}), "fee.fen应是0到"),
        (_set(fee={"kind": "none", "fen": 100}), "不认识的字段：fen"),
        (_set(fee={"kind": "per_mille", "per_mille": 5, "min_fen": 100}), "缺少字段：max_fen"),
        (
            _set(fee={"kind": "per_mille", "per_mille": 5, "min_fen": 500, "max_fen": 100}),
            "max_fen",
        ),
    ],
)
def test_a_bad_set_is_refused_in_chinese(data: object, says: str) -> None:
    with pytest.raises(ValidationError, match="缴费单位表有误") as refused:
        Billers.from_dict(data)
    assert says in refused.value.message


def test_the_county_set_replaces_the_bundled_one_when_valid(
    store: Store, keeper: OperatorInfo
) -> None:
    from station_app.core import reference
    from station_app.core.bills.catalogue import billers_in_use
    from sync.wire import ReferenceSet

    def take(version: int, data: dict[str, object]) -> reference.Taken:
        got = ReferenceSet(
            kind="billers", version=version, published_at="2026-12-01T00:00:00.000000Z", data=data
        )
        with store.writing() as session:
            return reference.take(session, store.clock.now(), got, etag=f'"{version}"')

    with store.reading() as session:
        assert billers_in_use(session) == BILLERS
    assert take(1, _set()).applied
    bad = take(2, _set(fee={"kind": "percent"}))
    assert not bad.applied
    assert "缴费单位表有误" in (bad.error or "")
    with store.reading() as session:
        in_use = billers_in_use(session)
    assert list(in_use.billers) == ["power"]  # the valid county set, not the refused one
    assert in_use.version == 2


# --- the way through: 待缴 → 处理中 → 成功 / 失败 ----------------------------------------


def test_a_payment_goes_from_recorded_to_succeeded_and_forgets_the_account(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    taken = record(store, assistant, amount="¥128.5")
    assert (taken.status, taken.amount, taken.fee) == (BillStatus.RECORDED, Fen(12850), Fen(0))
    assert taken.account_masked == "****4567"
    with store.reading() as session:
        assert views.full_account(session, taken.uid) == POWER_ACCOUNT

    assert submit(store, assistant, taken.uid).status is BillStatus.SUBMITTED
    done = succeed(store, assistant, taken.uid, " GW 2026 1123 001 ")

    assert done.status is BillStatus.SUCCEEDED
    assert done.reference == "GW20261123001"
    assert not done.has_account
    with store.reading() as session:
        row = session.scalar(select(BillPayment))
        assert row is not None
        assert row.account is None
        with pytest.raises(ValidationError, match="完整户号没有保存"):
            views.full_account(session, taken.uid)


def test_the_ledger_carries_a_tail_never_the_account(store: Store, keeper: OperatorInfo) -> None:
    record(store, keeper, biller="resident_medical", account=ID_NUMBER, amount="400")
    record(store, keeper, biller="cmcc_topup", account=PHONE, amount="50")

    text = ledger_text(store)
    for secret in (ID_NUMBER, ID_NUMBER.upper(), PHONE, ID_NUMBER[-8:], PHONE[-8:]):
        assert secret not in text
    payloads = [json.loads(line) for line in text.splitlines() if '"biller"' in line]
    assert [p["account_tail"] for p in payloads] == ["123X", "5678"]
    assert payloads[0] == {
        "payment": payloads[0]["payment"],
        "biller": "resident_medical",
        "billers_version": 1,
        "account_tail": "123X",
        "amount_fen": 40000,
        "fee_fen": 0,
        "payment_method": "cash",
    }


def test_the_account_is_never_logged(
    store: Store, keeper: OperatorInfo, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        paid = record(store, keeper, biller="cmcc_topup", account=PHONE, amount="30")
        submit(store, keeper, paid.uid)
        fail(store, keeper, paid.uid)
    assert PHONE not in caplog.text


@pytest.mark.parametrize(
    ("account", "tail"),
    [("13812345678", "5678"), ("61030319800101123X", "123X"), ("123456", "456"), ("1", "")],
)
def test_the_tail_is_at_most_four_and_never_half(account: str, tail: str) -> None:
    assert payments.account_tail(account) == tail


# --- the cash book ------------------------------------------------------------------------


def test_payments_and_refunds_land_in_the_book_and_rebuild_from_the_ledger(
    store: Store, keeper: OperatorInfo, clock: FixedClock, tmp_path: Path
) -> None:
    power = record(store, keeper, amount="200", method="cash")
    water = record(
        store, keeper, biller="county_water", account="12345678", amount="35.5", method="wechat"
    )
    broadband = record(
        store, keeper, biller="broadband", account="02912345678", amount="500", method="alipay"
    )
    submit(store, keeper, power.uid)
    succeed(store, keeper, power.uid)
    submit(store, keeper, broadband.uid)
    fail(store, keeper, broadband.uid, "宽带账号已停机")
    clock.advance(timedelta(hours=2))
    open_one = record(
        store, keeper, biller="cmcc_topup", account=PHONE, amount="100", method="bank"
    )
    submit(store, keeper, open_one.uid)

    assert book(store) == [
        ("cash", 20000, "bill_payment"),
        ("wechat", 3550, "bill_payment"),
        ("wechat", 100, "bill_fee"),
        ("alipay", 50000, "bill_payment"),
        ("alipay", 250, "bill_fee"),
        ("alipay", -50000, "bill_refund"),
        ("alipay", -250, "bill_fee_refund"),
        ("bank", 10000, "bill_payment"),
    ]
    with store.reading() as session:
        open_period = day_close.summary(session, store.clock.now())
        assert [view.uid for view in views.pending(session)] == [water.uid, open_one.uid]
    assert open_period.expected("cash") == Fen(20000)
    assert open_period.expected("wechat") == Fen(3650)
    assert open_period.expected("alipay") == Fen(0)

    day = business_day(clock.now())
    rebuilt = Store.open(tmp_path / "rebuilt", clock)
    try:
        assert rebuild(entries_of(store), rebuilt) == []
        assert book(rebuilt) == book(store)
        with rebuilt.reading() as session:
            assert day_close.summary(session, clock.now()) == open_period
            again = {view.uid: view for view in views.today_and_open(session, day)}
        with store.reading() as session:
            original = {view.uid: view for view in views.today_and_open(session, day)}
    finally:
        rebuilt.close()
    assert again.keys() == original.keys()
    for uid, view in original.items():
        # The same payment, short of the account number the ledger never carried.
        assert again[uid] == (view if not view.has_account else _without_account(view))
    assert again[power.uid].biller_name == "国网电费"
    assert again[power.uid].reference == "GW20261123001"


def _without_account(view: PaymentView) -> PaymentView:
    import dataclasses

    return dataclasses.replace(view, has_account=False)


# --- bad input: a clear message, nothing written -----------------------------------------


@pytest.mark.parametrize(
    ("order", "field", "says"),
    [
        (BillOrder("sgcc_power", POWER_ACCOUNT, "-5", "cash"), "amount", "金额不能为负数"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "0", "cash"), "amount", "缴费金额必须大于0"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "12.345", "cash"), "amount", "最多两位小数"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "8000", "cash"), "amount", "1.00元到5,000.00元"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "50000000", "cash"), "amount", "不能超过"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "一百", "cash"), "amount", "金额格式不对"),
        (BillOrder("cmcc_topup", PHONE, "40", "cash"), "amount", "30.00元、50.00元、100.00元"),
        (BillOrder("gas_company", POWER_ACCOUNT, "100", "cash"), "biller", "没有这个缴费单位"),
        (BillOrder("sgcc_power", "37012345", "100", "cash"), "account", "户号为10位数字"),
        (BillOrder("sgcc_power", "", "100", "cash"), "account", "请填写户号"),
        (BillOrder("cmcc_topup", "1381234567", "30", "cash"), "account", "11位手机号码"),
        (BillOrder("resident_medical", "6103031980010112", "400", "cash"), "account", "18位身份证"),
        (BillOrder("sgcc_power", POWER_ACCOUNT, "100", "owed"), "payment_method", "收款方式"),
    ],
)
def test_a_bad_order_is_refused_naming_the_field_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, order: BillOrder, field: str, says: str
) -> None:
    before = ledger_size(store)
    with pytest.raises(BillError, match=says) as refused, store.writing() as session:
        payments.record(session, store.clock, actor=keeper, order=order, billers=BILLERS)
    assert refused.value.field == field
    assert (ledger_size(store), payment_count(store), book(store)) == (before, 0, [])


def test_a_fullwidth_account_with_spaces_and_a_small_x_is_taken(
    store: Store, keeper: OperatorInfo
) -> None:
    paid = record(
        store, keeper, biller="resident_pension", account="６１０３０３ 19800101 123x", amount="200"
    )
    with store.reading() as session:
        assert views.full_account(session, paid.uid) == "61030319800101123X"


@pytest.mark.parametrize(
    ("steps", "then", "says"),
    [
        ((), "succeed", "还没有提交"),
        (("submit",), "submit", "标记为处理中"),
        (("submit", "succeed"), "succeed", "确认成功（回执号GW20261123001），不能再改"),
        (("submit", "succeed"), "fail", "确认成功"),
        (("fail",), "fail", "标记为失败，钱已退还"),
        (("submit", "fail"), "submit", "标记为失败"),
        (("fail",), "succeed", "标记为失败"),
    ],
)
def test_a_step_from_the_wrong_state_is_refused_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, steps: tuple[str, ...], then: str, says: str
) -> None:
    actions = {"submit": submit, "succeed": succeed, "fail": fail}
    paid = record(store, keeper)
    for step in steps:
        actions[step](store, keeper, paid.uid)
    before, moved = ledger_size(store), book(store)
    with store.reading() as session:
        status = views.payment(session, paid.uid).status

    with pytest.raises(ValidationError, match=says):
        actions[then](store, keeper, paid.uid)

    assert (ledger_size(store), book(store)) == (before, moved)
    with store.reading() as session:
        assert views.payment(session, paid.uid).status is status


def test_failing_refunds_money_so_only_a_keeper_may_and_with_a_reason(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    paid = record(store, assistant)
    with pytest.raises(PermissionDenied, match="只有站长"):
        fail(store, assistant, paid.uid)
    with pytest.raises(ValidationError, match="必须写明原因"):
        fail(store, keeper, paid.uid, "   ")
    submit(store, assistant, paid.uid)
    with pytest.raises(ValidationError, match="回执号"):
        succeed(store, assistant, paid.uid, "  ")
    with store.reading() as session:
        assert views.payment(session, paid.uid).status is BillStatus.SUBMITTED
    assert fail(store, keeper, paid.uid).status is BillStatus.FAILED


def test_an_unknown_payment_is_refused(store: Store, keeper: OperatorInfo) -> None:
    with pytest.raises(ValidationError, match="找不到这笔缴费"):
        submit(store, keeper, "00000000-0000-0000-0000-000000000000")


# --- finding payments ----------------------------------------------------------------------


def test_open_payments_stay_on_the_list_and_in_progress_ones_come_first(
    store: Store, keeper: OperatorInfo, clock: FixedClock
) -> None:
    yesterday = record(store, keeper)
    submit(store, keeper, yesterday.uid)
    forgotten = record(store, keeper, biller="cmcc_topup", account=PHONE, amount="30")
    finished = record(store, keeper, biller="cable_tv", account="12345678901", amount="20")
    fail(store, keeper, finished.uid)
    clock.advance(timedelta(days=1))
    today = record(store, keeper, biller="county_water", account="87654321", amount="10")
    done = record(store, keeper, amount="5")
    submit(store, keeper, done.uid)
    succeed(store, keeper, done.uid)

    with store.reading() as session:
        listed = views.today_and_open(session, business_day(clock.now()))
        pending = views.pending(session)
        by_tail = views.find_by_tail(session, " 5678 ")
        by_short_tail = views.find_by_tail(session, "78")
        with pytest.raises(ValidationError, match="最后1到4位"):
            views.find_by_tail(session, "12345")
    # 处理中 first, then 待缴 (newest first), then what finished today; yesterday's failure is gone.
    assert [v.uid for v in listed] == [yesterday.uid, today.uid, forgotten.uid, done.uid]
    assert [v.uid for v in pending] == [yesterday.uid, forgotten.uid, today.uid]
    assert [v.uid for v in by_tail] == [forgotten.uid]
    assert [v.uid for v in by_short_tail] == [forgotten.uid]


# --- the receipt -----------------------------------------------------------------------------


def test_the_receipt_says_the_state_masks_the_account_and_totals_the_fee(
    store: Store, keeper: OperatorInfo
) -> None:
    paid = record(
        store, keeper, biller="county_water", account="12345678", amount="35.5", method="wechat"
    )
    text = layout_text(receipt_for(paid, station_name="胡家庄村服务站"), 32)
    lines = text.splitlines()

    assert lines[0].strip() == "代缴费凭证"
    assert "缴费单位：自来水" in lines
    assert "户号：****5678" in lines
    assert "状态：待缴" in lines
    assert "12345678" not in text
    assert any(line.startswith("自来水") and line.endswith("¥35.50") for line in lines)
    assert any(line.startswith("服务费") and line.endswith("¥1.00") for line in lines)
    assert any(line.startswith("合计") and line.endswith("¥36.50") for line in lines)
    assert "支付方式：微信收款" in lines
    assert "本凭证只证明服务站已收款" in text

    submit(store, keeper, paid.uid)
    done = succeed(store, keeper, paid.uid, "SW0001")
    lines = layout_text(receipt_for(done, station_name="胡家庄村服务站"), 32).splitlines()
    assert "状态：成功" in lines
    assert "回执号：SW0001" in lines


def test_a_failed_payment_receipt_says_what_went_back(store: Store, keeper: OperatorInfo) -> None:
    paid = record(store, keeper, biller="broadband", account="02912345678", amount="100")
    failed = fail(store, keeper, paid.uid, "账号不存在")
    lines = layout_text(receipt_for(failed, station_name="胡家庄村服务站"), 48).splitlines()
    assert "状态：失败" in lines
    assert "失败原因：账号不存在" in lines
    assert any(line.startswith("已退还") and line.endswith("¥101.00") for line in lines)
