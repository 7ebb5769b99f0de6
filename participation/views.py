"""The account's own pages: profile, privacy, download and deletion of one's data.

allauth serves sign-up, login, e-mail addresses, password change and reset; memberships
(membership_views) and API tokens (token_views) have their own modules. A form sent with
errors is answered 400 with the form and its messages, never a 500.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, ProfileForm
from .personal_data import personal_data_parts
from .selectors import memberships_of, profile_of, tokens_of
from .services import delete_account, profile_update


def _initial(profile: Any) -> dict[str, Any]:
    return {
        "display_name": profile.display_name,
        "organisation_name": profile.organisation_name,
        "interest_themes": list(profile.interest_themes.values_list("pk", flat=True)),
        "interest_countries": list(profile.interest_countries.values_list("pk", flat=True)),
    }


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user_profile = profile_of(request.user)
    form = ProfileForm(request.POST or None, initial=_initial(user_profile))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            profile_update(
                request.user,
                display_name=data["display_name"],
                organisation_name=data["organisation_name"],
                themes=data["interest_themes"],
                countries=data["interest_countries"],
            )
            messages.success(request, _("Your profile is saved."))
            return redirect("participation:profile")
        status = 400
    context = {
        "profile": user_profile,
        "form": form,
        "memberships": memberships_of(request.user),
        "token_count": tokens_of(request.user).filter(revoked_at=None).count(),
    }
    return render(request, "participation/profile.html", context, status=status)


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/privacy.html")


@login_required
def data_download(request: HttpRequest) -> HttpResponse:
    """Everything held about the person, from every registered part, as one JSON file."""
    document = {
        "generated_at": timezone.now(),
        "account_id": request.user.pk,
        **{part.key: part.export(request.user) for part in personal_data_parts()},
    }
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """Asks for the password, then erases every registered part and the account itself."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            delete_account(user)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("/")
        return render(request, "participation/account_delete.html", {"form": form}, status=400)
    return render(request, "participation/account_delete.html", {"form": form})
