"""The status page says where the permohonan stands and nothing about who sent it."""

import re

from django.test import Client

from cases.models import Case
from tests.public.conftest import BANGLI_APPLICANT, apply_to_bangli, receipt


def _tracked(demo_client) -> tuple[Client, str]:
    apply_to_bangli(demo_client)
    number, pin = receipt(demo_client)
    visitor = Client()  # another browser: only the number and PIN carry over
    assert visitor.post("/lacak/", {"nomor": number, "pin": pin}).status_code == 302
    return visitor, number


def test_the_tracking_page_shows_no_personal_data(client, demo):
    visitor, number = _tracked(client)

    body = visitor.get("/lacak/permohonan/").content.decode()

    assert number in body
    assert "Pengaduan Masyarakat" in body
    assert "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Bangli" in body
    assert "Operator IT menerima pengaduan online" in body  # the step, in the standard's words
    assert "Ditangani oleh: Operator IT" in body  # who holds it: the role, no officer's name
    assert ">Dalam proses<" in body
    for value in BANGLI_APPLICANT.values():
        assert value not in body
    assert "+6281234567890" not in body
    assert "ktp.pdf" not in body and "/media/" not in body


def test_times_are_written_in_the_agency_time_zone(client, demo):
    visitor, _number = _tracked(client)
    case = Case.objects.get()

    body = visitor.get("/lacak/permohonan/").content.decode()

    assert case.due_at is not None
    assert re.search(r"<dd>\w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WITA</dd>", body)  # Bali
    assert body.count(" WITA</dd>") == 2  # received and due


def test_the_status_page_reads_two_queries(client, demo, django_assert_num_queries):
    visitor, _number = _tracked(client)

    with django_assert_num_queries(2):  # the session, the case with all it shows
        response = visitor.get("/lacak/permohonan/")

    assert response.status_code == 200


def test_the_pin_lookup_reads_a_fixed_number_of_queries(client, demo, django_assert_num_queries):
    apply_to_bangli(client)
    number, pin = receipt(client)
    visitor = Client()

    # savepoint, the case locked for the check, release; then the new session: is the key free,
    # savepoint, insert, release
    with django_assert_num_queries(7):
        visitor.post("/lacak/", {"nomor": number, "pin": pin})


def test_without_a_pin_the_status_page_sends_you_to_the_form(demo):
    response = Client().get("/lacak/permohonan/")

    assert response.status_code == 302
    assert response["Location"] == "/lacak/"
