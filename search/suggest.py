"""Autocomplete for the search box: ``GET /api/v1/suggest?q=<what was typed>``.

Answers a few entry titles whose words start with what was typed, from whichever backend
serves search (Elasticsearch's title prefixes, or the database). Works as any API endpoint:
JSON errors, CORS, the rate limit. The search box uses it through a ``<datalist>`` when
JavaScript runs; without JavaScript the box is a plain search form.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from django.urls import re_path
from django.utils.translation import gettext as _

from catalogue.models import Entry
from catalogue.registry import entry_url
from interop.api.http import ApiError, ApiPayload, api_endpoint

from .backends import get_backend
from .params import _clean_text

MAX_PREFIX = 100
DEFAULT_LIMIT = 8
MAX_LIMIT = 20


def database_suggestions(prefix: str, limit: int) -> list[dict[str, str]]:
    """Titles starting with the text, then titles containing it (any backend can use this)."""
    rows = list(
        Entry.objects.published()
        .filter(Q(title__istartswith=prefix) | Q(title__icontains=f" {prefix}"))
        .order_by("-quality_score", "title")
        .values_list("title", "slug", "entry_type")[:limit]
    )
    return [
        {
            "title": title,
            "type": entry_type,
            "url": entry_url(entry_type, slug),
        }
        for title, slug, entry_type in rows
    ]


def suggest_titles(prefix: str, limit: int = DEFAULT_LIMIT) -> list[dict[str, str]]:
    backend = get_backend()
    suggest = getattr(backend, "suggest", None)
    if suggest is not None:
        return list(suggest(prefix, limit))
    return database_suggestions(prefix, limit)


@api_endpoint
def suggest(request: HttpRequest) -> ApiPayload:
    """Titles completing what was typed in the search box."""
    prefix = _clean_text(request.GET.get("q", ""))
    if len(prefix) > MAX_PREFIX:
        raise ApiError(
            400, _("'q' is too long: at most %(n)d characters.") % {"n": MAX_PREFIX}, parameter="q"
        )
    raw_limit = request.GET.get("limit", "") or str(DEFAULT_LIMIT)
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
        raise ApiError(
            400,
            _("'limit' must be a whole number from 1 to %(n)d.") % {"n": MAX_LIMIT},
            parameter="limit",
        )
    suggestions = suggest_titles(prefix, int(raw_limit)) if prefix else []
    return ApiPayload({"query": prefix, "suggestions": suggestions})


app_name = "suggest"
urlpatterns = [re_path(r"^v1/suggest/?$", suggest, name="suggest")]
