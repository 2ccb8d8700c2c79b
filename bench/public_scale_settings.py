"""Settings for bench_public_scale.py: the project's settings with the bench's URLs, which add a
bare view beside the real ones. Never used in production."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "public_scale_urls"
