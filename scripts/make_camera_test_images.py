"""Generate the camera test images in tests/devices/camera_images/.

Waybill-like parcels at 1280x720 (a webcam's usual mode), each with one code rendered
module by module from python-barcode's patterns or segno's matrix, then degraded the way
a shop webcam degrades them: far away, turned, out of focus, in a dim corner, under a
lamp's glare, held at a slant. Also a short "recorded" stream: one parcel moving a
little, an empty box, then a second parcel.

Synthesised, not photographed, so anyone can rebuild them and no one's address is in
the repository. Deterministic: a fixed random seed, so rerunning rewrites the same
files. ``manifest.json`` says what each image holds; the tests read it.

    .venv/bin/python scripts/make_camera_test_images.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import barcode
import cv2
import numpy as np
import segno

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "devices" / "camera_images"
WIDTH, HEIGHT = 1280, 720
TABLE = (62, 78, 96)  # BGR: a dark wooden counter
BOX = (96, 148, 192)  # BGR: corrugated cardboard
TAPE = (150, 190, 215)
SEED = 2026
# Sensor noise does not compress: each low-light PNG is 0.5 MB, so only two of them.
NOISY = frozenset({"CODE128", "QRCODE"})
# Module widths of the "small" variants. 1.2 px puts a 15-character Code 128 at 15 % of
# the frame's width: a size where plain decoding gives up and the 2x retry is needed
# (the tests check both halves of that claim). ITF, with only two bar widths, is read
# plainly down to 0.7 px.
SMALL_MODULE_PX = {"CODE128": 1.2, "QRCODE": 1.6, "I25": 0.6}

Frame = np.ndarray


@dataclass(frozen=True)
class Code:
    """A code to render: its file stem, text, zbar symbology and module size in px."""

    stem: str
    text: str
    symbology: str
    module: int
    height: int = 150


def gtin14(first13: str) -> str:
    """Append the GS1 check digit, so the ITF-14 is one a real carton could carry."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(first13)))
    return first13 + str((10 - total % 10) % 10)


CODES = [
    Code("code128_sf", "SF1234567890123", "CODE128", 3),
    Code("code128_yt", "YT7512345678901", "CODE128", 3),
    Code("code128_jt", "JT0001234567890", "CODE128", 3),
    Code("code128_digits", "773112345678901", "CODE128", 3),
    Code("code39_yd", "YD20261234", "CODE39", 2),
    Code("itf14", gtin14("1690123456789"), "I25", 3),
    Code("itf10_wrong_length", "1234567890", "I25", 3),
    Code("qr_chinese", "溯源码：FX-2026-000123 凤翔苹果", "QRCODE", 6),
    Code("ean13_product", "6901234567892", "EAN13", 3),
]


def bar_modules(code: Code) -> np.ndarray:
    """The code as a 2-D array of modules, 1 = dark, quiet zone not included."""
    if code.symbology == "QRCODE":
        qr = segno.make_qr(code.text, encoding="utf-8", error="m")
        return np.array(qr.matrix, dtype=np.uint8)
    name = {"CODE128": "code128", "CODE39": "code39", "I25": "itf", "EAN13": "ean13"}
    options = {"add_checksum": False} if code.symbology == "CODE39" else {}
    text = code.text[:12] if code.symbology == "EAN13" else code.text
    pattern = barcode.get_barcode_class(name[code.symbology])(text, **options).build()[0]
    return np.array([[int(c) for c in pattern]], dtype=np.uint8)


