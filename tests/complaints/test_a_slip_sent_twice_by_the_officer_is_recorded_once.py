"""The officer's entry form carries its own key, like the website form: a double click on "Catat
di Buku Pengaduan", or the same form sent again after going back, records the slip once and shows
the same receipt. A new form is a new slip."""

from __future__ import annotations

import pytest

from complaints.models import Complaint

URL = "/kerja/pengaduan/catat/dpmptsp-bangli/"


def _slip(key: str) -> dict[str, str]:
    return {"kunci": key, "channel": "complaint_box", "kind": "pengaduan", "content": "Loket tutup jam 11.",
            "anonymous": "on"}  # fmt: skip


@pytest.mark.django_db
def test_the_same_form_sent_twice_makes_one_complaint_and_one_register_number(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    key = client.get(URL).context["form"].initial["kunci"]

    first = client.post(URL, _slip(key))
    second = client.post(URL, _slip(key))

    complaint = Complaint.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/kerja/pengaduan/{complaint.pk}/tanda-terima/"
    assert complaint.register_number == 1
    # The receipt of the first press still shows its PIN once.
    assert 'id="receipt-pin"' in client.get(second["Location"]).content.decode()


@pytest.mark.django_db
def test_a_new_form_records_the_next_slip(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    for _n in range(2):
        key = client.get(URL).context["form"].initial["kunci"]
        assert client.post(URL, _slip(key)).status_code == 302
    assert sorted(Complaint.objects.values_list("register_number", flat=True)) == [1, 2]


@pytest.mark.django_db
def test_a_form_without_its_key_is_refused_and_records_nothing(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    data = _slip("")
    del data["kunci"]
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "muat ulang halaman lalu kirim lagi" in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_the_same_key_with_another_slip_is_not_dropped_but_recorded_on_the_next_press(
    client, bangli, officer
):
    # Back to the form after recording: the browser may send the old key with the next slip.
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    key = client.get(URL).context["form"].initial["kunci"]
    assert client.post(URL, _slip(key)).status_code == 302
    first = Complaint.objects.get()

    other = {**_slip(key), "content": "Toilet umum rusak."}
    refused = client.post(URL, other)
    page = refused.content.decode()
    assert refused.status_code == 400
    assert f"Formulir ini sudah dipakai untuk pengaduan {first.reference}" in page
    assert "Toilet umum rusak." in page  # what the officer typed is still there
    fresh = refused.context["form"]["kunci"].value()
    assert fresh != key

    assert client.post(URL, {**other, "kunci": fresh}).status_code == 302
    assert sorted(Complaint.objects.values_list("content", flat=True)) == [
        "Loket tutup jam 11.",
        "Toilet umum rusak.",
    ]


@pytest.mark.django_db
def test_the_entry_form_is_never_kept_by_the_browser(client, bangli, officer):
    client.force_login(officer("dpmptsp-bangli.petugas-pengaduan"))
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    assert 'autocomplete="off"' in str(response.context["form"]["kunci"])
