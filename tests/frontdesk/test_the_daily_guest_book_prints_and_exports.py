"""The desk officer's daily guest book: the day's visitors in order, a printable page and an XLSX
file, for the agency's desk staff only; a date that cannot be read is a 400 naming it."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from frontdesk.models import EntrySource
from frontdesk.services import GuestForm, guest_entry_create
from tests.frontdesk.conftest import line, login

WIB = ZoneInfo("Asia/Jakarta")
DAY = dt.datetime(2026, 11, 27, 9, 0, tzinfo=WIB)


def _visits(agency, n: int) -> None:
    officer = login("kesra-kalbar.petugas-informasi")
    for i in range(n):
        guest_entry_create(
            agency=agency,
            form=GuestForm(name=f"Tamu {i + 1}", institution="=HYPERLINK(\"http://x\")" if i == 0 else "Dinas Sosial",
                           purpose="Konsultasi", line_id=line(agency, "A").pk, unit_slug="pelayanan-dasar"),
            source=EntrySource.DESK, officer=officer, now=DAY + dt.timedelta(minutes=10 * i),
        )  # fmt: skip


@pytest.mark.django_db
def test_the_list_of_a_day_is_in_order_with_ticket_and_case(client, kalbar, django_assert_num_queries):
    _visits(kalbar, 3)
    client.force_login(login("kesra-kalbar.petugas-informasi"))
    url = reverse("frontdesk:guests", args=["kesra-kalbar"]) + "?tanggal=2026-11-27"
    client.get(url)  # warm the session and the per-user lookups
    with django_assert_num_queries(7):
        response = client.get(url)
    body = response.content.decode()
    assert body.index("Tamu 1") < body.index("Tamu 2") < body.index("Tamu 3")
    assert "A-003" in body and "Bagian Pelayanan Dasar" in body and "09:20" in body
    _visits(kalbar, 2)  # more rows, same number of queries
    with django_assert_num_queries(7):
        client.get(url)


@pytest.mark.django_db
def test_the_xlsx_has_one_row_per_visitor_and_defuses_formulas(client, kalbar):
    _visits(kalbar, 2)
    client.force_login(login("kesra-kalbar.petugas-informasi"))
    response = client.get(reverse("frontdesk:guests_xlsx", args=["kesra-kalbar"]) + "?tanggal=2026-11-27")
    assert response.status_code == 200
    assert "buku-tamu-kesra-kalbar-2026-11-27.xlsx" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[2][:3] == ("No.", "Jam", "Nama")
    assert [r[2] for r in rows[3:]] == ["Tamu 1", "Tamu 2"]
    assert rows[3][3] == '\'=HYPERLINK("http://x")'
    assert rows[4][8] == "A-002"


@pytest.mark.django_db
def test_the_print_page_has_no_inline_script_and_a_bad_date_is_named(client, kalbar):
    _visits(kalbar, 1)
    client.force_login(login("kesra-kalbar.petugas-informasi"))
    printed = client.get(reverse("frontdesk:guests_print", args=["kesra-kalbar"]) + "?tanggal=2026-11-27")
    assert "Tamu 1" in printed.content.decode() and "<script>" not in printed.content.decode()
    bad = client.get(reverse("frontdesk:guests", args=["kesra-kalbar"]) + "?tanggal=27-11")
    assert bad.status_code == 400 and "Tanggal tidak dapat dibaca" in bad.content.decode()


@pytest.mark.django_db
def test_staff_outside_the_front_office_see_no_guest_book(client, kalbar, banten):
    _visits(kalbar, 1)
    url = reverse("frontdesk:guests", args=["kesra-kalbar"])
    for username in ("kesra-kalbar.pelayanan-dasar.staf", "perkim-banten.front-office"):
        client.force_login(login(username))
        assert client.get(url).status_code == 404
    client.force_login(login("kesra-kalbar.admin"))
    assert client.get(url).status_code == 200
