"""Refuse requests whose path or query carries a control character (NUL above all).

PostgreSQL cannot store or compare a NUL in text, so ``/themes/%00/`` reached the database
and answered 500; no URL of the site ever needs a control character. The answer is a 400
with a message, in JSON for the APIs: CKAN's envelope on the CKAN Action API (what ckanapi
turns into an exception), interop.api.http.error_response's shape on the REST API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A query may carry pasted text: tab and line breaks stay allowed there.
QUERY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CKAN_PREFIXES = ("/api/3/action/", "/api/action/")


def has_control_characters(request: HttpRequest) -> bool:
    query = unquote(request.META.get("QUERY_STRING", "").replace("+", " "), errors="replace")
    return bool(CONTROL.search(request.path) or QUERY_CONTROL.search(query))


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not has_control_characters(request):
            return self.get_response(request)
        message = _("The address contains a control character (such as %00): not allowed.")
        if request.path.startswith(CKAN_PREFIXES):
            error = {"__type": "Bad Request", "message": message}
            return JsonResponse({"success": False, "error": error}, status=400)
        if request.path.startswith("/api/"):
            body = json.dumps({"error": {"message": message, "parameter": None}})
            return HttpResponse(body, status=400, content_type="application/json")
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
