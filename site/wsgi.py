"""The WSGI entry point (gunicorn, make run)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the URL and template machinery) lives as long as
# the process: keep it out of the garbage collector's full passes, which otherwise rescan all
# of it and stall whichever request triggers one.
gc.freeze()
