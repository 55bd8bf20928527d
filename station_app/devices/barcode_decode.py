"""Find waybill codes in camera frames, and decide when a code counts as one scan.

No Qt here, so decoding can be tested and benchmarked headless. `decode` reads one
frame; `FrameAnalyser` turns a stream of frames into scans the way a keeper expects a
hand scanner to behave: a code counts once it was read the same on two frames in a row
(one frame can be misread), and a parcel held in front of the camera counts once, not
thirty times a second.

Only the symbologies on Chinese waybills are looked for (Code 128, Code 39, ITF, QR),
plus EAN-13 so a product's barcode can be recognised and refused rather than taken for a
tracking number. Every symbology left out is one less way for zbar to misread noise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import cv2
import numpy as np
from pyzbar import pyzbar
from pyzbar.pyzbar import ZBarSymbol

ALLOWED_SYMBOLS: tuple[ZBarSymbol, ...] = (
    ZBarSymbol.CODE128,
    ZBarSymbol.CODE39,
    ZBarSymbol.I25,
    ZBarSymbol.QRCODE,
    ZBarSymbol.EAN13,
)
# ITF has no start/stop characters that fix its length, so a scan line that crosses only
# part of the bars can read as a shorter valid code. Waybills and cartons use ITF-14.
DEFAULT_ITF_LENGTHS: frozenset[int] = frozenset({14})
ITF = "I25"
PRODUCT_CODE = "EAN13"
QR = "QRCODE"

# Characters that appear when zbar turned UTF-8 bytes into text as if they were
# Shift-JIS (half-width katakana) or Latin-1 (U+0080-U+00FF): the known zbar pitfall
# with QR codes that carry no ECI marker, which is how most Chinese generators make them.
_MOJIBAKE_HINT = re.compile("[\u0080-\u00ff\uff61-\uff9f]")
_MOJIBAKE_SOURCES = ("shift_jis", "cp932", "latin-1")
UPSCALE_FACTOR = 2
# A 3x3 Gaussian this narrow takes the edge off a webcam's sensor noise, in which zbar
# otherwise finds edges everywhere and slows down 2-3x, yet it keeps bars of 1.3 px.
_DENOISE_SIGMA = 0.5
# Share of the frame by which the retry tiles overlap: more than a small code is wide,
# so a code on a tile boundary is whole in some tile.
_TILE_OVERLAP = 0.2

Point = tuple[int, int]
Region = tuple[int, int, int, int]
"""x, y, width, height in the frame's pixels."""


@dataclass(frozen=True)
class Decoded:
    """One code found in one frame; `polygon` is in the frame's own pixels."""

    text: str
    symbology: str
    polygon: tuple[Point, ...]

    @property
    def is_product_code(self) -> bool:
        """An EAN-13 is a product's barcode, never a tracking number: the caller refuses it."""
        return self.symbology == PRODUCT_CODE


def to_gray(frame: np.ndarray) -> np.ndarray:
    """zbar reads 8-bit grey; cameras give BGR (OpenCV's order) or BGRA."""
    if frame.ndim == 2:
        gray = frame
    elif frame.shape[2] == 4:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    else:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if gray.dtype != np.uint8:
        gray = cv2.convertScaleAbs(gray)
    return np.ascontiguousarray(gray)


