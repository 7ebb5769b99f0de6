"""Steps that several browser flows share: a person signs up and verifies the address from
the mail, signs in, signs out. A new flow (data requests: one person asks, another votes,
the organisation answers) is a sibling test file that strings these together with its own.
"""

from __future__ import annotations

from tests.accounts import PASSWORD
from tests.smtp import MailSink, link_in

from .person import Person


def sign_up_and_verify(person: Person, smtp: MailSink, email: str) -> None:
    """Through allauth's real forms: sign up, read the mail, open its link, confirm.

    Ends signed out, as someone who closed the browser after confirming, so the next step is
    a real sign-in whatever allauth does after a confirmation.
    """
    person.visit("/accounts/signup/")
    person.fill("Email", email)
    person.fill("Password (again)", PASSWORD)
    person.fill("Password", PASSWORD)
    person.press("Sign Up")
    person.sees("Verify Your Email Address")
    mail = smtp.wait_for_mail(to=email, subject="Confirm Your Email Address")
    person.visit(link_in(mail, "/accounts/confirm-email/"))
    person.sees(email)
    person.press("Confirm")
    person.sees(f"You have confirmed {email}.")
    person.leave()


def log_in(person: Person, email: str, password: str = PASSWORD) -> None:
    """Sign in with the e-mail address and land on one's own account page."""
    person.visit("/accounts/login/")
    person.fill("Email", email)
    person.fill("Password", password)
    person.press("Sign In")
    assert person.path.startswith("/account/"), f"not signed in: at {person.path}"
    person.sees("Sign out")
