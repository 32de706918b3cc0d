"""A server error shows the portal's own page in the visitor's language, never a traceback."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import path


def broken_view(request):
    raise RuntimeError("secret internal detail")


urlpatterns = i18n_patterns(path("broken/", broken_view))


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
@pytest.mark.parametrize(
    ("language", "heading"), [("vi", "Đã có lỗi xảy ra"), ("en", "Something went wrong")]
)
def test_server_error_page_is_translated_and_hides_the_error(client, language, heading):
    client.raise_request_exception = False

    response = client.get(f"/{language}/broken/")

    assert response.status_code == 500
    content = response.content.decode()
    assert heading in content
    assert "secret internal detail" not in content
    assert "Traceback" not in content
