"""Language routing and the language switcher."""

import pytest
from bs4 import BeautifulSoup


def switcher_links(response) -> dict[str, dict]:
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.select_one("nav.language-switcher")
    links = {}
    for item in nav.select("li"):
        anchor = item.find("a")
        current = item.find(attrs={"aria-current": "true"})
        element = anchor or current
        links[element["lang"]] = {
            "href": anchor["href"] if anchor else None,
            "note": bool(item.select_one(".language-switcher__note")),
        }
    return links


@pytest.mark.django_db
def test_root_sends_visitors_to_their_preferred_language(client, federation_with_translations):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ja").url == "/ja/"


@pytest.mark.django_db
def test_root_falls_back_to_vietnamese(client, federation_with_translations):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR").url == "/vi/"
    assert client.get("/").url == "/vi/"


@pytest.mark.django_db
def test_each_language_serves_its_own_translation(client, federation_with_translations):
    vietnamese = client.get("/vi/")
    english = client.get("/en/")

    assert b'<html lang="vi">' in vietnamese.content
    assert "Tổng Liên đoàn Lao động Việt Nam" in vietnamese.content.decode()
    assert b'<html lang="en">' in english.content
    assert b"Vietnam General Confederation of Labour</h1>" in english.content


@pytest.mark.django_db
def test_switcher_leads_to_the_translation_of_the_same_page(client, federation_with_translations):
    links = switcher_links(client.get("/vi/ha-noi/"))

    assert links["vi"]["href"] is None  # the current language is not a link
    assert links["en"] == {"href": "/en/ha-noi/", "note": False}


@pytest.mark.django_db
def test_switcher_offers_the_section_when_a_page_has_no_translation(client, federation_with_translations):
    # The Hanoi section has no Japanese translation: the Japanese link goes to the home page in Japanese.
    links = switcher_links(client.get("/vi/ha-noi/"))

    assert links["ja"] == {"href": "/ja/", "note": True}


@pytest.mark.django_db
def test_switcher_on_a_plain_view_keeps_the_path(client, federation):
    links = switcher_links(client.get("/vi/don-vi/?q=ha+noi"))

    assert links["en"]["href"] == "/en/units/?q=ha+noi"


@pytest.mark.django_db
def test_not_found_page_is_in_the_visitors_language(client, federation_with_translations):
    vietnamese = client.get("/vi/khong-co-trang-nay/")
    english = client.get("/en/no-such-page/")

    assert vietnamese.status_code == 404
    assert "Không tìm thấy trang" in vietnamese.content.decode()
    assert english.status_code == 404
    assert "Page not found" in english.content.decode()


@pytest.mark.django_db
def test_home_page_query_count_is_bounded(
    client, federation_with_translations, django_assert_max_num_queries
):
    client.get("/vi/")  # warm the site and locale caches
    with django_assert_max_num_queries(20):
        response = client.get("/vi/")
    assert response.status_code == 200
