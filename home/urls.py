from django.urls import path

from home import views

api_urlpatterns = [
    path("branches/", views.branches_json, name="branches_json"),
    path("branches/<slug:slug>.json", views.branch_json, name="branch_json"),
    path("branches/<slug:slug>.ics", views.branch_ical, name="branch_ical"),
]
