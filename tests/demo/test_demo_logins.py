import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from accounts.models import Membership, StaffRole
from standards.demo import DEMO_PASSWORD
from tests.demo.conftest import seed_demo


def test_every_role_of_every_agency_has_one_demo_login_that_holds_it(seeded):
    for role in StaffRole.objects.select_related("agency"):
        user = get_user_model().objects.get(username=f"{role.agency.slug}.{role.code}")

        assert list(Membership.objects.filter(user=user).values_list("role", flat=True)) == [role.pk]


@pytest.mark.parametrize(
    "username",
    [
        "perkim-banten.front-office",
        "kesra-kalbar.petugas-informasi",
        "dpmptsp-bangli.operator-it",
        "kec-kedopok.operator-kecamatan",
        "kec-kedopok.admin",
    ],
)
def test_a_demo_login_signs_in_with_the_shared_demo_password(seeded, client, username):
    assert client.login(
        request=RequestFactory().post("/admin/login/"), username=username, password=DEMO_PASSWORD
    )


def test_only_the_agency_admins_may_use_the_admin_site(seeded):
    staff = set(get_user_model().objects.filter(is_staff=True).values_list("username", flat=True))

    assert staff == {"perkim-banten.admin", "kesra-kalbar.admin", "dpmptsp-bangli.admin", "kec-kedopok.admin"}
    assert not get_user_model().objects.filter(is_superuser=True).exists()


def test_it_prints_the_demo_logins_labelled_for_local_use(seeded):
    assert "Demo logins — for local use only" in seeded
    assert "kec-kedopok.camat" in seeded
    assert DEMO_PASSWORD in seeded


def test_no_users_leaves_the_logins_out(db):
    output = seed_demo("--no-users")

    assert not get_user_model().objects.exists()
    assert "Demo logins" not in output


def test_it_makes_no_logins_outside_a_local_run(db, settings):
    settings.DEBUG = False
    settings.PELAYAN_ENV = "production"

    output = seed_demo()

    assert not get_user_model().objects.exists()
    assert "Demo logins skipped" in output
