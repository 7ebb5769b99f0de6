"""URLs of the JSON API, included under ``/api/`` by the root URLconf.

Paths take no trailing slash (``/api/v1/datasets``) but tolerate one; anything else under
``/api/v1/`` answers a JSON 404 rather than falling through to the HTML site.
"""

from __future__ import annotations

from django.urls import path, re_path

from . import views

app_name = "api"

# Any segment: the views answer 404 for one that no entry type in the API owns.
_types = "[a-z][-a-z0-9]*"

urlpatterns = [
    path("", views.docs, name="docs"),
    path("openapi.json", views.openapi_document, name="openapi"),
    re_path(r"^v1/search/?$", views.search, name="search"),
    re_path(r"^v1/organisations/?$", views.organisation_list, name="organisation-list"),
    re_path(
        r"^v1/organisations/(?P<slug>[^/]+)/?$",
        views.organisation_detail,
        name="organisation-detail",
    ),
    re_path(r"^v1/themes/?$", views.theme_list, name="theme-list"),
    re_path(r"^v1/themes/(?P<slug>[^/]+)/?$", views.theme_detail, name="theme-detail"),
    re_path(rf"^v1/(?P<type_path>{_types})/?$", views.entry_list, name="entry-list"),
    re_path(
        rf"^v1/(?P<type_path>{_types})/(?P<slug>[^/]+)/?$", views.entry_detail, name="entry-detail"
    ),
    re_path(r"^(?P<rest>v1(/.*)?)$", views.not_found, name="not-found"),
]
