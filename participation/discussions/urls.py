from django.urls import URLPattern, URLResolver, path

from . import api, views

app_name = "discussions"
urlpatterns: list[URLPattern | URLResolver] = [
    path("discussions/<int:thread_id>/", views.thread_page, name="thread"),
    path("discussions/new/", views.start_thread, name="start"),
    path("discussions/<int:thread_id>/reply/", views.reply, name="reply"),
    path("discussions/<int:thread_id>/close/", views.close_thread, name="close"),
    path("discussions/posts/<int:post_id>/report/", views.report_post, name="report"),
    path("discussions/posts/<int:post_id>/answer/", views.mark_answer, name="answer"),
    path("api/v1/discussions/", api.discussions, name="api"),
]
