"""Membership of organisations: a person asks for a role; its administrators decide.

Asking goes through the posting rule (participation.posting: a verified, unblocked account,
the rate limit and the honeypot), as every public write does. Deciding is for the
organisation's approved administrators, and for superusers and moderators, who also make each
organisation's first administrator.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import DecisionForm, MembershipRequestForm
from .models import Membership
from .posting import posting_refusal, refusal_response
from .selectors import memberships_of, pending_requests_for, reviewable_organisation_ids
from .services import MembershipError, decide_membership, leave_membership, request_membership


def _page(request: HttpRequest, form: MembershipRequestForm, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "memberships": memberships_of(request.user),
        "may_review": reviewable_organisation_ids(request.user) != set(),
    }
    return render(request, "participation/memberships.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def memberships(request: HttpRequest) -> HttpResponse:
    form = MembershipRequestForm(request.POST or None)
    if request.method != "POST":
        return _page(request, form)
    refusal = posting_refusal(request, action="membership")
    if refusal is not None:
        return refusal_response(request, refusal)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    try:
        request_membership(
            request.user,
            organisation=data["organisation"],
            role=data["role"],
            message=data["message"],
        )
    except MembershipError as error:
        form.add_error("organisation", str(error))
        return _page(request, form, status=400)
    messages.success(
        request,
        _("Your request is sent to the administrators of %(organisation)s.")
        % {"organisation": data["organisation"].name},
    )
    return redirect("participation:memberships")


@login_required
@require_POST
def membership_leave(request: HttpRequest, membership_id: int) -> HttpResponse:
    if leave_membership(request.user, membership_id):
        messages.success(request, _("Your membership is ended."))
    else:
        messages.error(request, _("There is no such membership of yours."))
    return redirect("participation:memberships")


@login_required
def membership_review(request: HttpRequest) -> HttpResponse:
    if reviewable_organisation_ids(request.user) == set():
        return render(request, "participation/membership_review.html", {"pending": []}, status=403)
    return render(
        request,
        "participation/membership_review.html",
        {"pending": pending_requests_for(request.user), "form": DecisionForm()},
    )


@login_required
@require_POST
def membership_decide(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=membership_id
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to decline the request."))
        return redirect("participation:membership_review")
    try:
        decide_membership(
            request.user, membership, approve=form.cleaned_data["decision"] == "approve"
        )
    except MembershipError as error:
        return render(
            request,
            "participation/membership_review.html",
            {"pending": pending_requests_for(request.user), "error": str(error)},
            status=error.status,
        )
    messages.success(request, _("The request is decided; the person is told by e-mail."))
    return redirect("participation:membership_review")
