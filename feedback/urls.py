from django.urls import path

from . import form_views, views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.my_cases, name="my_cases"),
    path("feedback/new/", views.new_case, name="new"),
    path("feedback/cases/<int:pk>/", views.case_detail, name="case"),
    path("feedback/cases/<int:case_pk>/files/<int:pk>/", views.attachment, name="attachment"),
    path("feedback/track/", views.track, name="track"),
    path("feedback/track/<int:pk>/", views.tracked_case, name="tracked"),
    path("feedback/track/forget/", views.forget_tracked, name="forget"),
    path("feedback/forms/<int:submission_id>/<str:field>/", form_views.form_file, name="form_file"),
]
