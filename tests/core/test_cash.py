"""The cash book and the day close, on a real store: every module's money lands in one
book, a day closes once with the keeper's counts, and the book rebuilds from the ledger."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core import corrections
from station_app.core.cash import day_close, petty, projection, report
from station_app.core.cash.petty import Direction
from station_app.core.clock import FixedClock
from station_app.core.db.cash_models import CashMovement, DayClose
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending
from station_app.core.parcels.sending import ShipmentOrder
from station_app.core.parcels.tariffs import Tariffs
from station_app.core.store import Store
from sync.events import EVENT_TYPES
from tests.core.test_replay import entries_of, rebuild

TARIFFS = Tariffs.load()
ORDER = ShipmentOrder(
    courier="zto",
    province="广东",
    city="深圳市",
    address="南山区科技园南路88号",
    recipient_name="张小红",
    recipient_phone="139 1234 5678",
    sender_name="胡建国",
    sender_phone="13812341234",
    weight="1.2",
    payment_method="cash",
)


def ship(store: Store, keeper: OperatorInfo, method: str) -> sending.ShipmentView:
    with store.writing() as session:
        order = dataclasses.replace(ORDER, payment_method=method)
        return sending.accept(session, store.clock, actor=keeper, order=order, tariffs=TARIFFS)


def pay(store: Store, who: OperatorInfo, direction: Direction, fen: int, method: str = "cash"):
    with store.writing() as session:
        return petty.record(
            session,
            store.clock,
            actor=who,
            direction=direction,
            amount=Fen(fen),
            method=method,
            reason="买打印纸" if direction is Direction.OUT else "备用零钱",
        )


def book(store: Store) -> list[tuple[str, int, str]]:
    with store.reading() as session:
        rows = session.scalars(select(CashMovement).order_by(CashMovement.id))
        return [(m.method, m.amount_fen, m.kind) for m in rows]


def summary(store: Store) -> day_close.Summary:
    with store.reading() as session:
        return day_close.summary(session, store.clock.now())


def close(store: Store, who: OperatorInfo, note: str = "", **counted: int) -> day_close.Closed:
    with store.writing() as session:
        return day_close.close_day(
            session,
            store.clock,
            actor=who,
            counted={method: Fen(fen) for method, fen in counted.items()},
            note=note,
        )


def ledger_size(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(LedgerEntry)) or 0


def test_sending_fees_land_in_the_book_by_how_they_were_paid(
    store: Store, keeper: OperatorInfo
) -> None:
    cash = ship(store, keeper, "cash")
    wechat = ship(store, keeper, "wechat")
    ship(store, keeper, "owed")  # nothing changed hands
    with store.writing() as session:
        sending.cancel(session, store.clock, actor=keeper, shipment_uid=wechat.uid, reason="不寄了")

    fee = cash.fee.fen
    assert book(store) == [
        ("cash", fee, "shipment_fee"),
        ("wechat", wechat.fee.fen, "shipment_fee"),
        ("wechat", -wechat.fee.fen, "shipment_refund"),
    ]
    open_period = summary(store)
    assert open_period.expected("cash") == Fen(fee)
    assert open_period.expected("wechat") == Fen(0)


def test_petty_cash_in_and_out_and_a_void_puts_the_drawer_back(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo
) -> None:
    pay(store, assistant, Direction.IN, 20000)
    slip = pay(store, assistant, Direction.OUT, 1550)
    assert summary(store).expected("cash") == Fen(18450)

    with store.writing() as session:
        corrections.void(
            session, store.clock, actor=keeper, entry_id=slip.entry_id, reason="记重了"
        )

    assert summary(store).expected("cash") == Fen(20000)
    assert book(store)[-1] == ("cash", 1550, "void")


@pytest.mark.parametrize(
    ("fen", "method", "reason", "message"),
    [
        (0, "cash", "零钱", "大于0"),
        (-100, "cash", "零钱", "大于0"),
        (100_000_001, "cash", "零钱", "不能超过"),
        (100, "owed", "零钱", "收付方式"),
        (100, "cash", "   ", "用途"),
    ],
)
def test_bad_petty_cash_is_refused_and_nothing_is_written(  # noqa: PLR0917
    store: Store, keeper: OperatorInfo, fen: int, method: str, reason: str, message: str
) -> None:
    before = ledger_size(store)
    with pytest.raises(ValidationError, match=message), store.writing() as session:
        petty.record(
            session,
            store.clock,
            actor=keeper,
            direction=Direction.IN,
            amount=Fen(fen),
            method=method,
            reason=reason,
        )
    assert ledger_size(store) == before
    assert book(store) == []


def test_a_day_closes_once_with_over_and_short_kept_and_the_next_opens_with_the_count(
    store: Store, keeper: OperatorInfo, clock: FixedClock
) -> None:
    pay(store, keeper, Direction.IN, 50000)
    shipped = ship(store, keeper, "cash")
    pay(store, keeper, Direction.IN, 1200, method="wechat")
    expected_cash = 50000 + shipped.fee.fen

    with pytest.raises(ValidationError, match="微信收款"):  # the book moved it: count it
        close(store, keeper, cash=expected_cash)
    closed = close(store, keeper, note="少了一张五元", cash=expected_cash - 500, wechat=1200)

    assert closed.difference("cash") == Fen(-500)
    assert closed.difference("wechat") == Fen(0)
    with pytest.raises(ValidationError, match="今天已经日结过了"):
        close(store, keeper, cash=expected_cash - 500)
    with store.reading() as session:
        row = session.scalar(select(DayClose))
        assert row is not None
        assert (row.note, row.operator) == ("少了一张五元", keeper.login)

    pay(store, keeper, Direction.OUT, 300)  # after the close: tomorrow's
    clock.advance(timedelta(days=1))
    tomorrow = summary(store)
    assert tomorrow.opening_cash == Fen(expected_cash - 500)  # what was counted
    assert tomorrow.expected("cash") == Fen(expected_cash - 800)
    assert tomorrow.movement_count == 1
    assert tomorrow.closed_today is None
    assert close(store, keeper, cash=expected_cash - 800).difference("cash") == Fen(0)


def test_an_assistant_cannot_close_the_day(store: Store, assistant: OperatorInfo) -> None:
    with pytest.raises(PermissionDenied):
        close(store, assistant, cash=0)
    with store.reading() as session:
        assert session.scalar(select(DayClose)) is None


def test_negative_counts_are_refused(store: Store, keeper: OperatorInfo) -> None:
    with pytest.raises(ValidationError, match="清点金额不对"):
        close(store, keeper, cash=-1)


def test_the_book_and_the_closes_rebuild_from_the_ledger(
    store: Store, keeper: OperatorInfo, clock: FixedClock, tmp_path: Path
) -> None:
    ship(store, keeper, "alipay")
    slip = pay(store, keeper, Direction.OUT, 800)
    with store.writing() as session:
        corrections.void(session, store.clock, actor=keeper, entry_id=slip.entry_id, reason="错")
    pay(store, keeper, Direction.IN, 10000)
    close(store, keeper, cash=9000, alipay=summary(store).expected("alipay").fen)
    clock.advance(timedelta(days=1))
    pay(store, keeper, Direction.OUT, 200)

    rebuilt = Store.open(tmp_path / "rebuilt", clock)
    try:
        assert rebuild(entries_of(store), rebuilt) == []
        assert book(rebuilt) == book(store)
        assert summary(rebuilt) == summary(store)
    finally:
        rebuilt.close()


def test_every_event_with_money_in_its_payload_is_booked() -> None:
    """A new money event must say how it moves money (or be listed here as moving none)."""
    moves_none = {"day.closed"}  # the close counts money; it moves none
    money_fields = {"fee_fen", "amount_fen"}
    with_money = {
        event_type
        for event_type, versions in EVENT_TYPES.items()
        for model in versions.values()
        if money_fields & set(model.model_fields)
    }
    assert with_money - moves_none == set(projection.BOOKS)


def test_upgrading_a_store_books_the_sending_fees_already_on_its_ledger(
    store: Store, keeper: OperatorInfo
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from station_app.core.db import migrate

    ship(store, keeper, "cash")
    cancelled = ship(store, keeper, "bank")
    ship(store, keeper, "owed")
    with store.writing() as session:
        sending.cancel(session, store.clock, actor=keeper, shipment_uid=cancelled.uid, reason="错")
    as_written = book(store)
    store.checkpoint()
    engine = create_engine(f"sqlite:///{store.path}")
    try:
        config = migrate.alembic_config()
        with engine.begin() as connection:  # back to the release before the cash book
            config.attributes["connection"] = connection
            command.downgrade(config, "0012")
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()

    assert book(store) == as_written
    assert len(as_written) == 3


def test_open_bill_payments_are_carried_over_only_when_the_keeper_names_them(
    store: Store, keeper: OperatorInfo
) -> None:
    from tests.core.test_bills import record, submit

    waiting = record(store, keeper, amount="100")
    submit(store, keeper, waiting.uid)
    fee = waiting.fee.fen
    expected_cash = 10000 + fee

    with pytest.raises(ValidationError, match="1笔缴费还没有结果"):
        close(store, keeper, cash=expected_cash)
    with store.writing() as session:
        closed = day_close.close_day(
            session,
            store.clock,
            actor=keeper,
            counted={"cash": Fen(expected_cash)},
            carried_over=[waiting.uid],
        )
        row = session.scalar(select(DayClose))
        assert row is not None
        printed = report.close_report(session, row)

    assert closed.difference("cash") == Fen(0)
    assert any(note.startswith("转入下一天：国网电费") for note in printed.notes)
    with store.reading() as session:
        entry = session.scalar(select(LedgerEntry).where(LedgerEntry.type == "day.closed"))
        assert entry is not None
        assert waiting.uid in entry.payload