def decode_text(data: bytes) -> str:
    """Bytes from zbar to the text that was encoded, Chinese included.

    Recent zbar hands back UTF-8; zbar 0.10 (the DLLs pyzbar ships for Windows) may have
    taken UTF-8 bytes for Shift-JIS or Latin-1 and re-encoded *that* as UTF-8. Undoing
    it is only tried when the text shows the tell-tale characters, so genuine text is
    never "repaired". Some Chinese generators write GBK: that is the last guess.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for encoding in ("gb18030", "latin-1"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo a wrong-encoding round trip, if the text looks like one and undoing works."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    for encoding in _MOJIBAKE_SOURCES:
        try:
            repaired = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if repaired != text and not _MOJIBAKE_HINT.search(repaired):
            return repaired
    return text


def _is_wanted(text: str, symbology: str, itf_lengths: frozenset[int]) -> bool:
    if symbology == ITF:
        return text.isdigit() and len(text) in itf_lengths
    return bool(text)


def _prepared(gray: np.ndarray, upscale: bool) -> np.ndarray:
    """Plain: lightly denoised. Upscaled: Lanczos, which kept the bars of 1.2 px codes
    that linear and cubic interpolation smeared (measured on the test images)."""
    if upscale:
        return cv2.resize(
            gray, None, fx=UPSCALE_FACTOR, fy=UPSCALE_FACTOR, interpolation=cv2.INTER_LANCZOS4
        )
    return cv2.GaussianBlur(gray, (3, 3), _DENOISE_SIGMA)


def _crop(gray: np.ndarray, region: Region | None) -> tuple[np.ndarray, int, int]:
    if region is None:
        return gray, 0, 0
    x, y, w, h = region
    return gray[y : y + h, x : x + w], x, y


def decode(
    frame: np.ndarray,
    *,
    upscale: bool = False,
    region: Region | None = None,
    itf_lengths: Iterable[int] = DEFAULT_ITF_LENGTHS,
) -> list[Decoded]:
    """Every allowed code in `frame` (or in `region` of it), each once.

    `upscale` first doubles the image: zbar needs more than one pixel per bar, so a code
    far from the camera is only readable after interpolation. It costs four times the
    pixels, which is why `FrameAnalyser` does it on one region of a frame at a time.
    Polygons are always in the full frame's pixels.
    """
    cropped, dx, dy = _crop(to_gray(frame), region)
    image = np.ascontiguousarray(_prepared(cropped, upscale))
    scale = UPSCALE_FACTOR if upscale else 1
    height, width = image.shape
    lengths = frozenset(itf_lengths)
    found: dict[tuple[str, str], Decoded] = {}
    for symbol in pyzbar.decode((image.tobytes(), width, height), symbols=ALLOWED_SYMBOLS):
        symbology = str(symbol.type)
        text = decode_text(symbol.data) if symbology == QR else symbol.data.decode("latin-1")
        if _is_wanted(text, symbology, lengths) and (text, symbology) not in found:
            polygon = tuple((x // scale + dx, y // scale + dy) for x, y in symbol.polygon)
            found[text, symbology] = Decoded(text, symbology, polygon)
    return list(found.values())


def retry_tiles(width: int, height: int) -> list[Region]:
    """Four overlapping quarters (2x2) of a frame, each upscaled on its own turn.

    Upscaling a whole 1280x720 frame costs 3-5 plain decodes; a quarter with its
    overlap about a third of that, so the retry never stalls the preview for long.
    """
    tile_w = min(width, int(width * (1 + _TILE_OVERLAP) / 2))
    tile_h = min(height, int(height * (1 + _TILE_OVERLAP) / 2))
    return [(x, y, tile_w, tile_h) for y in (0, height - tile_h) for x in (0, width - tile_w)]


def _is_degenerate(polygon: tuple[Point, ...], min_px: int = 8) -> bool:
    xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
    return not polygon or max(xs) - min(xs) < min_px or max(ys) - min(ys) < min_px


def around(found: list[Decoded], width: int, height: int) -> Region:
    """The found codes' bounding box with room to move: where to look on the next frame."""
    xs = [x for d in found for x, _ in d.polygon]
    ys = [y for d in found for _, y in d.polygon]
    margin = max(max(xs) - min(xs), max(ys) - min(ys), 32)
    x0, y0 = max(min(xs) - margin, 0), max(min(ys) - margin, 0)
    x1, y1 = min(max(xs) + margin, width), min(max(ys) + margin, height)
    return (x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class AnalysisResult:
    """What one analysed frame showed, and which codes now count as scans."""

    found: list[Decoded]
    accepted: list[str]
    retry_region: Region | None = None

    @property
    def upscaled(self) -> bool:
        """Whether the 2x retry ran on this frame."""
        return self.retry_region is not None

    def is_product_code(self, text: str) -> bool:
        return any(d.text == text and d.is_product_code for d in self.found)


Decoder = Callable[..., list[Decoded]]


@dataclass
class _Track:
    """A code's recent history: frames in a row it was read, or missed since counted."""

    streak: int = 0
    missed: int = 0
    counted: bool = False


@dataclass
class FrameAnalyser:
    """Turns one camera's frames into scans; one instance per stream.

    `confirm_frames`: identical reads in a row before a code counts (one frame can be
    misread, two agreeing frames practically never are). `absent_frames`: analysed
    frames a counted code must be missing before it can count again, so a parcel held
    in view counts once while the keeper can still scan it again on purpose by taking
    it away for about a second.

    The 2x retry for small codes runs only on frames where nothing was found, on every
    `upscale_every`-th of them, and then on one of four overlapping tiles in turn: the
    cost is spread over frames instead of stalling one. Once the retry finds a code, the
    next frames retry just around it, because it must be read twice in a row to count.
    """

    confirm_frames: int = 2
    absent_frames: int = 15
    upscale_every: int = 2
    itf_lengths: frozenset[int] = DEFAULT_ITF_LENGTHS
    decoder: Decoder = decode
    upscale_attempts: int = 0
    frames_analysed: int = 0
    _tracks: dict[str, _Track] = field(default_factory=dict)
    _empty_run: int = 0
    _next_tile: int = 0
    _focus: Region | None = None

    def analyse(self, frame: np.ndarray) -> AnalysisResult:
        """Decode `frame` and update which codes are in view."""
        self.frames_analysed += 1
        found = self.decoder(frame, itf_lengths=self.itf_lengths)
        region = None
        if found:
            self._empty_run, self._focus = 0, None
        else:
            region = self._retry_region(frame.shape[1], frame.shape[0])
        if region is not None:
            self.upscale_attempts += 1
            found = self.decoder(frame, upscale=True, region=region, itf_lengths=self.itf_lengths)
            self._focus = self._next_focus(found, region, frame.shape[1], frame.shape[0])
        accepted = self._update_tracks(found)
        return AnalysisResult(found=found, accepted=accepted, retry_region=region)

    def reset(self) -> None:
        """Forget what was in view: the next stream starts fresh."""
        self._tracks.clear()
        self._empty_run, self._next_tile, self._focus = 0, 0, None

    def _retry_region(self, width: int, height: int) -> Region | None:
        if self._focus is not None:
            return self._focus
        self._empty_run += 1
        if self.upscale_every <= 0 or self._empty_run % self.upscale_every:
            return None
        tiles = retry_tiles(width, height)
        tile = tiles[self._next_tile % len(tiles)]
        self._next_tile = (self._next_tile + 1) % len(tiles)
        return tile

    @staticmethod
    def _next_focus(found: list[Decoded], region: Region, width: int, height: int) -> Region | None:
        """Where to retry on the next frame: around what was found, or nowhere.

        zbar sometimes gives a small 1-D code a polygon that is just one scan line's
        end; its extent is then unknown, and the region that found it is kept instead.
        """
        if not found:
            return None
        if any(_is_degenerate(d.polygon) for d in found):
            return region
        return around(found, width, height)

    def _update_tracks(self, found: list[Decoded]) -> list[str]:
        seen = {d.text for d in found}
        accepted = []
        for text in sorted(seen):
            track = self._tracks.setdefault(text, _Track())
            track.streak += 1
            track.missed = 0
            if not track.counted and track.streak >= self.confirm_frames:
                track.counted = True
                accepted.append(text)
        for text in self._tracks.keys() - seen:
            self._note_missing(text)
        return accepted

    def _note_missing(self, text: str) -> None:
        track = self._tracks[text]
        track.streak = 0
        track.missed += 1
        if not track.counted or track.missed >= self.absent_frames:
            del self._tracks[text]
