"""Decoding camera frames: the test images, the encodings, and when a code counts.

The images come from scripts/make_camera_test_images.py; manifest.json says what each
holds. The degraded set is split into the images we claim to read and the ones we know
we miss, so a regression in either direction fails a test.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from station_app.devices import barcode_decode
from station_app.devices.barcode_decode import (
    Decoded,
    FrameAnalyser,
    decode,
    decode_text,
    repair_mojibake,
    retry_tiles,
)
from station_app.devices.frames import RecordedFrames, read_image

IMAGES = Path(__file__).parent / "camera_images"
MANIFEST: dict[str, dict[str, str | None]] = json.loads(
    (IMAGES / "manifest.json").read_text(encoding="utf-8")
)
CHINESE_QR = "溯源码：FX-2026-000123 凤翔苹果"
CLEAN = sorted(n for n in MANIFEST if "__" not in n and MANIFEST[n]["text"] is not None)
CLEAN_READABLE = [n for n in CLEAN if n != "itf10_wrong_length.png"]
DEGRADED = sorted(n for n in MANIFEST if "__" in n)
# Measured with the committed images: what plain decoding or the 2x retry reads.
KNOWN_MISSES = {
    "code128_sf__blur_heavy.png",  # sigma 3.5 px on 3 px bars: the bars merge
    "qr_chinese__blur_heavy.png",
    "qr_chinese__glare.png",  # the glare covers a finder pattern
    "itf14__rot15.png",  # ITF-14 is too wide for a scan line to cross it at 15 degrees
}
SMALL = sorted(n for n in DEGRADED if n.endswith("__small.png"))


def image(name: str) -> np.ndarray:
    return read_image(IMAGES / name)


def texts(found: Iterable[Decoded]) -> list[tuple[str, str]]:
    return [(d.text, d.symbology) for d in found]


def expected(name: str) -> tuple[str, str]:
    entry = MANIFEST[name]
    assert entry["text"] is not None
    assert entry["symbology"] is not None
    return entry["text"], entry["symbology"]


def test_the_manifest_lists_exactly_the_images_on_disk():
    on_disk = {p.name for p in IMAGES.glob("*.png")}
    assert on_disk == set(MANIFEST)
    assert set(DEGRADED) >= KNOWN_MISSES


@pytest.mark.parametrize("name", CLEAN_READABLE)
def test_each_clean_parcel_decodes_to_exactly_its_code(name: str):
    assert texts(decode(image(name))) == [expected(name)]


def test_the_chinese_qr_comes_out_exactly():
    [found] = decode(image("qr_chinese.png"))
    assert found.text == CHINESE_QR
    assert found.symbology == "QRCODE"


def test_a_product_code_is_flagged_as_one():
    [found] = decode(image("ean13_product.png"))
    assert (found.text, found.symbology) == ("6901234567892", "EAN13")
    assert found.is_product_code
    assert not decode(image("code128_sf.png"))[0].is_product_code


def test_itf_of_a_length_not_allowed_is_ignored():
    frame = image("itf10_wrong_length.png")
    assert decode(frame) == []
    # Readable all the same: it is the length rule that drops it.
    assert texts(decode(frame, itf_lengths={10})) == [("1234567890", "I25")]
    assert texts(decode(image("itf14.png"), itf_lengths={10})) == []


def test_an_empty_box_gives_nothing():
    assert decode(image("empty_box.png")) == []
    assert decode(image("empty_box.png"), upscale=True) == []


@pytest.mark.parametrize("name", DEGRADED)
def test_degraded_images_decode_as_measured(name: str):
    frame = image(name)
    found = texts(decode(frame)) or texts(decode(frame, upscale=True))
    if name in KNOWN_MISSES:
        assert found == []
    else:
        assert found == [expected(name)]


@pytest.mark.parametrize("name", SMALL)
def test_the_upscale_retry_rescues_small_codes_plain_decoding_misses(name: str):
    frame = image(name)
    assert decode(frame) == []
    assert texts(decode(frame, upscale=True)) == [expected(name)]


def test_polygons_are_in_frame_pixels_whether_upscaled_or_cropped():
    frame = image("code128_sf.png")
    [plain] = decode(frame)
    [upscaled] = decode(frame, upscale=True)
    [cropped] = decode(frame, upscale=True, region=(300, 200, 700, 350))

    def centre(d: Decoded) -> np.ndarray:
        return np.mean(np.array(d.polygon), axis=0)

    assert np.allclose(centre(plain), centre(upscaled), atol=3)
    assert np.allclose(centre(plain), centre(cropped), atol=3)
    assert 500 < centre(plain)[0] < 780


def test_the_analyser_finds_a_small_code_through_the_tiles():
    analyser = FrameAnalyser()
    frame = image("code128_sf__small.png")
    accepted = [analyser.analyse(frame).accepted for _ in range(10)]
    assert accepted.count(["SF1234567890123"]) == 1
    assert sum(map(len, accepted)) == 1


def test_recorded_frames_give_each_parcel_once():
    analyser = FrameAnalyser()
    source = RecordedFrames.from_folder(IMAGES / "recorded")
    assert source.open()
    accepted = []
    while (frame := source.read()) is not None:
        accepted += analyser.analyse(frame).accepted
    assert accepted == ["SF1234567890123", "YT7512345678901"]


# --- text encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [CHINESE_QR, "中件", "中号", "运单号码", "SF1234567890123", "Café 咖啡"]
)
def test_utf8_bytes_come_out_as_written(text: str):
    assert decode_text(text.encode("utf-8")) == text


def mangled(texts: Iterable[str], encodings: Iterable[str]) -> list[tuple[str, str]]:
    """(text, what zbar made of it) for each way zbar can mangle UTF-8 that way."""
    pairs = []
    for text in texts:
        for encoding in encodings:
            try:
                pairs.append((text, text.encode("utf-8").decode(encoding)))
            except UnicodeDecodeError:
                continue  # not valid in that encoding: zbar keeps it as UTF-8
    return pairs


MANGLED = mangled([CHINESE_QR, "中件", "中号", "中快"], ["latin-1", "shift_jis"])


def test_both_kinds_of_mojibake_are_covered():
    assert len(MANGLED) == 7


@pytest.mark.parametrize(("text", "mojibake"), MANGLED)
def test_zbar_mojibake_is_repaired(text: str, mojibake: str):
    assert mojibake != text
    assert decode_text(mojibake.encode("utf-8")) == text


@pytest.mark.parametrize("text", ["Café", "naïve", "凤翔苹果", "ﾃｽﾄ"])
def test_genuine_text_is_not_repaired(text: str):
    assert repair_mojibake(text) == text


def test_gbk_qr_bytes_still_come_out():
    assert decode_text("凤翔苹果".encode("gbk")) == "凤翔苹果"


def test_decode_repairs_a_mangled_qr(monkeypatch: pytest.MonkeyPatch):
    mangled = CHINESE_QR.encode("utf-8").decode("latin-1").encode("utf-8")
    symbol = SimpleNamespace(data=mangled, type="QRCODE", polygon=[(1, 1), (9, 1), (9, 9)])
    monkeypatch.setattr(barcode_decode.pyzbar, "decode", lambda *_a, **_k: [symbol])
    assert texts(decode(np.zeros((20, 20), np.uint8))) == [(CHINESE_QR, "QRCODE")]


# --- FrameAnalyser, with a scripted decoder -----------------------------------------

EMPTY = 0


class ScriptedDecoder:
    """Frame k (its pixel value) shows the codes in `plain[k]`; `small[k]` only upscaled,
    and only when the upscaled region contains the code's position."""

    def __init__(
        self,
        plain: dict[int, list[str]],
        small: dict[int, tuple[str, tuple[int, int]]] | None = None,
    ) -> None:
        self.plain = plain
        self.small = small or {}
        self.regions: list[tuple[int, int, int, int] | None] = []

    def __call__(
        self,
        frame: np.ndarray,
        *,
        upscale: bool = False,
        region: tuple[int, int, int, int] | None = None,
        itf_lengths: Iterable[int] = (),
    ) -> list[Decoded]:
        key = int(frame[0, 0])
        if not upscale:
            return [Decoded(t, "CODE128", ((100, 100), (200, 100))) for t in self.plain[key]]
        self.regions.append(region)
        if key not in self.small or region is None:
            return []
        text, (x, y) = self.small[key]
        rx, ry, rw, rh = region
        inside = rx <= x < rx + rw and ry <= y < ry + rh
        return [Decoded(text, "CODE128", ((x - 5, y - 5), (x + 5, y + 5)))] if inside else []


