"""`pelayan due` prints the due moment, or a clear error and a non-zero exit."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from calendars.services import non_working_day_create


def due(*args: str) -> str:
    out = StringIO()
    call_command("due", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_due_moment_with_its_offset():
    assert due("--start", "2026-03-13T15:00:00+07:00", "--duration", "2 jam") == "2026-03-16T08:00:00+07:00\n"


def test_it_counts_working_days_over_the_march_2026_holidays():
    assert (
        due("--start", "2026-03-17T10:00:00+07:00", "--duration", "1 hari kerja")
        == "2026-03-25T16:00:00+07:00\n"
    )


def test_it_answers_in_the_zone_given_with_tz():
    assert (
        due("--start", "2026-03-16T15:30:00+07:00", "--duration", "1 jam", "--tz", "Asia/Makassar")
        == "2026-03-17T08:30:00+08:00\n"
    )


def test_a_timestamp_without_offset_is_read_in_the_zone_given_with_tz():
    assert (
        due("--start", "2026-03-16T15:30:00", "--duration", "1 jam", "--tz", "Asia/Jayapura")
        == "2026-03-17T08:00:00+09:00\n"
    )


@pytest.mark.django_db
def test_it_uses_the_named_agency_calendar(other_agency):
    non_working_day_create(
        actor=None,
        agency=other_agency,
        date=date(2026, 6, 17),
        name="Hari Raya Galungan",
        kind="regional",
        source_decree="Keputusan Gubernur Bali (contoh)",
    )
    out = due(
        "--start", "2026-06-15T10:00:00+08:00", "--duration", "1 hari kerja", "--agency", other_agency.slug
    )
    assert out == "2026-06-18T16:00:00+08:00\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2026-03-16T15:30:00", "--duration", "1 jam"], "zona waktu"),
        (["--start", "kemarin", "--duration", "1 jam"], "ISO 8601"),
        (["--start", "2026-03-16T15:30:00+07:00", "--duration", "3 bulan"], "bulan"),
        (["--start", "2026-03-16T15:30:00+07:00", "--duration", "hari kerja"], "no number"),
        (
            ["--start", "2026-03-16T15:30:00+07:00", "--duration", "1 jam", "--tz", "Mars/Olympus"],
            "Mars/Olympus",
        ),
    ],
)
def test_bad_input_fails_with_a_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        due(*args)


@pytest.mark.django_db
def test_an_unknown_agency_fails_with_a_clear_message():
    with pytest.raises(CommandError, match="no-such-agency"):
        due("--start", "2026-03-16T15:30:00+07:00", "--duration", "1 jam", "--agency", "no-such-agency")


def test_errors_go_to_stderr_with_a_non_zero_exit(capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["pelayan", "due", "--start", "2026-03-16T15:30:00", "--duration", "1 jam"]
        ).execute()
    assert exit_info.value.code != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "zona waktu" in captured.err
