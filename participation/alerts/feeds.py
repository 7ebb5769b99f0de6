"""A saved search as a feed: the site's own search feed, at a signed address of its own."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from interop.feeds import FEED_SIZE, SearchFeed
from search.params import parse_search_params
from search.query import Sort

from .models import SavedSearch
from .signing import BadSignature, read_feed_token


class SavedSearchFeed(SearchFeed):
    """RSS 2.0 of the newest entries matching one saved search (no sign-in: feed readers
    have none; the address is signed, so saved searches cannot be listed by guessing)."""

    description = _("The newest entries matching a saved search.")

    def get_object(self, request: HttpRequest, token: str = "") -> dict[str, Any]:
        try:
            saved = SavedSearch.objects.get(pk=read_feed_token(token))
        except (BadSignature, SavedSearch.DoesNotExist):
            raise Http404(_("No such saved search.")) from None
        query = parse_search_params(QueryDict(saved.query))
        query = dataclasses.replace(query, sort=Sort.NEWEST, page=1, page_size=FEED_SIZE)
        return {"query": query, "querystring": saved.query, "name": saved.name, "token": token}

    def title(self, obj: dict[str, Any]) -> str:  # type: ignore[override]
        return str(_("Saved search: %(name)s")) % {"name": obj["name"]}

    def link(self, obj: dict[str, Any]) -> str:
        return reverse("search:search") + ("?" + obj["querystring"] if obj["querystring"] else "")
