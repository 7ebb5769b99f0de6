"""One person at the browser: what they read and what they do, found by the words on the page
(labels, buttons, links, headings) rather than by ids or classes, so a test says what a
person does and fails where a person would be stuck. No step needs JavaScript: forms are
submitted and pages loaded as a plain browser does it.
"""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import ElementClickInterceptedException, NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT_SECONDS = 15


def xpath_literal(text: str) -> str:
    """``text`` as an XPath 1.0 string literal (it has no escape for quotes)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    parts = text.split("'")
    return "concat(" + ', "\'", '.join(f"'{part}'" for part in parts) + ")"


class Person:
    """A browser window and the site's address; every path is relative to that address."""

    def __init__(self, driver: WebDriver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")

    # Reading ---------------------------------------------------------------------------

    @property
    def path(self) -> str:
        url = str(self.driver.current_url)
        return url[len(self.base_url) :] if url.startswith(self.base_url) else url

    def text(self, within: WebElement | None = None) -> str:
        """What the page (or a part of it) shows, as rendered text."""
        return str((within or self.driver.find_element(By.TAG_NAME, "body")).text)

    def sees(self, *texts: str, within: WebElement | None = None) -> None:
        shown = self.text(within)
        for text in texts:
            assert text in shown, f"{text!r} not shown on {self.path}:\n{shown[:3000]}"

    def section(self, heading: str) -> WebElement:
        """The section (or article) named by a heading whose text starts with ``heading``."""
        literal = xpath_literal(heading)
        return self._find(
            f"//*[self::section or self::article][@aria-labelledby = "
            f"//*[self::h1 or self::h2 or self::h3]"
            f"[starts-with(normalize-space(.), {literal})]/@id]",
            f"a section headed {heading!r}",
        )

    # Doing -----------------------------------------------------------------------------

    def visit(self, path: str) -> None:
        self.driver.get(path if "://" in path else self.base_url + path)

    def field(self, label: str, within: WebElement | None = None) -> WebElement:
        """The form control a ``<label>`` starting with ``label`` is for."""
        found = self._find(
            f".//label[starts-with(normalize-space(.), {xpath_literal(label)})]",
            f"a field labelled {label!r}",
            within,
        )
        return self.driver.find_element(By.ID, str(found.get_attribute("for")))

    def fill(self, label: str, value: str, within: WebElement | None = None) -> None:
        control = self.field(label, within)
        control.clear()
        control.send_keys(value)

    def tick(self, label: str, within: WebElement | None = None) -> None:
        """Check a checkbox or choose a radio button, by clicking its label as people do."""
        control = self.field(label, within)
        if not control.is_selected():
            control.click()

    def choose(self, label: str, option: str, within: WebElement | None = None) -> None:
        Select(self.field(label, within)).select_by_visible_text(option)

    def open(self, summary: str, within: WebElement | None = None) -> None:
        """Unfold a ``<details>`` by clicking its summary (native HTML, no script)."""
        found = self._find(
            f".//summary[normalize-space(.) = {xpath_literal(summary)}]",
            f"a fold-out {summary!r}",
            within,
        )
        if found.find_element(By.XPATH, "..").get_attribute("open") is None:
            found.click()

    def press(self, button: str, within: WebElement | None = None) -> None:
        """Click a submit button by its words and wait for the page it leads to."""
        self._and_wait(
            self._find(
                f".//button[starts-with(normalize-space(.), {xpath_literal(button)})]",
                f"a button {button!r}",
                within,
            )
        )

    def follow(self, link: str, within: WebElement | None = None) -> None:
        """Click a link by its words and wait for the page it leads to."""
        self._and_wait(
            self._find(
                f".//a[normalize-space(.) = {xpath_literal(link)}]", f"a link {link!r}", within
            )
        )

    def leave(self) -> None:
        """Close the browser's session (its cookies): the next person starts signed out."""
        self.visit("/")
        self.driver.delete_all_cookies()

    # Plumbing --------------------------------------------------------------------------

    def _find(self, xpath: str, what: str, within: WebElement | None = None) -> WebElement:
        root: Any = within if within is not None else self.driver
        if within is None and xpath.startswith("."):
            xpath = xpath[1:]
        try:
            return root.find_element(By.XPATH, xpath)
        except NoSuchElementException:
            raise AssertionError(f"no {what} on {self.path}:\n{self.text(within)[:3000]}") from None

    def _and_wait(self, element: WebElement) -> None:
        page = self.driver.find_element(By.TAG_NAME, "html")
        try:
            element.click()
        except ElementClickInterceptedException:
            # Something floats over it (Wagtail's user bar for editors): as a keyboard user.
            element.send_keys(Keys.ENTER)
        # ChromeDriver waits for the new page's load before its next command (no script needed,
        # so this holds in a window with JavaScript off).
        WebDriverWait(self.driver, WAIT_SECONDS).until(expected_conditions.staleness_of(page))
