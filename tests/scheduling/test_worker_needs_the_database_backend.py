"""With any backend but the database one there is no queue for the worker to run."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_worker_refuses_to_start_on_the_immediate_backend():
    with pytest.raises(CommandError, match="database tasks backend"):
        call_command("worker", "--once", verbosity=0)
