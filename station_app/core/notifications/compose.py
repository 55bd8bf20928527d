"""The wording of pickup notices, as villagers and phones' SMS parsers know it.

Courier stations across China send "【站名】您的快递已到，取件码为…，请凭码到…取件":
phones turn such a message into a pickup card by the 【signature】 and "取件码为",
and villagers recognise it at a glance. One SMS segment holds 70 characters of
Chinese; a longer text costs two, so a long station name gives way to "本站" in the
body (never in the 【】, which is what the parsers key on).

The texts are not translated: they go to villagers, in Chinese, whatever language
the keeper's screen uses.
"""

from __future__ import annotations

from collections.abc import Callable

SEGMENT_CHARS = 70
"""Characters in one SMS segment when the text is not plain ASCII (UCS-2)."""

SHORT_PLACE = "本站"


def arrival_text(
    station_name: str, pickup_code: str, opening_hours: str, station_place: str | None = None
) -> str:
    """The first notice: the parcel is here, with its code and when to come."""
    return _fitted(
        lambda place: (
            f"【{station_name}】您的快递已到，取件码为{pickup_code}，"
            f"请凭码到{place}取件，营业时间{opening_hours}。"
        ),
        station_place or station_name,
    )


def reminder_text(
    station_name: str,
    pickup_code: str,
    opening_hours: str,
    days_waiting: int,
    station_place: str | None = None,
) -> str:
    """A later notice for a parcel still on the shelf (滞留件), before it goes back."""
    return _fitted(
        lambda place: (
            f"【{station_name}】您的快递已在站{days_waiting}天，取件码为{pickup_code}，"
            f"请尽快到{place}取件，营业时间{opening_hours}。"
        ),
        station_place or station_name,
    )


def fits_one_segment(text: str) -> bool:
    return len(text) <= SEGMENT_CHARS


def _fitted(render: Callable[[str], str], place: str) -> str:
    """The text naming ``place``, or naming "本站" when that keeps it to one segment."""
    full = render(place)
    return full if fits_one_segment(full) else render(SHORT_PLACE)
