from __future__ import annotations

import pytest

from station_app.core.db.models import StationLevel
from station_app.core.division import check_division_code
from station_app.core.errors import ValidationError


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("610305110201", StationLevel.VILLAGE),
        ("610305110000", StationLevel.TOWNSHIP),
        ("610305110201", StationLevel.TOWNSHIP),
        ("110101001001", StationLevel.VILLAGE),
    ],
)
def test_valid_codes(code: str, level: StationLevel):
    assert check_division_code(code, level) == code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "请填写"),
        ("6103051102", "12位数字"),
        ("61030511020A", "12位数字"),
        ("610305110201 1", "12位数字"),
        ("000305110201", "省级代码"),
        ("610005110201", "市、县代码"),
        ("610300110201", "市、县代码"),
        ("610305000201", "乡镇代码"),
        ("610305110000", "村代码"),
    ],
)
def test_invalid_codes_say_what_is_wrong(code: str, message: str):
    with pytest.raises(ValidationError, match=message):
        check_division_code(code, StationLevel.VILLAGE)
