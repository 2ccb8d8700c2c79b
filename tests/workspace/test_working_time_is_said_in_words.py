"""Clock figures in words: '13 menit', '1 jam 5 menit', '2 hari kerja 3 jam'."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import translation

from workspace.presenters import working_time_words

DAY = timedelta(hours=7, minutes=30)  # one working day of office time


@pytest.mark.parametrize(
    ("amount", "working_day", "words"),
    [
        (timedelta(minutes=13), None, "13 menit"),
        (timedelta(seconds=30), None, "0 menit"),
        (timedelta(hours=1, minutes=5), None, "1 jam 5 menit"),
        (timedelta(hours=2), None, "2 jam"),
        (2 * DAY + timedelta(hours=3), DAY, "2 hari kerja 3 jam"),
        (DAY, DAY, "1 hari kerja"),
        # A clock counted in minutes or hours never speaks of days, however long.
        (timedelta(hours=30), None, "30 jam"),
        # Overdue figures are negative; the page says "Terlambat" beside the amount.
        (-timedelta(minutes=7), None, "7 menit"),
    ],
)
def test_working_time_is_said_in_words(amount, working_day, words):
    with translation.override("id"):
        assert working_time_words(amount, working_day) == words
