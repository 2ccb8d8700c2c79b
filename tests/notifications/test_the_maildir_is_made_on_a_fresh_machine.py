"""On a fresh machine nothing under var/ exists yet: the first poll makes the Maildir and its
parents instead of failing the worker's periodic task."""

from notifications.inbound.email import MaildirSource


def test_a_maildir_under_missing_folders_is_made_and_reads_empty(tmp_path):
    path = tmp_path / "var" / "inbound" / "maildir"

    source = MaildirSource(path, max_bytes=1024)

    assert all((path / sub).is_dir() for sub in ("new", "cur", "tmp"))
    assert list(source.fetch(limit=10)) == []
