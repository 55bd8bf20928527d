"""The receipt model and its column layout (core, no Qt): what a thermal printer prints."""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.core.errors import BugError
from station_app.core.money import Fen
from station_app.core.receipts import (
    MAX_QR_BYTES,
    Detail,
    ItemLine,
    QrCode,
    Receipt,
    Style,
    Total,
    clean,
    columns_for,
    display_width,
    layout,
    layout_text,
    wrap,
)
from tests.devices.receipt_samples import (
    LONG_NAME,
    QR_CAPTION,
    QR_PAYLOAD,
    REPRINTED,
    WATER,
    bare_receipt,
    full_receipt,
)

WIDTHS = pytest.mark.parametrize("columns", [32, 48])


def _texts(receipt: Receipt, columns: int) -> list[str]:
    return layout_text(receipt, columns).split("\n")


def _line_with(texts: list[str], part: str) -> str:
    found = [text for text in texts if part in text]
    assert len(found) == 1, (part, found)
    return found[0]


def test_the_core_model_imports_no_qt():
    code = (
        "import sys, station_app.core.receipts; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr


def test_paper_widths_have_their_columns():
    assert (columns_for(58), columns_for(80)) == (32, 48)
    with pytest.raises(BugError):
        columns_for(76)


def test_east_asian_wide_and_ambiguous_characters_take_two_columns():
    assert display_width("代缴费") == 6
    assert display_width("户号：") == 6  # the full-width colon
    assert display_width("2 × 3") == 6  # × is ambiguous: a double-byte glyph on the printer
    assert display_width("¥12.50") == 6
    assert display_width("￥12.50") == 7
    assert display_width("JF-0001") == 7


@WIDTHS
def test_every_line_fits_the_paper(columns: int):
    lines = layout(full_receipt().reprint(REPRINTED), columns)
    for line in lines:
        limit = columns // 2 if line.style is Style.TITLE else columns
        assert display_width(line.text.strip()) <= limit, line
        assert display_width(line.text) <= columns, line


@WIDTHS
def test_amounts_are_right_aligned_to_the_last_column(columns: int):
    texts = _texts(full_receipt(), columns)
    for amount in ("¥120.00", "¥42.00", "¥37.95", "¥1.00", "¥121.00"):
        line = next(text for text in texts if text.endswith(amount))
        assert display_width(line) == columns, line


def test_money_is_formatted_by_the_money_module():
    receipt = dataclasses.replace(
        bare_receipt(), totals=(Total("退款", Fen(-300)), Total("合计", Fen(1250)))
    )
    texts = _texts(receipt, 32)
    assert _line_with(texts, "退款").endswith("-¥3.00")
    assert _line_with(texts, "合计").endswith("¥12.50")


@WIDTHS
def test_a_long_description_wraps_without_losing_a_character(columns: int):
    texts = _texts(full_receipt(), columns)
    first = next(index for index, text in enumerate(texts) if text.startswith("国网"))
    assert texts[first].endswith("¥120.00")
    wrapped = texts[first : first + 2]
    assert "".join(wrapped).replace(" ", "").replace("¥120.00", "") == LONG_NAME.replace(" ", "")
    assert wrapped[1]
    assert not wrapped[1].endswith("¥120.00")


def test_the_wider_roll_needs_fewer_lines():
    assert len(_texts(full_receipt(), 48)) < len(_texts(full_receipt(), 32))


def test_a_counted_item_shows_quantity_and_price_under_its_name():
    texts = _texts(full_receipt(), 32)
    name = texts.index("农夫山泉饮用天然水 550ml 整箱装")
    assert texts[name + 1] == "Nongfu Spring natural water"
    detail = _line_with(texts, "2 × ¥21.00")
    assert detail.startswith("  2 × ¥21.00")
    assert detail.endswith("¥42.00")
    assert _line_with(texts, "25.30kg × ¥1.50").endswith("¥37.95")


def test_latin_words_stay_whole_when_they_fit():
    assert wrap(WATER, 32) == ["农夫山泉饮用天然水 550ml 整箱装", "Nongfu Spring natural water"]


def test_a_word_longer_than_the_line_is_cut():
    assert wrap("SF1234567890123456789", 8) == ["SF123456", "78901234", "56789"]
    assert wrap("收件人 SF1234567890", 8) == ["收件人", "SF123456", "7890"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab 1.¥代缴费：×【】")),
    width=st.integers(min_value=2, max_value=20),
)
def test_wrapping_fits_and_keeps_everything_but_spaces(text: str, width: int):
    lines = wrap(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_long_detail_value_hangs_under_itself():
    texts = _texts(full_receipt(), 32)
    first = texts.index("缴费单位：国网陕西省电力公司榆林")
    assert texts[first + 1] == " " * display_width("缴费单位：") + "供电公司"
    assert "户号：6101****2345" in texts


def test_the_header_says_where_who_and_when_in_beijing_time():
    texts = _texts(full_receipt(), 32)
    assert texts[0].strip() == "代缴费凭证"
    assert texts[1].strip() == "柳林镇胡家庄村服务站"
    assert texts[2].strip() == "电话：0912-3456789"
    assert "单号：JF20261123-0001" in texts
    assert "时间：2026-11-23 10:00:00" in texts  # 02:00 UTC
    assert "操作员：王军" in texts
    assert "支付方式：微信收款码" in texts


@WIDTHS
def test_headings_are_centred(columns: int):
    for text in _texts(full_receipt(), columns)[:3]:
        content = text.lstrip(" ")
        assert len(text) - len(content) == (columns - display_width(content)) // 2, text


def test_a_reprint_is_the_same_receipt_marked_with_the_reprint_time():
    original = full_receipt()
    reprint = original.reprint(REPRINTED)
    assert "重打" not in layout_text(original, 32)
    texts = _texts(reprint, 32)
    mark = next(line for line in layout(reprint, 32) if line.style is Style.MARK)
    assert mark.text.strip() == "【重打】2026-11-24 09:05:00"
    assert "时间：2026-11-23 10:00:00" in texts  # the original time stays
    assert [text for text in texts if "重打" not in text] == _texts(original, 32)
    assert reprint.reprinted_at == REPRINTED
    assert original.reprinted_at is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        reprint.title = "改过的"  # type: ignore[misc]


@WIDTHS
def test_the_qr_line_carries_the_payload_and_its_caption_follows(columns: int):
    lines = layout(full_receipt(), columns)
    index = next(i for i, line in enumerate(lines) if line.style is Style.QR)
    assert lines[index].qr == QR_PAYLOAD
    caption = lines[index + 1]
    assert caption.text.strip() == QR_CAPTION
    assert caption.style is Style.CENTRE
    assert index + 2 == len(lines)


def test_empty_sections_leave_no_empty_rules():
    for receipt in (bare_receipt(), full_receipt()):
        styles = [line.style for line in layout(receipt, 32)]
        assert styles[0] is Style.TITLE
        assert styles[-1] is not Style.RULE
        assert (Style.RULE, Style.RULE) not in set(itertools.pairwise(styles))
    assert layout_text(bare_receipt(), 32).count("-" * 32) == 2


def test_control_characters_never_reach_the_printer():
    """ESC p kicks the cash drawer, GS V cuts: typed into a description they must print
    as nothing."""
    receipt = dataclasses.replace(
        bare_receipt(),
        items=(ItemLine("化肥\x1bp\x00\x19\x19\u200b一袋\x1dV\x00", Fen(8000)),),
        details=(Detail("备注\r", "\x07响铃"),),
    )
    text = layout_text(receipt, 32)
    assert not any(ord(char) < 0x20 and char != "\n" for char in text)
    assert "化肥 p   一袋 V" in text
    assert clean("a\u200bb\ufeffc") == "abc"


def test_the_labels_go_through_the_translation_hook():
    english = {"单号": "No.", "时间": "Time", "操作员": "Operator"}
    text = layout_text(full_receipt(), 48, translate=lambda s: english.get(s, s))
    assert "No.：JF20261123-0001" in text
    assert "Operator：王军" in text


def test_a_receipt_refuses_what_would_print_wrong():
    with pytest.raises(BugError):
        dataclasses.replace(bare_receipt(), issued_at=datetime(2026, 11, 23, 10))
    with pytest.raises(BugError):
        bare_receipt().reprint(datetime(2026, 11, 24, 9))
    with pytest.raises(BugError):
        dataclasses.replace(bare_receipt(), number=" ")
    with pytest.raises(BugError):
        QrCode("x" * (MAX_QR_BYTES + 1))
    with pytest.raises(BugError):
        QrCode("")
    with pytest.raises(BugError):
        ItemLine("x", Fen(1), quantity=True)
    with pytest.raises(BugError):
        layout(bare_receipt(), 12)
    with pytest.raises(TypeError):
        Fen(12.5)  # type: ignore[arg-type]


def test_lists_given_for_lines_are_kept_as_tuples():
    receipt = dataclasses.replace(bare_receipt(), notes=["一", "二"])  # type: ignore[arg-type]
    assert receipt.notes == ("一", "二")
