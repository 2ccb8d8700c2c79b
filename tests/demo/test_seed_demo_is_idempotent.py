from django.contrib.auth import get_user_model

from accounts.models import Membership, StaffRole
from audit.models import AuditEvent
from standards.models import Agency, Service, Standard, Unit
from tests.demo.conftest import seed_demo

MODELS = (Agency, Unit, StaffRole, Service, Standard, Membership, AuditEvent)


def counts():
    return {model.__name__: model.objects.count() for model in (*MODELS, get_user_model())}


def test_running_it_twice_changes_nothing_the_second_time_and_says_so(seeded):
    before = counts()

    output = seed_demo()

    assert counts() == before
    assert "already loaded; nothing to do" in output


def test_it_completes_a_demo_loaded_without_logins_when_run_again_with_them(db):
    seed_demo("--no-users")
    assert get_user_model().objects.count() == 0

    output = seed_demo()

    # One login per role, and the unit logins: two kelurahan operators, three bagian staff, the
    # staff of Kedopok's two seksi that follow up complaints.
    assert get_user_model().objects.count() == StaffRole.objects.count() + 7
    assert Standard.objects.count() == 4
    assert "0 agencies" in output
