from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/new/<int:entry_id>/", views.file_report, name="file"),
    path("reports/<int:pk>/", views.report_detail, name="detail"),
    path("api/v1/reports/", views.api_reports, name="api-list"),
]
