"""Public pages: the list with its facets, posting a request, a request's page, voting,
and the holder's response and status forms. Thin: forms check input, services write,
selectors read; every refusal is a page with a message and a 4xx status.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from participation.numbers import is_decimal
from participation.posting import PostingRefused, posting_refusal, refusal_response

from . import selectors, services
from .forms import RequestForm, ResponseForm, StatusForm, VoteForm
from .models import DataRequest

PAGE_SIZE = 20
MAX_PAGE = 1000


def _query_string(filters: dict[str, str], **changes: Any) -> str:
    """The list's address with ``changes`` applied, every other filter kept."""
    params = {**filters, **changes}
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _facet_links(query: selectors.RequestQuery) -> dict[str, list[dict[str, Any]]]:
    keep = {**query.filters, "sort": query.sort}
    facets = selectors.facet_counts(query)
    for name, values in facets.items():
        for value in values:
            value["url"] = _query_string(
                keep, **{name: "" if value["selected"] else value["value"]}
            )
    return facets


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    query = selectors.RequestQuery.from_params(request.GET)
    if query.errors:
        messages.error(request, _("Some filters were not understood and were left out."))
    page_raw = request.GET.get("page", "1")
    number = int(page_raw) if is_decimal(page_raw) and len(page_raw) < 5 else 1
    paginator = Paginator(selectors.request_list(query), PAGE_SIZE)
    page = paginator.get_page(min(number, MAX_PAGE))
    keep = {**query.filters, "sort": query.sort}
    context = {
        "page": page,
        "query": query,
        "facets": _facet_links(query),
        "sort_links": {sort: _query_string(query.filters, sort=sort) for sort in selectors.SORTS},
        "previous_url": _query_string(keep, page=page.number - 1) if page.has_previous() else "",
        "next_url": _query_string(keep, page=page.number + 1) if page.has_next() else "",
        "clear_url": _query_string({}, sort=query.sort),
    }
    return render(request, "data_requests/list.html", context)


@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    """GET: the form (signed-in people only). POST: post it, or show it again with errors."""
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?{urlencode({'next': request.path})}")
    if request.method == "GET":
        return render(request, "data_requests/new.html", {"form": RequestForm()})
    refusal = posting_refusal(request, action="data-request")
    if refusal is not None:
        return refusal_response(request, refusal)
    form = RequestForm(request.POST)
    if not form.is_valid():
        return render(request, "data_requests/new.html", {"form": form}, status=400)
    created = services.post_request(author=request.user, **form.cleaned_data)
    messages.success(request, _("Your request is posted. Others can now say they need it too."))
    return redirect(created)


def _request_or_404(pk: int) -> DataRequest:
    found = selectors.request_get(pk)
    if found is None:
        raise Http404(_("No request here."))
    return found


def _detail_context(request: HttpRequest, item: DataRequest, **forms: Any) -> dict[str, Any]:
    user = request.user
    organisation_ids = selectors.responding_organisation_ids(user, item)
    may_move = selectors.may_change_status(user, item)
    response_form = forms.get("response_form")
    if response_form is None and organisation_ids:
        response_form = ResponseForm(organisation_ids=organisation_ids)
    status_form = forms.get("status_form")
    if status_form is None and may_move:
        status_form = StatusForm(initial={"status": item.status})
    return {
        "item": item,
        "voted": selectors.has_voted(user, item),
        "history": list(item.status_changes.select_related("by__profile")),
        "responses": list(item.responses.select_related("organisation", "author__profile")),
        "response_form": response_form,
        "status_form": status_form,
    }


@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request_or_404(pk)
    return render(request, "data_requests/detail.html", _detail_context(request, item))


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """ "I need this too" and its undo, as a plain form: no script needed."""
    item = _request_or_404(pk)
    refusal = posting_refusal(request, action="vote")
    if refusal is not None:
        return refusal_response(request, refusal)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The vote was not understood; nothing changed."))
        return redirect(item)
    if form.cleaned_data["action"] == "vote":
        services.vote(request=item, user=request.user)
        messages.success(request, _("Counted: you need this too."))
    else:
        services.unvote(request=item, user=request.user)
        messages.success(request, _("Your vote is taken back."))
    return redirect(item)


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    return refusal_response(request, PostingRefused(message, status=403))


@require_POST
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request_or_404(pk)
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?{urlencode({'next': item.get_absolute_url()})}")
    organisation_ids = selectors.responding_organisation_ids(request.user, item)
    if not organisation_ids:
        return _refused(request, _("Only the holder's editors may answer in its name."))
    form = ResponseForm(request.POST, organisation_ids=organisation_ids)
    if not form.is_valid():
        context = _detail_context(request, item, response_form=form)
        return render(request, "data_requests/detail.html", context, status=400)
    services.respond(
        request=item,
        organisation=form.cleaned_data["organisation"],
        by=request.user,
        body=form.cleaned_data["body"],
    )
    messages.success(request, _("The response is published; the people who asked are told."))
    return redirect(item)


@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request_or_404(pk)
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?{urlencode({'next': item.get_absolute_url()})}")
    if not selectors.may_change_status(request.user, item):
        return _refused(request, _("Only the holder's editors and moderators set the status."))
    form = StatusForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, item, status_form=form)
        return render(request, "data_requests/detail.html", context, status=400)
    services.change_status(
        request=item,
        by=request.user,
        status=form.cleaned_data["status"],
        note=form.cleaned_data["note"],
        entry=form.cleaned_data["answered_by"],
        decline_reason=form.cleaned_data["decline_reason"],
    )
    messages.success(request, _("The status is saved; the people who asked are told."))
    return redirect(item)
