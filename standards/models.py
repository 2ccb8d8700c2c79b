from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pelayan.lib.process import Process
from pelayan.lib.standard_schema import Components, components_from_json


class AgencyKind(models.TextChoices):
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    BIRO = "biro", _("Biro")
    DPMPTSP = "dpmptsp", _("DPMPTSP")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA = "desa", _("Desa")
    OTHER = "other", _("Lainnya")


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
    WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
    WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")


class Agency(models.Model):
    """A government body that publishes standards (penyelenggara pelayanan)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=80, blank=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    province = models.CharField(_("provinsi"), max_length=100)
    regency = models.CharField(_("kabupaten/kota"), max_length=100, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    timezone = models.CharField(
        _("zona waktu"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB
    )
    website = models.URLField(_("situs web"), blank=True)
    # Contact channels as structured data (pelayan.lib.standard_schema.Channel), validated by services.
    contact_channels = models.JSONField(_("kanal kontak"), default=list, blank=True)
    head_title = models.CharField(_("jabatan pimpinan"), max_length=120, blank=True)
    head_name = models.CharField(_("nama pimpinan"), max_length=120, blank=True)
    pledge = models.TextField(
        _("maklumat pelayanan"),
        blank=True,
        help_text=_("Kosongkan untuk memakai teks maklumat baku."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        constraints = [
            models.CheckConstraint(
                condition=Q(timezone__in=[c.value for c in TimeZone]), name="agency_timezone_known"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="agency_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    BIDANG = "bidang", _("Bidang")
    BAGIAN = "bagian", _("Bagian")
    SEKSI = "seksi", _("Seksi")
    SUBBAGIAN = "subbagian", _("Subbagian")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    TIM = "tim", _("Tim")
    # A kecamatan's kelurahan and desa are its units, each with its own operators.
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA = "desa", _("Desa")
    OTHER = "other", _("Lainnya")


class Unit(models.Model):
    """An organisational unit inside an agency (bidang, bagian, seksi …), possibly nested."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="units", verbose_name=_("instansi")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    slug = models.SlugField()
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=UnitKind.choices, default=UnitKind.BIDANG)

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="unit_slug_unique_per_agency"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceKind(models.TextChoices):
    APPLICATION = "application", _("Permohonan")
    CONSULTATION = "consultation", _("Konsultasi")
    COMPLAINT = "complaint", _("Pengaduan")
    INFORMATION = "information", _("Informasi")
    OTHER = "other", _("Lainnya")


