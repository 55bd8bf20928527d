"""The scale as the GUI sees it: ``QtScale`` on the station end of a socat pty pair, the
fake scale process on the other. Every wait is on a Qt signal, never a sleep."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_app.devices.scale.port import PortSettings
from station_app.devices.scale.protocols import Protocol
from station_app.devices.scale.qt_scale import QtScale, ScaleConfig
from tests.devices.serial_pair import socat_pair

pytestmark = pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")

FAKE_SCALE = Path(__file__).with_name("fake_scale.py")
WAIT_MS = 5000
FAST = PortSettings("", timeout=0.02, poll_interval=0.01, silence=30.0)


class Readings:
    """What the scale's ``reading`` signal delivered, in order."""

    def __init__(self, scale: QtScale) -> None:
        self.got: list[tuple[int, bool, str]] = []
        scale.reading.connect(
            lambda grams, stable, status: self.got.append((grams, stable, status))
        )


def start_fake_scale(scale_end: str, protocol: Protocol, *weights: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, str(FAKE_SCALE), scale_end, protocol, *weights],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY"
    return proc


def stop_fake_scale(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=5)
    if proc.stdout is not None:
        proc.stdout.close()


@pytest.fixture
def pair() -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    with socat_pair() as ends:
        yield ends


@pytest.fixture
def scale(qtbot: QtBot) -> Iterator[QtScale]:
    scale = QtScale(retry_ms=0, port_settings=FAST)
    yield scale
    scale.stop()
    assert not scale.running


def test_readings_settle_then_the_cable_is_pulled(
    qtbot: QtBot, scale: QtScale, pair: tuple[str, str, subprocess.Popen[str]]
) -> None:
    scale_end, station_end, socat = pair
    readings = Readings(scale)
    with qtbot.waitSignal(scale.connected, timeout=WAIT_MS):
        scale.start(ScaleConfig(station_end, "xk3190-a9", 9600, settle_readings=3))
    proc = start_fake_scale(scale_end, "xk3190-a9", "900", "1500", "1500", "1500")
    try:
        qtbot.waitUntil(lambda: len(readings.got) == 4, timeout=WAIT_MS)
        assert readings.got == [
            (900, False, "unsettled"),
            (1500, False, "unsettled"),
            (1500, False, "unsettled"),
            (1500, True, "settled"),
        ]
        with qtbot.waitSignal(scale.disconnected, timeout=WAIT_MS) as blocker:
            socat.terminate()  # the USB-serial adapter leaves
        assert str(blocker.args[0]).startswith("秤断开了")
        assert not scale.running
    finally:
        stop_fake_scale(proc)


def test_the_scales_own_flag_and_overload(
    qtbot: QtBot, scale: QtScale, pair: tuple[str, str, subprocess.Popen[str]]
) -> None:
    scale_end, station_end, _socat = pair
    readings = Readings(scale)
    with qtbot.waitSignal(scale.connected, timeout=WAIT_MS):
        scale.start(ScaleConfig(station_end, "xk3190-a12", settle_readings=5))
    with qtbot.waitSignal(scale.overloaded, timeout=WAIT_MS):
        proc = start_fake_scale(scale_end, "xk3190-a12", "OL", "-300", "2000")
    try:
        qtbot.waitUntil(lambda: len(readings.got) == 3, timeout=WAIT_MS)
        assert readings.got == [
            (0, False, "overload"),
            (-300, False, "negative"),
            (2000, False, "unsettled"),
        ]
    finally:
        stop_fake_scale(proc)


def test_the_8217_is_believed_at_once(
    qtbot: QtBot, scale: QtScale, pair: tuple[str, str, subprocess.Popen[str]]
) -> None:
    scale_end, station_end, _socat = pair
    readings = Readings(scale)
    proc = start_fake_scale(scale_end, "toledo-8217", "US", "2345")
    try:
        scale.start(ScaleConfig(station_end, "toledo-8217"))
        qtbot.waitUntil(lambda: len(readings.got) == 2, timeout=WAIT_MS)
        assert readings.got == [(0, False, "unsettled"), (2345, True, "settled")]
    finally:
        stop_fake_scale(proc)


def test_a_scale_that_goes_quiet_is_silent(
    qtbot: QtBot, pair: tuple[str, str, subprocess.Popen[str]]
) -> None:
    _scale_end, station_end, _socat = pair
    quiet = PortSettings("", timeout=0.02, silence=0.3)
    scale = QtScale(retry_ms=0, port_settings=quiet)
    try:
        with qtbot.waitSignal(scale.connected, timeout=WAIT_MS):
            scale.start(ScaleConfig(station_end, "st-gs"))
        with qtbot.waitSignal(scale.silent, timeout=WAIT_MS):
            pass
        assert scale.running  # the port stays open: readings resume if the scale comes back
    finally:
        scale.stop()
    assert not scale.running


def test_a_missing_port_is_reported_and_retried(qtbot: QtBot) -> None:
    scale = QtScale(retry_ms=50)
    try:
        with qtbot.waitSignal(scale.disconnected, timeout=WAIT_MS) as first:
            scale.start(ScaleConfig("/dev/does-not-exist", "st-gs"))
        assert "/dev/does-not-exist" in str(first.args[0])
        with qtbot.waitSignal(scale.disconnected, timeout=WAIT_MS):
            pass  # tried again by itself
    finally:
        scale.stop()
    assert not scale.running


def test_no_port_means_no_scale(qtbot: QtBot) -> None:
    scale = QtScale()
    scale.start(ScaleConfig(""))
    assert not scale.running
    scale.stop()
