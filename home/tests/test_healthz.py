import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_and_search_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "search": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_search_backend_is_unreachable(client):
    # A real Elasticsearch client pointed at a closed local port: the connection is refused.
    unreachable = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX": "healthz",
            "TIMEOUT": 1,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "search": "unavailable"}
