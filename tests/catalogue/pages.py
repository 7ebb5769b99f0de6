"""Helpers shared by the public page tests (test_pages_*.py)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone

HOSTILE_TITLE = '<script>alert("x")</script> Tom & "Jerry" <img src=x onerror=alert(7)>'


def page_text(response: HttpResponse) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def now() -> dt.datetime:
    return timezone.now()
