"""The standard's other evaluation duties (Kedopok's monthly monitoring, Kalbar's monthly
meeting) become workspace tasks for their period, overdue after their due date, done with notes."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEvent
from pelayan.lib.skm import PeriodKind
from standards.models import Service
from surveys import selectors
from surveys.models import EvaluationTask, TaskKind
from surveys.services import SurveyError, evaluation_task_complete, evaluation_tasks_schedule


@pytest.mark.django_db
def test_duties_read_from_each_standard(demo):
    kedopok = Service.objects.get(agency__slug="kec-kedopok")
    kalbar = Service.objects.get(agency__slug="kesra-kalbar")
    banten = Service.objects.get(agency__slug="perkim-banten")
    bangli = Service.objects.get(agency__slug="dpmptsp-bangli")
    assert [(d.kind, d.period_kind) for d in selectors.evaluation_duties(service=kedopok)] == [
        (TaskKind.MONITORING, PeriodKind.MONTH)
    ]
    assert [d.kind for d in selectors.evaluation_duties(service=kalbar)] == [TaskKind.MEETING]
    assert [(d.kind, d.period_kind) for d in selectors.evaluation_duties(service=banten)] == [
        (TaskKind.EVALUATION, PeriodKind.YEAR)
    ]
    assert selectors.evaluation_duties(service=bangli) == []  # after every complaint: no calendar period
    assert selectors.survey_period_kind_for(service=kedopok) is PeriodKind.SEMESTER
    assert selectors.survey_period_kind_for(service=kalbar) is PeriodKind.SEMESTER  # twice a year
    assert selectors.survey_period_kind_for(service=banten) is PeriodKind.YEAR


@pytest.mark.django_db
def test_scheduling_twice_makes_one_task_per_period(demo, kedopok_service):
    assert evaluation_tasks_schedule(service=kedopok_service, today=dt.date(2026, 3, 10)) == 1
    assert evaluation_tasks_schedule(service=kedopok_service, today=dt.date(2026, 3, 28)) == 0
    task = EvaluationTask.objects.get()
    assert (task.period_key, task.starts_on, task.due_on) == (
        "2026-03",
        dt.date(2026, 3, 1),
        dt.date(2026, 4, 1),
    )
    assert AuditEvent.objects.filter(action="skm.evaluation_tasks_scheduled").count() == 1


@pytest.mark.django_db
def test_an_open_task_past_its_period_is_overdue_until_notes_are_written(demo, kedopok_service, as_kecamatan,
                                                                         kecamatan_operator):  # fmt: skip
    evaluation_tasks_schedule(service=kedopok_service, today=dt.date(2025, 1, 15))
    page = as_kecamatan.get("/kerja/skm/kec-kedopok/tugas/").content.decode()
    assert "Terlambat" in page and "skm-task--overdue" in page
    task = EvaluationTask.objects.get()
    with pytest.raises(SurveyError):
        evaluation_task_complete(task=task, actor=kecamatan_operator, notes="  ")
    sent = as_kecamatan.post(
        f"/kerja/skm/kec-kedopok/tugas/{task.pk}/", {"notes": "Rapat monev: antrean dipercepat"}
    )
    assert sent.status_code == 302
    page = as_kecamatan.get("/kerja/skm/kec-kedopok/tugas/").content.decode()
    assert "Terlambat" not in page and "antrean dipercepat" in page
    assert AuditEvent.objects.filter(action="skm.evaluation_task_done", target_id=str(task.pk)).exists()


@pytest.mark.django_db
def test_the_workspace_button_schedules_the_current_period(demo, as_kecamatan):
    assert as_kecamatan.post("/kerja/skm/kec-kedopok/tugas/").status_code == 302
    assert EvaluationTask.objects.filter(kind=TaskKind.MONITORING).count() == 1
