"""Public catalogue URLs: a listing and a detail page per entry type, organisations, themes.

Names (namespace ``catalogue``): ``<type>_list`` and ``<type>_detail`` for each registered
entry type, ``organisation_list``, ``organisation_detail``,
``theme_list``, ``theme_detail``.
"""

from django.urls import path

from . import views
from .registry import entry_types

app_name = "catalogue"

urlpatterns = []
for _spec in entry_types:
    urlpatterns += [
        path(
            f"{_spec.path}/", views.entry_list, {"entry_type": _spec.key}, name=f"{_spec.key}_list"
        ),
        path(
            f"{_spec.path}/<slug:slug>/",
            views.entry_detail,
            {"entry_type": _spec.key},
            name=f"{_spec.key}_detail",
        ),
    ]

urlpatterns += [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
]