def flat(accepted: list[list[str]]) -> list[str]:
    return [text for frame in accepted for text in frame]


def frame_of(key: int) -> np.ndarray:
    return np.full((72, 128), key, np.uint8)


def run(analyser: FrameAnalyser, keys: list[int]) -> list[list[str]]:
    return [analyser.analyse(frame_of(k)).accepted for k in keys]


def analyser_for(plain: dict[int, list[str]], **options: int) -> FrameAnalyser:
    return FrameAnalyser(decoder=ScriptedDecoder(plain), **options)


A, B, AB = 1, 2, 3
CODES = {EMPTY: [], A: ["SF1"], B: ["YT2"], AB: ["SF1", "YT2"]}


def test_a_code_is_accepted_on_its_second_identical_frame():
    assert run(analyser_for(CODES), [A, A, A]) == [[], ["SF1"], []]


def test_codes_that_never_repeat_on_consecutive_frames_are_not_accepted():
    assert run(analyser_for(CODES), [A, B, A, B, A, EMPTY, A]) == [[]] * 7


def test_a_parcel_held_in_view_counts_once():
    accepted = run(analyser_for(CODES), [A] * 100)
    assert flat(accepted) == ["SF1"]


def test_a_few_missed_frames_do_not_count_the_parcel_again():
    accepted = run(analyser_for(CODES), [A, A, *[EMPTY] * 14, A, A, A])
    assert flat(accepted) == ["SF1"]


