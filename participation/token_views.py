"""The account's personal API tokens: make one (shown once), list them, revoke one.

The new token is shown on the page that answers the POST, never stored in a session or a
message: it exists in clear only in that one response (marked not to be cached).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .forms import TokenForm
from .selectors import tokens_of
from .tokens import create_token, revoke_token


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    context = {"form": form, "tokens": tokens_of(request.user), "new_token": None}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "participation/tokens.html", context, status=400)
        token, raw = create_token(request.user, form.cleaned_data["name"])
        context.update(new_token=token, raw_token=raw, form=TokenForm())
    return render(request, "participation/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if revoke_token(request.user, token_id):
        messages.success(request, _("The token is revoked: it no longer works."))
    else:
        messages.error(request, _("There is no such live token of yours."))
    return redirect("participation:tokens")
