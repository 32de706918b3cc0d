from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("jobs/saved-searches/", views.saved_searches, name="saved_searches"),
    path("jobs/saved-searches/new/", views.save_search, name="save_search"),
    path("jobs/saved-searches/<int:pk>/delete/", views.delete_saved_search, name="delete_saved_search"),
    path("jobs/applications/", views.my_applications, name="my_applications"),
    path("jobs/applications/<int:pk>/cv/", views.application_cv, name="application_cv"),
]
