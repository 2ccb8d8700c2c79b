"""Run a parse in a child process with a wall-clock timeout and a ceiling on its memory.

The readers are linear and stop at the limits in ``limits.py``, but a parser bug or a document
shape nobody thought of must still not hold a web worker or take the machine's memory. The child
is a fresh interpreter (``python -m pelayan.lib.importer.sandbox``): it sets ``RLIMIT_AS`` and
``RLIMIT_CPU`` on itself and lowers its own priority before reading the document, and the parent
kills it when the timeout passes. The parent only waits on pipes, without the interpreter lock, so other requests keep
running. A fresh interpreter rather than a fork: a forked web worker would inherit its threads'
locks and its database connections. Results come back as JSON, never as pickles, since the child
has just read hostile input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
from typing import Any

from pelayan.lib.importer.errors import DocumentError, LimitExceededError, NotADocumentError
from pelayan.lib.importer.limits import DEFAULT_LIMITS, Limits, thousands


def timeout_error(name: str, limits: Limits) -> LimitExceededError:
    seconds = f"{limits.timeout_seconds:g}".replace(".", ",")
    return LimitExceededError(
        name,
        "PARSE_TIMEOUT_SECONDS",
        "waktu baca dokumen",
        "the time to read the document",
        f"{seconds} detik",
    )


def memory_error(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        name,
        "PARSE_MEMORY_MB",
        "memori untuk membaca dokumen",
        "the memory to read the document",
        f"{thousands(limits.memory_mb)} MB",
    )


def parse_services_bounded(data: bytes, filename: str = "", limits: Limits = DEFAULT_LIMITS) -> list:
    """pelayan.lib.importer.parse_services in a child process, bounded in time and memory.

    Raises DocumentError for bad input, and LimitExceededError naming PARSE_TIMEOUT_SECONDS or
    PARSE_MEMORY_MB when the child runs out of either. A file over the size limit is refused
    without starting a process at all.
    """
    from pelayan.lib.importer import results_from_dict
    from pelayan.lib.importer.readers import read_source_size_check

    name = filename or "(tanpa nama)"
    read_source_size_check(data, name, limits)
    header = json.dumps({"filename": filename, "limits": dataclasses.asdict(limits)}).encode() + b"\n"
    process = subprocess.Popen(
        [sys.executable, "-m", "pelayan.lib.importer.sandbox"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(header + data, timeout=limits.timeout_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise timeout_error(name, limits) from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        reply = json.loads(out)
    except ValueError:
        if process.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            raise timeout_error(name, limits) from None
        # No reply and no signal: the interpreter died, almost always of MemoryError.
        raise memory_error(name, limits) from None
    status = reply.get("status")
    if status == "ok":
        return results_from_dict(reply["data"])
    if status == "memory":
        raise memory_error(name, limits)
    raise _rebuild(reply.get("class"), reply.get("message", ""), reply.get("limit"), name)


def _rebuild(qualname: str | None, message: str, limit: str | None, name: str) -> DocumentError:
    """The child's DocumentError with its own class and message."""
    from pelayan.lib.importer import errors

    cls = getattr(errors, qualname or "", None)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)) or not message:
        return NotADocumentError(name, "struktur dokumen tidak dapat dibaca")
    exc = cls.__new__(cls)
    ValueError.__init__(exc, message)
    if limit is not None:
        exc.limit = limit
    return exc


def _set_own_limits(limits: Limits) -> None:
    # Below the web workers' priority: on a busy machine the pages people are reading win the CPU
    # over a document that may be a deliberate waste of it.
    if hasattr(os, "nice"):
        os.nice(10)
    try:
        import resource
    except ImportError:  # not a POSIX system: the timeout still applies
        return
    cap = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    # CPU seconds as a second fence, should the parent be unable to kill the child in time.
    cpu = int(limits.timeout_seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _child_main() -> None:
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    limits = Limits(**header["limits"])
    _set_own_limits(limits)
    reply: dict[str, Any]
    try:
        data = stdin.read(limits.max_input_bytes + 1)
        from pelayan.lib.importer import parse_services, results_to_dict

        reply = {"status": "ok", "data": results_to_dict(parse_services(data, header["filename"], limits))}
        out = json.dumps(reply, ensure_ascii=False).encode()
    except MemoryError:
        out = b'{"status": "memory"}'
    except DocumentError as exc:
        reply = {"status": "error", "class": type(exc).__qualname__, "message": str(exc)}
        reply["limit"] = getattr(exc, "limit", None)
        out = json.dumps(reply, ensure_ascii=False).encode()
    except RecursionError:
        out = b'{"status": "error"}'
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()


__all__ = ["memory_error", "parse_services_bounded", "timeout_error"]

if __name__ == "__main__":
    _child_main()
