"""The account's own pages: profile and privacy. allauth serves sign-up, login and resets."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import profile_of


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/profile.html", {"profile": profile_of(request.user)})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/privacy.html")
