"""E-mail through Django's e-mail backends (EMAIL_BACKEND: the file backend into var/ for the demo,
SMTP in production, locmem in tests)."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid

from notifications.adapters import DeliveryError, Outgoing, SendResult


class EmailSender:
    provider = "email"

    def send(self, outgoing: Outgoing) -> SendResult:
        if "@" not in outgoing.to or any(ch in outgoing.to for ch in "\r\n"):
            raise DeliveryError(f"not an e-mail address: {outgoing.to!r}", permanent=True)
        domain = settings.PELAYAN_EMAIL_MESSAGE_ID_DOMAIN
        message_id = make_msgid(idstring=f"pelayan-{outgoing.message_id}", domain=domain)
        email = EmailMessage(
            subject=outgoing.subject or outgoing.reference,
            body=outgoing.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[outgoing.to],
            headers={"Message-ID": message_id},
        )
        for filename, content_type, content in outgoing.attachments:
            email.attach(filename, content, content_type)
        try:
            email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"recipient refused: {outgoing.to}", permanent=True) from exc
        except OSError as exc:  # smtplib's errors are OSErrors: a connection or a refusal
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
        return SendResult(provider=self.provider, provider_message_id=message_id, sent_as="email")
