"""The uploaded bytes and the preview are files in the default storage; the session holds only the
upload's id; expired uploads are deleted with their files, each with an audit event."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from importer.admin import SESSION_KEY
from importer.models import PendingUpload, PendingUploadStatus
from importer.services import pending_uploads_expire
from standards.models import Standard
from tests.lib.importer import corpus

URL = "admin:importer_upload"


def _upload(client, agency) -> PendingUpload:
    data, name = corpus.docx_ktp()
    client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    upload = PendingUpload.objects.get()
    upload.sent = data
    return upload


@pytest.mark.django_db
def test_it_keeps_the_upload_in_storage_and_only_its_id_in_the_session(client, agency, agency_admin):
    client.force_login(agency_admin)
    upload = _upload(client, agency)
    assert upload.status == PendingUploadStatus.READY
    assert default_storage.exists(upload.source_path)
    assert default_storage.exists(upload.result_path)
    with default_storage.open(upload.source_path, "rb") as stored:
        assert stored.read() == upload.sent
    assert client.session[SESSION_KEY] == str(upload.pk)
    assert len(client.session.encode(dict(client.session))) < 1000
    assert upload.expires_at > timezone.now() + dt.timedelta(hours=23)
    actions = list(
        AuditEvent.objects.filter(target_id=str(upload.pk)).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["import.upload_stored", "import.upload_parsed"]


@pytest.mark.django_db
def test_it_deletes_the_upload_and_its_files_once_the_drafts_are_created(
    client, agency, agency_admin, django_capture_on_commit_callbacks
):
    client.force_login(agency_admin)
    upload = _upload(client, agency)
    paths = [upload.source_path, upload.result_path]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(URL), {"action": "create", "upload": str(upload.pk), "service": "new"})
    assert Standard.objects.count() == 1
    assert PendingUpload.objects.count() == 0
    assert not any(default_storage.exists(p) for p in paths)
    assert AuditEvent.objects.filter(action="import.upload_imported", target_id=str(upload.pk)).exists()


@pytest.mark.django_db
def test_it_deletes_expired_uploads_with_their_files(
    client, agency, agency_admin, django_capture_on_commit_callbacks
):
    client.force_login(agency_admin)
    upload = _upload(client, agency)
    paths = [upload.source_path, upload.result_path]
    assert pending_uploads_expire() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert pending_uploads_expire(now=upload.expires_at + dt.timedelta(seconds=1)) == 1
    assert PendingUpload.objects.count() == 0
    assert not any(default_storage.exists(p) for p in paths)
    assert AuditEvent.objects.filter(action="import.upload_expired", target_id=str(upload.pk)).exists()


@pytest.mark.django_db
def test_an_expired_upload_can_no_longer_be_imported(client, agency, agency_admin):
    client.force_login(agency_admin)
    upload = _upload(client, agency)
    PendingUpload.objects.filter(pk=upload.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = client.post(reverse(URL), {"action": "create"}, follow=True)
    assert "Tidak ada dokumen yang menunggu" in response.content.decode()
    assert Standard.objects.count() == 0


@pytest.mark.django_db
def test_another_users_upload_cannot_be_imported(client, agency, agency_admin, django_user_model):
    from accounts.models import ADMIN_ROLE
    from accounts.services import membership_grant

    client.force_login(agency_admin)
    upload = _upload(client, agency)
    colleague = django_user_model.objects.create_user(username="rekan", password="rahasia-rekan-123")
    membership_grant(
        actor=None, user=colleague, agency=agency, role_code=ADMIN_ROLE, role_name="Admin Instansi"
    )
    client.force_login(colleague)
    client.post(reverse(URL), {"action": "create", "upload": str(upload.pk)})
    assert Standard.objects.count() == 0
    assert client.get(reverse("admin:importer_pending", args=[upload.pk])).status_code == 302


@pytest.mark.django_db
def test_the_cleanup_command_reports_how_many_uploads_it_deleted(client, agency, agency_admin):
    client.force_login(agency_admin)
    upload = _upload(client, agency)
    PendingUpload.objects.filter(pk=upload.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    out = io.StringIO()
    call_command("expire_import_uploads", stdout=out)
    assert out.getvalue().startswith("1 unggahan kedaluwarsa dihapus")
    assert PendingUpload.objects.count() == 0


@pytest.mark.django_db
def test_a_new_upload_sweeps_the_expired_ones(
    client, agency, agency_admin, django_capture_on_commit_callbacks
):
    client.force_login(agency_admin)
    old = _upload(client, agency)
    PendingUpload.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        data, name = corpus.text_typos()
        client.post(reverse(URL), {"agency": agency.pk, "document": SimpleUploadedFile(name, data)})
    assert list(PendingUpload.objects.values_list("filename", flat=True)) == [name]
    assert not default_storage.exists(old.source_path)
