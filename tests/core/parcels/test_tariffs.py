"""Sending fees: billable weight by steps, zone prices, refusals, and the bundled table."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.errors import ValidationError
from station_app.core.money import Fen
from station_app.core.parcels.tariffs import (
    Quote,
    Tariffs,
    active_tariffs,
    province_short_name,
    quote,
    replace_tariffs,
    steps_started,
)
from station_app.core.weight import Grams
from station_app.resources import resources_dir

BUNDLED = Tariffs.load()


def _table() -> dict[str, Any]:
    """A small table: first 1 kg then whole kg (kg), first 1 kg then 0.5 kg (half)."""
    return {
        "version": 3,
        "updated": "2026-11-23",
        "origin": "陕西省",
        "source": "测试",
        "zones": {"1": "省内", "2": "邻近省份", "3": "其他省份", "4": "偏远地区"},
        "provinces": {
            "陕西省": 1,
            "甘肃省": 2,
            "广东省": 3,
            "新疆维吾尔自治区": 4,
            "内蒙古自治区": 2,
            "香港特别行政区": None,
        },
        "couriers": {
            "kg": {
                "name": "整公斤快递",
                "first_weight_g": 1000,
                "step_g": 1000,
                "max_weight_g": 50000,
                "zones": {
                    "1": {"first_fen": 800, "additional_fen": 200},
                    "2": {"first_fen": 1000, "additional_fen": 400},
                    "3": {"first_fen": 1200, "additional_fen": 600},
                    "4": {"first_fen": 2000, "additional_fen": 1500},
                },
            },
            "half": {
                "name": "半公斤快递",
                "note": "首重1公斤，续重每0.5公斤",
                "first_weight_g": 1000,
                "step_g": 500,
                "max_weight_g": 30000,
                "zones": {
                    "1": {"first_fen": 1200, "additional_fen": 100},
                    "2": {"first_fen": 1800, "additional_fen": 300},
                    "3": {"first_fen": 2200, "additional_fen": 450},
                    "4": {"first_fen": 2600, "additional_fen": 700},
                },
            },
        },
    }


TABLE = Tariffs.from_dict(_table())


@pytest.mark.parametrize(
    ("courier", "province", "grams", "expected"),
    [
        # whole-kg steps, one example per zone
        ("kg", "陕西省", 300, Quote(Fen(800), 1000, 1)),
        ("kg", "甘肃", 2500, Quote(Fen(1000 + 2 * 400), 3000, 2)),
        ("kg", "广东省", 1000, Quote(Fen(1200), 1000, 3)),
        ("kg", "新疆", 5000, Quote(Fen(2000 + 4 * 1500), 5000, 4)),
        # exactly on a step, and 1 g over
        ("kg", "陕西", 1000, Quote(Fen(800), 1000, 1)),
        ("kg", "陕西", 1001, Quote(Fen(1000), 2000, 1)),
        ("kg", "陕西", 2000, Quote(Fen(1000), 2000, 1)),
        ("kg", "陕西", 2001, Quote(Fen(1200), 3000, 1)),
        ("kg", "陕西", 1, Quote(Fen(800), 1000, 1)),
        # first kg then each 0.5 kg
        ("half", "陕西", 1000, Quote(Fen(1200), 1000, 1)),
        ("half", "陕西", 1001, Quote(Fen(1300), 1500, 1)),
        ("half", "陕西", 1500, Quote(Fen(1300), 1500, 1)),
        ("half", "陕西", 1501, Quote(Fen(1400), 2000, 1)),
        ("half", "内蒙古", 3200, Quote(Fen(1800 + 5 * 300), 3500, 2)),
        ("half", "新疆维吾尔自治区", 30000, Quote(Fen(2600 + 58 * 700), 30000, 4)),
    ],
)
def test_quotes(courier: str, province: str, grams: int, expected: Quote):
    assert quote(TABLE, courier, province, Grams(grams)) == expected


def test_the_heaviest_allowed_parcel_is_quoted_and_one_gram_more_refused():
    assert quote(TABLE, "kg", "陕西", Grams(50000)).billable_g == 50000
    with pytest.raises(ValidationError, match=re.escape("整公斤快递单件最重50kg，这件50.001kg")):
        quote(TABLE, "kg", "陕西", Grams(50001))


@pytest.mark.parametrize(
    ("courier", "province", "grams", "message"),
    [
        ("kg", "陕西", 0, "寄件重量必须大于0"),
        ("kg", "陕西", -5, "寄件重量必须大于0"),
        ("half", "陕西", 30001, "半公斤快递单件最重30kg"),
        ("kg", "火星", 1000, "没有这个省份：火星"),
        ("kg", "", 1000, "请选择收件人所在的省份"),
        ("kg", "香港", 1000, "本站暂不办理寄往香港特别行政区的快递"),
        ("ups", "陕西", 1000, "资费表里没有这个快递公司：ups"),
    ],
)
def test_refusals(courier: str, province: str, grams: int, message: str):
    with pytest.raises(ValidationError, match=message):
        quote(TABLE, courier, province, Grams(grams))


def test_provinces_are_found_by_full_or_short_name_however_typed():
    assert TABLE.province(" 新 疆 ") == "新疆维吾尔自治区"
    assert TABLE.province("内蒙古自治区") == "内蒙古自治区"
    assert province_short_name("广西壮族自治区") == "广西"
    assert province_short_name("宁夏回族自治区") == "宁夏"
    assert province_short_name("北京市") == "北京"


@given(
    courier=st.sampled_from(["kg", "half"]),
    province=st.sampled_from(["陕西", "甘肃", "广东", "新疆"]),
    lighter=st.integers(1, 30000),
    more=st.integers(0, 30000),
)
def test_the_fee_never_decreases_as_the_weight_grows(
    courier: str, province: str, lighter: int, more: int
):
    heavier = min(lighter + more, 30000)
    light = quote(TABLE, courier, province, Grams(lighter))
    heavy = quote(TABLE, courier, province, Grams(heavier))
    assert type(light.fee.fen) is int
    assert type(light.billable_g) is int
    assert light.fee <= heavy.fee
    assert lighter <= light.billable_g < lighter + 1000


@given(st.integers(0, 10**7), st.integers(1, 10**5))
def test_steps_started_is_the_exact_ceiling(grams: int, step: int):
    steps = steps_started(grams, step)
    assert (steps - 1) * step < grams <= steps * step or (grams == 0 and steps == 0)


# --- the bundled table ----------------------------------------------------------------

ALL_34 = {
    *("北京市", "天津市", "上海市", "重庆市"),
    *("河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省"),
    *("福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省"),
    *("四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省"),
    *("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"),
    *("香港特别行政区", "澳门特别行政区"),
}
COURIERS = {"sf", "ems", "chinapost", "yto", "zto", "sto", "yunda", "jd", "jt", "best", "deppon"}


def test_the_bundled_table_covers_every_province_and_courier():
    assert len(ALL_34) == 34
    assert set(BUNDLED.provinces) == ALL_34
    assert set(BUNDLED.couriers) == COURIERS
    assert BUNDLED.origin == "陕西省"
    assert BUNDLED.provinces["陕西省"] == 1
    assert {BUNDLED.provinces[p] for p in ("新疆维吾尔自治区", "西藏自治区", "海南省")} == {4}
    assert {BUNDLED.provinces[p] for p in ("香港特别行政区", "澳门特别行政区", "台湾省")} == {None}
    assert "县" in BUNDLED.source


def test_bundled_couriers_are_ones_the_scanner_knows():
    rules = json.loads((resources_dir() / "couriers" / "rules.json").read_text(encoding="utf-8"))
    known = {c["code"] for c in rules["couriers"]}
    assert COURIERS.issubset(known)


def test_bundled_prices_are_village_station_prices():
    for tariff in BUNDLED.couriers.values():
        inside, far = tariff.prices[1], tariff.prices[4]
        assert 800 <= inside.first_fen <= 1500
        assert inside.first_fen < far.first_fen
        assert tariff.max_weight_g >= 30000


def test_a_parcel_from_the_village_to_xinjiang_costs_more_than_inside_shaanxi():
    inside = quote(BUNDLED, "zto", "陕西", Grams(1200))
    far = quote(BUNDLED, "zto", "新疆", Grams(1200))
    assert (inside.zone, far.zone) == (1, 4)
    assert inside.fee < far.fee


# --- a bad table is refused with a message the county can act on -----------------------


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_table())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("provinces"), "资费表缺少字段：provinces"),
        (lambda d: d.update(colour="red"), "资费表有不认识的字段：colour"),
        (lambda d: d.update(version=0), "version应是1到"),
        (lambda d: d.update(updated="昨天"), "updated 应是日期"),
        (lambda d: d.update(origin="火星"), "始发省份“火星”不在 provinces 里"),
        (lambda d: d["provinces"].update(湖南省=7), "省份“湖南省”的区号7不在 zones 里"),
        (lambda d: d["provinces"].update(陕西=1), "省份简称重复：陕西"),
        (lambda d: d["couriers"]["kg"].update(step_g=0), "step_g应是1到"),
        (lambda d: d["couriers"]["kg"].update(max_weight_g=500), "max_weight_g应是1000到"),
        (
            lambda d: d["couriers"]["kg"]["zones"]["1"].update(first_fen=8.5),
            "first_fen应是0到100000之间的整数，现在是 8.5",
        ),
        (lambda d: d["couriers"]["kg"]["zones"].pop("4"), "zones 应正好是：1, 2, 3, 4"),
        (lambda d: d["couriers"].update(KG={}), "快递公司代码 'KG'"),
        (lambda d: d["couriers"]["half"].pop("name"), "快递公司 half 缺少字段：name"),
    ],
)
def test_a_malformed_table_is_refused_in_chinese(change: Any, message: str):
    with pytest.raises(ValidationError, match="寄件资费表有误") as caught:
        Tariffs.from_dict(_broken(change))
    assert message in str(caught.value)


def test_a_file_that_is_not_json_is_refused(tmp_path: Path):
    path = tmp_path / "tariffs.json"
    path.write_text("{不是JSON", encoding="utf-8")
    with pytest.raises(ValidationError, match=re.escape("tariffs.json 不是有效的 JSON")):
        Tariffs.load(path)


def test_an_older_table_from_the_county_does_not_replace_a_newer_one():
    bundled = active_tariffs()
    try:
        newer = Tariffs.from_dict({**_table(), "version": bundled.version + 1})
        assert replace_tariffs(newer)
        assert active_tariffs() is newer
        assert not replace_tariffs(bundled)
        assert active_tariffs() is newer
    finally:
        import station_app.core.parcels.tariffs as module

        module._active = bundled
