"""E-mail intake: one interface (``MailSource``), two implementations.

``MaildirSource`` reads a local Maildir (``PELAYAN_INBOUND_MAILDIR``; the demo and the tests drop
``.eml`` files into its ``new/``). ``ImapSource`` polls an IMAP mailbox over SSL
(``PELAYAN_IMAP_*``); its connection is made by a factory, so tests inject a fake object and no
test touches the network. Both hand out raw messages (``RawMail``) and are told when one has been
stored (``done``), which marks it processed: a Maildir message moves to ``cur/`` with the Seen
flag, an IMAP message is flagged ``\\Seen`` (or moved to ``PELAYAN_IMAP_PROCESSED_MAILBOX``).
A crash between storing and marking leaves the message to be read again on the next poll; the
store's uniqueness on the Message-ID makes that second reading a no-op.

``parse_email`` reads one message with the standard library's ``email`` package (policy.default)
within the configured bounds.
"""

from __future__ import annotations

import hashlib
import imaplib
import logging
import os
import re
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Protocol

from pelayan.lib.inbound import InboundAttachment, InboundMessage

logger = logging.getLogger("pelayan.inbound")

__all__ = [
    "ImapSource",
    "MailSource",
    "MaildirSource",
    "ParsedEmail",
    "RawMail",
    "parse_email",
]


@dataclass(frozen=True)
class RawMail:
    """One message as the source holds it: its bytes (only the header when it is over the size
    bound), the moment the server took it, and the source's own handle on it."""

    handle: str
    raw: bytes
    received_at: datetime
    oversize: bool = False


class MailSource(Protocol):
    provider: str

    def fetch(self, *, limit: int) -> Iterator[RawMail]: ...

    def done(self, mail: RawMail) -> None: ...


# -- parsing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedEmail:
    message: InboundMessage
    notes: tuple[str, ...] = field(default_factory=tuple)


