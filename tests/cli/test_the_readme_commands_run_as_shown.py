"""Every command the README's "Command line" block shows runs as shown from the checkout in a
fresh shell: no variable exported beforehand, only what the line itself sets. The placeholders
are filled in, optional parts left out (or, for the worker, `--once` so it stops); the process
gets an empty environment except the PATH, the checkout on PYTHONPATH (so this checkout's code is
what runs) and, so the checkout's own var/ is not touched, the database file and folders in the
test's temporary folder."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SEED = ROOT.parent / "shared" / "seeds" / "003_bcce0c8839330385.txt"
SKM_CSV = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,4,3,3,4,2,3\n3,3,3,4,3,3,4,3,3\n"
# README line (its command words) → what fills the placeholders, and stdin.
FILLED = {
    "migrate": ([], ""),
    "seed-demo": ([], ""),
    "import-standard": (["{seed}", "--dry-run", "--json"], ""),
    "worker": (["--once"], ""),
    "signing init-demo": ([], ""),
    "signing issue": (["kec-kedopok.camat", "--passphrase-stdin"], "kata-sandi-camat-2026\n"),
    "signing ca-cert": ([], ""),
    "token create": (["kec-kedopok.camat"], ""),
    "documents verify-archive": ([], ""),
    "unlock-login": (["--username", "kec-kedopok.camat"], ""),
    "expire-import-uploads": ([], ""),
    "due": (["--start", "2026-03-16T15:30:00+07:00", "--duration", "1 jam"], ""),
    "skm compute": (["{csv}"], ""),
    "inbound-poll": ([], ""),
    "lapor import": (["{lapor}", "--agency", "kesra-kalbar"], ""),
    "lapor push": ([], ""),
    "open311-key create": (["aplikasi-warga"], ""),
}
LAPOR_JSON = (
    '[{"tracking_id": "LPR-2612-0001", "title": "Bantuan belum cair", '
    '"content": "Proposal diajukan Maret, belum ada kabar.", "created_at": "2026-12-01T09:00:00+07:00"}]'
)


def readme_lines() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Command line", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def as_run(line: str, tmp_path: Path) -> tuple[dict[str, str], list[str], str]:
    """The line's own variables, the command with placeholders filled, and stdin."""
    words = shlex.split(line)
    env = dict(word.split("=", 1) for word in words if re.fullmatch(r"[A-Z_]+=.*", word))
    words = [w for w in words if not re.fullmatch(r"[A-Z_]+=.*", w)]
    assert words[0] == ".venv/bin/pelayan", line
    key = next(k for k in sorted(FILLED, key=len, reverse=True) if " ".join(words[1:]).startswith(k))
    extra, stdin = FILLED[key]
    values = {"seed": str(SEED), "csv": str(tmp_path / "skm.csv"), "lapor": str(tmp_path / "lapor.json")}
    return env, [str(BIN / "pelayan"), *key.split(), *(e.format(**values) for e in extra)], stdin


def fresh_environment(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "PELAYAN_SQLITE_PATH": str(tmp_path / "pelayan.sqlite3"),
        "PELAYAN_MEDIA_ROOT": str(tmp_path / "media"),
        "PELAYAN_SIGNING_DIR": str(tmp_path / "signing"),
        "PELAYAN_INBOUND_MAILDIR": str(tmp_path / "maildir"),
        "PELAYAN_LAPOR_OUTBOX_DIR": str(tmp_path / "lapor-outbox"),
        "PELAYAN_EMAIL_FILE_PATH": str(tmp_path / "outbox" / "email"),
    }


def test_every_readme_command_has_its_placeholders_filled_here():
    lines = readme_lines()
    assert len(lines) >= len(FILLED)
    for line in lines:
        words = [w for w in shlex.split(line) if not re.fullmatch(r"[A-Z_]+=.*", w)]
        assert any(" ".join(words[1:]).startswith(key) for key in FILLED), line


@pytest.mark.skipif(not SEED.is_file(), reason="needs the seed decrees in ../shared/seeds/")
def test_the_readme_commands_run_in_order_in_a_fresh_shell(tmp_path):
    (tmp_path / "skm.csv").write_text(SKM_CSV)
    (tmp_path / "lapor.json").write_text(LAPOR_JSON)
    for line in readme_lines():
        env, command, stdin = as_run(line, tmp_path)
        done = subprocess.run(  # noqa: S603 - our own command
            command, cwd=ROOT, env={**fresh_environment(tmp_path), **env}, input=stdin,
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, line


def test_without_a_key_production_still_refuses_to_serve_in_one_line(tmp_path):
    for command in (["runserver", "127.0.0.1:8101"], ["worker", "--once"], ["check"]):
        done = subprocess.run(  # noqa: S603 - our own command
            [str(BIN / "pelayan"), *command], cwd=ROOT, env=fresh_environment(tmp_path),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1, command
        assert done.stderr.startswith("pelayan: PELAYAN_SECRET_KEY is required in production"), done.stderr
        assert "Traceback" not in done.stderr


def test_the_wsgi_application_refuses_to_start_without_a_key(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"], cwd=ROOT, env=fresh_environment(tmp_path),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0
    assert "PELAYAN_SECRET_KEY is required in production" in done.stderr
