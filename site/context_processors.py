from __future__ import annotations

from typing import Any

from django.conf import settings


def site_context(request: Any) -> dict[str, Any]:
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
