"""The outbox (messages we send, with every attempt) and the inbound store (messages that arrived,
each kept once)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboundChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")


class OutboundStatus(models.TextChoices):
    QUEUED = "queued", _("Dalam antrean")
    SENDING = "sending", _("Sedang dikirim")
    SENT = "sent", _("Terkirim")
    DELIVERED = "delivered", _("Sampai ke tujuan")
    FAILED = "failed", _("Gagal")


class OutboundMessage(models.Model):
    """One message to one address. ``queued`` with ``next_attempt_at`` is due for an attempt;
    ``sending`` is claimed by one worker (``claimed_at``); ``sent`` once the provider accepted it,
    ``delivered`` when it says so, ``failed`` after the last attempt or a refusal that no retry
    can fix."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="outbound_messages")
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="outbound_messages"
    )
    reply_to_inbound = models.ForeignKey(
        "notifications.InboundMessageRecord",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
    )
    channel = models.CharField(_("kanal"), max_length=12, choices=OutboundChannel.choices)
    to = models.CharField(_("tujuan"), max_length=254)
    subject = models.CharField(_("perihal"), max_length=200, blank=True)
    body = models.TextField(_("isi"))
    # The reference a WhatsApp template carries outside the 24-hour window (the tracking number).
    reference = models.CharField(_("rujukan"), max_length=64, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=OutboundStatus.choices, default=OutboundStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("kesalahan terakhir"), blank=True)
    provider = models.CharField(max_length=40, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True)
    sent_as = models.CharField(max_length=100, blank=True)  # "text", "template:<name>", "email", "sms:<n>"
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["provider", "provider_message_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=[c.value for c in OutboundChannel]), name="outbound_channel_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in OutboundStatus]), name="outbound_status_known"
            ),
            # A queued message always has the moment it is due, so the sweep finds it.
            models.CheckConstraint(
                condition=~Q(status=OutboundStatus.QUEUED) | Q(next_attempt_at__isnull=False),
                name="outbound_queued_has_due_moment",
            ),
            models.UniqueConstraint(
                fields=["agency", "dedupe_key"], condition=~Q(dedupe_key=""), name="outbound_dedupe_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} → {self.to} ({self.status})"


class OutboundAttachment(models.Model):
    message = models.ForeignKey(OutboundMessage, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename


class AttemptOutcome(models.TextChoices):
    SENT = "sent", _("Diterima penyedia")
    RETRY = "retry", _("Gagal, dicoba lagi")
    FAILED = "failed", _("Gagal")


class DeliveryAttempt(models.Model):
    """One try at handing a message to its provider, kept for the history of the message."""

    message = models.ForeignKey(OutboundMessage, on_delete=models.CASCADE, related_name="delivery_attempts")
    number = models.PositiveSmallIntegerField()
    at = models.DateTimeField()
    outcome = models.CharField(max_length=8, choices=AttemptOutcome.choices)
    provider = models.CharField(max_length=40, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["message", "number"]
        constraints = [
            models.UniqueConstraint(fields=["message", "number"], name="delivery_attempt_number_unique"),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.outcome}"


class InboundStatus(models.TextChoices):
    HANDLED = "handled", _("Diproses")
    UNHANDLED = "unhandled", _("Belum ada penanganan")
    FAILED = "failed", _("Gagal diproses")
    REJECTED = "rejected", _("Ditolak (terlalu besar)")


class InboundMessageRecord(models.Model):
    """A message that arrived, kept once: a second delivery of the same provider id is a no-op."""

    channel = models.CharField(_("kanal"), max_length=12)
    provider = models.CharField(max_length=40)
    provider_message_id = models.CharField(max_length=250)
    sender = models.CharField(_("pengirim"), max_length=254)
    sender_name = models.CharField(_("nama pengirim"), max_length=200, blank=True)
    recipient = models.CharField(_("penerima"), max_length=254, blank=True)
    subject = models.CharField(_("perihal"), max_length=300, blank=True)
    body = models.TextField(_("isi"), blank=True)
    in_reply_to = models.CharField(max_length=250, blank=True)
    received_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=InboundStatus.choices)
    reference = models.CharField(_("rujukan"), max_length=100, blank=True)
    error = models.TextField(blank=True)
    # What the bounds left out (attachments over the count or size, a truncated body).
    notes = models.JSONField(default=list, blank=True)
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["channel", "sender", "received_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_message_id"], name="inbound_provider_id_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in InboundStatus]), name="inbound_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.provider_message_id}"


class InboundAttachmentRecord(models.Model):
    message = models.ForeignKey(InboundMessageRecord, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.filename
