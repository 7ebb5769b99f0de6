"""Atom feeds: the newest requests, and one request's history (status changes, responses).

Django's syndication framework writes the XML (escaping included); the pages link to them
with ``<link rel="alternate">`` so feed readers find them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import DataRequest

FEED_LENGTH = 30


class NewestRequestsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Newest requests for data and APIs")

    def link(self) -> str:
        return reverse("data_requests:list")

    def subtitle(self) -> str:
        return _("Data and APIs people ask for that are not published yet.")

    def items(self) -> Any:
        return DataRequest.objects.order_by("-created_at", "-id")[:FEED_LENGTH]

    def item_title(self, item: DataRequest) -> str:
        return item.title

    def item_description(self, item: DataRequest) -> str:
        return item.description

    def item_pubdate(self, item: DataRequest) -> datetime:
        return item.created_at

    def item_updateddate(self, item: DataRequest) -> datetime:
        return item.updated_at


class RequestFeed(Feed):  # type: ignore[type-arg]
    """What happened to one request, newest first: each status change and each response."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int) -> DataRequest:
        found = DataRequest.objects.filter(pk=pk).first()
        if found is None:
            raise Http404(_("No request here."))
        return found

    def title(self, obj: DataRequest) -> str:
        return _("Request: %(title)s") % {"title": obj.title}

    def link(self, obj: DataRequest) -> str:
        return obj.get_absolute_url()

    def subtitle(self, obj: DataRequest) -> str:
        return _("Status changes and organisations' responses.")

    def items(self, obj: DataRequest) -> list[dict[str, Any]]:
        url = obj.get_absolute_url()
        events: list[dict[str, Any]] = [
            {
                "id": f"status-{change.pk}",
                "title": _("Status: %(status)s") % {"status": change.get_status_to_display()},
                "body": change.note,
                "at": change.at,
                "link": f"{url}#status-{change.pk}",
            }
            for change in obj.status_changes.order_by("-at")[:FEED_LENGTH]
        ]
        events += [
            {
                "id": f"response-{response.pk}",
                "title": _("Response from %(organisation)s")
                % {"organisation": response.organisation.name},
                "body": response.body,
                "at": response.created_at,
                "link": f"{url}#response-{response.pk}",
            }
            for response in obj.responses.select_related("organisation").order_by("-created_at")[
                :FEED_LENGTH
            ]
        ]
        return sorted(events, key=lambda event: event["at"], reverse=True)[:FEED_LENGTH]

    def item_title(self, item: dict[str, Any]) -> str:
        return str(item["title"])

    def item_description(self, item: dict[str, Any]) -> str:
        return str(item["body"])

    def item_link(self, item: dict[str, Any]) -> str:
        return str(item["link"])

    def item_pubdate(self, item: dict[str, Any]) -> datetime:
        return item["at"]  # type: ignore[no-any-return]
