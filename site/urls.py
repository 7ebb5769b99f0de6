"""Root URLs: catalogue, search and API routes before Wagtail's page serving."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Participation first: its apps own /api/v1/<their things>/ (token-authenticated writes).
    path("accounts/", include("allauth.urls")),  # sign-up, login, verification, resets
    path("", include("participation.urls")),
    path("", include("participation.discussions.urls")),
    path("", include("participation.reports.urls")),
    path("", include("participation.data_requests.urls")),
    path("", include("participation.alerts.urls")),
    path("", include("participation.demand.urls")),
    path("api/", include("search.suggest")),  # /api/v1/suggest (search box autocomplete)
    path("api/", include("interop.api.urls")),
    path("", include("search.urls")),
    path("", include("interop.urls")),  # DCAT, data.json, CKAN API, feeds, sitemap, exports
    path("", include("catalogue.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
