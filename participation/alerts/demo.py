"""Demo follows: a demo account following a few real demo entries, a theme and one search."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import QueryDict

from catalogue.models import Entry, Theme

from .models import SavedSearch
from .services import follow_create, saved_search_create

DEMO_EMAIL = "follower@demo.example.org"


def seed_demo() -> str:
    """Idempotent: running it twice changes nothing the second time."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username="demo-follower", defaults={"email": DEMO_EMAIL}
    )
    if user.has_usable_password():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    entries = list(Entry.objects.published().order_by("entry_type", "pk")[:3])
    for entry in entries:
        follow_create(user=user, target_type="entry", target=entry)
    theme = Theme.objects.filter(code="ENVI").first()
    if theme is not None:
        follow_create(user=user, target_type="theme", target=theme, frequency="weekly")
    if not SavedSearch.objects.filter(user=user).exists():
        saved_search_create(
            user=user, params=QueryDict("q=air quality"), name="Air quality", frequency="daily"
        )
    return f"alerts: {len(entries)} entries, {'1' if theme else '0'} theme and 1 search followed"
