"""Reading requests: the list with its facets, one request's page, and who may answer.

Every request is public (it asks for public data, and its author chose to ask in public), so
there is one visibility rule: all of them. Facet counts are computed with the other facets'
filters applied, each in one aggregate query, so the list page costs the same for any volume.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from participation.selectors import can_answer_for, is_moderator, organisation_ids_for

from .models import DataRequest, RequestStatus, Vote

SORTS = {
    "votes": ("-vote_count", "-created_at", "-id"),
    "newest": ("-created_at", "-id"),
}
DEFAULT_SORT = "votes"
MAX_FILTER_LENGTH = 120

# facet name -> (lookup the GET value filters on, the value field, the label field)
FACETS: dict[str, tuple[str, str, str]] = {
    "status": ("status", "status", "status"),
    "theme": ("theme__slug", "theme__slug", "theme__name"),
    "country": ("country__code", "country__code", "country__name"),
    "organisation": ("likely_holder__slug", "likely_holder__slug", "likely_holder__name"),
}


@dataclass
class RequestQuery:
    """The list's parameters, read from a query string; bad values are kept as errors."""

    filters: dict[str, str] = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> RequestQuery:
        query = cls()
        for name in FACETS:
            value = str(params.get(name, "") or "").strip()
            if not value:
                continue
            bad_status = name == "status" and value not in RequestStatus.values
            if len(value) > MAX_FILTER_LENGTH or bad_status:
                query.errors.append(name)
            else:
                query.filters[name] = value
        sort = str(params.get("sort", "") or DEFAULT_SORT)
        if sort in SORTS:
            query.sort = sort
        else:
            query.errors.append("sort")
        return query

    def condition(self, *, without: str = "") -> Q:
        condition = Q()
        for name, value in self.filters.items():
            if name != without:
                condition &= Q(**{FACETS[name][0]: value})
        return condition


def _with_related(queryset: QuerySet[DataRequest]) -> QuerySet[DataRequest]:
    return queryset.select_related(
        "likely_holder", "theme", "country", "author__profile", "answered_by"
    )


def request_list(query: RequestQuery) -> QuerySet[DataRequest]:
    queryset = DataRequest.objects.filter(query.condition()).order_by(*SORTS[query.sort])
    return _with_related(queryset)


def facet_counts(query: RequestQuery) -> dict[str, list[dict[str, Any]]]:
    """Each facet's values with counts, the other facets' filters applied: one query each."""
    labels = dict(RequestStatus.choices)
    facets: dict[str, list[dict[str, Any]]] = {}
    for name, (_lookup, value_field, label_field) in FACETS.items():
        fields = [value_field] if value_field == label_field else [value_field, label_field]
        rows = (
            DataRequest.objects.filter(query.condition(without=name))
            .exclude(**{f"{value_field}__isnull": True})
            .values(*fields)
            .annotate(n=Count("id"))
            .order_by("-n", value_field)
        )
        facets[name] = [
            {
                "value": row[value_field],
                "label": str(labels.get(row[value_field], row[value_field]))
                if name == "status"
                else row[label_field],
                "count": row["n"],
                "selected": query.filters.get(name) == row[value_field],
            }
            for row in rows
        ]
    return facets


def request_get(pk: int) -> DataRequest | None:
    return _with_related(DataRequest.objects.filter(pk=pk)).first()


def has_voted(user: Any, request: DataRequest) -> bool:
    if not user.is_authenticated:
        return False
    return Vote.objects.filter(request=request, user=user).exists()


def may_change_status(user: Any, request: DataRequest) -> bool:
    """The likely holder's editors and administrators, and moderators."""
    return is_moderator(user) or can_answer_for(user, request.likely_holder_id)


def responding_organisation_ids(user: Any, request: DataRequest) -> set[int]:
    """The organisations ``user`` may answer in the name of, on this request.

    The likely holder answers for itself; while no holder is known, any organisation's editors
    may say they hold it. Moderators answer for the holder, not for anyone.
    """
    if not user.is_authenticated:
        return set()
    if request.likely_holder_id is not None:
        allowed = can_answer_for(user, request.likely_holder_id) or is_moderator(user)
        return {request.likely_holder_id} if allowed else set()
    return organisation_ids_for(user)
