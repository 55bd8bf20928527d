"""Couriers from tracking numbers: ranked guesses, refusals that say why, rules as data."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core import couriers
from station_app.core.couriers import (
    S10_WARNING,
    UNKNOWN,
    Courier,
    CourierRules,
    NotAWaybill,
    Recognition,
    active_rules,
    all_couriers,
    courier_by_code,
    ean13_is_valid,
    is_product_code,
    normalise_scan,
    recognise,
    replace_rules,
    s10_check_digit,
    s10_is_valid,
)
from station_app.core.errors import ValidationError

BUNDLED = Path(couriers.__file__).resolve().parents[2] / "resources" / "couriers" / "rules.json"


@pytest.fixture(autouse=True)
def _bundled_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the bundled rules, whatever another test installed."""
    monkeypatch.setattr(couriers, "_active", None)


def _bundled_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUNDLED.read_text(encoding="utf-8"))
    return data


def _valid_s10(prefix: str, serial8: str, country: str) -> str:
    return f"{prefix}{serial8}{s10_check_digit(serial8)}{country}"


# --- every courier's typical number --------------------------------------------------


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("SF1234567890123", "sf"),
        ("SF123456789012", "sf"),
        (_valid_s10("EA", "12345678", "CN"), "ems"),
        (_valid_s10("EE", "87654321", "US"), "ems"),
        ("1100000000000", "ems"),
        ("1012345678901", "ems"),
        (_valid_s10("RR", "12345678", "CN"), "chinapost"),
        (_valid_s10("CP", "12345678", "CN"), "chinapost"),
        ("AA473124829GB", "chinapost"),
        ("9891234567890", "chinapost"),
        ("YT1234567890123", "yto"),
        ("75123456789012", "zto"),
        ("78123456789012", "zto"),
        ("773123456789012", "sto"),
        ("268123456789", "sto"),
        ("462123456789012", "yunda"),
        ("4312345678901", "yunda"),
        ("JDVA12345678901", "jd"),
        ("JDX000123456789", "jd"),
        ("JDV001234567890", "jd"),
        ("JDVA12345678901-1-1-", "jd"),
        ("JT1234567890123", "jt"),
        ("A123456789012", "best"),
        ("551234567890", "best"),
        ("DPK123456789012", "deppon"),
        ("5123456789", "deppon"),
        ("LP00123456789012", "cainiao"),
        ("CN01234567890123", "cainiao"),
    ],
)
def test_the_typical_number_of_each_courier_ranks_it_first(number: str, code: str) -> None:
    recognition = recognise(number)
    assert recognition.tracking_number == number
    assert recognition.best.code == code


def test_every_courier_in_the_rules_has_a_typical_number_above() -> None:
    codes = {c.code for c in all_couriers()}
    assert codes == {
        *("sf", "ems", "chinapost", "yto", "zto", "sto", "yunda"),
        *("jd", "jt", "best", "deppon", "cainiao", "unknown"),
    }


def test_a_courier_prefix_is_certain() -> None:
    recognition = recognise("SF1234567890123")
    assert recognition.is_certain
    assert recognition.best == Courier("sf", "顺丰速运")
    assert recognition.warnings == ()


# --- overlapping numeric shapes ------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "ranked"),
    [
        ("773123456789012", ["sto", "zto"]),  # 15 digits 77…: STO or ZTO
        ("77123456789012", ["zto", "sto"]),  # 14 digits 77…: ZTO or STO
        ("9891234567890", ["chinapost", "ems"]),  # 13 digits 9…: China Post or EMS
        ("1100000000000", ["ems", "yunda"]),  # 13 digits 11…: EMS or old Yunda
        ("551234567890", ["best", "zto", "sf"]),  # 12 digits: everyone's old format
    ],
)
def test_shared_shapes_give_several_candidates_best_first(number: str, ranked: list[str]) -> None:
    recognition = recognise(number)
    assert [c.courier.code for c in recognition.candidates] == ranked
    weights = [c.weight for c in recognition.candidates]
    assert weights == sorted(weights, reverse=True)


