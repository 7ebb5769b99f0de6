"""``/api/3/action/<action>`` and CKAN's unversioned alias ``/api/action/<action>``
(ckanapi's ``RemoteCKAN`` calls the latter)."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/3/action/<str:action_name>", views.action, name="ckan_action"),
    path("api/action/<str:action_name>", views.action, name="ckan_action_unversioned"),
]
