"""The scan sounds exist and are sane, and SoundPlayer plays them without blocking."""

from __future__ import annotations

import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

from station_app.devices import sound as sound_module
from station_app.devices.sound import (
    CommandBackend,
    Sound,
    SoundPlayer,
    default_backend,
    play_nothing,
)
from station_app.resources import resources_dir, sound_path


class RecordingBackend:
    def __init__(self) -> None:
        self.played: list[Path] = []

    def __call__(self, path: Path) -> None:
        self.played.append(path)


@dataclass(frozen=True)
class Wav:
    channels: int
    sample_width: int
    duration_s: float
    frames: bytes


def _read(path: Path) -> Wav:
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        duration = wav.getnframes() / wav.getframerate()
        return Wav(wav.getnchannels(), wav.getsampwidth(), duration, frames)


def test_sounds_live_under_resources() -> None:
    assert sound_path("success.wav") == resources_dir() / "sounds" / "success.wav"
    assert resources_dir().name == "resources"


def test_frozen_build_finds_resources_in_the_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert sound_path("error.wav") == tmp_path / "resources" / "sounds" / "error.wav"


@pytest.mark.parametrize("sound", list(Sound))
def test_sound_file_is_a_short_mono_16_bit_wav(sound: Sound) -> None:
    wav = _read(sound_path(sound.value))

    assert wav.channels == 1
    assert wav.sample_width == 2
    assert 0 < wav.duration_s < 1.0
    assert any(wav.frames)  # not silence


def test_the_three_sounds_differ() -> None:
    wavs = [_read(sound_path(sound.value)) for sound in Sound]

    assert len({wav.duration_s for wav in wavs}) == len(Sound)
    assert len({wav.frames for wav in wavs}) == len(Sound)


@pytest.mark.parametrize("sound", list(Sound))
def test_player_plays_the_file_of_each_sound(sound: Sound) -> None:
    backend = RecordingBackend()
    SoundPlayer(backend).play(sound)

    assert backend.played == [sound_path(sound.value)]
    assert backend.played[0].is_file()


def test_disabled_player_plays_nothing() -> None:
    backend = RecordingBackend()
    player = SoundPlayer(backend, enabled=False)
    player.play(Sound.ERROR)
    assert backend.played == []

    player.enabled = True
    player.play(Sound.ERROR)
    assert backend.played == [sound_path("error.wav")]


def test_default_backend_is_silent_without_a_player(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sound_module.shutil, "which", lambda name: None)

    backend = default_backend("linux")

    assert backend is play_nothing
    backend(sound_path("success.wav"))  # and playing through it is harmless


def test_default_backend_picks_the_first_player_found(monkeypatch: pytest.MonkeyPatch) -> None:
    found = {"aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    monkeypatch.setattr(sound_module.shutil, "which", found.get)
    started = _fake_popen(monkeypatch)

    backend = default_backend("linux")
    backend(Path("/x/success.wav"))

    assert isinstance(backend, CommandBackend)
    assert [p.args for p in started] == [["/usr/bin/aplay", "-q", "/x/success.wav"]]


def test_default_backend_on_windows_is_winsound() -> None:
    assert default_backend("win32") is sound_module.play_with_winsound


def test_command_backend_does_not_wait_and_reaps_finished_players(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = _fake_popen(monkeypatch)
    backend = CommandBackend(("paplay",))

    backend(Path("a.wav"))
    backend(Path("b.wav"))  # the first is still running: both are kept
    assert len(backend._running) == 2
    for player in started:
        player.finished = True
    backend(Path("c.wav"))

    assert backend._running == [started[2]]
    assert all(p.kwargs["stdout"] is subprocess.DEVNULL for p in started)
    assert all(p.kwargs["stderr"] is subprocess.DEVNULL for p in started)
    assert not any(p.waited for p in started)


def test_command_backend_survives_a_player_that_cannot_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("paplay")

    monkeypatch.setattr(sound_module.subprocess, "Popen", refuse)
    CommandBackend(("paplay",))(Path("a.wav"))  # logs, does not raise


class FakePopen:
    """Stands in for a player process: records how it was started, never runs."""

    def __init__(self, args: list[str], **kwargs: object) -> None:
        self.args = args
        self.kwargs = kwargs
        self.finished = False
        self.waited = False

    def poll(self) -> int | None:
        return 0 if self.finished else None

    def wait(self, timeout: float | None = None) -> int:
        self.waited = True
        return 0


def _fake_popen(monkeypatch: pytest.MonkeyPatch) -> list[FakePopen]:
    started: list[FakePopen] = []

    def popen(args: list[str], **kwargs: object) -> FakePopen:
        started.append(FakePopen(args, **kwargs))
        return started[-1]

    monkeypatch.setattr(sound_module.subprocess, "Popen", popen)
    return started
