from accounts.models import StaffRole
from standards.models import Agency, Service, Standard, StandardStatus, TimeZone

DEMO_AGENCIES = {
    "perkim-banten": ("Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Banten", TimeZone.WIB),
    "kesra-kalbar": ("Biro Kesejahteraan Rakyat Sekretariat Daerah Provinsi Kalimantan Barat", TimeZone.WIB),
    "dpmptsp-bangli": (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Bangli",
        TimeZone.WITA,
    ),
    "kec-kedopok": ("Kecamatan Kedopok", TimeZone.WIB),
}
DEMO_SERVICES = {
    "perkim-banten": ("Konsultasi", "consultation"),
    "kesra-kalbar": ("Pelayanan Konsultasi", "consultation"),
    "dpmptsp-bangli": ("Pengaduan Masyarakat", "complaint"),
    "kec-kedopok": ("Surat Pengantar Izin Keramaian", "application"),
}


def test_it_loads_the_four_seed_agencies_in_their_own_time_zones(seeded):
    agencies = {agency.slug: (agency.name, agency.timezone) for agency in Agency.objects.all()}

    assert agencies == DEMO_AGENCIES


def test_it_gives_each_agency_its_service_with_exactly_one_published_standard(seeded):
    services = {s.agency.slug: (s.name, s.kind) for s in Service.objects.select_related("agency")}

    assert services == DEMO_SERVICES
    for service in Service.objects.all():
        standards = Standard.objects.filter(service=service)
        assert [(s.version, s.status) for s in standards] == [(1, StandardStatus.PUBLISHED)]
        assert standards.get().published_at is not None


def test_it_creates_an_admin_role_and_the_roles_the_standards_name(seeded):
    codes = {
        slug: set(StaffRole.objects.filter(agency__slug=slug).values_list("code", flat=True))
        for slug in DEMO_AGENCIES
    }

    assert all("admin" in roles for roles in codes.values())
    assert {
        "operator-kelurahan",
        "operator-kecamatan",
        "camat",
        "sekcam",
        "kasi-pelayanan",
        "petugas-pengaduan",
    } <= codes["kec-kedopok"]
    assert {"front-office", "pimpinan", "petugas-konsultasi", "pejabat-pengaduan"} <= codes["perkim-banten"]
    assert {"petugas-informasi", "pejabat-pengaduan", "tim-pengaduan"} <= codes["kesra-kalbar"]
    assert {"petugas-pengaduan", "operator-it", "tim-pengaduan"} <= codes["dpmptsp-bangli"]


def test_it_says_what_it_loaded(seeded):
    assert "Demo data loaded: 4 agencies" in seeded
    assert "4 published standards" in seeded
