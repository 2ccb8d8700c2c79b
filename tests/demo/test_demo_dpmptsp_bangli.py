"""DPMPTSP Kabupaten Bangli, Bali: Pengaduan Masyarakat."""

from pelayan.lib.standard_schema import ChannelKind, DurationUnit


def test_bangli_is_a_complaint_service_in_wita(published):
    service = published("dpmptsp-bangli").service

    assert service.kind == "complaint"
    assert (service.agency.timezone, service.agency.province) == ("Asia/Makassar", "Bali")
    assert service.unit.kind == "tim"


def test_bangli_flow_joins_manual_and_online_complaints_at_the_team_and_returns_to_the_public(components):
    (flow,) = components("dpmptsp-bangli").procedure.flows

    assert [n.id for n in flow.nodes] == ["M", "PM", "PO", "PP", "OIT", "TPT", "HTPM"]
    # The decree's mermaid chart has eight arrows.
    assert [(e.source, e.target) for e in flow.edges] == [
        ("M", "PM"),
        ("M", "PO"),
        ("PM", "PP"),
        ("PO", "OIT"),
        ("PP", "TPT"),
        ("OIT", "TPT"),
        ("TPT", "HTPM"),
        ("HTPM", "M"),
    ]


def test_bangli_procedure_has_a_manual_and_an_online_track(components):
    steps = components("dpmptsp-bangli").procedure.steps

    assert [(s.track, s.actor) for s in steps] == [
        ("manual", "Masyarakat"),
        ("manual", "Petugas Pengaduan"),
        ("online", "Masyarakat"),
        ("online", "Operator IT"),
        (None, "Tim Pengaduan dan Bidang Terkait"),
        (None, "Tim Pengaduan dan Bidang Terkait"),
        (None, "Tim Pengaduan dan Bidang Terkait"),
    ]


def test_bangli_settles_a_complaint_in_one_to_sixty_working_days_free_of_charge(components):
    c = components("dpmptsp-bangli")
    (limit,) = c.time_limits

    assert (limit.min.value, limit.max.value) == (1, 60)
    assert limit.min.unit == limit.max.unit == DurationUnit.WORKING_DAY
    assert (c.fee.amount, c.fee.text) == (0, "Tidak dikenakan biaya / gratis")


def test_bangli_takes_complaints_over_box_letter_desk_email_phone_whatsapp_facebook_and_web(components):
    channels = components("dpmptsp-bangli").complaint_handling.channels

    assert [(c.kind, c.normalized) for c in channels] == [
        (ChannelKind.COMPLAINT_BOX, None),
        (ChannelKind.LETTER, None),
        (ChannelKind.IN_PERSON, None),
        (ChannelKind.EMAIL, "dpmptspbangli@gmail.com"),
        (ChannelKind.PHONE, "+6236691267"),
        (ChannelKind.WHATSAPP, "+628123866945"),
        (ChannelKind.SOCIAL_MEDIA, None),
        (ChannelKind.WEBSITE, "https://dpmptsp.banglikab.go.id"),
    ]


def test_bangli_names_only_a_team_as_its_staff_count(components):
    staff = components("dpmptsp-bangli").staff_count

    assert staff.total is None
    assert staff.text.startswith("Tim Penyediaan Layanan Konsultasi dan Pengelolaan Pengaduan Masyarakat")


def test_bangli_evaluates_after_every_complaint_and_rests_on_five_regulations(components):
    c = components("dpmptsp-bangli")

    assert c.performance_evaluation[0].frequency.per == "case"
    assert [(r.type, r.number, r.year) for r in c.legal_basis][:3] == [
        ("Undang-Undang", "25", 2009),
        ("Peraturan Pemerintah", "96", 2012),
        ("Peraturan Presiden", "76", 2013),
    ]
    assert len(c.legal_basis) == 5
