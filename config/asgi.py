"""The ASGI application; refuses to serve in production without PELAYAN_SECRET_KEY."""

import os

from django.core.asgi import get_asgi_application

from config.secret_key import secret_key_require

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()
# Serving requests needs the real key in production (config.secret_key); gunicorn stops here.
secret_key_require("runserver")
