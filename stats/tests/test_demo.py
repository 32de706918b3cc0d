"""The demo statistics load, in three languages, and loading them again changes nothing."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from demo.steps import federation as federation_step
from demo.steps import stats as stats_step
from stats.models import Dataset, StatisticsPage

# Real commits, as `load_demo` runs: wagtail-localize publishes translations on commit.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_roots")]


def load_twice():
    for _ in range(2):
        context = {"password": "x", "accounts": [], "stdout": io.StringIO()}
        federation_step.load(context)
        stats_step.load(context)


def test_demo_statistics_load_in_three_languages_and_are_idempotent(client):
    load_twice()
    assert Dataset.objects.filter(locale__language_code="vi").count() == 4
    assert Dataset.objects.filter(locale__language_code="en").count() == 4
    assert Dataset.objects.filter(locale__language_code="ja").count() == 4
    assert StatisticsPage.objects.filter(locale__language_code="vi").count() == 2
    strikes = Dataset.objects.get(locale__language_code="ja", title="年別のストライキと集団的な作業停止")
    assert strikes.series == ["ストライキ", "集団的作業停止"]
    # The national strikes chart drills down to provinces, and Ho Chi Minh City further down.
    with translation.override("en"):
        english = Dataset.objects.get(locale__language_code="en", title="Strikes and work stoppages per year")
        detail = reverse("stats:dataset_detail", args=[english.pk])
    html = client.get(detail).content.decode()
    assert f"{detail}?unit=HCM" in html and f"{detail}?unit=BN" in html
    assert f"{detail}?unit=HCM-KCX" in client.get(f"{detail}?unit=HCM").content.decode()
    page = StatisticsPage.objects.get(locale__language_code="en", slug="thong-ke", depth=3)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Collective agreements by grade (A–D)" in response.content.decode()


def test_demo_news_article_carries_the_strikes_chart_in_every_language(client):
    from demo.steps import news as news_step
    from news.models import NewsArticlePage

    for _ in range(2):
        context = {"password": "x", "accounts": [], "stdout": io.StringIO()}
        federation_step.load(context)
        news_step.load(context)
        stats_step.load(context)
    articles = NewsArticlePage.objects.filter(slug="so-cuoc-dinh-cong-giam")
    assert sorted(articles.values_list("locale__language_code", flat=True)) == ["en", "ja", "vi"]
    english = articles.get(locale__language_code="en")
    html = client.get(english.url).content.decode()
    assert "Strikes fall for the third year running" in html
    # The English article shows the English dataset: its title, series and figures.
    assert 'aria-label="2024, Strikes: 66 stoppages"' in html
    dataset = Dataset.objects.get(locale__language_code="en", title="Strikes and work stoppages per year")
    with translation.override("en"):
        csv_url = reverse("stats:dataset_csv", args=[dataset.pk])
    assert "<table" in html and f'href="{csv_url}"' in html
