"""RSS 2.0 and Atom 1.0 feeds of new and updated entries (django.contrib.syndication).

One feed class per scope — the whole catalogue, one entry type, one organisation, one search —
each with an Atom twin. Items are ordered by last modification, so an updated entry comes
back to the top of its readers' feeds; the Atom ``updated`` date says when.

The search feed takes exactly the search page's parameters (``search.params``) and asks the
search service, so a saved search becomes a feed; bad parameters answer 400.
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext_lazy as _

from catalogue.models import Entry, Organisation
from catalogue.public_url import absolute_url
from catalogue.registry import EntryTypeSpec, entry_types
from search.params import parse_search_params
from search.query import SearchInputError, Sort
from search.service import search_entries

from .api.http import conditional

FEED_SIZE = 50


def _feed_entries(queryset: Any) -> list[Entry]:
    return list(queryset.select_related("publisher").order_by("-modified", "-id")[:FEED_SIZE])


class _EntryFeed(Feed[Entry, Any]):  # the object is a type, an organisation or a search
    """What every feed shares: how an entry becomes an item."""

    feed_type = Rss201rev2Feed
    description_template = None

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The feed with validators: a reader's If-None-Match/If-Modified-Since get a 304."""
        response = super().__call__(request, *args, **kwargs)
        return cast(HttpResponse, conditional(request, response))

    def get_feed(self, obj: Any, request: HttpRequest) -> SyndicationFeed:
        # Every link is absolute on the public base (catalogue.public_url), the feed's own too.
        feed = super().get_feed(obj, request)
        link = self._get_dynamic_attr("link", obj)  # type: ignore[attr-defined]
        feed.feed["link"] = iri_to_uri(absolute_url(link, request))
        feed.feed["feed_url"] = absolute_url(request.path, request)
        return feed

    def item_title(self, item: Entry) -> str:
        return str(item.title)

    def item_description(self, item: Entry) -> str:
        return str(item.summary)

    def item_link(self, item: Entry) -> str:
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item: Entry) -> str:
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item: Entry) -> Any:
        return item.issued or item.created_at

    def item_updateddate(self, item: Entry) -> Any:
        return item.modified or item.updated_at

    def item_author_name(self, item: Entry) -> str:
        return str(item.publisher.name)

    def item_author_link(self, item: Entry) -> str:
        return absolute_url(item.publisher.get_absolute_url())

    def item_categories(self, item: Entry) -> list[str]:
        label = entry_types.get(item.entry_type).label
        return [str(label), *[str(k) for k in item.keywords or []]]


class LatestEntriesFeed(_EntryFeed):
    title = _("New and updated entries")
    description = _("Datasets, APIs, PPP projects and challenges, newest first.")
    link = "/"

    def items(self) -> list[Entry]:
        return _feed_entries(Entry.objects.published())


class EntryTypeFeed(_EntryFeed):
    def get_object(self, request: HttpRequest, type_path: str) -> EntryTypeSpec:
        spec = entry_types.by_path(type_path)
        if spec is None:
            raise Http404(_("No such kind of entry."))
        return spec

    def title(self, obj: EntryTypeSpec) -> str:
        return _("New and updated: %(type)s") % {"type": obj.label}

    def description(self, obj: EntryTypeSpec) -> str:
        return self.title(obj)

    def link(self, obj: EntryTypeSpec) -> str:
        return reverse(obj.list_url_name)

    def items(self, obj: EntryTypeSpec) -> list[Entry]:
        return _feed_entries(Entry.objects.published().of_type(obj.key))


class OrganisationFeed(_EntryFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Organisation:
        return Organisation.objects.get(slug=slug)  # DoesNotExist: the Feed answers 404

    def title(self, obj: Organisation) -> str:
        return _("New and updated from %(name)s") % {"name": obj.name}

    def description(self, obj: Organisation) -> str:
        return self.title(obj)

    def link(self, obj: Organisation) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Organisation) -> list[Entry]:
        return _feed_entries(Entry.objects.published().filter(publisher=obj))


class SearchFeed(_EntryFeed):
    """A search as a feed: the newest matches of ``/search/?<same parameters>``."""

    title = _("New and updated entries matching a search")
    description = _("The newest entries matching your search.")

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchInputError as error:
            return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")

    def get_object(self, request: HttpRequest) -> dict[str, Any]:
        query = parse_search_params(request.GET)
        query = dataclasses.replace(query, sort=Sort.NEWEST, page=1, page_size=FEED_SIZE)
        return {"query": query, "querystring": request.GET.urlencode()}

    def link(self, obj: dict[str, Any]) -> str:
        return "/search/?" + obj["querystring"] if obj["querystring"] else "/search/"

    def items(self, obj: dict[str, Any]) -> list[Entry]:
        hits = search_entries(obj["query"]).hits
        entries = (
            Entry.objects.published()
            .select_related("publisher")
            .in_bulk([hit.entry_id for hit in hits])
        )
        return [entries[hit.entry_id] for hit in hits if hit.entry_id in entries]


def _atom(feed_class: type[_EntryFeed]) -> type[_EntryFeed]:
    """The Atom twin of a feed: same items, Atom's ``updated`` and ``subtitle``."""

    class AtomFeed(feed_class):  # type: ignore[valid-type, misc]
        feed_type = Atom1Feed

        def subtitle(self, obj: Any = None) -> str:
            description = feed_class.description
            return description(self, obj) if callable(description) else str(description)

    AtomFeed.__name__ = f"Atom{feed_class.__name__}"
    AtomFeed.__qualname__ = AtomFeed.__name__
    return AtomFeed


LatestEntriesAtomFeed = _atom(LatestEntriesFeed)
EntryTypeAtomFeed = _atom(EntryTypeFeed)
OrganisationAtomFeed = _atom(OrganisationFeed)
SearchAtomFeed = _atom(SearchFeed)
