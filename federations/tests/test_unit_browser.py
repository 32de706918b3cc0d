import pytest

from federations.factories import UnitFactory
from federations.models import Level


@pytest.mark.django_db
def test_unit_browser_finds_units_without_diacritics(client, federation):
    response = client.get("/vi/don-vi/", {"q": "lien doan lao dong ha noi"})

    content = response.content.decode()
    assert "Liên đoàn Lao động thành phố Hà Nội" in content
    assert "Thành phố Hồ Chí Minh" not in content


@pytest.mark.django_db
def test_unit_browser_links_a_unit_to_its_section(client, federation):
    response = client.get("/vi/don-vi/", {"q": "HN"})

    assert 'href="/vi/ha-noi/"' in response.content.decode()


@pytest.mark.django_db
def test_unit_page_shows_its_place_in_the_tree_and_its_children(client, federation):
    federation.grassroots.name_en = ""
    federation.grassroots.save()

    response = client.get("/en/units/HN-CG/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Hanoi Federation of Labour" in content  # ancestor, in English
    assert "Công đoàn cơ sở Trường Tiểu học Nghĩa Tân" in content  # child (no English name: falls back)


@pytest.mark.django_db
def test_unknown_or_inactive_unit_is_not_found(client, federation):
    federation.grassroots.is_active = False
    federation.grassroots.save()

    assert client.get("/vi/don-vi/NOPE/").status_code == 404
    assert client.get("/vi/don-vi/HN-CG-01/").status_code == 404


@pytest.mark.django_db
def test_overlong_or_odd_queries_are_searched_as_text(client, federation):
    for query in ["x" * 5000, "%", "_", "' OR 1=1 --", '"\\*']:
        assert client.get("/vi/don-vi/", {"q": query}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("children", [10, 60])
def test_unit_page_query_count_does_not_grow_with_children(
    client, federation, children, django_assert_max_num_queries
):
    for number in range(children):
        UnitFactory(parent=federation.cau_giay, level=Level.GRASSROOTS, code=f"HN-CG-X{number}")
    client.get("/vi/don-vi/HN-CG/")

    with django_assert_max_num_queries(20):
        response = client.get("/vi/don-vi/HN-CG/")
    assert response.status_code == 200
