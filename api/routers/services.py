"""Services (jenis pelayanan). Only those with a published standard are public; an agency's
administrators also see its services still in draft."""

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from accounts.access import administered_agency_ids, can_administer, mark_private
from api.errors import NotFound, error_responses
from api.page_cache import public_page_cached
from api.pagination import PagePagination
from api.presenters import service_detail, service_summary
from api.schemas import ServiceDetailOut, ServiceSummaryOut
from standards.models import Service, Standard, StandardStatus
from standards.selectors import service_get, service_list

router = Router(tags=["Layanan"])

# Lists show which version is in force, not its content: leave the large columns in the database.
_HEAVY_COLUMNS = ("components", "source_text")
# What a list row shows (api.presenters.service_summary), and nothing else: every other column of
# the service, its agency (address, contact channels, pledge) and its version was read and converted
# for each row of the page, only to be dropped.
_LISTED_COLUMNS = (
    "slug",
    "name",
    "kind",
    "summary",
    "agency__slug",
    "agency__name",
    "agency__timezone",
    "unit__slug",
    "unit__name",
)
_LISTED_STANDARD_COLUMNS = (
    "service_id",
    "version",
    "status",
    "effective_date",
    "published_at",
    "superseded_at",
)


class ServiceFilter(Schema):
    agency: str | None = Field(None, max_length=50, description="Slug instansi.")
    q: str | None = Field(
        None,
        max_length=200,
        description=(
            "Kata pencarian: setiap kata dicari (sebagai awalan) pada nama layanan, instansi, wilayah, "
            "dan persyaratan, dengan ejaan lain yang umum (ijin/izin, KTP-el/KTP, SK/surat keterangan)."
        ),
    )


def _present_listed(service: Service) -> dict:
    published = service.published_standards[0] if service.published_standards else None
    return service_summary(service, published)


@router.get(
    "/services",
    response={200: list[ServiceSummaryOut], **error_responses(400, 500)},
    summary="Daftar layanan",
    operation_id="service_list",
)
@public_page_cached("services", parameters=frozenset({"agency", "q", "page", "page_size"}))
@paginate(PagePagination, present=_present_listed)
def list_services(request: HttpRequest, filters: Query[ServiceFilter]):
    """Layanan aktif yang memiliki standar berlaku, urut instansi lalu nama (urutan indeks, tanpa
    mengurutkan seluruh registri).

    Pengguna yang masuk (sesi Django) sebagai admin instansi juga melihat layanan instansinya yang
    standarnya masih draf.

    Halaman publik disimpan di server paling lama satu menit, dan dibuang lebih awal begitu ada
    layanan yang terbit, ditarik, atau berganti nama."""
    administered = administered_agency_ids(request)
    if administered:
        mark_private(request)
    services = service_list(agency=filters.agency, query=filters.q, visible_to_agency_ids=administered)
    published = Standard.objects.filter(status=StandardStatus.PUBLISHED).only(*_LISTED_STANDARD_COLUMNS)
    return services.only(*_LISTED_COLUMNS).prefetch_related(
        Prefetch("standards", queryset=published, to_attr="published_standards")
    )


@router.get(
    "/agencies/{slug}/services/{service_slug}",
    response={200: ServiceDetailOut, **error_responses(400, 404, 500)},
    summary="Rincian layanan",
    operation_id="service_get",
)
def get_service(request: HttpRequest, slug: Path[str], service_slug: Path[str]):
    """Layanan dengan versi standar yang berlaku dan riwayat versinya."""
    service = service_get(agency_slug=slug, service_slug=service_slug)
    if service is None:
        raise NotFound(_("Layanan tidak ditemukan."))
    versions = list(Standard.objects.filter(service=service).defer(*_HEAVY_COLUMNS).order_by("-version"))
    public = [v for v in versions if v.status != StandardStatus.DRAFT]
    in_force = service.is_active and any(v.status == StandardStatus.PUBLISHED for v in versions)
    # The session is consulted only when something is hidden, so public answers do not vary by cookie.
    hides_something = not in_force or len(public) < len(versions)
    if hides_something and can_administer(request, service.agency_id):
        mark_private(request)
        return service_detail(service, versions)
    if not in_force:
        raise NotFound(_("Layanan tidak ditemukan."))
    return service_detail(service, public)
