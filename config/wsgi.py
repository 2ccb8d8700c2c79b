"""The WSGI application; refuses to serve in production without PELAYAN_SECRET_KEY."""

import os

from django.core.wsgi import get_wsgi_application

from config.secret_key import secret_key_require

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# Serving requests needs the real key in production (config.secret_key); gunicorn stops here.
secret_key_require("runserver")
