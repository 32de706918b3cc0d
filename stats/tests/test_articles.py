"""A chart of a dataset inside a news article, added by an editor in the admin."""

import pathlib
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.factories import NewsIndexPageFactory
from news.models import NewsArticlePage
from stats.factories import DatasetFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def add_article(client, parent, body, slug="bieu-do"):
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", parent.pk])
    data = nested_form_data(
        {
            "title": "Số cuộc đình công giảm",
            "slug": slug,
            "lead": "Số cuộc ngừng việc tập thể giảm ba năm liền.",
            "publication_date": "2026-01-05 08:00",
            "body": streamfield(body),
            "comments": inline_formset([]),
        }
    )
    return client.post(url, data)


def test_an_editor_adds_a_chart_to_an_article_and_readers_get_svg_table_and_csv(client, federation):
    news = NewsIndexPageFactory(parent=federation.hanoi_section, slug="tin-tuc")
    dataset = DatasetFactory(unit=federation.hanoi, title="Strikes in Hanoi", measure="strikes")
    client.force_login(federation.hanoi_editor)
    response = add_article(
        client,
        news,
        [
            ("paragraph", rich_text("<p>Số cuộc đình công giảm.</p>")),
            ("chart", {"dataset": dataset.pk, "chart_type": "line", "last_periods": "2"}),
        ],
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    article = NewsArticlePage.objects.get(slug="bieu-do")
    article.get_latest_revision().publish()
    client.logout()

    html = client.get(article.get_url()).content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "graphics-document"
    assert root.find(f"{SVG}title").text == "Strikes in Hanoi"
    marks = [el.get("aria-label") for el in root.iter() if el.get("role") == "graphics-symbol"]
    assert marks == [
        "2022, Strikes: 98 strikes",
        "2023, Strikes: 105 strikes",
        "2022, Work stoppages: 41 strikes",
        "2023, Work stoppages: 22 strikes",
    ]
    assert '<th scope="row">2023</th><td>105</td><td>22</td>' in html
    assert "2021" not in svg  # only the last two periods, as the editor chose
    csv_url = reverse("stats:dataset_csv", args=[dataset.pk])
    assert f'href="{csv_url}"' in html
    assert client.get(csv_url).content.decode().startswith("\ufeffYear,Strikes,Work stoppages\r\n2021,")


def test_an_article_never_shows_an_unpublished_dataset(client, federation):
    news = NewsIndexPageFactory(parent=federation.hanoi_section, slug="tin-tuc")
    draft = DatasetFactory(unit=federation.hanoi, title="Draft strikes", is_public=False)
    client.force_login(federation.hanoi_editor)
    response = add_article(
        client, news, [("chart", {"dataset": draft.pk, "chart_type": "", "last_periods": ""})]
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="bieu-do")
    article.get_latest_revision().publish()
    client.logout()
    html = client.get(article.get_url()).content.decode()
    assert "Draft strikes" not in html and "<svg" not in html


def test_news_and_home_do_not_import_stats():
    """DESIGN.md: no app imports `stats`. The chart block reaches news through StatsConfig."""
    base = pathlib.Path(settings.BASE_DIR)
    importing = [
        str(path.relative_to(base))
        for app in ("news", "home")
        for path in (base / app).rglob("*.py")
        if re.search(r"^\s*(from|import)\s+stats\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importing == []