def render_code(code: Code) -> np.ndarray:
    """Black on white, `module` px per module, with a quiet zone of 10 modules."""
    modules = bar_modules(code)
    rows = modules.shape[0]
    module_h = code.module if rows > 1 else 1
    repeat_h = code.module if rows > 1 else code.height
    img = np.kron(1 - modules, np.ones((repeat_h // module_h * module_h, code.module)))
    img = (img * 255).astype(np.uint8)
    quiet = 10 * code.module if rows == 1 else 4 * code.module
    return cv2.copyMakeBorder(img, quiet, quiet, quiet, quiet, cv2.BORDER_CONSTANT, value=255)


def label(code: Code) -> np.ndarray:
    """A white waybill label: courier lines above, the code, its digits below."""
    img = render_code(code)
    h, w = img.shape
    lw, lh = max(w + 60, 420), h + 150
    sheet = np.full((lh, lw), 255, np.uint8)
    x0 = (lw - w) // 2
    sheet[90 : 90 + h, x0 : x0 + w] = img
    for i, line in enumerate(("EXPRESS  WAYBILL", "TO: HUJIAZHUANG  STATION")):
        cv2.putText(sheet, line, (20, 32 + 28 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 2)
    caption = code.text if code.text.isascii() else "FX-2026-000123"
    cv2.putText(sheet, caption, (x0 + 20, 90 + h + 40), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    cv2.rectangle(sheet, (0, 0), (lw - 1, lh - 1), 160, 2)
    return cv2.cvtColor(sheet, cv2.COLOR_GRAY2BGR)


def empty_scene() -> Frame:
    """The counter with a closed box on it and no label."""
    frame = np.full((HEIGHT, WIDTH, 3), TABLE, np.uint8)
    cv2.rectangle(frame, (120, 50), (1160, 680), BOX, -1)
    cv2.rectangle(frame, (120, 330), (1160, 390), TAPE, -1)
    return frame


def parcel_scene(code: Code, dx: int = 0, dy: int = 0) -> Frame:
    """The box with `code`'s label in the middle, moved by (dx, dy)."""
    frame = empty_scene()
    sheet = label(code)
    h, w = sheet.shape[:2]
    y0, x0 = (HEIGHT - h) // 2 + dy, (WIDTH - w) // 2 + dx
    frame[y0 : y0 + h, x0 : x0 + w] = sheet
    return frame


def rotated(frame: Frame, degrees: float, scale: float = 1.0) -> Frame:
    centre = (WIDTH / 2, HEIGHT / 2)
    matrix = cv2.getRotationMatrix2D(centre, degrees, scale)
    return cv2.warpAffine(frame, matrix, (WIDTH, HEIGHT), borderValue=TABLE)


def small(frame: Frame, module_px: float, module: int) -> Frame:
    """The parcel far from the camera: each of the code's modules `module_px` wide."""
    scale = module_px / module
    shrunk = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    out = np.full((HEIGHT, WIDTH, 3), TABLE, np.uint8)
    h, w = shrunk.shape[:2]
    y0, x0 = (HEIGHT - h) // 2, (WIDTH - w) // 2
    out[y0 : y0 + h, x0 : x0 + w] = shrunk
    return out


def blurred(frame: Frame, sigma: float) -> Frame:
    return cv2.GaussianBlur(frame, (0, 0), sigma)


def low_light(frame: Frame, rng: np.random.Generator) -> Frame:
    """A dim corner: a quarter of the light and sensor noise, nearly colourless."""
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY).astype(np.float32) * 0.22
    noisy = gray + rng.normal(0.0, 3.0, gray.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def glare(frame: Frame) -> Frame:
    """A lamp's reflection: a saturated, soft-edged ellipse over the code's upper left."""
    mask = np.zeros((HEIGHT, WIDTH), np.float32)
    cv2.ellipse(mask, (520, 330), (170, 70), -20, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 18)[..., None]
    out = frame.astype(np.float32) * (1 - mask) + 255.0 * mask
    return np.clip(out, 0, 255).astype(np.uint8)


def skewed(frame: Frame) -> Frame:
    """Held at a slant: the right side farther away than the left."""
    src = np.float32([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]])
    dst = np.float32([[60, 20], [WIDTH - 180, 130], [WIDTH - 180, HEIGHT - 130], [60, HEIGHT - 20]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(frame, matrix, (WIDTH, HEIGHT), borderValue=TABLE)


def variants(code: Code, rng: np.random.Generator) -> dict[str, Frame]:
    """Each degradation applied to one clean parcel."""
    clean = parcel_scene(code)
    return {
        "small": small(clean, SMALL_MODULE_PX[code.symbology], code.module),
        "rot15": rotated(clean, 15),
        "rot90": rotated(clean, 90),
        "blur": blurred(clean, 1.5),
        "blur_heavy": blurred(clean, 3.5),
        **({"lowlight": low_light(clean, rng)} if code.symbology in NOISY else {}),
        "glare": glare(clean),
        "skew": skewed(clean),
    }


def recorded(first: Code, second: Code) -> list[Frame]:
    """A parcel held up and wobbling, taken away, then another parcel."""
    frames = []
    for i in range(12):
        frame = parcel_scene(first, dx=3 * i - 18, dy=(i % 4) - 2)
        frames.append(rotated(frame, 0.4 * (i % 5) - 0.8))
    frames += [empty_scene() for _ in range(6)]
    frames += [parcel_scene(second, dx=-2 * i, dy=i % 3) for i in range(12)]
    frames += [empty_scene() for _ in range(3)]
    return frames


def write(path: Path, frame: Frame) -> None:
    cv2.imwrite(str(path), frame, [cv2.IMWRITE_PNG_COMPRESSION, 9])


def make(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, str | None]] = {}

    def add(name: str, frame: Frame, code: Code | None) -> None:
        write(out / f"{name}.png", frame)
        manifest[f"{name}.png"] = {
            "text": code.text if code else None,
            "symbology": code.symbology if code else None,
        }

    by_stem = {c.stem: c for c in CODES}
    for code in CODES:
        add(code.stem, parcel_scene(code), code)
    add("empty_box", empty_scene(), None)
    for stem in ("code128_sf", "qr_chinese", "itf14"):
        for kind, frame in variants(by_stem[stem], rng).items():
            add(f"{stem}__{kind}", frame, by_stem[stem])
    frames_dir = out / "recorded"
    frames_dir.mkdir(exist_ok=True)
    for i, frame in enumerate(recorded(by_stem["code128_sf"], by_stem["code128_yt"])):
        write(frames_dir / f"frame_{i:03d}.png", frame)
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    make(parser.parse_args(argv).out)


if __name__ == "__main__":
    main()
