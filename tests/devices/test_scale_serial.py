"""The real serial path: a fake scale process on one end of a socat pty pair, the
station's ``ScaleReader`` (pyserial) on the other. Waits are on queues, never sleeps."""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from station_app.devices.scale.port import (
    PortSettings,
    ScaleDisconnected,
    ScaleEvent,
    ScaleReader,
    ScaleSilent,
)
from station_app.devices.scale.protocols import Protocol, Reading, make_parser
from station_app.devices.scale.settle import SettleCheck
from tests.devices.serial_pair import socat_pair

pytestmark = pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")

FAKE_SCALE = Path(__file__).with_name("fake_scale.py")
WAIT = 5.0


@dataclass
class Rig:
    reader: ScaleReader
    events: queue.Queue[ScaleEvent]
    socat: subprocess.Popen[str]
    scale_end: str

    def start_scale(self, protocol: Protocol, *weights: str) -> subprocess.Popen[str]:
        scale = subprocess.Popen(
            [sys.executable, str(FAKE_SCALE), self.scale_end, protocol, *weights],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert scale.stdout is not None
        assert scale.stdout.readline().strip() == "READY"
        self._scales.append(scale)
        return scale

    def next(self) -> ScaleEvent:
        return self.events.get(timeout=WAIT)

    def readings(self, count: int) -> list[Reading]:
        """The next ``count`` readings; a slow interpreter start may come first as silence."""
        got: list[Reading] = []
        while len(got) < count:
            event = self.next()
            if not isinstance(event, ScaleSilent):
                assert isinstance(event, Reading), event
                got.append(event)
        return got

    def __post_init__(self) -> None:
        self._scales: list[subprocess.Popen[str]] = []

    def stop_scales(self) -> None:
        for scale in self._scales:
            if scale.poll() is None:
                assert scale.stdin is not None
                scale.stdin.close()
                scale.wait(timeout=WAIT)
            if scale.stdout is not None:
                scale.stdout.close()


@pytest.fixture
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    protocol, silence = request.param
    with socat_pair() as (scale_end, station_end, socat):
        events: queue.Queue[ScaleEvent] = queue.Queue()
        settings = PortSettings(station_end, timeout=0.02, poll_interval=0.01, silence=silence)
        reader = ScaleReader(settings, make_parser(protocol), events.put)
        thread = reader.start()
        assert reader.opened.wait(WAIT)
        rig = Rig(reader, events, socat, scale_end)
        try:
            yield rig
        finally:
            reader.close()
            thread.join(WAIT)
            assert not thread.is_alive()
            rig.stop_scales()


@pytest.mark.parametrize("rig", [("xk3190-a9", 30.0)], indirect=True)
def test_a9_readings_settle_then_the_cable_is_pulled(rig: Rig):
    rig.start_scale("xk3190-a9", "900", "1450", "1500", "1500", "1500")
    readings = rig.readings(5)
    assert [r.grams for r in readings] == [900, 1450, 1500, 1500, 1500]
    check = SettleCheck(identical=3)
    verdicts = [check.feed(r) for r in readings]
    assert verdicts[-1].grams == 1500
    assert [v.state for v in verdicts[:-1]] == ["unsettled"] * 4

    rig.socat.terminate()  # the USB-serial adapter leaves: the pty goes away
    event = rig.next()
    assert isinstance(event, ScaleDisconnected)
    assert event.message.startswith("秤断开了")


@pytest.mark.parametrize("rig", [("xk3190-a12", 0.3)], indirect=True)
def test_a12_overload_and_negative_then_the_scale_is_switched_off(rig: Rig):
    scale = rig.start_scale("xk3190-a12", "OL", "-300", "2000")
    over, negative, weight = rig.readings(3)
    assert over.overload
    assert negative.grams == -300
    assert weight.grams == 2000
    assert SettleCheck().feed(over).state == "overload"

    assert scale.stdin is not None
    scale.stdin.close()  # the fake scale closes its end: the line goes quiet
    scale.wait(timeout=WAIT)
    event = rig.next()
    assert isinstance(event, ScaleSilent)
    assert "没有数据" in event.message


@pytest.mark.parametrize("rig", [("toledo-8217", 30.0)], indirect=True)
def test_8217_is_polled_and_answers(rig: Rig):
    rig.start_scale("toledo-8217", "US", "2345", "OL")
    motion, weight, over = rig.readings(3)
    assert motion.status_only
    assert not motion.stable
    assert (weight.grams, weight.stable) == (2345, True)
    assert SettleCheck(identical=5).feed(weight).grams == 2345
    assert over.overload
    rig.socat.terminate()
    assert isinstance(rig.next(), ScaleDisconnected)


def test_a_port_that_does_not_exist_is_an_event_not_an_exception():
    events: queue.Queue[ScaleEvent] = queue.Queue()
    reader = ScaleReader(PortSettings("/dev/does-not-exist"), make_parser("st-gs"), events.put)
    reader.run()
    event = events.get_nowait()
    assert isinstance(event, ScaleDisconnected)
    assert "/dev/does-not-exist" in event.message
