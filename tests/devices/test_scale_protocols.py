"""Scale parsers on byte strings: what a serial line really delivers, cut anywhere."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.devices.scale import fake
from station_app.devices.scale.protocols import (
    Reading,
    StGsLineParser,
    Toledo8217Parser,
    XK3190A9Parser,
    XK3190A12Parser,
    display_to_grams,
    make_parser,
)


def _feed_bytewise(
    parser: XK3190A9Parser | XK3190A12Parser | StGsLineParser | Toledo8217Parser, data: bytes
) -> list[Reading]:
    out: list[Reading] = []
    for i in range(len(data)):
        out += parser.feed(data[i : i + 1])
    return out


def test_a9_frame_from_the_manual_layout():
    body = b"+0012343"
    frame = (
        b"\x02" + body + b"%02X" % (0x2B ^ 0x30 ^ 0x30 ^ 0x31 ^ 0x32 ^ 0x33 ^ 0x34 ^ 0x33) + b"\x03"
    )
    assert frame == fake.encode_a9(1234)
    [reading] = XK3190A9Parser().feed(frame)
    assert reading.grams == 1234
    assert not reading.stable
    assert reading.raw.startswith("+0012343")


def test_a9_split_frames_and_garbage_before_them():
    data = b"\x00\xffnoise" + fake.encode_a9(1500) + b"\x03\x03" + fake.encode_a9(-200)
    parser = XK3190A9Parser()
    assert [r.grams for r in _feed_bytewise(parser, data)] == [1500, -200]
    assert parser.bad_frames == 0


def test_a9_bad_checksum_is_dropped_and_counted():
    good = fake.encode_a9(2500)
    bad = good[:3] + b"9" + good[4:]
    parser = XK3190A9Parser()
    assert [r.grams for r in parser.feed(bad + good)] == [2500]
    assert parser.bad_frames == 1


def test_a9_decimals_and_units():
    assert XK3190A9Parser().feed(fake.encode_a9(12_340, decimals=2))[0].grams == 12_340
    assert XK3190A9Parser().feed(fake.encode_a9(60_000, decimals=0))[0].grams == 60_000
    # a display in grams: "+001234" with no decimals is 1234 g
    frame = fake.encode_a9(1_234_000, decimals=0)
    assert XK3190A9Parser(unit="g").feed(frame)[0].grams == 1234


def test_a9_overload_needs_the_capacity():
    frame = fake.encode_a9(150_500)
    assert not XK3190A9Parser().feed(frame)[0].overload
    assert XK3190A9Parser(capacity_grams=150_000).feed(frame)[0].overload


def test_a12_example_from_the_manual():
    line = bytes.fromhex("574730303 42E3133396B6733440D0A".replace(" ", ""))
    assert line == b"WG004.139kg3D\r\n" == fake.encode_a12(4139)
    [reading] = XK3190A12Parser().feed(line)
    assert (reading.grams, reading.net, reading.stable) == (4139, False, False)


def test_a12_overload_negative_and_net():
    parser = XK3190A12Parser()
    data = (
        b"junk"
        + fake.encode_a12_status(b"OL")
        + fake.encode_a12(-1250)
        + fake.encode_a12(800, net=True)
        + fake.encode_a12_status(b"LO")
    )
    over, negative, net, low = _feed_bytewise(parser, data)
    assert fake.encode_a12_status(b"OL") == b"         OL23\r\n"
    assert over.overload
    assert over.status_only
    assert negative.grams == -1250
    assert net.net
    assert net.grams == 800
    assert low.underload
    assert low.status_only
    assert parser.bad_frames == 0


def test_a12_bad_checksum():
    parser = XK3190A12Parser()
    assert parser.feed(b"WG004.139kg3E\r\n" + fake.encode_a12(10)) == [
        Reading(10, stable=False, raw="WG000.010kg")
    ]
    assert parser.bad_frames == 1


def test_st_gs_lines():
    parser = StGsLineParser()
    data = (
        b"\xff\xfeST,GS,+  12.34kg\r\nUS,NT,-   0.50kg\r\nOL,GS,+   OL  kg\r\nST,GS,+  1250 g\r\n"
    )
    stable, unstable, over, grams = _feed_bytewise(parser, data)
    assert (stable.grams, stable.stable) == (12_340, True)
    assert (unstable.grams, unstable.stable, unstable.net) == (-500, False, True)
    assert over.overload
    assert grams.grams == 1250
    assert parser.feed(b"ST,GS,+ 1.2.3kg\r\n") == []
    assert parser.bad_frames == 1


def test_8217_weight_and_status_bytes():
    parser = Toledo8217Parser()
    assert parser.poll_command == b"W"
    data = (
        b"\x00"
        + fake.encode_8217(1234)
        + fake.encode_8217_status(motion=True)
        + fake.encode_8217_status(over=True)
        + bytes([0x02, ord("?"), 0x44 | 0x80, 0x0D])  # under zero, with an even-parity bit
        + fake.encode_8217(105_000, net=True)
    )
    weight, motion, over, under, big = _feed_bytewise(parser, data)
    assert (weight.grams, weight.stable) == (1234, True)
    assert motion.status_only
    assert not motion.stable
    assert over.overload
    assert under.underload
    assert (big.grams, big.net) == (105_000, True)


def test_8217_pounds_and_cut_frames_are_refused():
    parser = Toledo8217Parser()
    assert parser.feed(b"\x0201.23\r" + b"\x0201.2" + fake.encode_8217(500)) == [
        Reading(500, stable=True, raw="00.500")
    ]
    assert parser.bad_frames == 2


def test_runaway_noise_does_not_grow_the_buffer():
    parser = XK3190A12Parser()
    parser.feed(b"x" * 10_000)
    assert parser.bad_frames >= 1
    assert parser.feed(b"\r\n" + fake.encode_a12(5))[-1].grams == 5


def test_exact_grams_without_floats():
    assert display_to_grams("0012345", 3, "kg", negative=False) == 12_345
    assert display_to_grams("1234", 4, "kg", negative=False) == 123  # 123.4 g
    assert display_to_grams("1235", 4, "kg", negative=False) == 124  # half-up
    assert display_to_grams("000000", 2, "kg", negative=True) == 0
    with pytest.raises(ValueError, match="digits"):
        display_to_grams("12a", 0, "g", negative=False)


@pytest.mark.parametrize("protocol", ["xk3190-a9", "xk3190-a12", "st-gs", "toledo-8217"])
def test_make_parser(protocol):
    assert make_parser(protocol).feed(b"") == []


weights = st.integers(min_value=-99_999, max_value=999_999)


@given(weights, st.integers(min_value=1, max_value=11), st.binary(max_size=8))
def test_a9_any_weight_round_trips(grams, cut, noise):
    frame = fake.encode_a9(grams)
    data = noise.replace(b"\x02", b"") + frame
    parser = XK3190A9Parser()
    got = parser.feed(data[:cut]) + parser.feed(data[cut:])
    assert [r.grams for r in got] == [grams]


@given(st.integers(min_value=-99_999, max_value=999_999), st.integers(min_value=0, max_value=14))
def test_a12_any_weight_round_trips(grams, cut):
    frame = fake.encode_a12(grams)
    parser = XK3190A12Parser()
    assert [r.grams for r in parser.feed(frame[:cut]) + parser.feed(frame[cut:])] == [grams]


@given(st.integers(min_value=-9_999_999, max_value=9_999_999), st.booleans())
def test_st_gs_any_weight_round_trips(grams, stable):
    [reading] = StGsLineParser().feed(fake.encode_st_gs(grams, stable=stable))
    assert (reading.grams, reading.stable) == (grams, stable)


@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=0, max_value=8))
def test_8217_any_weight_round_trips(grams, cut):
    frame = fake.encode_8217(grams)
    parser = Toledo8217Parser()
    assert [r.grams for r in parser.feed(frame[:cut]) + parser.feed(frame[cut:])] == [grams]
