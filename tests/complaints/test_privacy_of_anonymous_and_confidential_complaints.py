"""Anonymous: nobody handling it sees who it came from, only the system keeps the reply address.
Confidential: only the complaint team sees it, never the public list. Public ones are listed
without personal data."""

from __future__ import annotations

import pytest

from cases.selectors import visible_cases
from complaints.selectors import complaint_for_user, public_complaints
from complaints.services import complaint_create


@pytest.mark.django_db
def test_an_anonymous_complaint_shows_no_identity_to_its_handlers(client, kedopok, officer):
    complaint = complaint_create(
        agency=kedopok, kind="pengaduan", channel="email", content="Pungutan liar di loket",
        name="Rahasia Sekali", email="pelapor@example.id", anonymous=True,
    )  # fmt: skip
    assert complaint.reply_address == "pelapor@example.id"
    assert (complaint.name, complaint.email, complaint.case.applicant_email) == ("", "", "")

    client.force_login(officer("kec-kedopok.petugas-pengaduan"))
    page = client.get(f"/kerja/pengaduan/{complaint.pk}/").content.decode()
    assert "Pungutan liar" in page
    assert "pelapor@example.id" not in page and "Rahasia Sekali" not in page


@pytest.mark.django_db
def test_a_confidential_complaint_is_seen_only_by_the_complaint_team_and_never_listed(
    client, kedopok, officer
):
    complaint = complaint_create(
        agency=kedopok, kind="pengaduan", channel="website", content="Dugaan gratifikasi", name="Budi",
        confidential=True, public=True,
    )  # fmt: skip
    assert complaint.public is False
    camat = officer("kec-kedopok.camat")  # not named by the complaint procedure
    assert complaint_for_user(user=camat, pk=complaint.pk) is None
    assert complaint.case not in visible_cases(user=camat)
    assert complaint_for_user(user=officer("kec-kedopok.sekcam"), pk=complaint.pk) is not None
    assert public_complaints(agency=kedopok) == []
    client.force_login(camat)
    assert client.get(f"/kerja/pengaduan/{complaint.pk}/").status_code == 404


@pytest.mark.django_db
def test_public_complaints_are_listed_without_personal_data(client, kedopok):
    complaint_create(
        agency=kedopok, kind="saran", channel="website", content="Tambah kursi tunggu", name="Citra Lestari",
        email="citra@example.id", public=True,
    )  # fmt: skip
    page = client.get("/pengaduan/kec-kedopok/daftar/").content.decode()
    assert "Tambah kursi tunggu" in page
    assert "Citra Lestari" not in page and "citra@example.id" not in page
