"""A document waiting between upload and "create draft": its bytes and parsed preview live in the
default file storage, never in the session; the row only says where, for whom and until when."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingUploadStatus(models.TextChoices):
    PARSING = "parsing", _("sedang dibaca")
    READY = "ready", _("siap diperiksa")
    FAILED = "failed", _("gagal dibaca")


class PendingUpload(models.Model):
    # A random key: the preview URL must not be guessable from another upload's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey(
        "standards.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("instansi")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pengunggah"),
    )
    filename = models.CharField(_("nama berkas"), max_length=255)
    service_name = models.CharField(_("nama layanan"), max_length=250, blank=True)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    source_path = models.CharField(_("berkas sumber"), max_length=300)
    result_path = models.CharField(_("hasil baca"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PendingUploadStatus.choices, default=PendingUploadStatus.PARSING
    )
    error = models.TextField(_("pesan kesalahan"), blank=True)
    services = models.PositiveSmallIntegerField(_("jumlah layanan"), default=0)
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"), db_index=True)

    class Meta:
        verbose_name = _("unggahan tertunda")
        verbose_name_plural = _("unggahan tertunda")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"
