"""Factories for news pages and topics, used by tests, the demo and the benchmark."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from .models import AnnouncementPage, NewsArticlePage, NewsIndexPage, Priority, ResolutionPage, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Chủ đề {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức"
    slug = "tin-tuc"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-{n}")
    lead = "Người lao động được tăng lương tối thiểu vùng từ ngày 1/7."
    publication_date = factory.LazyFunction(timezone.now)


class ResolutionPageFactory(NewsArticlePageFactory):
    class Meta:
        model = ResolutionPage

    title = factory.Sequence(lambda n: f"Nghị quyết số {n}")
    slug = factory.Sequence(lambda n: f"nghi-quyet-{n}")
    number = factory.Sequence(lambda n: f"{n:02d}-NQ/TLĐ")
    congress_session = "Đại hội XIII Công đoàn Việt Nam"
    adopted_on = datetime.date(2024, 3, 1)


class AnnouncementPageFactory(NewsArticlePageFactory):
    class Meta:
        model = AnnouncementPage

    title = factory.Sequence(lambda n: f"Thông báo số {n}")
    slug = factory.Sequence(lambda n: f"thong-bao-{n}")
    target_levels = "4"
    priority = Priority.NORMAL
