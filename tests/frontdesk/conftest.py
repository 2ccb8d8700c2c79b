"""Fixtures for the front office: the demo agencies (with their desks, queue lines and Banten's
health-protocol checklist) and their logins."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from frontdesk.models import Counter, QueueLine
from standards.demo import load_demo
from standards.models import Agency


@pytest.fixture
def demo(db):
    return load_demo(with_users=True)


def login(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def banten(demo) -> Agency:
    return Agency.objects.get(slug="perkim-banten")


@pytest.fixture
def kalbar(demo) -> Agency:
    return Agency.objects.get(slug="kesra-kalbar")


def line(agency: Agency, prefix: str) -> QueueLine:
    return QueueLine.objects.get(agency=agency, prefix=prefix)


def counter(agency: Agency, number: int) -> Counter:
    return Counter.objects.get(agency=agency, number=number)
