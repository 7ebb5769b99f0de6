from django.urls import URLPattern, URLResolver, path

from . import membership_views, token_views, views

app_name = "participation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("account/", views.profile, name="profile"),
    path("account/data/", views.data_download, name="data_download"),
    path("account/delete/", views.account_delete, name="account_delete"),
    path("account/memberships/", membership_views.memberships, name="memberships"),
    path(
        "account/memberships/<int:membership_id>/leave/",
        membership_views.membership_leave,
        name="membership_leave",
    ),
    path(
        "account/memberships/review/",
        membership_views.membership_review,
        name="membership_review",
    ),
    path(
        "account/memberships/<int:membership_id>/decide/",
        membership_views.membership_decide,
        name="membership_decide",
    ),
    path("account/tokens/", token_views.tokens, name="tokens"),
    path("account/tokens/<int:token_id>/revoke/", token_views.token_revoke, name="token_revoke"),
    path("privacy/", views.privacy, name="privacy"),
]
