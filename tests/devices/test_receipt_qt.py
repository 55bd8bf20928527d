"""Receipts drawn by Qt, read back from the PDF as text (pdftotext) and as a picture.

pdftotext is in poppler-utils (installed on CI). The text is NFKC-normalised before it
is searched: Qt's PDF writer names the CJK glyphs a font shares with a Kangxi radical by
the radical's code point (⽹ U+2F79 for 网), which NFKC folds back to the ideograph.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtPrintSupport import QPrinter

from station_app.core.money import Fen
from station_app.core.receipts import ItemLine
from station_app.devices.barcode_decode import decode
from station_app.devices.frames import read_image
from station_app.devices.receipt_qt import write_pdf
from station_app.ui.app import choose_font
from tests.devices.receipt_samples import (
    QR_CAPTION,
    QR_PAYLOAD,
    REPRINTED,
    bare_receipt,
    full_receipt,
)

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
        reason="poppler-utils (pdftotext, pdftoppm) is not installed",
    ),
]
PAPERS = pytest.mark.parametrize("paper_mm", [58, 80])
PNG_DPI = 150
MM_PER_INCH = 25.4


@pytest.fixture
def font() -> QFont:
    """The font the station app uses (ui.app sets it as the application font)."""
    return choose_font(QFontDatabase.families())


def _pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return unicodedata.normalize("NFKC", result.stdout)


def _page_mm(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert match, info.stdout
    return tuple(float(points) / 72 * MM_PER_INCH for points in match.groups())  # type: ignore[return-value]


def _png(pdf: Path) -> Path:
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(PNG_DPI), "-singlefile", str(pdf), str(pdf.with_suffix(""))],
        check=True,
    )
    return pdf.with_suffix(".png")


@PAPERS
def test_the_pdf_says_what_the_receipt_says(tmp_path: Path, font: QFont, paper_mm: int):
    pdf = write_pdf(full_receipt(), tmp_path / "receipt.pdf", paper_mm, font=font)
    text = _pdf_text(pdf)
    for said in (
        "代缴费凭证",
        "柳林镇胡家庄村服务站",
        "单号:JF20261123-0001",  # NFKC turns the full-width colon into ":"
        "时间:2026-11-23 10:00:00",
        "号:6101****2345",  # 户 comes out as ⼾ (U+2F3E), which NFKC makes 戶, not 户
        "25.30kg × ¥1.50",
        "¥37.95",
        "¥120.00",
        "¥121.00",
        "支付方式:微信收款码",
        QR_CAPTION,  # the last line: the page is long enough for everything
    ):
        assert said in text, said
    assert "重打" not in text
    width, height = _page_mm(pdf)
    assert width == pytest.approx(paper_mm, abs=0.2)
    assert height > 100


def test_a_reprint_pdf_is_marked_with_the_reprint_time(tmp_path: Path, font: QFont):
    pdf = write_pdf(full_receipt().reprint(REPRINTED), tmp_path / "reprint.pdf", font=font)
    text = _pdf_text(pdf)
    assert "【重打】2026-11-24 09:05:00" in text
    assert "时间:2026-11-23 10:00:00" in text


def test_the_page_grows_with_the_receipt(tmp_path: Path, font: QFont):
    short = write_pdf(bare_receipt(), tmp_path / "short.pdf", 80, font=font)
    many = tuple(ItemLine(f"商品{n}", Fen(100 * n)) for n in range(1, 41))
    long = write_pdf(
        dataclasses.replace(bare_receipt(), items=many), tmp_path / "long.pdf", 80, font=font
    )
    (short_width, short_height), (_, long_height) = _page_mm(short), _page_mm(long)
    assert short_width == pytest.approx(80, abs=0.2)
    assert short_height >= 80  # never wider than long: no driver turns it to landscape
    assert long_height > short_height + 40 * 3  # at least a 3 mm line per item
    text = _pdf_text(long)
    assert "商品40" in text
    assert "¥40.00" in text


@PAPERS
def test_the_qr_code_scans_and_is_at_least_20_mm(tmp_path: Path, font: QFont, paper_mm: int):
    pdf = write_pdf(full_receipt(), tmp_path / "receipt.pdf", paper_mm, font=font)
    found = decode(read_image(_png(pdf)))
    assert [code.text for code in found] == [QR_PAYLOAD]
    xs = [x for x, _ in found[0].polygon]
    assert (max(xs) - min(xs)) / PNG_DPI * MM_PER_INCH >= 20


def test_an_installed_printer_path_draws_the_same_receipt(tmp_path: Path, font: QFont):
    """A QPrinter (here in PDF mode: no printer on CI) goes through the same drawing."""
    from station_app.devices.receipt_qt import render

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    render(printer, full_receipt().reprint(REPRINTED), 80, font=font)
    text = _pdf_text(tmp_path / "printer.pdf")
    for said in ("代缴费凭证", "¥121.00", "重打"):
        assert said in text
    assert _page_mm(tmp_path / "printer.pdf")[0] == pytest.approx(80, abs=0.2)
