"""The shell's menus are cached, and a publish shows at once."""

import pytest
from wagtail.models import Page


@pytest.mark.django_db
def test_a_newly_published_menu_page_appears_in_the_section_menu(client, federation):
    client.get("/vi/ha-noi/")  # fills the cache
    page = Page(title="Hoạt động công đoàn", slug="hoat-dong", show_in_menus=True, live=False)
    federation.hanoi_section.add_child(instance=page)

    page.save_revision().publish()

    assert "Hoạt động công đoàn" in client.get("/vi/ha-noi/").content.decode()


@pytest.mark.django_db
def test_a_renamed_footer_shows_at_once(client, federation):
    from home.models import FooterText

    # The unit browser: section pages also sit in the news app's whole-page cache,
    # which documents its own expiry for footer edits.
    footer = FooterText.objects.create(body="<p>Địa chỉ cũ</p>")
    assert "Địa chỉ cũ" in client.get("/vi/don-vi/").content.decode()

    footer.body = "<p>Địa chỉ mới</p>"
    footer.save()

    assert "Địa chỉ mới" in client.get("/vi/don-vi/").content.decode()


@pytest.mark.django_db
def test_warm_section_page_needs_few_queries(client, federation, django_assert_max_num_queries):
    client.get("/vi/ha-noi/")

    with django_assert_max_num_queries(10):
        assert client.get("/vi/ha-noi/").status_code == 200


@pytest.mark.django_db
def test_changed_site_settings_show_at_once(client, federation):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline = "1900 1111"
    settings.save()
    assert "1900 1111" in client.get("/vi/don-vi/").content.decode()

    settings.hotline = "1900 2222"
    settings.save()

    assert "1900 2222" in client.get("/vi/don-vi/").content.decode()
