"""Browser tests: Debian's headless Chromium against pytest-django's live server, with mail
delivered over SMTP to aiosmtpd on 127.0.0.1.

The live server runs in this process, in a thread, on a real port; the database is
transactional (the server's requests commit), and the tables the migrations fill (licences,
themes, groups, Wagtail's root page) are put back after each test by ``serialized_rollback``.
Tasks (mail, alerts) run at once inside the server's requests with django-tasks' immediate
backend, so a mail has been delivered by the time the page that caused it has loaded.
Each test file marks itself ``slow`` and ``django_db(transaction=True, serialized_rollback=True)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.smtp import MailSink, smtp_server_for

from .chromium import chromium
from .person import Person


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    """One Chromium for the whole run (starting one costs about a second)."""
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser_without_js() -> Iterator[WebDriver]:
    """A second Chromium with JavaScript switched off, as some people browse."""
    with chromium(javascript=False) as driver:
        yield driver


@pytest.fixture
def site_url(live_server: Any, settings: Any) -> str:
    """The live server's address, which every absolute link (mail included) is built on."""
    from django.core.cache import cache

    cache.clear()  # rate-limit counters of earlier tests
    settings.PUBLIC_BASE_URL = str(live_server.url)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PARTICIPATION_RATE_LIMIT = "1000/minute"  # every person here is 127.0.0.1
    return str(live_server.url)


@pytest.fixture
def person(browser: WebDriver, site_url: str) -> Iterator[Person]:
    """Whoever sits at the browser; signed out at the start and the end of every test."""
    someone = Person(browser, site_url)
    someone.leave()
    yield someone
    someone.leave()


@pytest.fixture
def smtp(settings: Any) -> Iterator[MailSink]:
    """The mail server the site delivers to; the tests read what arrived there."""
    with smtp_server_for(settings) as sink:
        yield sink
