"""The console command itself: an unknown user is a message on stderr and exit status 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_pelayan_command_exits_1_for_an_unknown_user(tmp_path):
    env = {
        **os.environ,
        "PELAYAN_ALLOW_INSECURE_KEY": "1",
        "PELAYAN_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "pelayan.cli", "migrate", "--noinput"], cwd=ROOT, env=env,
                   check=True, capture_output=True)  # fmt: skip

    result = subprocess.run(
        [sys.executable, "-m", "pelayan.cli", "token", "create", "tidak-ada"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert "tidak-ada" in result.stderr
