"""Desks pressing "panggil berikutnya" at the same moment each get a different ticket, in the
order the tickets were taken, and nobody is skipped; numbers taken at the same moment are
consecutive. Runs on SQLite (one writer at a time) and on PostgreSQL (row locks, skip locked)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from frontdesk.models import Ticket, TicketStatus
from frontdesk.services import counter_save, ticket_call_next, ticket_take
from standards.demo import load_demo
from standards.models import Agency
from tests.frontdesk.conftest import counter, line, login


def _run_at_once(work, count: int) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            work(i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_desks_calling_at_once_get_the_two_oldest_tickets_one_each():
    load_demo(with_users=True)
    banten = Agency.objects.get(slug="perkim-banten")
    for _n in range(3):
        ticket_take(line=line(banten, "A"))
    desks = [counter(banten, 1), counter(banten, 2)]
    officer = login("perkim-banten.front-office")
    called: dict[int, str] = {}

    def call(i: int) -> None:
        ticket = ticket_call_next(counter=desks[i], actor=officer)
        called[desks[i].number] = ticket.number

    assert _run_at_once(call, 2) == []
    assert sorted(called.values()) == ["A-001", "A-002"]
    assert Ticket.objects.get(line__prefix="A", line__agency=banten, seq=3).status == TicketStatus.WAITING
    assert set(
        Ticket.objects.filter(status=TicketStatus.CALLED).values_list("counter__number", flat=True)
    ) == {1, 2}


@pytest.mark.django_db(transaction=True)
def test_eight_desks_at_once_take_eight_distinct_tickets_and_numbers_stay_gapless():
    load_demo(with_users=True)
    banten = Agency.objects.get(slug="perkim-banten")
    admin = login("perkim-banten.admin")
    desks = [counter(banten, 1), counter(banten, 2)]
    desks += [counter_save(agency=banten, actor=admin, number=n) for n in range(3, 9)]

    assert _run_at_once(lambda i: ticket_take(line=line(banten, "A")), 10) == []
    seqs = sorted(Ticket.objects.filter(line=line(banten, "A")).values_list("seq", flat=True))
    assert seqs == list(range(1, 11))

    officer = login("perkim-banten.front-office")
    got: list[str] = []
    assert (
        _run_at_once(lambda i: got.append(ticket_call_next(counter=desks[i], actor=officer).number), 8) == []
    )
    assert len(set(got)) == 8
    # The two left waiting are the two taken last (tickets taken at the same instant may be
    # numbered in another order than their clock reading, so the order is the clock's).
    by_time = [t.number for t in Ticket.objects.filter(line=line(banten, "A")).order_by("issued_at", "id")]
    assert sorted(got) == sorted(by_time[:8])
    assert set(Ticket.objects.filter(status=TicketStatus.WAITING).values_list("seq", flat=True)) == {
        int(n[2:]) for n in by_time[8:]
    }
