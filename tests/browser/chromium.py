"""Debian's Chromium driven through Debian's ChromeDriver (both installed by `make
install-test`), never a browser that Selenium Manager would download: the binary and the
driver are named, and Selenium Manager is told to stay offline and send no statistics.

The flags are the ones that make Chromium start cleanly on a closed network as root: no
sandbox, no GPU, none of its background connections to Google's hosts, a new empty profile.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
)


def _require_chromium() -> None:
    """No skip: `make install-test` installs both, so their absence is a failure to fix."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} missing: the browser tests need Debian's chromium and "
            "chromium-driver packages; `make install-test` installs them.",
            pytrace=False,
        )


@contextmanager
def chromium(*, javascript: bool = True) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a profile of its own, removed afterwards."""
    _require_chromium()
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never fetch anything
    os.environ.setdefault("SE_AVOID_STATS", "true")  # and report nothing
    profile = tempfile.mkdtemp(prefix="catalogue-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    service = Service(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
