"""Editors create each page type in their own section through Wagtail's admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from federations.models import FederationPage
from home.models import HomePage
from news.models import AnnouncementPage, NewsArticlePage, NewsIndexPage, ResolutionPage

pytestmark = pytest.mark.django_db

COMMON = {
    "lead": "Tóm tắt ngắn cho danh sách.",
    "publication_date": "2026-01-05 08:00",
    "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
    "comments": inline_formset([]),
}


class Checks(WagtailPageTestCase):
    def runTest(self):  # a carrier for the assertion helpers
        pass


@pytest.fixture
def checks(client, newsroom):
    helper = Checks()
    helper.client = client
    client.force_login(newsroom.hanoi_moderator)
    return helper


def test_news_index_fits_only_in_sections(checks, newsroom):
    checks.assertAllowedParentPageTypes(NewsIndexPage, {FederationPage, HomePage})
    checks.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage, ResolutionPage, AnnouncementPage})


def test_editor_creates_an_article(checks, newsroom):
    checks.assertCanCreate(
        newsroom.hanoi_news,
        NewsArticlePage,
        nested_form_data({"title": "Hội nghị cán bộ", "slug": "hoi-nghi", **COMMON}),
    )
    assert NewsArticlePage.objects.get(slug="hoi-nghi").unit == newsroom.hanoi


def test_editor_creates_a_resolution(checks, newsroom):
    checks.assertCanCreate(
        newsroom.hanoi_news,
        ResolutionPage,
        nested_form_data(
            {
                "title": "Nghị quyết Đại hội",
                "slug": "nghi-quyet",
                "number": "01-NQ/LĐLĐ",
                "congress_session": "Đại hội XVII",
                "adopted_on": "2025-10-01",
                "key_points": streamfield([("point", "Tăng cường phát triển đoàn viên.")]),
                "related_pages": inline_formset([]),
                **COMMON,
            }
        )
        | {"target_levels": ["4"]},
    )
    assert ResolutionPage.objects.get(slug="nghi-quyet").target_levels == "4"


def test_editor_creates_an_announcement(checks, newsroom):
    checks.assertCanCreate(
        newsroom.hanoi_news,
        AnnouncementPage,
        nested_form_data(
            {
                "title": "Thông báo nộp báo cáo",
                "slug": "thong-bao",
                "target_units": "HN-CG",
                "priority": "high",
                "attachments": inline_formset([]),
                **COMMON,
            }
        )
        | {"target_levels": ["3", "4"]},
    )
    announcement = AnnouncementPage.objects.get(slug="thong-bao")
    assert list(announcement.target_units.all()) == [newsroom.cau_giay]
    assert announcement.target_levels == "34"


def test_admin_refuses_a_target_outside_the_subtree_and_keeps_what_was_typed(client, newsroom):
    client.force_login(newsroom.hanoi_moderator)
    url = reverse("wagtailadmin_pages:add", args=["news", "announcementpage", newsroom.hanoi_news.pk])
    data = nested_form_data(
        {
            "title": "Thông báo gửi nhầm",
            "slug": "gui-nham",
            "target_units": "HCM-01",
            "priority": "normal",
            "attachments": inline_formset([]),
            **COMMON,
        }
    ) | {"target_levels": ["4"]}

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    # Without Accept-Language the admin is in Vietnamese (LANGUAGE_CODE), units under their
    # Vietnamese names: "%(units)s: not below %(sender)s. …" from the catalogue.
    assert "HCM-01 (Công đoàn cơ sở Khách sạn Bến Nghé): không trực thuộc" in html
    assert 'value="Thông báo gửi nhầm"' in html
    assert not AnnouncementPage.objects.filter(slug="gui-nham").exists()


def test_editor_of_another_province_cannot_add_news_here(client, newsroom):
    client.force_login(newsroom.saigon_editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", newsroom.hanoi_news.pk])

    assert client.get(url).status_code in (302, 403)
