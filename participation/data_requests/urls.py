from django.urls import URLPattern, URLResolver, path, re_path

from . import api, feeds, views

app_name = "data_requests"
urlpatterns: list[URLPattern | URLResolver] = [
    path("requests/", views.request_list, name="list"),
    path("requests/new/", views.new_request, name="new"),
    path("requests/feed/", feeds.NewestRequestsFeed(), name="feed"),
    path("requests/<int:pk>/", views.request_detail, name="detail"),
    path("requests/<int:pk>/vote/", views.vote, name="vote"),
    path("requests/<int:pk>/respond/", views.respond, name="respond"),
    path("requests/<int:pk>/status/", views.change_status, name="status"),
    path("requests/<int:pk>/feed/", feeds.RequestFeed(), name="request-feed"),
    # The JSON API: no trailing slash, like the rest of /api/v1, but one is tolerated.
    re_path(r"^api/v1/requests/?$", api.request_list, name="api-requests"),
    re_path(r"^api/v1/requests/(?P<pk>[^/]+)/?$", api.request_detail, name="api-request"),
    re_path(r"^api/v1/requests/(?P<pk>[^/]+)/vote/?$", api.request_vote, name="api-request-vote"),
]
