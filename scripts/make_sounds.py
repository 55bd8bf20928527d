"""Generate the scan feedback sounds in resources/sounds/.

The WAVs are synthesised rather than downloaded so their licence is ours and anyone can
rebuild them with the standard library alone. The output is deterministic: running the
script again rewrites identical files. Usage: python scripts/make_sounds.py [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from collections.abc import Callable
from pathlib import Path

SAMPLE_RATE = 22_050  # plenty for beeps, and keeps each file a few kilobytes
AMPLITUDE = 0.6  # loud enough over a busy shop, with headroom against clipping
FADE_S = 0.005  # a 5 ms ramp at each end stops the speaker clicking

Waveform = Callable[[float], float]  # phase in cycles -> sample in [-1, 1]


def sine(phase: float) -> float:
    return math.sin(2 * math.pi * phase)


def buzz(phase: float) -> float:
    """A soft-clipped sine: square-ish and harsh enough to mean 'wrong', not a shriek."""
    return math.tanh(4 * sine(phase)) / math.tanh(4)


def tone(freq_hz: float, duration_s: float, waveform: Waveform = sine) -> list[float]:
    """One tone with faded edges, as floats in [-1, 1]."""
    count = round(duration_s * SAMPLE_RATE)
    fade = max(1, round(FADE_S * SAMPLE_RATE))
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        samples.append(envelope * waveform(freq_hz * i / SAMPLE_RATE))
    return samples


def silence(duration_s: float) -> list[float]:
    return [0.0] * round(duration_s * SAMPLE_RATE)


def write_wav(path: Path, samples: list[float]) -> None:
    """Write mono 16-bit PCM, the one format every player and winsound accepts."""
    frames = b"".join(struct.pack("<h", round(s * AMPLITUDE * 32767)) for s in samples)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(frames)


def sounds() -> dict[str, list[float]]:
    """The three sounds, told apart by pitch and rhythm so nobody has to look up."""
    beep = tone(1000, 0.08)
    return {
        "success.wav": tone(1800, 0.12),
        "duplicate.wav": beep + silence(0.06) + beep,
        "error.wav": tone(300, 0.4, buzz),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parents[1] / "resources" / "sounds"
    parser.add_argument("--out", type=Path, default=default_out)
    out_dir: Path = parser.parse_args(argv).out
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, samples in sounds().items():
        write_wav(out_dir / name, samples)
        print(out_dir / name)


if __name__ == "__main__":
    main()
