"""Only a standard that takes permohonan from the public online gets an apply button and form."""

import pytest

from cases.models import Case
from tests.public.conftest import BANGLI_APPLICANT, pdf


@pytest.mark.parametrize(
    "url",
    [
        "/kec-kedopok/surat-pengantar-izin-keramaian/",  # online, but entered by the kelurahan's operator
        "/kesra-kalbar/pelayanan-konsultasi/",  # in person only
        "/perkim-banten/konsultasi/",  # letter, e-mail or in person
    ],
)
def test_a_service_without_an_online_track_has_no_apply_button(client, demo, url):
    body = client.get(url).content.decode()

    assert "Ajukan permohonan" not in body
    assert "/ajukan/" not in body
    assert client.get(url + "ajukan/").status_code == 404


def test_posting_to_such_a_service_makes_no_case(client, demo):
    url = "/kec-kedopok/surat-pengantar-izin-keramaian/ajukan/"
    response = client.post(url, {**BANGLI_APPLICANT, "kunci": "x", "formulir": pdf()})

    assert response.status_code == 404
    assert not Case.objects.exists()
