"""Bangli's online complaint track takes permohonan from the website; the PIN is shown once."""

from cases.models import Case, CaseStatus
from cases.services import case_pin_check
from tests.public.conftest import BANGLI, BANGLI_APPLICANT, apply_to_bangli, form_key, pdf, receipt


def test_the_service_page_offers_to_apply_online(client, demo):
    body = client.get(BANGLI).content.decode()

    assert f'href="{BANGLI}ajukan/"' in body
    assert ">Ajukan permohonan<" in body


def test_the_form_asks_exactly_the_requirements_of_the_online_track(client, demo):
    body = client.get(BANGLI + "ajukan/").content.decode()

    for key, text in (
        ("identitas", "KTP/Pengenal lainnya"),
        ("alamat", "Alamat Pelapor"),
        ("bukti", "Bukti dukung aduan"),
    ):
        assert f'<label for="id_{key}">{text}</label>' in body
        assert f'type="file" name="{key}"' in body
    assert body.count('type="file"') == 3
    for name in ("pemohon_nama", "pemohon_telepon", "pemohon_email", "pemohon_alamat"):
        assert f'name="{name}"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert 'enctype="multipart/form-data"' in body


def test_a_citizen_applies_online_and_sees_the_number_and_pin_once(client, demo):
    response = apply_to_bangli(client)

    assert response.status_code == 302
    assert response["Location"] == BANGLI + "ajukan/terkirim/"
    case = Case.objects.get()
    assert (case.channel, case.track, case.status) == ("website", "online", CaseStatus.OPEN)
    assert case.applicant_name == "Ni Luh Putu Sari"
    assert sorted(case.files.values_list("requirement", flat=True)) == ["alamat", "bukti", "identitas"]

    page = client.get(BANGLI + "ajukan/terkirim/")
    body = page.content.decode()
    assert "Simpan nomor dan PIN ini." in body
    assert "no-store" in page["Cache-Control"]
    number = case.display_number
    assert f'id="receipt-number">{number}<' in body
    pin = body.split('id="receipt-pin">')[1].split("<")[0]
    assert case_pin_check(number=number, pin=pin) == case

    again = client.get(BANGLI + "ajukan/terkirim/").content.decode()
    assert pin not in again
    assert "PIN hanya ditampilkan sekali" in again


def test_the_pin_never_travels_in_a_url(client, demo):
    response = apply_to_bangli(client)
    number, pin = receipt(client)

    assert pin not in response["Location"]
    assert number.replace("-", "") not in response["Location"]
    tracked = client.post("/lacak/", {"nomor": number, "pin": pin})
    assert pin not in tracked["Location"]


def test_pressing_send_twice_makes_one_permohonan(client, demo):
    url = BANGLI + "ajukan/"
    key = form_key(client, url)
    for _press in range(2):
        data = {**BANGLI_APPLICANT, "kunci": key, "identitas": pdf(), "alamat": pdf(), "bukti": pdf()}
        assert client.post(url, data).status_code == 302

    assert Case.objects.count() == 1
    assert "Simpan nomor dan PIN ini." in client.get(url + "terkirim/").content.decode()
