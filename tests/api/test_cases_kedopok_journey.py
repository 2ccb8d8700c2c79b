"""The Kedopok surat pengantar izin keramaian, start to finish, through the API with tokens."""

from __future__ import annotations

import pytest

from calendars.models import SlaClock, SlaInterval
from tests.api.case_fixtures import act, bearer, get_case, kedopok_case, pdf


@pytest.mark.django_db
def test_a_returned_case_is_completed_over_the_api_in_thirteen_working_minutes_with_the_pause_left_out(
    client, tokens, clock
):
    created = kedopok_case(client, tokens["kelurahan"])
    number = created["number"]
    assert created["pin"] and len(created["pin"]) == 6
    assert created["status"] == "open"
    assert [c["key"] for c in created["clocks"]] == ["penyelesaian"]

    detail = get_case(client, tokens["kecamatan"], number).json()
    assert detail["tasks"][0]["step"] == "teliti"
    assert detail["tasks"][0]["role"] == {"code": "operator-kecamatan", "name": "Operator Kecamatan"}
    assert {a["key"]: a["kind"] for a in detail["actions"]} == {"lengkap": "approve", "kembalikan": "return"}
    checklist = {item["key"]: item for item in detail["checklist"]}
    assert checklist["kk"]["file"] is None and checklist["ktp"]["file"]["name"] == "ktp.pdf"

    clock.advance(minutes=3)
    returned = act(client, tokens["kecamatan"], number, "kembalikan", detail["version"],
                   missing=["kk"], note="Fotokopi KK belum dilampirkan")  # fmt: skip
    assert returned.status_code == 200, returned.content
    returned = returned.json()
    assert returned["missing"] == ["kk"]
    assert returned["tasks"][0]["step"] == "ajukan"
    assert returned["clocks"][0]["phase"] == "paused"
    assert returned["actions"] == []  # the kecamatan operator no longer holds the step

    clock.advance(minutes=57)
    uploaded = client.post(
        f"/api/v1/cases/{number}/files",
        data={"requirement": "kk", "file": pdf("kk.pdf")},
        headers=bearer(tokens["kelurahan"]),
    )
    assert uploaded.status_code == 201, uploaded.content
    version = uploaded.json()["version"]

    steps = [
        ("kelurahan", "ajukan", 0),
        ("kecamatan", "lengkap", 2),
        ("kecamatan", "ajukan-camat", 1),
        ("camat", "tandatangani", 3),
        ("camat", "kembalikan-kecamatan", 1),
        ("kecamatan", "kirim-kelurahan", 3),
    ]
    body = {}
    for who, action, minutes in steps:
        clock.advance(minutes=minutes)
        response = act(client, tokens[who], number, action, version)
        assert response.status_code == 200, (action, response.content)
        body = response.json()
        version = body["version"]

    assert body["status"] == "completed"
    assert body["tasks"] == [] and body["actions"] == []
    kinds = [event["kind"] for event in body["timeline"]]
    assert "returned" in kinds and "resubmitted" in kinds and kinds[-1] == "ended"
    [penyelesaian] = body["clocks"]
    # 3 minutes before the return and 10 after the resubmission, against a limit of 15; the hour
    # the file spent back at the kelurahan does not count.
    assert penyelesaian["elapsed_seconds"] == 13 * 60
    assert penyelesaian["state"] == "met"
    stored = SlaClock.objects.get(target_id__isnull=False, step_id="penyelesaian")
    intervals = list(SlaInterval.objects.filter(clock=stored).order_by("started_at"))
    assert len(intervals) == 2
    pause = intervals[1].started_at - intervals[0].ended_at
    assert pause.total_seconds() == 57 * 60
    total = stored.stopped_at - stored.started_at
    assert penyelesaian["elapsed_seconds"] < total.total_seconds()
