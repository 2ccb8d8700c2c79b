"""The database's own cost of one complaint intake: the statements one intake sends, captured from
the service and replayed by pgbench with no Python at all, once as sent (one round trip each) and
once as a single compound query (one round trip for the whole intake).

Its rate is the most any code issuing these statements could reach on this server, so it says
whether a target set against pgbench's single-row insert can be met by the intake's writes as
they are, whatever the application code above them does. PostgreSQL only (pgbench).

A replayed intake must stay a valid intake: the ids the captured one was given become the
``currval`` of their tables' sequences, and every value a constraint wants unique (the tracking
number, the message key, the delivery task's id, the complaint's source) is drawn fresh. Each id
is made distinct and large before the capture, so a literal names one table's id and nothing else.
The replay is checked: no failed transaction, and one new complaint per transaction pgbench counts.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Tables whose new row one intake inserts, with the first id given to them before the capture:
# distinct ranges, so that a number in a statement can be read back as the id of one table.
SEQUENCED = {
    "cases_case": 71_000_001,
    "calendars_slaclock": 72_000_001,
    "calendars_slainterval": 73_000_001,
    "cases_caseevent": 74_000_001,
    "complaints_complaint": 75_000_001,
    "complaints_complaintfile": 76_000_001,
    "notifications_outboundmessage": 77_000_001,
    "audit_auditevent": 78_000_001,
}


REGISTER_FIRST = 79_000_001


class FloorError(RuntimeError):
    pass


def capture(intake: Any) -> tuple[list[str], str, str, str]:
    """The statements of one ``intake()`` (a callable making one complaint), with the ids of
    SEQUENCED and the register set first; returns them with the tracking number and the source
    reference used, and the expression of the register number the counter gives."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with connection.cursor() as cursor:
        for table, first in SEQUENCED.items():
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [table, first])
        # The Buku Pengaduan number too: the replay's complaint takes the number its counter gives.
        cursor.execute("UPDATE complaints_registercounter SET last_number = %s", [REGISTER_FIRST - 1])
    with CaptureQueriesContext(connection) as captured:
        complaint = intake()
    given = (complaint.case_id, complaint.pk, complaint.register_number)
    if given != (SEQUENCED["cases_case"], SEQUENCED["complaints_complaint"], REGISTER_FIRST):
        raise FloorError(f"the captured intake was not given the ids set for it: {given}")
    where = f"agency_id = {int(complaint.agency_id)} AND year = {int(complaint.register_year)}"
    counter = f"(SELECT last_number FROM complaints_registercounter WHERE {where})"  # noqa: S608 - integers
    return [q["sql"] for q in captured.captured_queries], complaint.case.number, complaint.source_ref, counter


def _currval(table: str) -> str:
    return f"currval(pg_get_serial_sequence('{table}', 'id'))"


def _tokens(sql: str) -> list[tuple[bool, str]]:
    """The statement cut into string literals and the code between them (sqlparse's lexer, the
    one Django's own SQL formatting uses)."""
    import sqlparse
    from sqlparse import tokens

    return [(token.ttype in tokens.String.Single, token.value) for token in sqlparse.parse(sql)[0].flatten()]


def script(statements: list[str], number: str, source_ref: str, counter: str) -> list[str]:
    """The captured statements made repeatable: every id given in the capture becomes the current
    value of its table's sequence, the unique values are drawn per run."""
    by_id = {str(first): table for table, first in SEQUENCED.items()}

    def literal(text: str, statement: str) -> str:
        if text == f"'{number}'" and statement.startswith('INSERT INTO "cases_case"'):
            return "upper(substr(md5(random()::text), 1, 10))"
        if text == f"'{source_ref}'":
            return "md5(random()::text)"
        if statement.startswith('INSERT INTO "django_tasks_database_dbtaskresult"') and re.fullmatch(
            r"'[0-9a-f]{32}'|'[0-9a-f-]{36}'", text
        ):
            return "gen_random_uuid()"  # the delivery task's own id
        if m := re.fullmatch(r"'([^'\s]*:)(\d+)'", text):  # a key made of an id: complaint-receipt:<id>
            return f"'{m.group(1)}' || {_currval(by_id[m.group(2)])}" if m.group(2) in by_id else text
        if (m := re.fullmatch(r"'(\d+)'", text)) and m.group(1) in by_id:  # an id as text (a clock's target)
            return f"{_currval(by_id[m.group(1)])}::text"
        if (m := re.fullmatch(r"'\{(\d+(?:,\d+)*)\}'", text)) and all(
            i in by_id for i in m.group(1).split(",")
        ):
            return "ARRAY[" + ",".join(_currval(by_id[i]) for i in m.group(1).split(",")) + "]"
        return text

    def number_in_code(digits: str) -> str:
        if digits == str(REGISTER_FIRST):
            return counter
        return _currval(by_id[digits]) if digits in by_id else digits

    out = []
    for sql in statements:
        sql = sql.strip().rstrip(";")
        parts = [
            literal(text, sql) if is_literal
            else re.sub(r"\b(\d+)\b", lambda m: number_in_code(m.group(1)), text)
            for is_literal, text in _tokens(sql)
        ]  # fmt: skip
        out.append("".join(parts).replace("\n", " ") + ";")
    return out


def _pgbench(binary: str, url: str, path: Path, clients: int, seconds: float) -> dict[str, float]:
    parts = urlsplit(url)
    command = [binary, "-n", "-f", str(path), "-c", str(clients), "-j", str(clients), "-T", str(max(1, round(seconds))),
               "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres",
               parts.path.lstrip("/")]  # fmt: skip
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    rate = re.search(r"^tps = ([\d.]+)", result.stdout, re.MULTILINE)
    done = re.search(r"^number of transactions actually processed: (\d+)", result.stdout, re.MULTILINE)
    failed = re.search(r"^number of failed transactions: (\d+)", result.stdout, re.MULTILINE)
    if rate is None or done is None or (failed and int(failed.group(1))):
        raise FloorError(f"pgbench replay failed: {(result.stderr or result.stdout).strip()[-600:]}")
    return {"rate": float(rate.group(1)), "transactions": int(done.group(1))}


def floor_rates(
    binary: str, url: str, intake: Any, clients: list[int], seconds: float, scratch: Path
) -> dict:
    """The replay's rates at each client count, as sent and in one round trip."""
    from complaints.models import Complaint

    statements, number, source_ref, counter = capture(intake)
    lines = script(statements, number, source_ref, counter)
    if "BEGIN;" not in lines or lines[-1] != "COMMIT;":
        # As sent, one transaction after the process read, as the service does it.
        raise FloorError(f"the captured intake is not one transaction: {lines[:2]} … {lines[-1:]}")
    as_sent = scratch / "intake-as-sent.sql"
    as_sent.write_text("\n".join(lines) + "\n")
    # pgbench sends statements joined by "\;" as one query: one round trip for the intake.
    one_trip = scratch / "intake-one-trip.sql"
    one_trip.write_text("\n".join([line[:-1] + "\\;" for line in lines[:-1]] + lines[-1:]) + "\n")
    runs: dict[str, dict[int, dict[str, float]]] = {"as_sent": {}, "one_trip": {}}
    for name, path in (("as_sent", as_sent), ("one_trip", one_trip)):
        for n in clients:
            before = Complaint.objects.count()
            run = _pgbench(binary, url, path, n, seconds)
            made = Complaint.objects.count() - before
            if made != run["transactions"]:
                raise FloorError(
                    f"{name}: pgbench counted {run['transactions']} intakes, {made} complaints made"
                )
            runs[name][n] = run
    return {"statements": len(lines), "runs": runs}
