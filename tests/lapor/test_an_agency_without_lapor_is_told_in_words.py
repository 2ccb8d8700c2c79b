"""An agency whose standard names no SP4N-LAPOR! track refuses a handed-over file report by report,
in words a clerk can act on, not in the check's code."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from complaints.models import Complaint
from standards.demo import load_demo


@pytest.mark.django_db
def test_kedopok_refuses_a_lapor_report_and_says_why(tmp_path):
    load_demo(with_users=False)
    path = tmp_path / "lapor.json"
    path.write_text(json.dumps([{
        "tracking_id": "LPR-1", "title": "Jalan rusak", "content": "Jalan rusak di RT 3.",
        "created_at": "2026-11-04T09:00:00+07:00", "reporter": {"name": "Ani"},
    }]))  # fmt: skip
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("lapor", "import", "--agency", "kec-kedopok", str(path), stderr=err, stdout=StringIO())
    said = err.getvalue()
    assert "! report 1 LPR-1: channel: " in said
    assert "not_for_track" not in said
    assert "tidak menerima" in said
    assert not Complaint.objects.exists()