def test_close_candidates_are_not_certain_and_distant_ones_are() -> None:
    assert not recognise("773123456789012").is_certain  # 50 vs 40
    assert recognise("77123456789012").is_certain  # 55 vs 30


# --- UPU S10 -------------------------------------------------------------------------


def test_s10_check_digit_of_the_standard_example() -> None:
    assert s10_check_digit("47312482") == 9  # AA 47312482 9 GB, UPU S10 example
    assert s10_check_digit("12345678") == 5


@pytest.mark.parametrize(
    ("serial", "digit"),
    [
        ("00000000", 5),  # sum 0: 11 - 0 = 11, written 5
        ("00000008", 0),  # sum 56, 56 % 11 = 1: 11 - 1 = 10, written 0
        ("00000001", 4),  # sum 7: 11 - 7 = 4
    ],
)
def test_s10_check_digit_writes_10_as_0_and_11_as_5(serial: str, digit: int) -> None:
    assert s10_check_digit(serial) == digit


@pytest.mark.parametrize("serial", ["1234567", "123456789", "1234567A", "１２３４５６７８"])
def test_s10_check_digit_needs_eight_ascii_digits(serial: str) -> None:
    with pytest.raises(ValueError, match="8 digits"):
        s10_check_digit(serial)


def test_a_right_s10_check_digit_gives_no_warning() -> None:
    number = _valid_s10("EA", "12345678", "CN")
    assert number == "EA123456785CN"
    assert s10_is_valid(number)
    recognition = recognise(number)
    assert recognition.candidates[0].warnings == ()


def test_a_wrong_s10_check_digit_warns_but_keeps_the_candidate() -> None:
    recognition = recognise("EA123456784CN")
    assert recognition.best.code == "ems"
    assert recognition.warnings == (S10_WARNING,)
    assert S10_WARNING == "国际邮件号校验位不对，请核对单号。"


# --- product barcodes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["6901234567892", "6920152400012", "9780306406157", "9787115428028"]
)
def test_product_and_book_barcodes_are_not_waybills(code: str) -> None:
    assert ean13_is_valid(code)
    with pytest.raises(NotAWaybill, match="这是商品条码，不是快递单号"):
        recognise(code)


def test_not_a_waybill_is_a_validation_error_the_keeper_can_override() -> None:
    with pytest.raises(ValidationError):
        recognise("6901234567892")
    assert recognise("6901234567892", allow_product_code=True).tracking_number == "6901234567892"


@pytest.mark.parametrize(
    "code",
    [
        "6901234567893",  # 690… with a wrong check digit: not an EAN, maybe a waybill
        "4006381333931",  # a valid EAN-13 from Germany: foreign products are rare here
        "9891234567891",  # a China Post parcel number, whatever its last digit
    ],
)
def test_only_valid_chinese_product_and_book_codes_are_refused(code: str) -> None:
    assert not is_product_code(code)
    assert isinstance(recognise(code), Recognition)


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("9780306406157", True),
        ("9780306406158", False),
        ("978030640615", False),
        ("97803064061570", False),
        ("978030640615X", False),
        ("９７８０３０６４０６１５７", False),
    ],
)
def test_ean13_check_digit(code: str, valid: bool) -> None:
    assert ean13_is_valid(code) is valid


# --- unknown formats and garbage -----------------------------------------------------


@pytest.mark.parametrize("number", ["XY-1234-5678", "ABCD12345678", "12345678901234"])
def test_a_plausible_unknown_format_is_accepted_as_unknown(number: str) -> None:
    recognition = recognise(number)
    assert recognition.candidates == ()
    assert recognition.best is UNKNOWN
    assert not recognition.is_certain


