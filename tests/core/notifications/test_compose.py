"""The notice wording: what villagers and phones' SMS parsers recognise, in one segment."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from station_app.core.notifications.compose import (
    SEGMENT_CHARS,
    arrival_text,
    fits_one_segment,
    reminder_text,
)

# The shape phones' SMS parsers turn into a pickup card.
PARSER = re.compile(r"^【(?P<sign>[^】]+)】.*取件码为(?P<code>[0-9A-Z-]+)，")


def test_arrival_wording_is_the_one_villagers_know():
    text = arrival_text("胡家庄村服务站", "3-2-0156", "07:30-21:00")
    assert text == (
        "【胡家庄村服务站】您的快递已到，取件码为3-2-0156，"
        "请凭码到胡家庄村服务站取件，营业时间07:30-21:00。"
    )
    assert fits_one_segment(text)


def test_a_place_other_than_the_name_can_be_given():
    text = arrival_text(
        "胡家庄村服务站", "3-2-0156", "07:30-21:00", station_place="村委会东侧小卖部"
    )
    assert "请凭码到村委会东侧小卖部取件" in text
    assert text.startswith("【胡家庄村服务站】")


def test_reminder_says_how_long_the_parcel_has_waited():
    text = reminder_text("柳林镇胡家庄村服务站", "3-2-0156", "07:30-21:00", 4)
    assert text.startswith("【柳林镇胡家庄村服务站】您的快递已在站4天，取件码为3-2-0156，")
    assert fits_one_segment(text)


def test_a_long_station_name_gives_way_to_this_station_in_the_body_only():
    name = "陕西省宝鸡市渭滨区神农镇胡家庄村电子商务服务站"
    text = arrival_text(name, "12-9-0156", "07:30-21:00")
    assert text.startswith(f"【{name}】")
    assert "请凭码到本站取件" in text


@given(
    name=st.text(alphabet="胡家庄村柳林镇服务站点", min_size=2, max_size=14),
    shelf=st.integers(1, 99),
    tier=st.integers(1, 9),
    serial=st.integers(1, 9999),
    days=st.integers(1, 99),
)
def test_usual_notices_fit_one_sms_segment_and_parse(name, shelf, tier, serial, days):
    code = f"{shelf}-{tier}-{serial:04d}"
    for text in (
        arrival_text(name, code, "07:30-21:00"),
        reminder_text(name, code, "07:30-21:00", days),
    ):
        assert len(text) <= SEGMENT_CHARS, text
        match = PARSER.match(text)
        assert match is not None
        assert match["sign"] == name
        assert match["code"] == code
