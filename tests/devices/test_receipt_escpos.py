"""ESC/POS receipts: the bytes say what the receipt says, in GB18030, and reach the printer."""

from __future__ import annotations

import dataclasses
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno

from station_app.core.money import Fen
from station_app.core.receipts import ItemLine, Style, layout
from station_app.devices.receipt_escpos import (
    DOTS_PER_MM,
    PRINTABLE_DOTS,
    DevicePrinter,
    NetworkPrinter,
    ReceiptNotPrinted,
    escpos_bytes,
    print_escpos,
    qr_dot_size,
    raw_printer,
)
from tests.devices.receipt_samples import QR_PAYLOAD, REPRINTED, bare_receipt, full_receipt

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
QR_STORE = GS + b"(k"  # GS ( k: the printer's own QR code commands
CUT = GS + b"V"
PAPERS = pytest.mark.parametrize(("paper_mm", "columns"), [(58, 32), (80, 48)])


def _text(data: bytes) -> str:
    return data.decode("gb18030", errors="replace")


def test_the_job_starts_in_chinese_mode_and_ends_with_a_cut():
    data = escpos_bytes(full_receipt())
    assert data.startswith(ESC + b"@" + FS + b"&")
    assert data.endswith(CUT + b"\x00")
    assert data.count(CUT) == 1


@PAPERS
def test_every_printed_line_is_in_the_bytes_as_gb18030(paper_mm: int, columns: int):
    receipt = full_receipt().reprint(REPRINTED)
    text = _text(escpos_bytes(receipt, paper_mm))
    lines = layout(receipt, columns, yuan="￥")
    for line in lines:
        if line.style is not Style.QR:
            assert line.text.strip() in text, line
    for said in (
        "代缴费凭证",
        "户号：6101****2345",
        "【重打】2026-11-24 09:05:00",
        "扫码查询缴费结果",
    ):
        assert said in text
    assert "\n" + "-" * columns + "\n" in text
    assert "-" * (columns + 1) not in text


def test_the_yuan_sign_is_the_full_width_one_every_chinese_font_has():
    data = escpos_bytes(full_receipt())
    assert "￥121.00".encode("gb18030") in data
    assert "￥".encode("gb18030") == b"\xa3\xa4"
    assert "¥".encode("gb18030") not in data  # a four-byte sequence outside GBK
    assert "¥" not in _text(data)


@PAPERS
def test_amounts_still_end_each_line_at_the_last_column(paper_mm: int, columns: int):
    text = _text(escpos_bytes(full_receipt(), paper_mm))
    line = next(part for part in text.split("\n") if part.endswith("￥42.00"))
    assert sum(2 if ord(char) > 0x7F else 1 for char in line) == columns


def test_the_title_is_double_size_and_centred_and_the_total_bold_and_tall():
    data = escpos_bytes(full_receipt())
    title = "代缴费凭证".encode("gb18030")
    assert ESC + b"E\x01" + ESC + b"a\x01" + GS + b"!\x11" + title + b"\n" in data
    total = next(line.text for line in layout(full_receipt(), 32, yuan="￥") if "合计" in line.text)
    assert ESC + b"E\x01" + GS + b"!\x01" + total.encode("gb18030") + b"\n" in data
    assert data.count(GS + b"!\x11") == 1  # only the title is double width


@PAPERS
def test_the_qr_code_is_the_printers_own_and_large_enough(paper_mm: int, columns: int):
    data = escpos_bytes(full_receipt(), paper_mm)
    payload = QR_PAYLOAD.encode("utf-8")
    store = QR_STORE + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload
    assert store in data
    assert QR_STORE + b"\x03\x001Q0" in data  # print the stored symbol
    size = qr_dot_size(QR_PAYLOAD, paper_mm)
    assert QR_STORE + b"\x03\x001C" + bytes([size]) in data
    modules = segno.make(payload, error="m", micro=False).symbol_size(border=0)[0]
    assert (modules + 8) * size <= PRINTABLE_DOTS[paper_mm]  # quiet zone included
    assert modules * size >= 20 * DOTS_PER_MM
    assert data.index(store) < data.index("扫码查询缴费结果".encode("gb18030"))


def test_a_long_payload_gets_smaller_modules_but_still_fits():
    long_payload = "https://example.cn/trace/" + "A1" * 80
    small, large = qr_dot_size(QR_PAYLOAD, 58), qr_dot_size(long_payload, 58)
    assert large < small
    modules = segno.make(long_payload.encode(), error="m", micro=False).symbol_size(border=0)[0]
    assert (modules + 8) * large <= PRINTABLE_DOTS[58]


def test_a_receipt_without_qr_sends_no_qr_command():
    assert QR_STORE not in escpos_bytes(bare_receipt())


def test_control_characters_typed_at_the_counter_send_no_command():
    receipt = dataclasses.replace(
        bare_receipt(), items=(ItemLine("化肥\x1bp\x00\x19\x19\x1dV\x00", Fen(8000)),)
    )
    data = escpos_bytes(receipt)
    assert ESC + b"p" not in data
    assert data.count(CUT) == 1


@pytest.fixture
def collector() -> Iterator[tuple[int, list[bytes], threading.Thread]]:
    """A one-job TCP printer on a free local port; the list holds what it received."""
    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            chunks = []
            while chunk := connection.recv(4096):
                chunks.append(chunk)
            received.append(b"".join(chunks))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], received, thread
    server.close()


def test_the_network_printer_receives_every_byte(collector):
    port, received, thread = collector
    receipt = full_receipt()
    print_escpos(receipt, NetworkPrinter("127.0.0.1", port), paper_mm=80)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert received == [escpos_bytes(receipt, 80)]


def test_a_network_printer_that_is_off_is_a_clear_error():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(ReceiptNotPrinted, match=r"打印机连接不上：127\.0\.0\.1"):
        NetworkPrinter("127.0.0.1", port, timeout_s=5).send(b"x")


def test_a_device_printer_is_written_like_a_file(tmp_path: Path):
    device = tmp_path / "lp0"
    print_escpos(full_receipt(), DevicePrinter(str(device)))
    assert device.read_bytes() == escpos_bytes(full_receipt())
    with pytest.raises(ReceiptNotPrinted, match="打印机连接不上"):
        DevicePrinter(str(tmp_path / "no-such-dir" / "lp0")).send(b"x")


def test_a_printer_setting_names_a_device_or_a_network_printer():
    assert raw_printer("tcp://192.168.1.80") == NetworkPrinter("192.168.1.80", 9100)
    assert raw_printer("TCP://pos.local:9101") == NetworkPrinter("pos.local", 9101)
    assert raw_printer("/dev/usb/lp0") == DevicePrinter("/dev/usb/lp0")
    assert raw_printer(r"\\localhost\POS58") == DevicePrinter(r"\\localhost\POS58")
    for bad in ("tcp://", "tcp://:9100", "tcp://pos.local:99999", "tcp://pos.local:abc"):
        with pytest.raises(ReceiptNotPrinted, match="打印机地址不对"):
            raw_printer(bad)
