from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "participation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("account/", views.profile, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
]
