"""Settings for the test suite: the project's settings in the ``test`` environment.

Tests run with DEBUG off, like production, but need no secret: ``PELAYAN_ENV=test`` is what allows
the built-in key there, and it is set here (and so for the commands tests start as subprocesses)
rather than left to whoever runs pytest.
"""

import os

os.environ["PELAYAN_ENV"] = "test"

from config.settings import *  # noqa: F403

# Tests log in and fail to log in many times; the production hasher costs ~0.4 s per attempt.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
