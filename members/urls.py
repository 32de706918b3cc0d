from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("members/card/", views.card_page, name="card"),
    path("members/card/card.png", views.card_download, {"kind": "png"}, name="card_png"),
    path("members/card/card.pdf", views.card_download, {"kind": "pdf"}, name="card_pdf"),
    path("members/card/photo/", views.card_photo, name="card_photo"),
    path("members/card/portrait/", views.card_portrait, name="card_portrait"),
    path("members/link/", views.link, name="link"),
    path("members/my-data/", views.my_data, name="my_data"),
    path("members/my-data.json", views.my_data_json, name="my_data_json"),
    path("members/officer/", views.officer_requests, name="officer_requests"),
    path("members/officer/requests/<int:pk>/", views.officer_decide, name="officer_decide"),
]
