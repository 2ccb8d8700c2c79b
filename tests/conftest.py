"""Shared fixtures: one per role, built through the services like real data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.test.utils import override_settings

from accounts.models import ADMIN_ROLE
from accounts.services import membership_grant
from standards.models import Agency, AgencyKind, Service, ServiceKind, Standard
from standards.services import agency_create, service_create, standard_draft_create
from tests.factories import complete_components, factory_roles_ensure

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_inline():
    """Tasks run inline in tests, whatever the configured backend (the database one by default);
    the worker's tests switch to the database backend themselves."""
    with override_settings(TASKS=IMMEDIATE_TASKS):
        yield


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """The demo's logins hash one password with PBKDF2 (0.7 s of CPU); tests check who may log in,
    not the hash's cost."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def _files_of_the_run(tmp_path_factory) -> Path:
    """Uploaded and signed files, the demo CA and signing identities go to a folder of this run,
    never to the checkout's var/. The demo CA (an RSA key pair) is made once here; a test with a
    signing folder of its own gets a copy through ``demo_ca``."""
    from documents.ca import init_demo_ca

    root = tmp_path_factory.mktemp("pelayan-files")
    with override_settings(MEDIA_ROOT=root / "media", PELAYAN_SIGNING_DIR=root / "signing"):
        init_demo_ca()
        yield root


@pytest.fixture
def demo_ca(_files_of_the_run) -> Path:
    """The run's demo CA in the signing folder in force; returns its certificate (the trust root)."""
    from django.conf import settings

    target = Path(settings.PELAYAN_SIGNING_DIR) / "demo-ca"
    if not (target / "ca.cert.pem").is_file():
        shutil.copytree(_files_of_the_run / "signing" / "demo-ca", target, dirs_exist_ok=True)
    return target / "ca.cert.pem"


@pytest.fixture
def demo_signers(demo, demo_ca):
    """What `make seed` does after loading the demo: every official whose step signs (Kedopok's
    camat) holds a passphrase-free identity from the demo CA, so sign steps are signed for real."""
    from documents.services import demo_signers_ensure

    return demo_signers_ensure()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Counters kept in the cache (tracking lookups per address) start at zero in every test, and
    no test sees a standard's page presented in another (a rolled-back pk is given out again)."""
    from django.core.cache import cache

    from public import standard_cache

    cache.clear()
    standard_cache.clear()
    yield


def _with_roles(agency: Agency) -> Agency:
    factory_roles_ensure(agency)
    return agency


@pytest.fixture
def agency(db) -> Agency:
    return _with_roles(
        agency_create(
            actor=None,
            slug="kec-contoh",
            name="Kecamatan Contoh",
            kind=AgencyKind.KECAMATAN,
            province="Jawa Timur",
            regency="Kota Contoh",
            timezone_name="Asia/Jakarta",
        )
    )


@pytest.fixture
def other_agency(db) -> Agency:
    return _with_roles(
        agency_create(
            actor=None,
            slug="dinas-lain",
            name="Dinas Lain",
            kind=AgencyKind.DINAS,
            province="Bali",
            timezone_name="Asia/Makassar",
        )
    )


@pytest.fixture
def service(agency) -> Service:
    return service_create(agency=agency, name="Surat Pengantar Izin Keramaian", kind=ServiceKind.APPLICATION)


@pytest.fixture
def draft(service) -> Standard:
    return standard_draft_create(service=service, actor=None, components=complete_components())


@pytest.fixture
def agency_admin(agency, django_user_model):
    user = django_user_model.objects.create_user(username="admin-contoh", password="rahasia-contoh-123")
    membership_grant(actor=None, user=user, agency=agency, role_code=ADMIN_ROLE, role_name="Admin Instansi")
    return user


@pytest.fixture
def other_agency_admin(other_agency, django_user_model):
    user = django_user_model.objects.create_user(username="admin-lain", password="rahasia-lain-123")
    membership_grant(
        actor=None, user=user, agency=other_agency, role_code=ADMIN_ROLE, role_name="Admin Instansi"
    )
    return user


@pytest.fixture
def operator(agency, django_user_model):
    user = django_user_model.objects.create_user(username="operator-contoh", password="rahasia-operator-123")
    membership_grant(
        actor=None, user=user, agency=agency, role_code="operator-kecamatan", role_name="Operator Kecamatan"
    )
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(username="super", password="rahasia-super-123")
