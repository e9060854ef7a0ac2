"""The WSGI module readies a worker before its first request: the URLconf (and with it the
schema) is loaded, and what is loaded is out of the garbage collector's generations."""

import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import gc, sys
import backend.wsgi
print(sys.modules.get("{urlconf}") is not None, "schema.schema" in sys.modules, gc.get_freeze_count() > 0)
"""


def test_a_fresh_worker_is_ready_before_its_first_request():
    probe = PROBE.format(urlconf=settings.ROOT_URLCONF)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "backend.settings"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True", "True"]
