"""The 12-digit statistical division code (统计用区划代码) of a station's place.

Digits 1–2 province, 3–4 city, 5–6 county, 7–9 township, 10–12 village. A village
station sits in a village (its last three digits are not 000); a township station may
carry its township's code (ending in 000). The check catches typing mistakes; it does
not pretend to know every village in China.
"""

from __future__ import annotations

from station_app.core.db.models import StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError

PROVINCE_PREFIXES = frozenset(
    (
        *("11", "12", "13", "14", "15", "21", "22", "23"),
        *("31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54"),
        *("61", "62", "63", "64", "65", "71", "81", "82"),
    )
)


def normalise_division_code(text: str) -> str:
    """Accept the code as people type it: spaces, full-width digits."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def check_division_code(text: str, level: StationLevel) -> str:
    """Return the normalised code, or raise ValidationError saying what is wrong."""
    code = normalise_division_code(text)
    if not code:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请填写12位区划代码。"))
    if not code.isascii() or not code.isdigit() or len(code) != 12:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "区划代码必须是12位数字，现在是“{code}”（{count}位）。"),
            code=code,
            count=len(code),
        )
    if code[:2] not in PROVINCE_PREFIXES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "区划代码前两位“{prefix}”不是有效的省级代码。"),
            prefix=code[:2],
        )
    if code[2:4] == "00" or code[4:6] == "00":
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "区划代码第3–6位应是市、县代码，不能为00。")
        )
    if code[6:9] == "000":
        raise ValidationError(QT_TRANSLATE_NOOP("core", "区划代码第7–9位应是乡镇代码，不能为000。"))
    if level is StationLevel.VILLAGE and code[9:] == "000":
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "村级服务站的区划代码最后三位是村代码，不能为000。")
        )
    return code
