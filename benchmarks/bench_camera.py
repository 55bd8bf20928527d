"""Camera scanning: frames analysed per second at 1280x720 on one core, and decode rate.

Runs `FrameAnalyser` over the recorded frames in tests/devices/camera_images/recorded
(a parcel, an empty box, another parcel) in a loop, pinned to one core with OpenCV's
own threads off. Goal from the camera issue: >= 15 frames/s. Measured with and without
the 2x retry, on the clean frames and again with webcam-like sensor noise added (noise
makes zbar find edges everywhere, which is where time goes on a real camera). Then the
decode rate over every test image that holds a code, with the misses listed.

    .venv/bin/python -m benchmarks.bench_camera [--seconds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from station_app.devices.barcode_decode import FrameAnalyser, decode
from station_app.devices.frames import RecordedFrames, read_image

IMAGES = Path(__file__).resolve().parents[1] / "tests" / "devices" / "camera_images"
NOISE_SIGMA = 3.0  # grey levels: a cheap webcam indoors
GOAL_FPS = 15


def one_core() -> str:
    """Pin this process to one CPU, so the figure is what one core does."""
    cv2.setNumThreads(1)
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here); OpenCV single-threaded"


def with_noise(frames: list[np.ndarray]) -> list[np.ndarray]:
    rng = np.random.default_rng(7)
    return [
        np.clip(f + rng.normal(0, NOISE_SIGMA, f.shape), 0, 255).astype(np.uint8) for f in frames
    ]


def measure(frames: list[np.ndarray], make: Callable[[], FrameAnalyser], seconds: float) -> str:
    """Analyse frames in a loop for `seconds`; fps, frame times and scans counted."""
    analyser = make()
    times: list[float] = []
    scans = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for frame in frames:
            started = time.perf_counter()
            scans += len(analyser.analyse(frame).accepted)
            times.append(time.perf_counter() - started)
    fps = len(times) / sum(times)
    p95 = statistics.quantiles(times, n=20)[-1] * 1000
    return (
        f"{fps:6.1f} frames/s  mean {1000 * statistics.mean(times):5.1f} ms  "
        f"p95 {p95:5.1f} ms  max {1000 * max(times):5.1f} ms  "
        f"retries {analyser.upscale_attempts}/{len(times)}  scans {scans}"
    )


def scenes() -> dict[str, list[np.ndarray]]:
    """The recorded stream, plus the two extremes for the retry's cost: nothing in view
    (a retry every other frame, the camera's usual state) and a small code held in view
    (a retry on every frame, until it is taken away)."""
    return {
        "recorded stream": RecordedFrames.from_folder(IMAGES / "recorded").frames,
        "empty box": [read_image(IMAGES / "empty_box.png")],
        "small code held": [read_image(IMAGES / "code128_sf__small.png")],
    }


def throughput(seconds: float) -> None:
    print(f"1280x720 frames, {seconds:g} s per run")
    variants = {"retry on ": FrameAnalyser, "retry off": lambda: FrameAnalyser(upscale_every=0)}
    for scene, frames in scenes().items():
        for noise, shown in (("clean", frames), (f"noise σ={NOISE_SIGMA:g}", with_noise(frames))):
            for name, make in variants.items():
                label = f"{scene}, {noise}, {name}"
                print(f"  {label:40s} {measure(shown, make, seconds)}")
    print(f"  goal: >= {GOAL_FPS} frames/s")


def decode_rate() -> None:
    manifest = json.loads((IMAGES / "manifest.json").read_text(encoding="utf-8"))
    plain_hits, hits, misses, total = 0, 0, [], 0
    for name, entry in sorted(manifest.items()):
        if entry["text"] is None or name.startswith("itf10_wrong_length"):
            continue  # nothing to find, or something we must not find
        total += 1
        frame = read_image(IMAGES / name)
        want = (entry["text"], entry["symbology"])
        plain = [(d.text, d.symbology) for d in decode(frame)]
        found = plain or [(d.text, d.symbology) for d in decode(frame, upscale=True)]
        plain_hits += plain == [want]
        hits += found == [want]
        if found != [want]:
            misses.append(f"{name} (got {found})")
    print(f"decode rate: {hits}/{total} with the 2x retry, {plain_hits}/{total} plain")
    for miss in misses:
        print(f"  missed: {miss}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    print(one_core())
    throughput(args.seconds)
    decode_rate()


if __name__ == "__main__":
    main()
