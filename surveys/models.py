"""SKM responses, the working time stopped clocks took, and the evaluation duties of a standard.

The rules (means, index, grades, sample sizes, periods) live in pelayan.lib.skm; these tables hold
what respondents answered and what the workspace scheduled. No response carries personal data:
the profile the regulation asks (age, sex, education, occupation) is optional and never a name.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pelayan.lib.skm import CODES


class ResponseChannel(models.TextChoices):
    LINK = "link", _("Tautan setelah permohonan selesai")
    KIOSK = "kiosk", _("Mesin SKM di loket")
    PAPER = "paper", _("Formulir kertas")
    IMPORT = "import", _("Impor berkas")


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/sederajat")
    DIPLOMA = "diploma", _("D1/D2/D3/D4")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2")
    S3 = "s3", _("S3")


class Occupation(models.TextChoices):
    PNS = "pns", _("PNS")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("POLRI")
    PRIVATE = "swasta", _("Swasta")
    SELF_EMPLOYED = "wirausaha", _("Wirausaha")
    STUDENT = "pelajar", _("Pelajar/Mahasiswa")
    OTHER = "lainnya", _("Lainnya")


AGE_MIN = 10
AGE_MAX = 120
SUGGESTION_MAX = 2000


def _answer_field(code: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(code, null=True, blank=True)


class SurveyResponse(models.Model):
    """One respondent's answers. ``case`` is set for the link sent when a case ends: one response
    per finished case. ``answered_on`` is the day the form was filled in (for paper forms and
    imports, the day staff give), in the agency's zone; reports and periods read it."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="skm_responses")
    service = models.ForeignKey("standards.Service", on_delete=models.PROTECT, related_name="skm_responses")
    case = models.OneToOneField(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="skm_response"
    )
    channel = models.CharField(_("cara pengisian"), max_length=10, choices=ResponseChannel.choices)
    u1 = _answer_field("U1")
    u2 = _answer_field("U2")
    u3 = _answer_field("U3")
    u4 = _answer_field("U4")
    u5 = _answer_field("U5")
    u6 = _answer_field("U6")
    u7 = _answer_field("U7")
    u8 = _answer_field("U8")
    u9 = _answer_field("U9")
    age = models.PositiveSmallIntegerField(_("umur"), null=True, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=10, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=10, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("saran dan masukan"), blank=True)
    answered_on = models.DateField(_("tanggal pengisian"))
    submitted_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        ordering = ["-answered_on", "-id"]
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        constraints = [
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{code.lower()}__isnull": True})
                    | Q(**{f"{code.lower()}__gte": 1, f"{code.lower()}__lte": 4}),
                    name=f"skmresponse_{code.lower()}_1_to_4",
                )
                for code in CODES
            ],
            models.CheckConstraint(
                condition=Q(channel__in=ResponseChannel.values), name="skmresponse_channel_known"
            ),
            models.CheckConstraint(
                condition=Q(age__isnull=True) | Q(age__gte=AGE_MIN, age__lte=AGE_MAX),
                name="skmresponse_age_range",
            ),
            models.CheckConstraint(condition=Q(sex="") | Q(sex__in=Sex.values), name="skmresponse_sex_known"),
            models.CheckConstraint(
                condition=Q(education="") | Q(education__in=Education.values),
                name="skmresponse_education_known",
            ),
            models.CheckConstraint(
                condition=Q(occupation="") | Q(occupation__in=Occupation.values),
                name="skmresponse_occupation_known",
            ),
            models.CheckConstraint(
                condition=Q(case__isnull=True) | Q(channel=ResponseChannel.LINK),
                name="skmresponse_case_by_link",
            ),
        ]
        # Covering (PostgreSQL): the index of a period is computed from the index alone.
        indexes = [
            models.Index(
                fields=["service", "answered_on"],
                include=["channel", *[code.lower() for code in CODES]],
                name="skmresponse_service_day",
            ),
            models.Index(fields=["agency", "answered_on"]),
        ]

    def __str__(self) -> str:
        return f"SKM {self.service_id} {self.answered_on:%Y-%m-%d} #{self.pk}"

    def answers(self) -> dict[str, int | None]:
        return {code: getattr(self, code.lower()) for code in CODES}


class ClockMeasure(models.Model):
    """The working time a stopped SLA clock took and the time it promised, in seconds (real
    seconds for limits in calendar days), measured once with the agency's calendar: a stopped
    clock never changes, so reports read these figures instead of replaying every interval."""

    clock = models.OneToOneField("calendars.SlaClock", on_delete=models.CASCADE, related_name="skm_measure")
    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey("standards.Service", null=True, on_delete=models.CASCADE, related_name="+")
    target_type = models.CharField(max_length=100)
    step_id = models.CharField(max_length=64, blank=True)
    stopped_at = models.DateTimeField()
    met = models.BooleanField()
    elapsed_seconds = models.BigIntegerField()
    budget_seconds = models.BigIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(elapsed_seconds__gte=0, budget_seconds__gte=0),
                name="clockmeasure_seconds_positive",
            ),
        ]
        # Covering (PostgreSQL): a report's histogram is read from the index alone.
        indexes = [
            models.Index(
                fields=["service", "stopped_at"],
                include=["target_type", "step_id", "elapsed_seconds", "budget_seconds", "met"],
                name="clockmeasure_service_stopped",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clock_id}: {self.elapsed_seconds}/{self.budget_seconds}"


class TaskKind(models.TextChoices):
    MEETING = "meeting", _("Rapat evaluasi")
    MONITORING = "monitoring", _("Monitoring dan evaluasi")
    EVALUATION = "evaluation", _("Evaluasi kinerja pelaksana")
    SURVEY = "survey", _("Survei Kepuasan Masyarakat")


class EvaluationTask(models.Model):
    """One evaluation duty of a standard for one period (the monthly meeting of January 2026),
    due at the end of its period; done when staff record its notes."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey(
        "standards.Service", on_delete=models.CASCADE, related_name="evaluation_tasks"
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=TaskKind.choices)
    text = models.TextField(_("ketentuan standar"))
    period_key = models.CharField(_("periode"), max_length=7)
    starts_on = models.DateField()
    due_on = models.DateField(_("batas waktu"))
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("tugas evaluasi")
        verbose_name_plural = _("tugas evaluasi")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "kind", "period_key"], name="evaluationtask_one_per_period"
            ),
            models.CheckConstraint(condition=Q(kind__in=TaskKind.values), name="evaluationtask_kind_known"),
            models.CheckConstraint(
                condition=Q(due_on__gt=models.F("starts_on")), name="evaluationtask_due_after_start"
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | ~Q(notes=""), name="evaluationtask_done_with_notes"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_key}"
