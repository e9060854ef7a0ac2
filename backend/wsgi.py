"""The WSGI application gunicorn serves. Each worker loads the whole URLconf — and with it the
GraphQL schema — before its first request instead of during it, then moves everything loaded so
far out of the garbage collector's reach (`gc.freeze`): those objects live as long as the worker,
and a collection no longer walks them. Measured under gunicorn at 1,000,000 disputes: the first
hundred requests of a worker cost 16.8 ms of CPU each instead of 5.2, later ones 5.8 instead of 5.0
(bench/README.md, hot path 4)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018  (imports every view and the schema now)
gc.freeze()
