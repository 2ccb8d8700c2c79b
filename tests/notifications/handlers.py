"""A stand-in for the complaint intake (PELAYAN_INBOUND_HANDLER), counting what it is handed."""

from __future__ import annotations

from pelayan.lib.inbound import InboundMessage

handled: list[InboundMessage] = []


def record(message: InboundMessage) -> str:
    handled.append(message)
    return f"REF-{len(handled)}"
