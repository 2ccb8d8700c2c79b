"""A time limit already structured in the standard's data becomes a Duration without re-parsing."""

from pelayan.lib.durations import Duration, Unit
from pelayan.lib.standard_schema import ComplaintTier, Quantity, TimeLimit


def test_a_time_limit_range_keeps_its_minimum():
    limit = TimeLimit(
        text="1 – 60 hari kerja",
        min=Quantity(value=1, unit="working_day"),
        max=Quantity(value=60, unit="working_day"),
    )
    assert Duration.from_quantities(limit.max, limit.min) == Duration(
        60, Unit.WORKING_DAY, minimum=Duration(1, Unit.WORKING_DAY)
    )


def test_a_complaint_tier_becomes_its_duration():
    tier = ComplaintTier(label="ringan", max=Quantity(value=3, unit="hour"))
    assert Duration.from_quantities(tier.max, tier.min) == Duration(3, Unit.HOUR)
