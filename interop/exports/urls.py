"""URLs of the standard exports; included from the root URLconf before ``catalogue.urls``.

An entry's RDF accepts any type segment: the view answers 404 for one no entry type owns, so
the URLconf needs no list of types.
"""

from django.urls import path, re_path

from . import views

app_name = "standards"

urlpatterns = [
    re_path(r"^catalog\.(?P<fmt>ttl|rdf|xml|jsonld)$", views.catalog, name="catalog"),
    re_path(r"^catalog/?$", views.catalog_root, name="catalog_root"),
    re_path(
        r"^(?P<type_path>[a-z][-a-z0-9]*)/(?P<slug>[-a-zA-Z0-9_]+)"
        r"\.(?P<fmt>ttl|rdf|jsonld)$",
        views.entry,
        name="entry",
    ),
    path("data.json", views.data_json, name="data_json"),
    path("dcat-us-3.json", views.dcat_us_3, name="dcat_us_3"),
    path("ns/eco", views.vocabulary, name="vocabulary"),
    path("ns/", views.vocabulary),
]
