"""Concurrent writers on the embedded SQLite database (a file, in WAL mode, as in production):
no request fails with a 500 and no write is lost; a lock held past the busy timeout is a 503."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(scenario: str, tmp_path, **env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environ.update({"PELAYAN_SQLITE_PATH": str(tmp_path / "contention.sqlite3"), **env})
    result = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "tests.config.sqlite_contention", scenario],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_concurrent_admin_saves_all_land_without_a_500(tmp_path):
    outcome = _run("writers", tmp_path)

    assert outcome["codes"] == {"302": 40}
    assert outcome["units"] == 40
    assert outcome["unit_events"] == 40


def test_a_lock_held_past_the_busy_timeout_is_a_503_and_readers_are_served(tmp_path):
    outcome = _run("held", tmp_path, PELAYAN_SQLITE_BUSY_TIMEOUT_MS="300")

    assert outcome["blocked"] == 503
    assert outcome["retry_after"] == "5"
    assert outcome["blocked_says_busy"] is True
    assert outcome["page"] == 200
    assert outcome["api"] == 200
    assert outcome["after"] == 302
    assert outcome["units"] == ["seksi-b"]
