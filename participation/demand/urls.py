from django.urls import URLPattern, URLResolver

app_name = "demand"
urlpatterns: list[URLPattern | URLResolver] = []
