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
    IMPORT_UPLOAD_STORED = "import.upload_stored", _("Berkas impor diunggah")
    IMPORT_UPLOAD_PARSED = "import.upload_parsed", _("Berkas impor dibaca")
    IMPORT_UPLOAD_FAILED = "import.upload_failed", _("Berkas impor gagal dibaca")
    IMPORT_UPLOAD_IMPORTED = "import.upload_imported", _("Berkas impor menjadi draf")
    IMPORT_UPLOAD_EXPIRED = "import.upload_expired", _("Berkas impor kedaluwarsa")
    DOCUMENT_TEMPLATE_DRAFT_SAVED = "document_template.draft_saved", _("Draf templat dokumen disimpan")
    DOCUMENT_TEMPLATE_PUBLISHED = "document_template.published", _("Templat dokumen diterbitkan")
    DOCUMENT_RENDERED = "document.rendered", _("Dokumen dibuat")
    DOCUMENT_SIGNED = "document.signed", _("Dokumen ditandatangani")
    DOCUMENT_SIGNING_FAILED = "document.signing_failed", _("Penandatanganan dokumen gagal")
    DOCUMENT_REVOKED = "document.revoked", _("Dokumen dicabut")
    DOCUMENT_REPLACED = "document.replaced", _("Dokumen diganti")
    DOCUMENT_ARCHIVED = "document.archived", _("Dokumen diarsipkan")
    DELIVERY_CREATED = "delivery.created", _("Tugas pengantaran dibuat")
    SIGNING_IDENTITY_ISSUED = "signing_identity.issued", _("Identitas tanda tangan diterbitkan")
    SKM_RESPONSE_RECORDED = "skm.response_recorded", _("Jawaban SKM dicatat")
    SKM_RESPONSES_IMPORTED = "skm.responses_imported", _("Jawaban SKM diimpor")
    SKM_KIOSK_ENABLED = "skm.kiosk_enabled", _("Kios SKM diaktifkan")
    SKM_EVALUATION_TASKS_SCHEDULED = "skm.evaluation_tasks_scheduled", _("Tugas evaluasi dijadwalkan")
    SKM_EVALUATION_TASK_DONE = "skm.evaluation_task_done", _("Tugas evaluasi selesai")
    OPEN311_CLIENT_CREATED = "open311_client.created", _("Klien Open311 dibuat")
    OPEN311_CLIENT_REVOKED = "open311_client.revoked", _("Kunci klien Open311 dicabut")
    LAPOR_STATUS_QUEUED = "lapor_status.queued", _("Status LAPOR! diantrekan")
    LAPOR_STATUS_SENT = "lapor_status.sent", _("Status LAPOR! terkirim")
    LAPOR_STATUS_FAILED = "lapor_status.failed", _("Status LAPOR! gagal dikirim")
    SLA_ALLOWANCE_CHANGED = "sla.allowance_changed", _("Batas waktu jam layanan diubah")
    COMPLAINT_CREATED = "complaint.created", _("Pengaduan diterima")
    COMPLAINT_TIER_SET = "complaint.tier_set", _("Tingkat pengaduan ditetapkan")
    COMPLAINT_NOTE_ADDED = "complaint.note_added", _("Catatan internal pengaduan ditambahkan")
    COMPLAINT_ANSWER_DRAFTED = "complaint.answer_drafted", _("Jawaban pengaduan disusun")
    COMPLAINT_ANSWER_SENT = "complaint.answer_sent", _("Jawaban pengaduan dikirim")
    COMPLAINT_REPLY_RECEIVED = "complaint.reply_received", _("Balasan pengadu diterima")
    COMPLAINT_ESCALATED = "complaint.escalated", _("Pengaduan dieskalasi ke atasan")
    COMPLAINT_EVALUATED = "complaint.evaluated", _("Penanganan pengaduan dievaluasi")
    COMPLAINT_RATED = "complaint.rated", _("Jawaban pengaduan dinilai")
    COMPLAINT_BOX_OPENED = "complaint_box.opened", _("Kotak pengaduan dibuka")
    COMPLAINT_RECAP_DELIVERED = "complaint.recap_delivered", _("Rekap Buku Pengaduan disampaikan")
    MESSAGE_QUEUED = "message.queued", _("Pesan masuk antrean kirim")
    MESSAGE_SENT = "message.sent", _("Pesan terkirim")
    MESSAGE_DELIVERED = "message.delivered", _("Pesan diterima")
    MESSAGE_ATTEMPT_FAILED = "message.attempt_failed", _("Pengiriman pesan gagal, dicoba lagi")
    MESSAGE_FAILED = "message.failed", _("Pengiriman pesan gagal")
    INBOUND_RECEIVED = "inbound.received", _("Pesan masuk diterima")
    FRONTDESK_SETTINGS_CHANGED = "frontdesk.settings_changed", _("Pengaturan meja layanan diubah")
    KIOSK_DEVICE_CREATED = "kiosk_device.created", _("Perangkat kiosk didaftarkan")
    KIOSK_DEVICE_ACTIVATED = "kiosk_device.activated", _("Perangkat kiosk diaktifkan")
    KIOSK_DEVICE_REVOKED = "kiosk_device.revoked", _("Perangkat kiosk dicabut")
    GUEST_ENTRY_RECORDED = "guest_entry.recorded", _("Tamu dicatat di buku tamu")
    TICKET_ISSUED = "ticket.issued", _("Nomor antrean diambil")
    TICKET_CALLED = "ticket.called", _("Nomor antrean dipanggil")
    TICKET_RECALLED = "ticket.recalled", _("Nomor antrean dipanggil ulang")
    TICKET_SERVED = "ticket.served", _("Nomor antrean dilayani")
    TICKET_FINISHED = "ticket.finished", _("Nomor antrean selesai")
    TICKET_NO_SHOW = "ticket.no_show", _("Nomor antrean tidak hadir")
    VISITOR_CHECKED_IN = "visitor.checked_in", _("Tamu terjadwal hadir")
    # Consultations (consultations/): requests, dispositions, decisions, bookings, closing.
    CONSULTATION_REQUESTED = "consultation.requested", _("Permohonan konsultasi diterima")
    CONSULTATION_DISPOSED = "consultation.disposed", _("Permohonan konsultasi didisposisikan")
    CONSULTATION_DECIDED = "consultation.decided", _("Permohonan konsultasi diputuskan")
    CONSULTATION_BOOKED = "consultation.booked", _("Jadwal konsultasi ditawarkan")
    CONSULTATION_CONFIRMED = "consultation.confirmed", _("Jadwal konsultasi dikonfirmasi pemohon")
    CONSULTATION_RESCHEDULE_ASKED = "consultation.reschedule_asked", _("Pemohon meminta jadwal lain")
    CONSULTATION_CHECKED_IN = "consultation.checked_in", _("Pemohon konsultasi hadir")
    CONSULTATION_CLOSED = "consultation.closed", _("Konsultasi ditutup")


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
