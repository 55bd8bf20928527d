"""Audible feedback for scans, so the keeper need not look at the screen after each one.

QtMultimedia is not shipped (it would add tens of megabytes), so the sound is played by
what the system already has: winsound on Windows, a command-line player elsewhere, and
silence when there is none.
"""

from __future__ import annotations

import enum
import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from station_app.resources import sound_path

logger = logging.getLogger(__name__)

Backend = Callable[[Path], None]
"""Starts playing a WAV file and returns at once."""

# First found wins. paplay goes through PulseAudio/PipeWire, so it plays even while
# another program holds the sound card, which plain ALSA (aplay) cannot.
_PLAYER_COMMANDS: tuple[tuple[str, ...], ...] = (("paplay",), ("aplay", "-q"), ("afplay",))


class Sound(enum.Enum):
    """What happened; the value is the file under resources/sounds/."""

    SUCCESS = "success.wav"
    DUPLICATE = "duplicate.wav"
    ERROR = "error.wav"


class SoundPlayer:
    """Plays a `Sound` without blocking; switch `enabled` off for a quiet shop."""

    def __init__(self, backend: Backend | None = None, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._backend = backend if backend is not None else default_backend()

    def play(self, sound: Sound) -> None:
        if self.enabled:
            self._backend(sound_path(sound.value))


class CommandBackend:
    """Plays through a command-line player, never waiting for it in the GUI thread."""

    def __init__(self, command: tuple[str, ...]) -> None:
        self._command = command
        # Kept so finished players are reaped (no zombies, no ResourceWarning) next time.
        self._running: list[subprocess.Popen[bytes]] = []

    def __call__(self, path: Path) -> None:
        self._running = [p for p in self._running if p.poll() is None]
        try:
            player = subprocess.Popen(
                [*self._command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            logger.warning("could not start sound player %s", self._command[0], exc_info=True)
            return
        self._running.append(player)


def play_with_winsound(path: Path) -> None:
    """Windows' own asynchronous player: nothing to install, nothing to reap."""
    import winsound

    try:
        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
    except RuntimeError:  # no sound device, or the driver refused: a beep is not worth more
        logger.debug("winsound could not play %s", path, exc_info=True)


def play_nothing(path: Path) -> None:
    """The backend when the system has no player: the app works the same, silently."""


def default_backend(platform: str = sys.platform) -> Backend:
    """Pick the system's player once, at start-up, rather than on every scan."""
    if platform == "win32":
        return play_with_winsound
    for command in _PLAYER_COMMANDS:
        executable = shutil.which(command[0])
        if executable is not None:
            return CommandBackend((executable, *command[1:]))
    logger.debug("no sound player found (tried %s); sounds are off", _player_names())
    return play_nothing


def _player_names() -> str:
    return ", ".join(command[0] for command in _PLAYER_COMMANDS)
