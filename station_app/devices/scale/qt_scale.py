"""The serial scale for the GUI: ``ScaleReader`` in a ``QThread``, its events as signals.

The reader loop, the parsers and the settle rule are in ``port``, ``protocols`` and
``settle``; this only moves their results onto the GUI thread. Signals are emitted from
the worker and delivered queued, so every slot runs on the GUI thread:

* ``connected()``: the port is open (readings may still not come: see ``silent``);
* ``reading(grams, stable, status)``: every reading, judged by the ``SettleCheck``:
  ``status`` is ``settled`` / ``unsettled`` / ``overload`` / ``negative`` and
  ``stable`` is ``status == "settled"``;
* ``overloaded()``: besides the reading, for a display beyond the scale's range;
* ``silent()``: the port is open but nothing came for a while (scale switched off);
* ``disconnected(message)``: the port could not be opened or went away; the message is
  the reader's untranslated core text. With ``retry_ms`` the port is tried again after
  that many milliseconds, so a cable plugged back in just works.

``stop()`` ends the thread and waits for it; it is also called when the application
quits, so no reader outlives the window.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import serial
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from station_app.devices.scale.port import (
    PortSettings,
    ScaleDisconnected,
    ScaleEvent,
    ScaleReader,
    ScaleSilent,
)
from station_app.devices.scale.protocols import Protocol, Reading, make_parser
from station_app.devices.scale.settle import SettleCheck

PROTOCOLS: tuple[Protocol, ...] = ("xk3190-a9", "xk3190-a12", "st-gs", "toledo-8217")
STOP_WAIT_MS = 3000


@dataclass(frozen=True, slots=True)
class ScaleConfig:
    """What 设置 → 电子秤 holds; an empty ``port`` means the station has no scale."""

    port: str = ""
    protocol: Protocol = "xk3190-a9"
    baudrate: int = 9600
    settle_readings: int = 5

    @property
    def present(self) -> bool:
        return bool(self.port.strip())


class _ReaderThread(QThread):
    """Runs one ``ScaleReader`` to its end; ``got`` carries each reader event."""

    got = Signal(object)
    opened = Signal()

    def __init__(self, settings: PortSettings, protocol: Protocol, parent: QObject) -> None:
        super().__init__(parent)
        self.reader = ScaleReader(settings, make_parser(protocol), self.got.emit, opener=self._open)

    def _open(self, **kwargs: Any) -> serial.Serial:
        port = serial.Serial(**kwargs)
        self.opened.emit()
        return port

    def run(self) -> None:
        self.reader.run()


class QtScale(QObject):
    """One scale for one page; ``start`` (re)opens it with a config, ``stop`` ends it."""

    reading = Signal(int, bool, str)
    overloaded = Signal()
    disconnected = Signal(str)
    silent = Signal()
    connected = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        retry_ms: int = 3000,
        port_settings: PortSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.retry_ms = retry_ms
        self._template = port_settings
        self._config = ScaleConfig()
        self._thread: _ReaderThread | None = None
        self._check = SettleCheck()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def config(self) -> ScaleConfig:
        return self._config

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, config: ScaleConfig) -> None:
        """Read the scale ``config`` names (stopping any earlier one); no port: nothing."""
        self.stop()
        self._config = config
        if config.present:
            self._open()

    def stop(self) -> None:
        """Close the port and wait for the thread; safe to call at any time, repeatedly."""
        self._retry.stop()
        thread, self._thread = self._thread, None
        if thread is None:
            return
        with contextlib.suppress(RuntimeError):  # the signals' receiver already gone
            thread.got.disconnect(self._on_event)
            thread.opened.disconnect(self.connected)
        thread.reader.close()
        thread.wait(STOP_WAIT_MS)
        thread.deleteLater()

    def _open(self) -> None:
        config = self._config
        base = self._template or PortSettings(config.port)
        settings = PortSettings(
            config.port.strip(),
            baudrate=config.baudrate,
            parity=base.parity,
            bytesize=base.bytesize,
            stopbits=base.stopbits,
            timeout=base.timeout,
            poll_interval=base.poll_interval,
            silence=base.silence,
        )
        self._check = SettleCheck(identical=max(1, config.settle_readings))
        thread = _ReaderThread(settings, config.protocol, self)
        thread.got.connect(self._on_event)
        thread.opened.connect(self.connected)
        self._thread = thread
        thread.start()

    def _on_event(self, event: ScaleEvent) -> None:
        if self._thread is None or self.sender() is not self._thread:
            return  # queued before ``stop`` by a reader that is gone
        if isinstance(event, Reading):
            verdict = self._check.feed(event)
            grams = 0 if event.status_only else event.grams
            self.reading.emit(grams, verdict.state == "settled", verdict.state)
            if verdict.state == "overload":
                self.overloaded.emit()
        elif isinstance(event, ScaleSilent):
            self._check = SettleCheck(identical=self._check.identical)
            self.silent.emit()
        elif isinstance(event, ScaleDisconnected):
            self._finished()
            self.disconnected.emit(event.message)

    def _finished(self) -> None:
        """The reader returned after a disconnect: reap the thread, maybe try again."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait(STOP_WAIT_MS)
            thread.deleteLater()
        if self.retry_ms > 0 and self._config.present:
            self._retry.start(self.retry_ms)
