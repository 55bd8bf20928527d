"""First-run setup: only on an empty store, all checked before anything is written."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from station_app.core import first_run, ledger
from station_app.core.db.models import LedgerEntry, StationLevel
from station_app.core.errors import ValidationError
from station_app.core.store import Store
from tests.conftest import SETUP_FORM


def test_setup_creates_station_keeper_and_their_entries(store: Store):
    keeper = first_run.set_up(store, SETUP_FORM)
    assert keeper.is_keeper
    with store.reading() as session:
        info = first_run.station_info(session)
        types = list(session.scalars(select(LedgerEntry.type).order_by(LedgerEntry.seq)))
        assert ledger.verify(session).ok
    assert info is not None
    assert info.name == "柳林镇胡家庄村服务站"
    assert info.division_code == "610305110201"
    assert types == ["station.created", "operator.created"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"division_code": "61030511020"}, "12位数字"),
        ({"division_code": "990305110201"}, "省级代码"),
        ({"division_code": "610305110000"}, "村代码"),
        ({"station_name": " "}, "服务站名称"),
        ({"password": "", "password_again": ""}, "请输入密码"),
        ({"password": "12345678", "password_again": "12345678"}, "太常见"),
        ({"password": "liulin2026", "password_again": "liulin2027"}, "两次输入"),
        ({"keeper_login": "王"}, "登录名"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(store: Store, change: dict, message: str):
    with pytest.raises(ValidationError, match=message):
        first_run.set_up(store, dataclasses.replace(SETUP_FORM, **change))
    with store.reading() as session:
        assert not first_run.is_set_up(session)
        assert ledger.verify(session).checked == 0


def test_a_township_station_may_carry_its_township_code(store: Store):
    form = dataclasses.replace(
        SETUP_FORM,
        station_name="柳林镇服务站",
        level=StationLevel.TOWNSHIP,
        division_code="610305110000",
    )
    first_run.set_up(store, form)
    with store.reading() as session:
        info = first_run.station_info(session)
    assert info is not None
    assert info.level is StationLevel.TOWNSHIP


def test_setup_on_an_existing_store_is_refused(store: Store):
    first_run.set_up(store, SETUP_FORM)
    again = dataclasses.replace(SETUP_FORM, keeper_login="other", station_name="另一个站")
    with pytest.raises(ValidationError, match="已经设置过"):
        first_run.set_up(store, again)
    with store.reading() as session:
        assert ledger.verify(session).checked == 2
        info = first_run.station_info(session)
    assert info is not None
    assert info.name == SETUP_FORM.station_name


def test_full_width_and_spaced_codes_are_normalised(store: Store):
    first_run.set_up(
        store, dataclasses.replace(SETUP_FORM, division_code="６１０３ ０５１１ ０２０１")
    )
    with store.reading() as session:
        info = first_run.station_info(session)
    assert info is not None
    assert info.division_code == "610305110201"
