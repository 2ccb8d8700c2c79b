"""find_durations reads every limit in running text with the same rules as parse_duration."""

from pelayan.lib.durations import Duration, Unit, find_durations, parse_duration


def test_it_finds_each_limit_in_order_with_where_it_was_written():
    text = "maksimal 1 (satu) hari kerja, paling lambat 3 (tiga) hari"
    found = find_durations(text)
    assert [f.duration for f in found] == [Duration(1, Unit.WORKING_DAY), Duration(3, Unit.DAY)]
    assert text[found[0].start : found[0].end] == "1 (satu) hari kerja"
    assert text[found[1].start : found[1].end] == "3 (tiga) hari"


def test_hours_and_minutes_are_one_limit_as_in_parse_duration():
    found = find_durations("Pelayanan selesai dalam 1 jam 30 menit")
    assert [f.duration for f in found] == [parse_duration("1 jam 30 menit")] == [Duration(90, Unit.MINUTE)]


def test_ranges_and_factors_are_read_whole():
    found = find_durations("1 - 60 hari kerja; pengaduan 1 x 24 jam")
    assert [f.duration for f in found] == [
        Duration(60, Unit.WORKING_DAY, minimum=Duration(1, Unit.WORKING_DAY)),
        Duration(24, Unit.HOUR),
    ]


def test_numbers_without_a_unit_are_passed_over():
    assert [f.duration for f in find_durations("Nomor 25 Tahun 2009, selama 15 menit")] == [
        Duration(15, Unit.MINUTE)
    ]
    assert find_durations("2 bulan") == []


def test_a_range_that_runs_backwards_is_read_as_its_ends():
    assert [f.duration for f in find_durations("5 hari - 3 hari")] == [
        Duration(5, Unit.DAY),
        Duration(3, Unit.DAY),
    ]
