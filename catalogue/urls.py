"""Public catalogue URLs: a listing and a detail page per entry type, organisations, themes.

Names (namespace ``catalogue``): ``<type>_list`` and ``<type>_detail`` for each entry type
(dataset, api, ppp, challenge), ``organisation_list``, ``organisation_detail``,
``theme_list``, ``theme_detail``.
"""

from django.urls import path

from . import views
from .models import ENTRY_TYPE_PATHS

app_name = "catalogue"

urlpatterns = []
for _entry_type, _path in ENTRY_TYPE_PATHS.items():
    urlpatterns += [
        path(
            f"{_path}/",
            views.entry_list,
            {"entry_type": _entry_type.value},
            name=f"{_entry_type.value}_list",
        ),
        path(
            f"{_path}/<slug:slug>/",
            views.entry_detail,
            {"entry_type": _entry_type.value},
            name=f"{_entry_type.value}_detail",
        ),
    ]

urlpatterns += [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme_detail"),
]