@pytest.mark.parametrize(
    ("scan", "number"),
    [
        ("SF1234567890123\r\n", "SF1234567890123"),
        ("\tSF1234567890123\x1d", "SF1234567890123"),
        ("\ufeffSF 1234 5678 90123", "SF1234567890123"),
        ("sf1234567890123", "SF1234567890123"),
        ("ＳＦ１２３４５６７８９０１２３", "SF1234567890123"),
        ("jdva12345678901－1－1－", "JDVA12345678901-1-1-"),
        ("JT1234567890123\u3000", "JT1234567890123"),
    ],
)
def test_scans_are_normalised(scan: str, number: str) -> None:
    assert normalise_scan(scan) == number
    assert recognise(scan).tracking_number == number


@pytest.mark.parametrize(
    ("scan", "message"),
    [
        ("", "单号太短，可能没扫完整："),
        ("   \r\n", "单号太短，可能没扫完整："),
        ("SF12345", "单号太短，可能没扫完整：SF12345"),
        ("\x00\x01\x02\x03\x04\x05\x06\x07\x08", "单号太短"),
        ("--------123", "单号太短"),
        ("SF1234567890123", None),
        ("SF12345678_90123", "单号含有不该有的字符：SF12345678_90123"),
        ("顺丰1234567890123", "单号含有不该有的字符"),
        ("SF1234567890123é", "单号含有不该有的字符"),
        ("SF1234567890123" * 3, "单号太长"),
    ],
)
def test_garbage_scans_are_refused_in_chinese(scan: str, message: str | None) -> None:
    if message is None:
        assert recognise(scan).best.code == "sf"
        return
    with pytest.raises(ValidationError) as caught:
        recognise(scan)
    assert message in str(caught.value)
    assert caught.value.template.startswith("单号")


def test_a_huge_garbage_scan_is_quoted_short() -> None:
    with pytest.raises(ValidationError) as caught:
        recognise("字" * 10_000)
    assert len(str(caught.value)) < 100


# --- the keeper's correction ---------------------------------------------------------


def test_courier_by_code_for_the_keepers_correction() -> None:
    assert courier_by_code("zto") == Courier("zto", "中通快递")
    assert courier_by_code("unknown") is UNKNOWN
    with pytest.raises(ValidationError, match="没有这个快递公司：dhl"):
        courier_by_code("dhl")


def test_all_couriers_lists_the_rules_in_order_then_unknown() -> None:
    listed = all_couriers()
    assert listed[0] == Courier("sf", "顺丰速运")
    assert listed[-1] is UNKNOWN
    assert len({c.code for c in listed}) == len(listed)


# --- the rules file ------------------------------------------------------------------


def test_the_bundled_rules_load() -> None:
    rules = CourierRules.load()
    assert rules.version >= 1
    assert "county" in rules.source
    assert all(p.note for rule in rules.rules for p in rule.patterns)


def _broken(change: str) -> dict[str, Any]:
    data = _bundled_data()
    courier = data["couriers"][0]
    pattern = courier["patterns"][0]
    if change == "bad regex":
        pattern["regex"] = "^SF(\\d{12$"
    elif change == "unknown courier key":
        courier["nmae"] = courier.pop("name")
    elif change == "unknown pattern key":
        pattern["wieght"] = 5
    elif change == "unknown top key":
        data["colors"] = []
    elif change == "bad weight":
        pattern["weight"] = "strong"
    elif change == "bad check":
        pattern["check"] = "luhn"
    elif change == "duplicate code":
        data["couriers"][1]["code"] = "sf"
    elif change == "unknown code":
        courier["code"] = "unknown"
    elif change == "bad date":
        data["updated"] = "23/11/2026"
    elif change == "no couriers":
        data["couriers"] = []
    return data


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ("bad regex", "正则表达式写错了"),
        ("unknown courier key", "不认识的字段：nmae"),
        ("unknown pattern key", "不认识的字段：wieght"),
        ("unknown top key", "不认识的字段：colors"),
        ("bad weight", "weight"),
        ("bad check", "check"),
        ("duplicate code", "代码重复：sf"),
        ("unknown code", "不能是 unknown"),
        ("bad date", "updated"),
        ("no couriers", "couriers"),
    ],
)
def test_a_bad_rules_file_is_refused_clearly(change: str, detail: str) -> None:
    with pytest.raises(ValidationError, match="快递公司识别规则有误") as caught:
        CourierRules.from_dict(_broken(change))
    assert detail in str(caught.value)


