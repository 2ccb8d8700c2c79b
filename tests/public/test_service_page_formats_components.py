"""Time limits, fees and channels are written for people, from the structured values."""

from tests.public.conftest import publish

URL = "/kec-contoh/surat-pengantar-izin-keramaian/"


def _page(client, service, **components) -> str:
    publish(service, **components)
    return client.get(URL).content.decode()


def test_a_range_of_working_days_reads_from_to(client, service):
    body = _page(
        client,
        service,
        time_limits=[
            {
                "key": "penyelesaian",
                "text": "1 – 60 hari kerja",
                "min": {"value": 1, "unit": "working_day"},
                "max": {"value": 60, "unit": "working_day"},
            }
        ],
    )

    assert "1 sampai 60 hari kerja" in body


def test_plain_days_say_they_are_counted_as_working_days(client, service):
    body = _page(
        client,
        service,
        time_limits=[{"key": "penyelesaian", "text": "1 hari", "max": {"value": 1, "unit": "day"}}],
    )

    assert "paling lama 1 hari (dihitung sebagai hari kerja)" in body


def test_an_open_ended_limit_is_shown_as_written(client, service):
    body = _page(
        client,
        service,
        time_limits=[
            {"key": "administrasi", "text": "15 menit", "max": {"value": 15, "unit": "minute"}},
            {
                "key": "konsultasi",
                "label": "Konsultasi",
                "text": "Sesuai materi konsultasi",
                "max": {"value": 2, "unit": "hour"},
                "open_ended": True,
            },
        ],
    )

    assert "Sesuai materi konsultasi" in body
    assert "paling lama 15 menit" in body
    assert "paling lama 2 jam" not in body  # an open-ended limit is not shown as its maximum


def test_a_paid_service_shows_the_amount_in_rupiah(client, service):
    body = _page(
        client, service, fee={"amount": 50000, "text": "Rp. 50.000,-", "legal_basis": "Perda 1/2020"}
    )

    assert "Rp 50.000" in body
    assert "Perda 1/2020" in body


def test_complaint_channels_are_links_people_can_use(client, service):
    channels = [
        {"kind": "phone", "value": "(0561) 736541", "normalized": "+62561736541"},
        {"kind": "whatsapp", "value": "0858-2873-5503", "normalized": "+6285828735503"},
        {"kind": "website", "value": "kec-contoh.go.id", "normalized": "https://kec-contoh.go.id"},
        {"kind": "lapor", "value": "www.lapor.go.id"},
        {"kind": "email", "value": "Kec@Example.go.id", "normalized": "kec@example.go.id"},
    ]
    body = _page(client, service, complaint_handling={"channels": channels, "tiers": []})

    assert 'href="tel:+62561736541"' in body
    assert 'href="https://wa.me/6285828735503"' in body
    assert 'href="https://kec-contoh.go.id"' in body
    assert 'href="https://www.lapor.go.id' in body
    assert 'href="mailto:kec@example.go.id"' in body


def test_complaint_tiers_are_listed_with_their_limits(client, service):
    tiers = [
        {"label": "Pengaduan ringan", "max": {"value": 3, "unit": "hour"}},
        {"label": "Pengaduan berkadar pengawasan", "max": {"value": 60, "unit": "working_day"}},
    ]
    body = _page(
        client,
        service,
        complaint_handling={"channels": [{"kind": "in_person", "label": "Petugas"}], "tiers": tiers},
    )

    assert "Pengaduan ringan" in body
    assert "paling lama 3 jam" in body
    assert "paling lama 60 hari kerja" in body


def test_text_from_the_decree_is_escaped(client, service):
    body = _page(
        client, service, products=["Surat pengantar izin keramaian", "Surat <script>alert(1)</script>"]
    )

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def _staff(step_id, text, transitions, **more):
    return {"id": step_id, "text": text, "performer": "staff", "role": "operator-kecamatan",
            "transitions": transitions, **more}  # fmt: skip


def _done(key="selesai"):
    return [{"key": key, "kind": "complete", "end": "completed"}]


def _next(step_id):
    return [{"key": "lanjut", "kind": "forward", "to": step_id}]


TWO_TRACKS = {
    "tracks": [{"key": "surat", "title": "surat"}, {"key": "hadir", "title": "hadir langsung"}],
    "steps": [
        _staff("s1", "Petugas menerima surat", _next("s2"), actor="Petugas", track="surat"),
        _staff("s2", "Petugas menjawab surat", _done(), track="surat"),
        _staff("h1", "Petugas menerima tamu", _next("h2"), actor="Petugas", track="hadir"),
        _staff("h2", "Petugas memberi konsultasi", _done(), track="hadir"),
    ],
    "flows": [],
}


def test_steps_on_separate_tracks_are_shown_separately(client, service):
    body = _page(client, service, procedure=TWO_TRACKS)

    assert "Alur: surat" in body
    assert "Alur: hadir langsung" in body
    assert body.count("<svg") == 2  # one diagram per track, drawn from its transitions


def test_time_limits_name_steps_as_numbered_on_their_own_track(client, service):
    limits = [
        {
            "key": "surat",
            "label": "Surat",
            "text": "3 hari kerja",
            "max": {"value": 3, "unit": "working_day"},
            "step_ids": ["s2"],
            "track": "surat",
        },
        {
            "key": "hadir",
            "label": "Hadir langsung",
            "text": "1 jam",
            "max": {"value": 1, "unit": "hour"},
            "step_ids": ["h1", "h2"],
            "track": "hadir",
            "start_text": "setelah menyampaikan maksud konsultasi",
        },
    ]
    body = _page(client, service, procedure=TWO_TRACKS, time_limits=limits)

    assert "langkah 2 (alur surat)" in body
    assert "langkah 1, 2 (alur hadir langsung)" in body
    assert "langkah 3" not in body  # no step is shown as the third
    assert "<dt>Mulai dihitung</dt><dd>setelah menyampaikan maksud konsultasi</dd>" in body
    assert "<dt>Track</dt>" not in body and "<dt>Starts</dt>" not in body


def test_one_track_names_its_steps_without_the_track(client, service):
    procedure = {
        "tracks": [{"key": "loket", "title": "Layanan di loket"}],
        "steps": [_staff("a", "Petugas menerima", _next("b")), _staff("b", "Petugas melayani", _done())],
        "flows": [],
    }
    limits = [
        {"key": "layanan", "text": "15 menit", "max": {"value": 15, "unit": "minute"}, "step_ids": ["a", "b"]}
    ]
    body = _page(client, service, procedure=procedure, time_limits=limits)

    assert "langkah 1, 2</span>" in body
    assert "(alur" not in body