class Service(models.Model):
    """A jenis pelayanan. Owned by a unit; the agency is kept alongside for scoping and slugs."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="services", verbose_name=_("instansi")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
    )
    slug = models.SlugField()
    name = models.CharField(_("nama layanan"), max_length=250)
    kind = models.CharField(
        _("jenis"), max_length=20, choices=ServiceKind.choices, default=ServiceKind.APPLICATION
    )
    summary = models.TextField(_("ringkasan"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        constraints = [
            models.UniqueConstraint(fields=["agency", "slug"], name="service_slug_unique_per_agency")
        ]

    def __str__(self) -> str:
        return self.name


class StandardStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Berlaku")
    SUPERSEDED = "superseded", _("Dicabut/diganti")


class StandardOrigin(models.TextChoices):
    MANUAL = "manual", _("Disusun di Pelayan")
    # Read from a decree by the importer: published only from the review screen, where the agency
    # admin confirms the decree's number and effective date.
    IMPORT = "import", _("Diimpor dari dokumen")
    DEMO = "demo", _("Data demo")


class Standard(models.Model):
    """One version of a service's Standar Pelayanan.

    A published version never changes: editing means a new draft, and cases bind to the version
    they started under. Only services (standards.services) change a version.
    """

    # The decree that sets the standard; the fields an agency admin edits on a draft besides components.
    DECREE_FIELDS: tuple[str, ...] = (
        "decree_number",
        "decree_date",
        "decree_date_text",
        "decree_title",
        "signed_by_name",
        "signed_by_title",
        "effective_date",
    )

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="standards", verbose_name=_("layanan")
    )
    version = models.PositiveIntegerField(_("versi"))
    status = models.CharField(
        _("status"), max_length=20, choices=StandardStatus.choices, default=StandardStatus.DRAFT
    )
    decree_number = models.CharField(_("nomor keputusan"), max_length=200, blank=True)
    decree_date = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    # Decrees are often dated only by month ("Februari 2021"); kept as written beside the date.
    decree_date_text = models.CharField(_("tanggal keputusan (tertulis)"), max_length=100, blank=True)
    decree_title = models.CharField(_("tentang"), max_length=500, blank=True)
    signed_by_name = models.CharField(_("ditetapkan oleh (nama)"), max_length=200, blank=True)
    signed_by_title = models.CharField(_("ditetapkan oleh (jabatan)"), max_length=200, blank=True)
    effective_date = models.DateField(_("mulai berlaku"), null=True, blank=True)
    components = models.JSONField(_("komponen"), default=dict)
    origin = models.CharField(
        _("asal"), max_length=10, choices=StandardOrigin.choices, default=StandardOrigin.MANUAL
    )
    # What the importer left for the reviewer (pelayan.lib.compliance.Finding as JSON) and the roles
    # it proposes for officers the agency does not have yet ({code, name, steps}).
    review_marks = models.JSONField(_("tanda tinjauan impor"), default=list, blank=True)
    role_proposals = models.JSONField(_("usulan peran"), default=list, blank=True)
    source_name = models.CharField(_("berkas sumber"), max_length=255, blank=True)
    source_text = models.TextField(_("teks sumber"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["service", "-version"]
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="standard_version_unique"),
            models.UniqueConstraint(
                fields=["service"], condition=Q(status="published"), name="standard_one_published_per_service"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="standard_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in StandardStatus]), name="standard_status_known"
            ),
            models.CheckConstraint(
                condition=Q(origin__in=[o.value for o in StandardOrigin]), name="standard_origin_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} v{self.version} ({self.get_status_display()})"

    def is_editable(self) -> bool:
        return self.status == StandardStatus.DRAFT

    def parsed_components(self) -> Components:
        return components_from_json(self.components or {})

    def _definition(self, purpose: str) -> ProcessDefinition:
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("process_definitions")
        if prefetched is not None:
            found = next((d for d in prefetched if d.purpose == purpose), None)
        else:
            # Only a found definition is kept: a draft published later must not read as without one.
            cached = self.__dict__.setdefault("_definitions", {})
            found = cached.get(purpose)
            if found is None:
                found = self.process_definitions.filter(purpose=purpose).first()
                if found is not None:
                    cached[purpose] = found
        if found is None:
            raise _DefinitionMissing(f"standard {self.pk} has no {purpose} process")
        return found

    @property
    def process(self) -> ProcessDefinition:
        """The service procedure compiled at publication; raises (an AttributeError, so ``hasattr``
        answers False) for a draft or a standard published before procedures were compiled."""
        return self._definition(ProcessPurpose.SERVICE)

    @property
    def complaint_process(self) -> ProcessDefinition:
        """The complaint handling compiled at publication, when the standard makes it executable."""
        return self._definition(ProcessPurpose.COMPLAINT)


class ProcessPurpose(models.TextChoices):
    SERVICE = "service", _("Pelayanan")
    COMPLAINT = "complaint", _("Penanganan pengaduan")


class _DefinitionMissing(ObjectDoesNotExist, AttributeError):
    """No definition of that purpose; also an AttributeError, as a missing one-to-one row was."""


class ProcessDefinition(models.Model):
    """The procedure of a published standard compiled into the process its cases run.

    Written once when the version is published and never changed: a case keeps the definition it
    started under for life. ``role_bindings`` maps each role code the procedure names to the
    agency's StaffRole id at publication, so renaming or recoding a role later cannot strand a
    running case.
    """

    standard = models.ForeignKey(
        Standard,
        on_delete=models.PROTECT,
        related_name="process_definitions",
        verbose_name=_("standar pelayanan"),
    )
    # A standard compiles into its service procedure and, when its complaint component is
    # executable, a second definition for complaints; one of each at most.
    purpose = models.CharField(
        _("tujuan"), max_length=12, choices=ProcessPurpose.choices, default=ProcessPurpose.SERVICE
    )
    digest = models.CharField(_("sidik isi"), max_length=64)
    compiler_version = models.PositiveIntegerField()
    definition = models.JSONField()
    role_bindings = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("definisi proses")
        verbose_name_plural = _("definisi proses")
        constraints = [
            models.CheckConstraint(condition=Q(compiler_version__gte=1), name="process_compiler_version_set"),
            models.CheckConstraint(condition=~Q(digest=""), name="process_digest_set"),
            models.UniqueConstraint(fields=["standard", "purpose"], name="process_one_per_purpose"),
            models.CheckConstraint(
                condition=Q(purpose__in=ProcessPurpose.values), name="process_purpose_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard} · {self.digest[:12]}"

    def compiled(self) -> Process:
        cached = getattr(self, "_compiled", None)
        if cached is None:
            cached = Process.from_json(self.definition, digest=self.digest)
            self._compiled = cached
        return cached


class ServiceSearch(models.Model):
    """The search index: one row per public service (active, with a standard in force).

    Derived data, rewritten by ``standards.search_index.search_index_update`` inside the services
    that change what it holds. ``title`` and ``body`` hold words in the canonical spelling of
    ``pelayan.lib.search_text``; the full-text index over them is the database's own (an FTS5
    table on SQLite, a generated tsvector column with a GIN index on PostgreSQL; migration 0005).
    The other columns let the public lists read in an indexed order without joining standards.
    """

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="search_entries")
    agency_name = models.CharField(max_length=200)
    name = models.CharField(max_length=250)
    province = models.CharField(max_length=100)
    regency = models.CharField(max_length=100, blank=True)
    published_at = models.DateTimeField()
    title = models.TextField()
    body = models.TextField()

    class Meta:
        verbose_name = _("indeks pencarian layanan")
        verbose_name_plural = _("indeks pencarian layanan")
        indexes = [
            models.Index(fields=["agency_name", "name", "service"], name="servicesearch_listed_order"),
            models.Index(fields=["agency", "name"], name="servicesearch_agency_name"),
            models.Index(fields=["-published_at"], name="servicesearch_recent"),
            models.Index(fields=["province", "regency"], name="servicesearch_region"),
        ]

    def __str__(self) -> str:
        return self.name
