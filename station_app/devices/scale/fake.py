"""Encoders that play the scale's side: the fake scale in tests and the benchmark.

They are the parsers' inverse, kept beside them so a format change breaks both at
once. Weights are whole grams, written as a kg display with three decimals (the
resolution a produce scale shows), except A9 which also takes a decimal count.
"""

from __future__ import annotations

from station_app.devices.scale.protocols import ETX, STX, xor_hex


def _kg_text(grams: int, chars: int) -> str:
    """``grams`` as a kg display with three decimals, zero-padded to ``chars`` characters."""
    whole, frac = divmod(abs(grams), 1000)
    return f"{whole:0{chars - 4}d}.{frac:03d}"


def encode_a9(grams: int, *, decimals: int = 3) -> bytes:
    """An A9 frame showing ``grams`` as kg with ``decimals`` places (grams must fit)."""
    scale = 10 ** (3 - decimals) if decimals <= 3 else 1
    if decimals > 3:
        digits = abs(grams) * 10 ** (decimals - 3)
    else:
        if grams % scale:
            raise ValueError("weight finer than the display")
        digits = abs(grams) // scale
    body = b"%c%06d%d" % (b"-" if grams < 0 else b"+", digits, decimals)
    if len(body) != 8:
        raise ValueError("weight too large for six digits")
    return bytes([STX]) + body + xor_hex(body) + bytes([ETX])


def encode_a12(grams: int, *, net: bool = False) -> bytes:
    """An A12E line; the 7-character field holds the sign, digits and point."""
    text = _kg_text(grams, 6 if grams < 0 else 7)
    if grams < 0:
        text = "-" + text
    if len(text) != 7:
        raise ValueError("weight too large for the A12 field")
    body = b"W" + (b"N" if net else b"G") + text.encode() + b"kg"
    return body + xor_hex(body) + b"\r\n"


def encode_a12_status(code: bytes) -> bytes:
    """The A12E's overload (``OL``) or below-range (``LO``) line."""
    body = b" " * 9 + code
    return body + xor_hex(body) + b"\r\n"


def encode_st_gs(grams: int, *, stable: bool = True, net: bool = False) -> bytes:
    """A ``ST,GS,+  12.345kg`` line."""
    sign = "-" if grams < 0 else "+"
    whole, frac = divmod(abs(grams), 1000)
    text = f"{'ST' if stable else 'US'},{'NT' if net else 'GS'},{sign}{whole:>4d}.{frac:03d}kg"
    return text.encode() + b"\r\n"


def encode_8217(grams: int, *, net: bool = False) -> bytes:
    """A stable kg answer to ``W``; ``WW.WWW`` widens to three whole digits past 99 kg."""
    if grams < 0:
        raise ValueError("the 8217 answers negative weights with a status byte")
    width = 6 if grams < 100_000 else 7
    return bytes([STX]) + _kg_text(grams, width).encode() + (b"N" if net else b"") + b"\r"


def encode_8217_status(*, motion: bool = False, over: bool = False, under: bool = False) -> bytes:
    """The ``STX ? status CR`` answer; bit 6 is always set, parity is left at 0."""
    status = 0x40 | (0x01 if motion else 0) | (0x02 if over else 0) | (0x04 if under else 0)
    return bytes([STX]) + b"?" + bytes([status]) + b"\r"
