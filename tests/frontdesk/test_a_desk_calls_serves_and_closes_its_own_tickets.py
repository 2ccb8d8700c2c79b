"""The officer's buttons: panggil berikutnya, panggil ulang, layani, selesai, tidak hadir. A
desk acts only on the ticket it called, on the version it saw, one ticket at a time."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from frontdesk.models import TicketStatus
from frontdesk.services import (
    FrontdeskError,
    StaleTicket,
    ticket_call_next,
    ticket_finish,
    ticket_no_show,
    ticket_recall,
    ticket_serve,
    ticket_take,
)
from tests.frontdesk.conftest import counter, line, login


@pytest.mark.django_db
def test_call_recall_serve_and_finish_in_order(banten):
    officer = login("perkim-banten.front-office")
    desk = counter(banten, 2)
    ticket_take(line=line(banten, "A"))
    ticket = ticket_call_next(counter=desk, actor=officer)
    assert (ticket.number, ticket.status, ticket.call_count) == ("A-001", TicketStatus.CALLED, 1)
    ticket = ticket_recall(ticket=ticket, counter=desk, actor=officer, version=ticket.version)
    assert ticket.call_count == 2
    ticket = ticket_serve(ticket=ticket, counter=desk, actor=officer, version=ticket.version)
    assert ticket.status == TicketStatus.SERVING and ticket.served_at is not None
    ticket = ticket_finish(ticket=ticket, counter=desk, actor=officer, version=ticket.version)
    assert ticket.status == TicketStatus.DONE and ticket.finished_at is not None
    actions = list(
        AuditEvent.objects.filter(target_type="frontdesk.ticket", target_id=str(ticket.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "ticket.issued",
        "ticket.called",
        "ticket.recalled",
        "ticket.served",
        "ticket.finished",
    ]


@pytest.mark.django_db
def test_a_desk_with_a_caller_cannot_call_the_next_one(banten):
    officer = login("perkim-banten.front-office")
    desk = counter(banten, 1)
    ticket_take(line=line(banten, "A"))
    ticket_take(line=line(banten, "A"))
    ticket_call_next(counter=desk, actor=officer)
    with pytest.raises(FrontdeskError) as refused:
        ticket_call_next(counter=desk, actor=officer)
    assert "Meja 1" in refused.value.message


@pytest.mark.django_db
def test_a_no_show_frees_the_desk_and_an_empty_queue_calls_nobody(banten):
    officer = login("perkim-banten.front-office")
    desk = counter(banten, 1)
    ticket_take(line=line(banten, "B"))
    ticket = ticket_call_next(counter=desk, actor=officer)
    ticket = ticket_no_show(ticket=ticket, counter=desk, actor=officer, version=ticket.version)
    assert ticket.status == TicketStatus.NO_SHOW
    assert ticket_call_next(counter=desk, actor=officer) is None


@pytest.mark.django_db
def test_another_desk_or_an_old_page_cannot_move_the_ticket(banten):
    officer = login("perkim-banten.front-office")
    ticket_take(line=line(banten, "A"))
    ticket = ticket_call_next(counter=counter(banten, 1), actor=officer)
    with pytest.raises(StaleTicket):
        ticket_serve(ticket=ticket, counter=counter(banten, 2), actor=officer, version=ticket.version)
    seen = ticket.version
    ticket_recall(ticket=ticket, counter=counter(banten, 1), actor=officer, version=seen)
    with pytest.raises(StaleTicket):
        ticket_no_show(ticket=ticket, counter=counter(banten, 1), actor=officer, version=seen)


@pytest.mark.django_db
def test_a_desk_can_call_from_chosen_lines_only(banten):
    officer = login("perkim-banten.front-office")
    ticket_take(line=line(banten, "A"))
    ticket_take(line=line(banten, "B"))
    ticket = ticket_call_next(counter=counter(banten, 1), actor=officer, lines=[line(banten, "B")])
    assert ticket.number == "B-001"