class _Text(HTMLParser):
    """The text of an HTML-only message (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts)).strip()


def _header(message: Any, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a malformed header must not stop the intake of the message
        value = None
    return re.sub(r"[\r\n]+", " ", str(value or "")).strip()


def _addresses(message: Any, *names: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name in names:
        try:
            values = [str(v) for v in message.get_all(name, [])]
        except Exception:  # a malformed address header: the others may still name the address
            logger.debug("unreadable %s header", name, exc_info=True)
            continue
        for display, address in getaddresses(values):
            if "@" in address and (display, address) not in found:
                found.append((display.strip(), address.strip().lower()))
    return found


def _message_id(message: Any, raw: bytes) -> str:
    value = _header(message, "Message-ID").strip("<> ")
    if value:
        return value[:250]
    # Without a Message-ID the bytes are the identity: the same file delivered twice is one message.
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _decoded(part: Any) -> str:
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError, ValueError, AssertionError):  # unknown charset, bad encoding
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")


def parse_email(
    raw: bytes,
    *,
    provider: str,
    received_at: datetime,
    body_max_chars: int,
    attachments_max: int,
    attachment_max_bytes: int,
    oversize: bool = False,
) -> ParsedEmail:
    """Read one message. Over the bounds, what is left out is listed in ``notes``; an ``oversize``
    message (only its header was read) keeps its addresses and subject and no body."""
    notes: list[str] = []
    if oversize:
        message: Any = BytesHeaderParser(policy=policy.default).parsebytes(raw)
        notes.append("message over PELAYAN_INBOUND_EMAIL_MAX_BYTES: header only")
    else:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    senders = _addresses(message, "From")
    sender_name, sender = senders[0] if senders else ("", "")
    # Every address the message was delivered to, in the order most telling of the mailbox; the
    # handler takes the first one an agency publishes.
    recipients = [a for _, a in _addresses(message, "Delivered-To", "X-Original-To", "To", "Cc")]
    recipient = ""
    for address in recipients:
        candidate = f"{recipient},{address}" if recipient else address
        if len(candidate) > 254:
            break
        recipient = candidate
    body = ""
    attachments: list[InboundAttachment] = []
    if not oversize:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is not None:
            text = _decoded(part)
            body = _html_text(text) if part.get_content_type() == "text/html" else text
        if len(body) > body_max_chars:
            body = body[:body_max_chars]
            notes.append(f"body cut at {body_max_chars} characters")
        for item in message.iter_attachments():
            filename = (item.get_filename() or "lampiran").strip()[-200:] or "lampiran"
            content = item.get_payload(decode=True) or b""
            if len(attachments) >= attachments_max:
                notes.append(f"attachment {filename!r} left out: more than {attachments_max}")
                continue
            if len(content) > attachment_max_bytes:
                notes.append(f"attachment {filename!r} left out: {len(content)} bytes")
                continue
            if content:
                attachments.append(
                    InboundAttachment(
                        filename=filename, content_type=item.get_content_type()[:100], content=content
                    )
                )
    inbound = InboundMessage(
        channel="email",
        provider=provider,
        provider_message_id=_message_id(message, raw),
        sender=sender[:254],
        recipient=recipient,
        body=body.strip(),
        received_at=received_at,
        subject=_header(message, "Subject")[:300],
        sender_name=sender_name[:200],
        in_reply_to=_header(message, "In-Reply-To")[:250],
        attachments=tuple(attachments),
    )
    return ParsedEmail(message=inbound, notes=tuple(notes))


# -- Maildir -----------------------------------------------------------------------------------


class MaildirSource:
    """A local Maildir. New messages are those in ``new/`` and those in ``cur/`` without the Seen
    flag; ``done`` renames the file into ``cur/`` with the Seen flag (one atomic rename, the
    message untouched)."""

    provider = "maildir"

    def __init__(self, path: Path, *, max_bytes: int) -> None:
        import mailbox

        self.path = Path(path)
        self.max_bytes = max_bytes
        # Maildir(create=True) makes only the last folder; on a fresh machine var/inbound is missing too.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # The separator of the info part is the one the files use (":", or "!" where configured).
        self.colon = mailbox.Maildir(str(self.path), create=True).colon or ":"
        # Maildir(create=True) makes the subfolders only for a new folder; someone may have made
        # just new/ to drop a message in.
        for sub in ("new", "cur", "tmp"):
            (self.path / sub).mkdir(parents=True, exist_ok=True)

    def _pending(self) -> list[tuple[Path, str]]:
        found: list[tuple[Path, str]] = []
        for sub in ("new", "cur"):
            folder = self.path / sub
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if not entry.is_file() or entry.name.startswith("."):
                    continue
                _key, _, info = entry.name.partition(self.colon)
                flags = info[2:] if info.startswith("2,") else ""
                if sub == "cur" and "S" in flags:
                    continue
                found.append((Path(entry.path), f"{sub}/{entry.name}"))
        return found

    def fetch(self, *, limit: int) -> Iterator[RawMail]:
        for path, handle in self._pending()[:limit]:
            try:
                stat = path.stat()
                with path.open("rb") as file:
                    raw = file.read(self.max_bytes + 1)
            except FileNotFoundError:  # taken by a poll running alongside
                continue
            oversize = len(raw) > self.max_bytes
            if oversize:
                raw = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0][: self.max_bytes]
            # The file's time is when it was delivered to the mailbox: the moment of receipt.
            received_at = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
            yield RawMail(handle=handle, raw=raw, received_at=received_at, oversize=oversize)

    def done(self, mail: RawMail) -> None:
        sub, _, name = mail.handle.partition("/")
        key, _, info = name.partition(self.colon)
        flags = set(info[2:] if info.startswith("2,") else "") | {"S"}
        target = self.path / "cur" / f"{key}{self.colon}2,{''.join(sorted(flags))}"
        try:
            os.replace(self.path / sub / name, target)
        except FileNotFoundError:
            logger.warning("maildir message %s was moved away before it could be marked", mail.handle)


# -- IMAP --------------------------------------------------------------------------------------

_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def _imap_ok(answer: tuple[str, Any], what: str) -> Any:
    status, data = answer
    if status != "OK":
        raise imaplib.IMAP4.error(f"IMAP {what} answered {status}: {data!r}")
    return data


def _fetched(data: Any) -> tuple[bytes, bytes]:
    """The metadata line and the literal of a FETCH answer."""
    for item in data or []:
        if isinstance(item, tuple) and len(item) >= 2:
            return bytes(item[0]), bytes(item[1])
    meta = b" ".join(i for i in data or [] if isinstance(i, bytes))
    return meta, b""


class ImapSource:
    """An IMAP mailbox over SSL. Unseen messages are fetched without setting their Seen flag
    (``BODY.PEEK``); first their size, so a message over the bound is read by its header only."""

    provider = "imap"

    def __init__(
        self,
        *,
        host: str,
        port: int,
        user: str,
        password: str,
        mailbox: str,
        processed_mailbox: str,
        timeout: int,
        max_bytes: int,
        connect: Callable[[], Any] | None = None,
    ) -> None:
        self.host, self.port, self.user, self.password = host, port, user, password
        self.mailbox, self.processed_mailbox = mailbox, processed_mailbox
        self.timeout, self.max_bytes = timeout, max_bytes
        self._connect = connect or self._ssl_connect
        self._conn: Any = None

    def _ssl_connect(self) -> Any:
        if not self.host:
            raise imaplib.IMAP4.error("PELAYAN_IMAP_HOST is not set")
        return imaplib.IMAP4_SSL(
            self.host, self.port, ssl_context=ssl.create_default_context(), timeout=self.timeout
        )

    def fetch(self, *, limit: int) -> Iterator[RawMail]:
        conn = self._connect()
        self._conn = conn
        try:
            _imap_ok(conn.login(self.user, self.password), "LOGIN")
            _imap_ok(conn.select(self.mailbox), "SELECT")
            found = _imap_ok(conn.uid("SEARCH", None, "UNSEEN"), "SEARCH")
            uids = (found[0] or b"").split()[:limit] if found else []
            for uid in uids:
                meta, _ = _fetched(_imap_ok(conn.uid("FETCH", uid, "(RFC822.SIZE INTERNALDATE)"), "FETCH"))
                size_match = _SIZE.search(meta)
                size = int(size_match.group(1)) if size_match else 0
                oversize = size > self.max_bytes
                part = "(BODY.PEEK[HEADER])" if oversize else "(BODY.PEEK[])"
                _, raw = _fetched(_imap_ok(conn.uid("FETCH", uid, part), "FETCH"))
                yield RawMail(
                    handle=uid.decode() if isinstance(uid, bytes) else str(uid),
                    raw=raw[: self.max_bytes],
                    received_at=_internaldate(meta),
                    oversize=oversize,
                )
        finally:
            self._conn = None
            try:
                conn.logout()
            except Exception:  # closing a broken connection: nothing left to do
                logger.debug("IMAP logout failed", exc_info=True)

    def done(self, mail: RawMail) -> None:
        conn = self._conn
        if conn is None:
            raise imaplib.IMAP4.error("done() outside fetch()")
        if self.processed_mailbox:
            _imap_ok(conn.uid("COPY", mail.handle, self.processed_mailbox), "COPY")
            _imap_ok(conn.uid("STORE", mail.handle, "+FLAGS", "(\\Deleted \\Seen)"), "STORE")
            _imap_ok(conn.expunge(), "EXPUNGE")
        else:
            _imap_ok(conn.uid("STORE", mail.handle, "+FLAGS", "(\\Seen)"), "STORE")


def _internaldate(meta: bytes) -> datetime:
    match = _INTERNALDATE.search(meta)
    if match:
        try:
            return datetime.strptime(match.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
        except ValueError:
            pass
    return datetime.now(tz=UTC)


def source_from_settings() -> MailSource | None:
    """The configured e-mail source (``PELAYAN_INBOUND_EMAIL``), or None when e-mail intake is off."""
    from django.conf import settings

    kind = settings.PELAYAN_INBOUND_EMAIL
    if kind == "maildir":
        return MaildirSource(
            Path(settings.PELAYAN_INBOUND_MAILDIR), max_bytes=settings.PELAYAN_INBOUND_EMAIL_MAX_BYTES
        )
    if kind == "imap":
        return ImapSource(
            host=settings.PELAYAN_IMAP_HOST,
            port=settings.PELAYAN_IMAP_PORT,
            user=settings.PELAYAN_IMAP_USER,
            password=settings.PELAYAN_IMAP_PASSWORD,
            mailbox=settings.PELAYAN_IMAP_MAILBOX,
            processed_mailbox=settings.PELAYAN_IMAP_PROCESSED_MAILBOX,
            timeout=settings.PELAYAN_IMAP_TIMEOUT_SECONDS,
            max_bytes=settings.PELAYAN_INBOUND_EMAIL_MAX_BYTES,
        )
    return None
