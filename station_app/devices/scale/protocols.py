"""Parsers that turn the bytes a scale indicator sends into weights in whole grams.

A serial line gives no message boundaries: a read may end mid-frame, the port may be
opened in the middle of one, and line noise corrupts bytes. Each parser therefore
keeps a buffer, skips anything before a frame start, drops (and counts) frames that
fail their checksum or shape, and only then converts the indicator's decimal display
to grams with integer arithmetic, so a weight never passes through a float.

Formats (from the makers' manuals, as far as the public copies go):

* 耀华 XK3190-A9 "continuous mode" (tF=0): 12 bytes ``STX sign d6 dp xh xl ETX``: sign
  ``+``/``-``, six display digits high to low, the number of decimals counted from the
  right (0..4), then the XOR of bytes 2..9 as two uppercase ASCII hex digits. Confirmed
  against the A9+/A23P/A26 manuals, which share this frame. It carries neither a unit
  (the keeper sets kg or g) nor stable/overload flags, so stability comes from N equal
  readings and overload from the configured capacity.
* 耀华 XK3190-A12(E) continuous output: 15 bytes ``W G|N weight7 kg xh xl CR LF``, the
  weight field holding the display with its decimal point (``004.139``), a ``-`` first
  when negative; the XOR of bytes 1..11 as two ASCII hex digits. Overload sends nine
  spaces, ``OL``, ``23``; below -20d sends nine spaces, ``LO`` and its checksum. This is
  what the A12E manual documents, so we parse it rather than the ``ST,GS,`` style the
  brief assumed the A12E uses. No stable flag either.
* The ``ST,GS,+  12.34kg`` line format (``ST``/``US`` stable or unstable, ``OL``
  overload; ``GS``/``NT`` gross/net) that many other Chinese and Japanese indicators
  print: kept as a separate parser, because a station may own such a scale.
* Mettler-Toledo 8217 request/response: the host sends ``W``; the scale answers
  ``STX`` + ``WW.WWW`` (kg; ``N`` appended for net) + ``CR``, or ``STX ? status CR`` when
  the weight is in motion, negative or out of range. Status bits (parity bit 7 masked):
  bit 0 motion, bit 1 over capacity, bit 2 under zero. Only the kg mode (three
  decimals) is read: a pound weight cannot become exact grams, so it is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import reduce
from typing import Literal

from station_app.core.rounding import round_fraction
from station_app.core.weight import GRAMS_PER_UNIT

ScaleUnit = Literal["kg", "g"]

STX = 0x02
ETX = 0x03
_MAX_BUFFER = 4096  # a scale with no frame boundary in 4 KiB is sending noise


@dataclass(frozen=True, slots=True)
class Reading:
    """One indicator display. ``grams`` is meaningless when ``status_only`` is set.

    ``underload`` is a below-range display whose value the scale does not send
    (A12E ``LO``, 8217 under zero); a plain negative weight is a negative ``grams``.
    ``raw`` is the frame text for logs: scales send digits and flags, nothing personal.
    """

    grams: int
    stable: bool
    overload: bool = False
    underload: bool = False
    status_only: bool = False
    net: bool = False
    raw: str = ""


def display_to_grams(digits: str, decimals: int, unit: ScaleUnit, *, negative: bool) -> int:
    """Exact grams for a display of ``digits`` with ``decimals`` places in ``unit``.

    kg with up to three decimals is exact; a fourth decimal (0.1 g) is rounded half-up,
    the project's one rule, since a gram is the station's resolution.
    """
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(f"not digits: {digits!r}")
    value = Fraction(int(digits) * GRAMS_PER_UNIT[unit], 10**decimals)
    grams = round_fraction(value)
    return -grams if negative and grams else grams


def _xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def xor_hex(data: bytes) -> bytes:
    """The XK3190 checksum: XOR of the bytes, as two uppercase ASCII hex digits."""
    return b"%02X" % _xor(data)


def _decimal_text(text: str, unit: ScaleUnit) -> int:
    """Grams for display text like ``-04.139`` or ``  12.34`` (spaces are padding)."""
    text = text.replace(" ", "")
    negative = text.startswith("-")
    text = text.lstrip("+-")
    whole, dot, frac = text.partition(".")
    if not whole and not frac:
        raise ValueError("empty weight")
    if dot and "." in frac:
        raise ValueError("two decimal points")
    return display_to_grams((whole or "0") + frac, len(frac), unit, negative=negative)


@dataclass
class StreamParser:
    """Common buffering; subclasses implement ``_take`` to consume one frame or give up."""

    bad_frames: int = 0
    _buffer: bytearray = field(default_factory=bytearray, repr=False)

    # The host's poll for request/response scales; continuous ones need none.
    poll_command: bytes = field(default=b"", init=False)

    def feed(self, data: bytes) -> list[Reading]:
        self._buffer += data
        readings: list[Reading] = []
        while True:
            taken = self._take()
            if taken is None:
                break
            if isinstance(taken, Reading):
                readings.append(taken)
        if len(self._buffer) > _MAX_BUFFER:
            self.bad_frames += 1
            del self._buffer[: len(self._buffer) - _MAX_BUFFER // 2]
        return readings

    def _take(self) -> Reading | bool | None:
        """A reading, ``True`` when bytes were dropped, or ``None`` when more are needed."""
        raise NotImplementedError

    def _drop_bad(self, count: int) -> bool:
        self.bad_frames += 1
        del self._buffer[:count]
        return True


@dataclass
class XK3190A9Parser(StreamParser):
    """A9 continuous frames. ``capacity_grams`` (Max) marks heavier readings as overload,
    because the frame itself has no overload flag."""

    unit: ScaleUnit = "kg"
    capacity_grams: int | None = None

    FRAME_LEN = 12

    def _take(self) -> Reading | bool | None:
        start = self._buffer.find(STX)
        if start < 0:
            self._buffer.clear()  # garbage: no frame starts here
            return None
        if start:
            del self._buffer[:start]
        if len(self._buffer) < self.FRAME_LEN:
            return None
        frame = bytes(self._buffer[: self.FRAME_LEN])
        body = frame[1:9]
        sign, digits, dp = chr(body[0]), body[1:7], body[7:8]
        if frame[-1] != ETX or sign not in "+-" or not dp.isdigit() or int(dp) > 4:
            return self._drop_bad(1)  # resync on the next STX
        if frame[9:11] != xor_hex(body):
            return self._drop_bad(1)
        try:
            grams = display_to_grams(
                digits.decode("ascii"), int(dp), self.unit, negative=sign == "-"
            )
        except (ValueError, UnicodeDecodeError):
            return self._drop_bad(1)
        del self._buffer[: self.FRAME_LEN]
        overload = self.capacity_grams is not None and grams > self.capacity_grams
        raw = frame[1:11].decode("ascii")
        return Reading(grams=grams, stable=False, overload=overload, raw=raw)


class _LineParser(StreamParser):
    """Formats ending in LF; garbage before a frame shares its line and is cut off."""

    def _take(self) -> Reading | bool | None:
        end = self._buffer.find(b"\n")
        if end < 0:
            return None
        line = bytes(self._buffer[:end]).rstrip(b"\r")
        del self._buffer[: end + 1]
        if not line.strip():
            return True
        reading = self._parse_line(line)
        if reading is None:
            self.bad_frames += 1
            return True
        return reading

    def _parse_line(self, line: bytes) -> Reading | None:
        raise NotImplementedError


@dataclass
class XK3190A12Parser(_LineParser):
    """A12(E) continuous output as its manual documents it (``WG004.139kg3D``)."""

    BODY_LEN = 11

    def _parse_line(self, line: bytes) -> Reading | None:
        if len(line) < self.BODY_LEN + 2:
            return None
        body, check = line[-13:-2], line[-2:]
        if xor_hex(body) != check:
            return None
        raw = body.decode("ascii", "replace").strip()
        if body[:9] == b" " * 9 and body[9:] in (b"OL", b"LO"):
            over = body[9:] == b"OL"
            return Reading(
                0, stable=False, overload=over, underload=not over, status_only=True, raw=raw
            )
        if body[:1] != b"W" or body[1:2] not in (b"G", b"N"):
            return None
        unit_text = body[9:].strip().lower()
        if unit_text not in (b"kg", b"g"):
            return None
        unit: ScaleUnit = "kg" if unit_text == b"kg" else "g"
        try:
            grams = _decimal_text(body[2:9].decode("ascii"), unit)
        except (ValueError, UnicodeDecodeError):
            return None
        return Reading(grams, stable=False, net=body[1:2] == b"N", raw=raw)


_ST_GS = re.compile(
    rb"(?P<st>ST|US|OL),(?P<mode>GS|NT|GW|NW|TR),(?P<w>[-+ 0-9.]*?|[-+ ]*OL[ ]*)"
    rb"\s*(?P<unit>kg|g)?\s*$",
    re.IGNORECASE,
)


@dataclass
class StGsLineParser(_LineParser):
    """``ST,GS,+  12.34kg`` lines; ``unit`` applies when a scale leaves the unit off."""

    unit: ScaleUnit = "kg"

    def _parse_line(self, line: bytes) -> Reading | None:
        match = _ST_GS.search(line)
        if match is None:
            return None
        state = match["st"].upper()
        raw = match.group(0).decode("ascii").strip()
        net = match["mode"].upper() in (b"NT", b"NW")
        if state == b"OL" or b"OL" in match["w"].upper():
            return Reading(0, stable=False, overload=True, status_only=True, net=net, raw=raw)
        unit_text = (match["unit"] or self.unit.encode()).lower()
        unit: ScaleUnit = "kg" if unit_text == b"kg" else "g"
        try:
            grams = _decimal_text(match["w"].decode("ascii"), unit)
        except ValueError:
            return None
        return Reading(grams, stable=state == b"ST", net=net, raw=raw)


_8217_WEIGHT = re.compile(rb"^(?P<w>[0-9]{2,3}\.[0-9]{3})(?P<n>N?)$")
_MOTION, _OVER, _UNDER = 0x01, 0x02, 0x04


@dataclass
class Toledo8217Parser(StreamParser):
    """Answers to ``W``. A weight answer is stable by definition: in motion, the scale
    answers with its status byte instead."""

    def __post_init__(self) -> None:
        self.poll_command = b"W"

    def _take(self) -> Reading | bool | None:
        start = self._buffer.find(STX)
        if start < 0:
            self._buffer.clear()
            return None
        if start:
            del self._buffer[:start]
        end = self._buffer.find(b"\r")
        if end < 0:
            return None
        frame = bytes(self._buffer[1:end])
        if STX in frame:  # a frame cut short by another one: start again there
            return self._drop_bad(1 + frame.index(STX))
        del self._buffer[: end + 1]
        if frame[:1] == b"?" and len(frame) == 2:
            status = frame[1] & 0x7F
            return Reading(
                0,
                stable=not status & _MOTION,
                overload=bool(status & _OVER),
                underload=bool(status & _UNDER),
                status_only=True,
                raw=f"?{status:02X}",
            )
        match = _8217_WEIGHT.match(frame)
        if match is None:
            self.bad_frames += 1
            return True
        grams = _decimal_text(match["w"].decode("ascii"), "kg")
        return Reading(grams, stable=True, net=bool(match["n"]), raw=frame.decode("ascii"))


Protocol = Literal["xk3190-a9", "xk3190-a12", "st-gs", "toledo-8217"]


def make_parser(
    protocol: Protocol, *, unit: ScaleUnit = "kg", capacity_grams: int | None = None
) -> StreamParser:
    """A fresh parser for the protocol named in the station's scale settings."""
    if protocol == "xk3190-a9":
        return XK3190A9Parser(unit=unit, capacity_grams=capacity_grams)
    if protocol == "xk3190-a12":
        return XK3190A12Parser()
    if protocol == "st-gs":
        return StGsLineParser(unit=unit)
    return Toledo8217Parser()
