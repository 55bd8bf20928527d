"""The table models behave as Qt expects (qtmodeltester) and format their rows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt

from station_app.core.db.models import Role
from station_app.core.operators import OperatorInfo
from station_app.ui.controllers.settings import LedgerRow
from station_app.ui.models import ledger_model, ledger_rows, operator_rows, operators_model


def test_empty_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(operators_model())


def test_operators_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = operators_model()
    model.set_rows(
        operator_rows(
            [
                OperatorInfo(1, "wangjun", "王军", Role.KEEPER, True),
                OperatorInfo(2, "lili", "李丽", Role.ASSISTANT, False),
            ]
        )
    )

    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 2)) == "站长"
    assert model.data(model.index(1, 3)) == "已停用"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "登录名"
    assert model.key_at(1) == "lili"
    assert model.row_of("lili") == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model.data(QModelIndex())


def test_ledger_model_shows_beijing_time(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ledger_model()
    model.set_rows(
        ledger_rows(
            [LedgerRow(7, datetime(2026, 11, 23, 2, 0, tzinfo=UTC), "operator.created", "wangjun")]
        )
    )

    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "7",
        "2026-11-23 10:00:00",
        "添加操作员",
        "wangjun",
    ]


def test_unknown_event_types_show_as_they_are() -> None:
    rows = ledger_rows([LedgerRow(1, datetime(2026, 1, 1, tzinfo=UTC), "parcel.new_thing", "x")])

    assert rows[0].cells[2] == "parcel.new_thing"
