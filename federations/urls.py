from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "federations"

urlpatterns = [
    path(_("units/"), views.unit_browser, name="unit_browser"),
    path(_("units/<str:code>/"), views.unit_detail, name="unit_detail"),
]
