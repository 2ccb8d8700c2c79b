"""A permohonan returned for a missing requirement is completed and sent back by its applicant."""

import copy
import re

import pytest

from cases.models import Case, CaseFile
from cases.services import Actor, case_act
from tests.factories import complete_components
from tests.public.conftest import BANGLI_APPLICANT, form_key, pdf, publish

URL = "/kec-contoh/surat-pengantar-izin-keramaian/"


def _citizen_first(procedure: dict) -> dict:
    """The factory's procedure with the applicant, not the kelurahan's operator, submitting."""
    procedure = copy.deepcopy(procedure)
    first = procedure["steps"][0]
    first.update(performer="applicant", text="Pemohon mengajukan berkas", actor="Pemohon")
    first.pop("role")
    return procedure


@pytest.fixture
def returned(client, service, operator) -> Case:
    publish(service, procedure=_citizen_first(complete_components()["procedure"]))
    data = {**BANGLI_APPLICANT, "kunci": form_key(client, URL + "ajukan/"), "formulir": pdf(), "ktp": pdf()}
    assert client.post(URL + "ajukan/", data).status_code == 302
    case = Case.objects.get()
    return case_act(
        case=case, actor=Actor(operator), action="kembalikan", version=case.version, missing=["ktp"],
        note="Fotokopi KTP tidak terbaca",
    )  # fmt: skip


def test_the_status_page_lists_what_is_missing_with_an_upload_for_it(client, returned):
    body = client.get("/lacak/permohonan/").content.decode()

    assert "Berkas dikembalikan untuk dilengkapi" in body
    assert "<li>Fotokopi KTP-el</li>" in body
    assert 'type="file" name="ktp"' in body
    assert 'name="formulir"' not in body  # only what was asked for
    assert "Kirim kembali" in body
    assert "Ditangani oleh: Anda (pemohon)" in body


def test_kirim_kembali_adds_the_file_and_resubmits(client, returned):
    body = client.get("/lacak/permohonan/").content.decode()
    version = re.search(r'name="versi" value="(\d+)"', body).group(1)

    response = client.post("/lacak/permohonan/kirim-kembali/", {"versi": version, "ktp": pdf("ktp-baru.pdf")})

    assert response.status_code == 302
    case = Case.objects.get()
    assert case.step == "verify" and case.missing == []
    assert CaseFile.objects.filter(case=case, requirement="ktp", name="ktp-baru.pdf").exists()
    after = client.get("/lacak/permohonan/").content.decode()
    assert "Berkas terkirim. Permohonan Anda diproses kembali." in after
    assert "Kirim kembali" not in after


def test_a_page_left_open_too_long_adds_nothing(client, returned):
    body = client.get("/lacak/permohonan/").content.decode()
    version = int(re.search(r'name="versi" value="(\d+)"', body).group(1))

    response = client.post("/lacak/permohonan/kirim-kembali/", {"versi": version - 1, "ktp": pdf()})

    assert response.status_code == 400
    assert "Muat ulang halaman" in response.content.decode()
    assert CaseFile.objects.filter(requirement="ktp").count() == 1  # only the one sent at first
    assert Case.objects.get().missing == ["ktp"]
