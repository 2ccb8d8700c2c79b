"""The production settings documented in docs/configuration.md pass `pelayan check --deploy`, and
production refuses the built-in key whatever else is set."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PELAYAN = Path(sys.executable).with_name("pelayan")


def documented_production_env() -> dict[str, str]:
    """The variables of the ```sh block under "## Production" in docs/configuration.md."""
    text = (ROOT / "docs" / "configuration.md").read_text()
    section = text.split("## Production", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    pairs = [line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#")]
    return {name.strip(): value.strip() for name, value in pairs}


def _clean_env(tmp_path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PELAYAN_", "DATABASE_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # Set for the whole session by the browser tests (Playwright's event loop); never in production.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env["PELAYAN_SQLITE_PATH"] = str(tmp_path / "deploy.sqlite3")
    env.update(values)
    return env


def test_the_documented_production_settings_pass_the_deploy_check(tmp_path):
    production = documented_production_env()
    assert production["PELAYAN_ENV"] == "production"
    # The documented key is a placeholder; the check needs one as long and as varied as a real key.
    production["PELAYAN_SECRET_KEY"] = "k3y-" + "".join(chr(33 + (i * 7) % 90) for i in range(60))

    result = subprocess.run(  # noqa: S603 - our own command
        [PELAYAN, "check", "--deploy", "--fail-level", "WARNING"],
        env=_clean_env(tmp_path, **production),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_the_built_in_key_even_when_allowed(tmp_path):
    env = _clean_env(tmp_path, PELAYAN_DEBUG="0", PELAYAN_ALLOW_INSECURE_KEY="1")

    result = subprocess.run(  # noqa: S603 - our own command
        [PELAYAN, "check"], env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode != 0
    assert "PELAYAN_SECRET_KEY is required in production" in result.stderr


def test_the_development_environment_may_use_the_built_in_key(tmp_path):
    env = _clean_env(tmp_path, PELAYAN_ENV="development")

    result = subprocess.run(  # noqa: S603 - our own command
        [PELAYAN, "check"], env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
