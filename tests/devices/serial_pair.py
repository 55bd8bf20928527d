"""A virtual serial cable: two ptys joined by socat, for the scale tests and benchmark.

socat prints each pty's path on stderr (``-d -d``) before it starts relaying; we read
those two lines and nothing more, so no sleep is needed to know the pair is up.
``-t 0`` makes socat exit as soon as one end closes, which is the unplug the reader
must notice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

_PTY = re.compile(r"PTY is (\S+)")


@contextmanager
def socat_pair(timeout: float = 5.0) -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    """Yields (scale end, station end, socat process)."""
    socat = shutil.which("socat")
    if socat is None:
        raise FileNotFoundError("socat")
    proc = subprocess.Popen(
        [socat, "-d", "-d", "-t", "0", "pty,raw,echo=0", "pty,raw,echo=0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stderr is not None
        paths: list[str] = []
        deadline = time.monotonic() + timeout
        while len(paths) < 2:
            line = proc.stderr.readline()
            if not line or time.monotonic() > deadline:
                raise RuntimeError(f"socat did not report two ptys: {paths}")
            match = _PTY.search(line)
            if match:
                paths.append(match.group(1))
        yield paths[0], paths[1], proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=timeout)
        if proc.stderr is not None:
            proc.stderr.close()
