from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PushState(models.TextChoices):
    QUEUED = "queued", _("Menunggu dikirim")
    SENT = "sent", _("Terkirim ke LAPOR!")
    FAILED = "failed", _("Gagal dikirim")


class LaporStatusPush(models.Model):
    """A status of a LAPOR! report sent back to LAPOR! through the adapter.

    Queued in the transaction of the change it reports (a verification, an answer), delivered
    after commit and retried with backoff until ``PUSH_ATTEMPTS_MAX``; the last error is kept.
    """

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="lapor_pushes"
    )
    lapor_id = models.CharField(max_length=64)
    status = models.CharField(max_length=20)
    note = models.TextField(blank=True)
    at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=PushState.choices, default=PushState.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=500, blank=True)
    remote_ref = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["complaint", "at", "id"]
        verbose_name = _("status ke LAPOR!")
        verbose_name_plural = _("status ke LAPOR!")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=PushState.values), name="laporpush_state_known"),
            models.CheckConstraint(
                condition=Q(status__in=["verifikasi", "proses", "selesai"]), name="laporpush_status_known"
            ),
            models.UniqueConstraint(fields=["complaint", "status"], name="laporpush_once_per_status"),
        ]

    def __str__(self) -> str:
        return f"{self.lapor_id} {self.status} ({self.state})"
