"""Agencies (penyelenggara) with their units and contact channels."""

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router
from ninja.pagination import paginate

from api.errors import NotFound, error_responses
from api.pagination import PagePagination
from api.presenters import agency_detail, agency_summary
from api.schemas import AgencyDetailOut, AgencySummaryOut
from standards.models import Unit
from standards.selectors import agency_list

router = Router(tags=["Instansi"])


@router.get(
    "/agencies",
    response={200: list[AgencySummaryOut], **error_responses(400, 500)},
    summary="Daftar instansi",
    operation_id="agency_list",
)
@paginate(PagePagination, present=agency_summary)
def list_agencies(request: HttpRequest):
    """Semua instansi, urut nama, dengan jumlah layanan yang memiliki standar berlaku."""
    return agency_list()


@router.get(
    "/agencies/{slug}",
    response={200: AgencyDetailOut, **error_responses(400, 404, 500)},
    summary="Rincian instansi",
    operation_id="agency_get",
)
def get_agency(request: HttpRequest, slug: Path[str]):
    """Instansi dengan unit kerja, kanal kontak, dan zona waktunya (WIB/WITA/WIT)."""
    units = Unit.objects.order_by("name")
    agency = (
        agency_list()
        .select_related("parent")
        .prefetch_related(Prefetch("units", queryset=units, to_attr="unit_list"))
        .filter(slug=slug)
        .first()
    )
    if agency is None:
        raise NotFound(_("Instansi '%(slug)s' tidak ditemukan.") % {"slug": slug})
    return agency_detail(agency, agency.unit_list)
