from django.urls import URLPattern, URLResolver, path, re_path

from . import api, feeds, views

app_name = "alerts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("follow/<str:target_type>/<str:key>/", views.follow, name="follow"),
    path("follows/<int:follow_id>/unfollow/", views.unfollow, name="unfollow"),
    path("follows/<int:follow_id>/frequency/", views.change_frequency, name="frequency"),
    path("searches/save/", views.save_search, name="save_search"),
    path("searches/<str:token>/feed/", feeds.SavedSearchFeed(), name="saved_search_feed"),
    path("account/following/", views.following, name="following"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("api/v1/follows/", api.follows, name="api_follows"),
    # Any rest of the address, so a non-number is this API's 404, not the read API's answer.
    re_path(r"^api/v1/follows/(?P<follow_id>.+)$", api.follow_detail, name="api_follow"),
]
