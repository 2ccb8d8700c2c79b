"""A tier table picks the limit from the case's tier."""

import pytest

from pelayan.lib.durations import Duration, DurationError, Unit, UnknownTierError, parse_tiers, pick_tier

TABLE = (
    "ringan 3 jam / normatif 5 hari kerja / tidak berkadar pengawasan 14 hari kerja / "
    "berkadar pengawasan 60 hari kerja"
)


def test_it_reads_the_complaint_tier_table():
    assert parse_tiers(TABLE) == {
        "ringan": Duration(3, Unit.HOUR),
        "normatif": Duration(5, Unit.WORKING_DAY),
        "tidak_berkadar_pengawasan": Duration(14, Unit.WORKING_DAY),
        "berkadar_pengawasan": Duration(60, Unit.WORKING_DAY),
    }


def test_it_picks_the_limit_of_the_case_tier_by_its_written_name():
    assert pick_tier(parse_tiers(TABLE), "Tidak berkadar pengawasan") == Duration(14, Unit.WORKING_DAY)


def test_a_tier_that_is_not_in_the_table_is_an_error():
    with pytest.raises(UnknownTierError, match="berat"):
        pick_tier(parse_tiers(TABLE), "berat")


def test_it_accepts_colons_and_number_words():
    assert parse_tiers("sedang: lima hari; berat: sepuluh hari kerja") == {
        "sedang": Duration(5, Unit.DAY),
        "berat": Duration(10, Unit.WORKING_DAY),
    }


def test_it_refuses_a_tier_named_twice():
    with pytest.raises(DurationError, match="twice"):
        parse_tiers("ringan 3 jam / ringan 5 jam")