def test_a_parcel_counts_again_after_being_away_long_enough():
    accepted = run(analyser_for(CODES), [A, A, *[EMPTY] * 15, A, A])
    assert accepted[1] == ["SF1"]
    assert accepted[-1] == ["SF1"]
    assert flat(accepted) == ["SF1", "SF1"]


def test_absence_is_counted_per_code():
    # B arrives while A is still in view; A leaving does not reset B.
    accepted = run(analyser_for(CODES), [A, A, AB, AB, B, B])
    assert accepted == [[], ["SF1"], [], ["YT2"], [], []]


def test_absent_frames_is_a_parameter():
    accepted = run(analyser_for(CODES, absent_frames=3), [A, A, EMPTY, EMPTY, EMPTY, A, A])
    assert flat(accepted) == ["SF1", "SF1"]


def test_the_upscale_retry_is_spread_over_empty_frames():
    decoder = ScriptedDecoder(CODES)
    analyser = FrameAnalyser(decoder=decoder)
    results = [analyser.analyse(frame_of(EMPTY)) for _ in range(16)]
    assert analyser.upscale_attempts == 8
    assert [r.upscaled for r in results] == [False, True] * 8
    # One tile per attempt, all four in turn: never the whole frame at once.
    assert decoder.regions == retry_tiles(128, 72) * 2


def test_no_upscale_retry_while_codes_are_found():
    decoder = ScriptedDecoder(CODES)
    analyser = FrameAnalyser(decoder=decoder)
    run(analyser, [A] * 10)
    assert analyser.upscale_attempts == 0


def test_upscale_every_is_a_parameter():
    analyser = FrameAnalyser(decoder=ScriptedDecoder(CODES), upscale_every=3)
    run(analyser, [EMPTY] * 12)
    assert analyser.upscale_attempts == 4
    off = FrameAnalyser(decoder=ScriptedDecoder(CODES), upscale_every=0)
    run(off, [EMPTY] * 12)
    assert off.upscale_attempts == 0


def test_a_small_code_found_by_a_tile_is_retried_around_it_until_it_counts():
    small_key = 9
    decoder = ScriptedDecoder({**CODES, small_key: []}, small={small_key: ("JT3", (120, 70))})
    analyser = FrameAnalyser(decoder=decoder)
    accepted = run(analyser, [small_key] * 12)
    # Tiles 0-2 miss the bottom-right corner; tile 3 (the 8th frame) finds it, and the
    # very next frame retries around it instead of waiting for its turn.
    assert flat(accepted) == ["JT3"]
    assert accepted.index(["JT3"]) == 8
    focus = decoder.regions[4]
    assert focus is not None
    assert focus not in retry_tiles(128, 72)
    assert focus[0] <= 120 < focus[0] + focus[2]


def test_each_stream_starts_fresh_after_reset():
    analyser = analyser_for(CODES)
    run(analyser, [A, A])
    analyser.reset()
    assert run(analyser, [A, A]) == [[], ["SF1"]]
