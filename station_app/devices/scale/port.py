"""The serial port side: one reader loop per scale, meant for a worker thread.

pyserial blocks, and a scale cable is pulled out while a farmer's crate is on it more
often than anyone would like. So the loop owns the port from open to close, turns every
frame into a ``Reading`` for the callback, and ends an unplugged or vanished port with a
``ScaleDisconnected`` event instead of letting an exception die silently in the thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial

from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.devices.scale.protocols import Reading, StreamParser

DISCONNECTED = QT_TRANSLATE_NOOP("core", "秤断开了，请检查秤的连接线后重试")
SILENT = QT_TRANSLATE_NOOP("core", "秤没有数据，请检查秤是否开机、连接线是否插好")
CANNOT_OPEN = QT_TRANSLATE_NOOP("core", "打不开秤的串口 {port}，请检查设置和连接线")


@dataclass(frozen=True, slots=True)
class ScaleDisconnected:
    """The loop has ended because the port failed; ``detail`` is for the log only."""

    message: str
    detail: str


@dataclass(frozen=True, slots=True)
class ScaleSilent:
    """No reading for ``PortSettings.silence`` seconds while the port stays open.

    A scale switched off at the wall, or its RS232 plug pulled from the scale's end,
    raises no error on the PC side: the line just goes quiet. The loop keeps running
    and readings resume if the scale comes back.
    """

    message: str


ScaleEvent = Reading | ScaleDisconnected | ScaleSilent
PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}


@dataclass(frozen=True, slots=True)
class PortSettings:
    """What the keeper picks in 设置 → 秤: XK3190 defaults to 9600 8N1."""

    port: str
    baudrate: int = 9600
    parity: str = "N"
    bytesize: int = 8
    stopbits: int = 1
    timeout: float = 0.05  # seconds a read may wait: bounds how late close() is noticed
    poll_interval: float = 0.2  # request/response scales: seconds between polls
    silence: float = 2.0  # seconds without a reading before ScaleSilent


class ScaleReader:
    """Reads one scale until ``close()`` or until the port fails."""

    def __init__(
        self,
        settings: PortSettings,
        parser: StreamParser,
        on_event: Callable[[ScaleEvent], None],
        *,
        opener: Callable[..., serial.Serial] = serial.Serial,
    ) -> None:
        self.settings = settings
        self.parser = parser
        self._on_event = on_event
        self._opener = opener
        self._stop = threading.Event()
        self._port: serial.Serial | None = None
        # Set once the port is open: pyserial empties the input buffer on open, so
        # whatever a scale sent before that is gone, and callers wait for this.
        self.opened = threading.Event()

    def close(self) -> None:
        """Safe from any thread; ``run`` returns within about one read timeout."""
        self._stop.set()
        port = self._port
        if port is not None:
            with contextlib.suppress(OSError, AttributeError, serial.SerialException):
                port.cancel_read()

    def run(self) -> None:
        """The thread body. Returns when closed or after a ``ScaleDisconnected`` event."""
        s = self.settings
        try:
            port = self._opener(
                port=s.port,
                baudrate=s.baudrate,
                parity=PARITIES[s.parity],
                bytesize=s.bytesize,
                stopbits=s.stopbits,
                timeout=s.timeout,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            self._on_event(ScaleDisconnected(CANNOT_OPEN.format(port=s.port), repr(exc)))
            return
        self._port = port
        self.opened.set()
        try:
            self._loop(port)
        except (serial.SerialException, OSError) as exc:
            if not self._stop.is_set():
                self._on_event(ScaleDisconnected(DISCONNECTED, repr(exc)))
        finally:
            self._port = None
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()

    def _loop(self, port: serial.Serial) -> None:
        poll = self.parser.poll_command
        next_poll = last_reading = time.monotonic()
        silent = False
        while not self._stop.is_set():
            now = time.monotonic()
            if poll and now >= next_poll:
                port.write(poll)
                next_poll = now + self.settings.poll_interval
            data = port.read(max(1, port.in_waiting))
            for reading in self.parser.feed(data) if data else ():
                last_reading, silent = time.monotonic(), False
                self._on_event(reading)
            if not silent and time.monotonic() - last_reading > self.settings.silence:
                silent = True
                self._on_event(ScaleSilent(SILENT))

    def start(self) -> threading.Thread:
        """Run in a daemon thread, for callers without a Qt worker (tests, benchmarks)."""
        thread = threading.Thread(target=self.run, name=f"scale-{self.settings.port}", daemon=True)
        thread.start()
        return thread
