from django.urls import URLPattern, URLResolver

app_name = "data_requests"
urlpatterns: list[URLPattern | URLResolver] = []
