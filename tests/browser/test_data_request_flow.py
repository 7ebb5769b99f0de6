"""The engagement flow end to end in headless Chromium, as people do it: a person signs up and
verifies the address through the delivered mail, asks for missing data; a second person says
"I need this too"; the holding organisation answers; the first person gets the alert by mail.
"""

from __future__ import annotations

import pytest

from catalogue.models import Organisation
from participation.services import grant_membership
from tests.accounts import create_account
from tests.smtp import MailSink, link_in

from .flows import log_in, sign_up_and_verify
from .person import Person

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Hourly noise levels near schools"


def test_request_voted_answered_and_alerted(person: Person, smtp: MailSink) -> None:
    holder = Organisation.objects.create(name="City Environment Office", slug="city-env")
    voter = create_account(email="voter@example.org", name="Second Person")
    editor = create_account(email="editor@example.org", name="Office Editor")
    grant_membership(editor, organisation=holder, role="editor")

    sign_up_and_verify(person, smtp, "asker@example.org")
    log_in(person, "asker@example.org")
    person.visit("/requests/new/")
    person.fill("What data or API do you need?", TITLE)
    person.fill("Describe it", "Decibel readings per hour, per school street.")
    person.choose("Who probably holds it (optional)", "City Environment Office")
    person.press("Post the request")
    person.sees(TITLE, "City Environment Office")
    request_path = person.path
    person.leave()

    log_in(person, voter.email)
    person.visit(request_path)
    person.press("I need this too")
    person.sees("I need this too (take my vote back)")
    person.leave()

    log_in(person, editor.email)
    person.visit(request_path)
    person.fill("Response", "We measure this; we will publish it next month.")
    person.press("Publish the response")
    person.sees("We measure this; we will publish it next month.")
    person.leave()

    mail = smtp.wait_for_mail(to="asker@example.org", subject="City Environment Office")
    person.visit(link_in(mail, request_path))
    person.sees(TITLE, "We measure this; we will publish it next month.")
