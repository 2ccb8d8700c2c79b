"""A report handed over by SP4N-LAPOR! keeps its tracking ID, runs LAPOR!'s time rules
(verification within 3 working days, follow-up within 5 after it) beside the agency's own
procedure, and its verification and answer go back to LAPOR! through the adapter."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from calendars.models import SlaClock, SlaPhase
from calendars.selectors import calendar_for
from cases.models import Channel
from complaints.models import Complaint
from complaints.services import complaint_act, complaint_tier_set
from lapor.models import LaporStatusPush, PushState
from lapor.services import FOLLOW_UP_CLOCK, VERIFY_CLOCK, lapor_reports_import
from pelayan.lib.durations import Duration, Unit
from standards.demo import load_demo
from standards.models import Agency

WIB = dt.timezone(dt.timedelta(hours=7))
RECEIVED = dt.datetime(2026, 11, 4, 9, 0, tzinfo=WIB)  # a Wednesday, office hours


def _file(*reports) -> bytes:
    return json.dumps(list(reports)).encode()


def _report(tracking_id="LPR-2611-0042", **changes):
    return {
        "tracking_id": tracking_id,
        "title": "Bantuan rumah ibadah belum cair",
        "content": "Proposal sudah diajukan Maret, belum ada kabar.",
        "created_at": RECEIVED.isoformat(),
        "reporter": {"name": "Yusuf", "email": "yusuf@example.org"},
        **changes,
    }


@pytest.fixture
def kalbar(db) -> Agency:
    load_demo(with_users=True)
    return Agency.objects.get(slug="kesra-kalbar")


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _clock(complaint, step_id) -> SlaClock:
    return SlaClock.objects.get(target_id=str(complaint.case_id), step_id=step_id)


@pytest.mark.django_db
def test_it_verifies_within_3_working_days_then_follows_up_within_5(
    kalbar, tmp_path, django_capture_on_commit_callbacks
):
    with override_settings(PELAYAN_LAPOR_OUTBOX_DIR=tmp_path):
        result = lapor_reports_import(
            agency=kalbar, data=_file(_report()), now=RECEIVED + dt.timedelta(minutes=5)
        )
        (complaint,) = result.created
        assert (complaint.lapor_id, complaint.channel) == ("LPR-2611-0042", Channel.LAPOR)
        assert complaint.received_at == RECEIVED
        calendar = calendar_for(agency=kalbar, service=complaint.case.service)
        verify = _clock(complaint, VERIFY_CLOCK)
        assert verify.due_at == calendar.add(RECEIVED, Duration(3, Unit.WORKING_DAY))

        pejabat = _user("kesra-kalbar.pejabat-pengaduan")
        verified_at = RECEIVED + dt.timedelta(hours=2)
        with django_capture_on_commit_callbacks(execute=True):
            complaint = complaint_tier_set(
                complaint=complaint, actor=pejabat, tier="normatif", now=verified_at
            )
        assert _clock(complaint, VERIFY_CLOCK).phase == SlaPhase.STOPPED
        follow_up = _clock(complaint, FOLLOW_UP_CLOCK)
        assert follow_up.due_at == calendar.add(verified_at, Duration(5, Unit.WORKING_DAY))
        push = LaporStatusPush.objects.get(status="verifikasi")
        assert push.state == PushState.SENT
        sent = json.loads((tmp_path / push.remote_ref).read_text())
        assert sent["tracking_id"] == "LPR-2611-0042" and sent["reference"] == complaint.reference

        complaint.case.refresh_from_db()
        complaint = complaint_act(
            complaint=complaint, actor=pejabat, action="teruskan-tim", version=complaint.case.version,
            now=verified_at + dt.timedelta(minutes=5),
        )  # fmt: skip
        tim = _user("kesra-kalbar.tim-pengaduan")
        with django_capture_on_commit_callbacks(execute=True):
            complaint = complaint_act(
            complaint=complaint, actor=tim, action="jawab", version=complaint.case.version,
            answer="Bantuan dicairkan pekan depan.", now=verified_at + dt.timedelta(days=1),
        )  # fmt: skip
        assert _clock(complaint, FOLLOW_UP_CLOCK).phase == SlaPhase.STOPPED
        done = LaporStatusPush.objects.get(status="selesai")
        assert done.state == PushState.SENT and done.note == "Bantuan dicairkan pekan depan."
        assert Complaint.objects.get().answered_via == Channel.LAPOR


@pytest.mark.django_db
def test_importing_the_same_file_twice_takes_each_report_once(kalbar, tmp_path):
    data = _file(_report(), _report("LPR-2611-0043"))
    first = lapor_reports_import(agency=kalbar, data=data)
    again = lapor_reports_import(agency=kalbar, data=data)
    assert (len(first.created), len(again.created), len(again.already)) == (2, 0, 2)
    assert Complaint.objects.count() == 2


@pytest.mark.django_db
def test_the_command_lists_each_refused_report_and_takes_the_rest(kalbar, tmp_path):
    path = tmp_path / "lapor.json"
    path.write_bytes(_file(_report(), _report("LPR-2", created_at="kemarin")))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("lapor", "import", str(path), "--agency", "kesra-kalbar", stdout=out, stderr=err)
    assert "1 imported" in out.getvalue()
    assert "report 2 LPR-2: created_at" in err.getvalue()
    assert Complaint.objects.get().lapor_id == "LPR-2611-0042"


class _Down:
    def status_push(self, update):
        from lapor.adapters import LaporError

        raise LaporError("LAPOR! tidak dapat dihubungi")


@pytest.mark.django_db
def test_a_status_that_cannot_be_delivered_is_retried_with_backoff_then_marked_failed(
    kalbar, monkeypatch, django_capture_on_commit_callbacks
):
    from lapor import services

    monkeypatch.setattr(services, "adapter_get", lambda: _Down())
    (complaint,) = lapor_reports_import(agency=kalbar, data=_file(_report())).created
    at = RECEIVED + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        complaint_tier_set(
            complaint=complaint, actor=_user("kesra-kalbar.pejabat-pengaduan"), tier="ringan", now=at
        )
    push = LaporStatusPush.objects.get()
    assert (push.state, push.attempts, push.last_error) == (
        PushState.QUEUED,
        1,
        "LAPOR! tidak dapat dihubungi",
    )
    waits = []
    moment = push.next_attempt_at
    for _ in range(services.PUSH_ATTEMPTS_MAX - 1):
        services.lapor_pushes_retry(now=moment)
        push.refresh_from_db()
        if push.next_attempt_at:
            waits.append(push.next_attempt_at - moment)
            moment = push.next_attempt_at
    assert push.state == PushState.FAILED and push.attempts == services.PUSH_ATTEMPTS_MAX
    # Each wait twice the one before it (2, 4, 8 … minutes), and nothing is retried after failing.
    assert waits == [dt.timedelta(minutes=2**n) for n in range(1, services.PUSH_ATTEMPTS_MAX - 1)]
    assert services.lapor_pushes_retry(now=moment + dt.timedelta(days=1)) == 0
