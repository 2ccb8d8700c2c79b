"""Moments are written as Indonesians read them, in the agency's own time zone."""

import datetime as dt

from django.utils import translation

from public.citizen import moment_words

MOMENT = dt.datetime(2026, 11, 9, 3, 30, tzinfo=dt.UTC)


def test_a_moment_reads_with_the_day_the_date_and_the_zone():
    with translation.override("id"):
        assert moment_words(MOMENT, "Asia/Jakarta") == "Senin, 9 November 2026 pukul 10.30 WIB"
        assert moment_words(MOMENT, "Asia/Makassar") == "Senin, 9 November 2026 pukul 11.30 WITA"
        assert moment_words(MOMENT, "Asia/Jayapura") == "Senin, 9 November 2026 pukul 12.30 WIT"


def test_the_day_can_change_with_the_zone():
    late = dt.datetime(2026, 11, 9, 16, 30, tzinfo=dt.UTC)

    with translation.override("id"):
        assert moment_words(late, "Asia/Jayapura") == "Selasa, 10 November 2026 pukul 01.30 WIT"
