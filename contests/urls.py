# The attempt URLs stay the same in every language: links survive a language switch mid-attempt.
from django.urls import path

from .views import attempts

app_name = "contests"

urlpatterns = [
    path("contests/rounds/<int:round_id>/start/", attempts.start, name="start"),
    path("contests/attempts/<str:token>/", attempts.attempt_page, name="attempt"),
    path("contests/attempts/<str:token>/save/", attempts.save, name="save"),
    path("contests/attempts/<str:token>/submit/", attempts.submit_view, name="submit"),
    path("contests/attempts/<str:token>/result/", attempts.result, name="result"),
    path("contests/<int:contest_id>/units.json", attempts.unit_suggestions, name="unit_suggestions"),
]
