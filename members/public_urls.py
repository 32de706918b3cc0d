"""Card URLs without a language prefix: printed in QR codes, they must never change."""

from django.urls import path

from . import views

urlpatterns = [
    path("card/verify/", views.verify, name="card_verify"),
    path("card/public-key", views.public_key, name="card_public_key"),
    path("card/revoked.json", views.revoked, name="card_revoked"),
    path("card/sw.js", views.service_worker, name="card_service_worker"),
]
