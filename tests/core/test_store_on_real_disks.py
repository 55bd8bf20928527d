"""A read-only data folder and a full disk, on real (tmpfs) filesystems.

The scenarios run in a private user and mount namespace (``unshare -rm``), so no root
is needed and nothing is mounted outside the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(
    not _unshare_works(), reason="needs unshare -rm and tmpfs mounts (util-linux, user namespaces)"
)


def _run(scenario: str, folder: Path, mount_options: str) -> dict:
    folder.mkdir()
    script = (
        f"mount -t tmpfs -o {mount_options} tmpfs {folder} && "
        f"exec {sys.executable} -m tests.core.disk_scenarios {scenario} {folder}"
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_read_only_data_folder_is_refused_with_advice(tmp_path: Path):
    outcome = _run("read_only", tmp_path / "mnt", "ro,size=1m")
    assert outcome["problem"] == "read_only"
    assert "只读" in outcome["message"]


def test_a_full_disk_refuses_the_action_whole_and_keeps_the_rest(tmp_path: Path):
    outcome = _run("disk_full", tmp_path / "mnt", "size=4m")
    assert outcome["problem"] == "disk_full"
    assert "磁盘空间已满" in outcome["message"]
    assert outcome["chain_ok"] is True
    assert outcome["written"] > 0  # it worked until the disk filled
    assert outcome["entries"] == 2 + outcome["written"]  # the failed one left nothing
    assert outcome["state_is_last_written"] is True
