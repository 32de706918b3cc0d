from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

urlpatterns = [
    path(_("inbox/"), views.inbox, name="inbox"),
    path(_("inbox/<int:page_id>/"), views.inbox_item, name="inbox_item"),
    path(_("inbox/<int:page_id>/acknowledge/"), views.acknowledge, name="acknowledge"),
    path(_("receipts/<int:page_id>/"), views.receipts_report, name="receipts"),
    path("feeds/<str:unit_code>/rss.xml", feeds.SectionFeed(), name="section_rss"),
    path("feeds/<str:unit_code>/atom.xml", feeds.SectionAtomFeed(), name="section_atom"),
    path("feeds/topics/<slug:slug>/rss.xml", feeds.TopicFeed(), name="topic_rss"),
    path("feeds/topics/<slug:slug>/atom.xml", feeds.TopicAtomFeed(), name="topic_atom"),
]