@pytest.mark.parametrize("data", [None, [], "rules", 1])
def test_rules_that_are_not_an_object_are_refused(data: object) -> None:
    with pytest.raises(ValidationError, match="快递公司识别规则有误"):
        CourierRules.from_dict(data)


def test_a_rules_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text("{ version: 2", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是有效的 JSON"):
        CourierRules.load(path)


def test_a_rules_file_from_disk_loads(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(_bundled_data()), encoding="utf-8")
    loaded = CourierRules.load(path)
    assert loaded.version == active_rules().version
    assert [r.courier for r in loaded.rules] == [r.courier for r in active_rules().rules]


def _newer_rules() -> CourierRules:
    data = copy.deepcopy(_bundled_data())
    data["version"] += 1
    data["couriers"].append(
        {
            "code": "zjs",
            "name": "宅急送",
            "patterns": [{"regex": "^ZJS\\d{10}$", "weight": 95, "check": None, "note": ""}],
        }
    )
    return CourierRules.from_dict(data)


def test_newer_rules_from_the_county_replace_the_bundled_ones() -> None:
    with pytest.raises(ValidationError):
        courier_by_code("zjs")
    assert recognise("ZJS1234567890").best is UNKNOWN
    assert replace_rules(_newer_rules())
    assert recognise("ZJS1234567890").best == Courier("zjs", "宅急送")
    assert courier_by_code("zjs").name == "宅急送"


def test_older_rules_do_not_replace_newer_ones() -> None:
    newer = _newer_rules()
    replace_rules(newer)
    assert not replace_rules(CourierRules.load())
    assert active_rules() is newer


def test_rules_can_be_passed_explicitly() -> None:
    newer = _newer_rules()
    assert recognise("ZJS1234567890", newer).best.code == "zjs"
    assert recognise("ZJS1234567890").best is UNKNOWN


def test_regexes_are_compiled_once_and_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = active_rules()
    compiled = [p.regex for rule in rules.rules for p in rule.patterns]

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("recognise() compiled a regex")

    monkeypatch.setattr(re, "compile", no_compiling)
    for number in ("SF1234567890123", "773123456789012", "XY-1234-5678", "EA123456785CN"):
        recognise(number)
    assert active_rules() is rules
    assert all(
        a is b
        for a, b in zip(compiled, [p.regex for r in rules.rules for p in r.patterns], strict=True)
    )


# --- properties ----------------------------------------------------------------------


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_s10_check_digit_is_always_a_digit(serial: str) -> None:
    assert 0 <= s10_check_digit(serial) <= 9


@given(st.text())
def test_normalise_scan_is_idempotent(text: str) -> None:
    once = normalise_scan(text)
    assert normalise_scan(once) == once


@given(st.text())
def test_recognise_only_ever_raises_validation_error(text: str) -> None:
    try:
        recognition = recognise(text)
    except ValidationError:
        return
    assert recognition.tracking_number == normalise_scan(text)


@given(st.text(alphabet="0123456789", min_size=10, max_size=20))
def test_any_10_to_20_digits_are_recognised_unless_a_product_code(digits: str) -> None:
    if is_product_code(digits):
        with pytest.raises(NotAWaybill):
            recognise(digits)
        return
    recognition = recognise(digits)
    assert recognition.tracking_number == digits
    assert all(c.courier.code != "unknown" for c in recognition.candidates)
