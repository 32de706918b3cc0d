from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "stats"

urlpatterns = [
    path(_("statistics/data/<int:pk>/"), views.dataset_detail, name="dataset_detail"),
    path(_("statistics/data/<int:pk>/csv/"), views.dataset_csv, name="dataset_csv"),
    path(_("statistics/live/<slug:slug>/<str:code>/"), views.indicator_detail, name="indicator_detail"),
    path(_("statistics/live/<slug:slug>/<str:code>/csv/"), views.indicator_csv, name="indicator_csv"),
]
