"""URLs of the reuse formats: the CKAN Action API, feeds, sitemap and robots.txt, bulk export
and citations. Included by the root URLconf before ``catalogue.urls``."""

from django.urls import include, path, re_path

from . import feeds, sitemaps, views

urlpatterns = [
    path("", include("interop.exports.urls")),  # DCAT-AP 3, data.json, /ns/eco
    path("", include("interop.ckan_api.urls")),
    # Feeds
    path("feeds/entries.rss", feeds.LatestEntriesFeed(), name="feed_entries_rss"),
    path("feeds/entries.atom", feeds.LatestEntriesAtomFeed(), name="feed_entries_atom"),
    path("feeds/search.rss", feeds.SearchFeed(), name="feed_search_rss"),
    path("feeds/search.atom", feeds.SearchAtomFeed(), name="feed_search_atom"),
    path(
        "feeds/organisations/<slug:slug>.rss",
        feeds.OrganisationFeed(),
        name="feed_organisation_rss",
    ),
    path(
        "feeds/organisations/<slug:slug>.atom",
        feeds.OrganisationAtomFeed(),
        name="feed_organisation_atom",
    ),
    path("feeds/<slug:type_path>.rss", feeds.EntryTypeFeed(), name="feed_type_rss"),
    path("feeds/<slug:type_path>.atom", feeds.EntryTypeAtomFeed(), name="feed_type_atom"),
    # Discovery files
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    # Bulk export
    re_path(r"^export\.(?P<fmt>csv|jsonl)$", views.export, name="export"),
    # Citations
    re_path(
        r"^(?P<type_path>[a-z][-a-z0-9]*)/(?P<slug>[-\w]+)/cite\.(?P<fmt>bib|ris|json)$",
        views.entry_citation,
        name="entry_citation",
    ),
    path("<slug:type_path>/<slug:slug>/cite", views.entry_citation, name="entry_citation_page"),
]
