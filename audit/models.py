from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """Every kind of state change the audit trail records. A new kind is a new member here, so a
    renamed or misspelt action fails at import time and at the database, not silently in a report."""

    AGENCY_CREATED = "agency.created", _("Instansi dibuat")
    AGENCY_UPDATED = "agency.updated", _("Instansi diubah")
    UNIT_CREATED = "unit.created", _("Unit kerja dibuat")
    UNIT_UPDATED = "unit.updated", _("Unit kerja diubah")
    UNIT_DELETED = "unit.deleted", _("Unit kerja dihapus")
    SERVICE_CREATED = "service.created", _("Layanan dibuat")
    SERVICE_UPDATED = "service.updated", _("Layanan diubah")
    STAFF_ROLE_CREATED = "staff_role.created", _("Peran petugas dibuat")
    STAFF_ROLE_UPDATED = "staff_role.updated", _("Peran petugas diubah")
    MEMBERSHIP_GRANTED = "membership.granted", _("Peran diberikan")
    MEMBERSHIP_REVOKED = "membership.revoked", _("Peran dicabut")
    STANDARD_DRAFT_CREATED = "standard.draft_created", _("Draf standar dibuat")
    STANDARD_DRAFT_UPDATED = "standard.draft_updated", _("Draf standar diubah")
    STANDARD_PUBLISHED = "standard.published", _("Standar diterbitkan")
    STANDARD_SUPERSEDED = "standard.superseded", _("Standar diganti")
    CALENDAR_SCHEDULE_CREATED = "calendar.schedule_created", _("Jam pelayanan dibuat")
    CALENDAR_SCHEDULE_CHANGED = "calendar.schedule_changed", _("Jam pelayanan diubah")
    CALENDAR_DAY_ADDED = "calendar.day_added", _("Hari libur ditambahkan")
    CALENDAR_DAY_CHANGED = "calendar.day_changed", _("Hari libur diubah")
    CALENDAR_DAY_REMOVED = "calendar.day_removed", _("Hari libur dihapus")
    SLA_STARTED = "sla.started", _("Jam layanan dimulai")
    SLA_PAUSED = "sla.paused", _("Jam layanan dihentikan sementara")
    SLA_RESUMED = "sla.resumed", _("Jam layanan dilanjutkan")
    SLA_STOPPED = "sla.stopped", _("Jam layanan selesai")
    SLA_ON_TRACK = "sla.on_track", _("Jam layanan kembali sesuai jadwal")
    SLA_AT_RISK = "sla.at_risk", _("Jam layanan hampir melewati batas")
    SLA_BREACHED = "sla.breached", _("Jam layanan melewati batas")
    SLA_MET = "sla.met", _("Jam layanan tepat waktu")
    LOGIN_LOCKED_OUT = "login.locked_out", _("Login dikunci")
    LOGIN_UNLOCKED = "login.unlocked", _("Kunci login dibuka")
    API_TOKEN_CREATED = "api_token.created", _("Token API dibuat")
    API_TOKEN_REVOKED = "api_token.revoked", _("Token API dicabut")
    CASE_CREATED = "case.created", _("Permohonan diajukan")
    CASE_ACTION_TAKEN = "case.action_taken", _("Langkah permohonan diproses")
    CASE_FILE_ADDED = "case.file_added", _("Berkas permohonan ditambahkan")
    CASE_PIN_LOCKED = "case.pin_locked", _("Pelacakan permohonan dikunci")


class AuditEvent(models.Model):
    """One state change, written by the service that made it. Append-only."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    agency = models.ForeignKey("standards.Agency", null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=100, choices=AuditAction.choices)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=[a.value for a in AuditAction]), name="auditevent_action_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"
