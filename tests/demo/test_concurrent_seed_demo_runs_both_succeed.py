"""Two `pelayan seed-demo` runs started together (two deploy hooks, two terminals) both succeed
and load the demo once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from standards.models import Agency, Standard

PELAYAN = Path(sys.executable).with_name("pelayan")


def _database_env(tmp_path) -> dict[str, str]:
    env = {**os.environ, "PELAYAN_ENV": "development"}
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    else:
        env.pop("DATABASE_URL", None)
        env["PELAYAN_SQLITE_PATH"] = str(tmp_path / "seed.sqlite3")
        subprocess.run([PELAYAN, "migrate", "--noinput", "-v0"], env=env, check=True, timeout=120)  # noqa: S603 - our own command
    return env


@pytest.mark.django_db(transaction=True)
def test_two_seed_demo_runs_at_once_both_succeed(tmp_path):
    env = _database_env(tmp_path)

    runs = [
        subprocess.Popen(  # noqa: S603 - our own command
            [PELAYAN, "seed-demo", "--no-users"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=180), run.stderr.read().decode()) for run in runs]

    assert [code for code, _ in results] == [0, 0], results
    if connection.vendor == "postgresql":
        assert Agency.objects.count() == 4
        assert Standard.objects.filter(status="published").count() == Standard.objects.count()
