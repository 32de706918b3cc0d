"""Fixtures shared by every app's tests: a small federation with sections and staff."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from federations.factories import FederationPageFactory, UnitFactory, home_page_for
from federations.models import Level
from federations.permissions import editors_group_name, moderators_group_name


def make_user(username: str, *groups: str, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def federation(db):
    """Confederation (home) with two provinces that publish, each with an editor and a moderator."""
    confederation = UnitFactory(
        code="TLD",
        name_vi="Tổng Liên đoàn Lao động Việt Nam",
        name_en="Vietnam General Confederation of Labour",
    )
    hanoi = UnitFactory(
        parent=confederation,
        code="HN",
        level=Level.FEDERATION,
        name_vi="Liên đoàn Lao động thành phố Hà Nội",
        name_en="Hanoi Federation of Labour",
    )
    saigon = UnitFactory(
        parent=confederation,
        code="HCM",
        level=Level.FEDERATION,
        name_vi="Liên đoàn Lao động Thành phố Hồ Chí Minh",
        name_en="Ho Chi Minh City Federation of Labour",
    )
    cau_giay = UnitFactory(
        parent=hanoi, code="HN-CG", level=Level.UPPER, name_vi="Liên đoàn Lao động quận Cầu Giấy"
    )
    grassroots = UnitFactory(
        parent=cau_giay, code="HN-CG-01", name_vi="Công đoàn cơ sở Trường Tiểu học Nghĩa Tân"
    )
    home = home_page_for(confederation)
    hanoi_section = FederationPageFactory(parent=home, unit=hanoi, slug="ha-noi")
    saigon_section = FederationPageFactory(parent=home, unit=saigon, slug="tp-ho-chi-minh")
    return SimpleNamespace(
        confederation=confederation,
        hanoi=hanoi,
        saigon=saigon,
        cau_giay=cau_giay,
        grassroots=grassroots,
        home=home,
        hanoi_section=hanoi_section,
        saigon_section=saigon_section,
        hanoi_editor=make_user("editor.hn", editors_group_name(hanoi)),
        hanoi_moderator=make_user("moderator.hn", moderators_group_name(hanoi)),
        saigon_editor=make_user("editor.hcm", editors_group_name(saigon)),
        saigon_moderator=make_user("moderator.hcm", moderators_group_name(saigon)),
    )


@pytest.fixture
def federation_with_translations(federation):
    """The federation with its home and Hanoi section published in English and Japanese."""
    from demo.translation import translate

    for page in (federation.home, federation.hanoi_section):
        page.save_revision().publish()
    translate(federation.home, "en", {federation.home.title: "Vietnam General Confederation of Labour"})
    translate(federation.home, "ja", {federation.home.title: "ベトナム労働総同盟"})
    translate(federation.hanoi_section, "en", {federation.hanoi_section.title: "Hanoi Federation of Labour"})
    return federation


def sign_in_with_second_factor(client, user, password: str = "pw") -> None:
    """Sign `user` in through allauth with a TOTP code, so the session has passed the second factor."""
    import time

    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
    from django.urls import reverse

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(reverse("account_login"), {"login": user.username, "password": password})
    assert response["Location"] == reverse("mfa_authenticate")
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302


def download_after_second_factor(client, user, url: str):
    """What staff get at `url`: first sent to set up the second factor, then, signed in with it, the
    file. Returns the 200 response."""
    from django.urls import reverse

    client.force_login(user)
    assert client.get(url)["Location"] == reverse("mfa_activate_totp")
    client.logout()
    sign_in_with_second_factor(client, user)
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.fixture
def english():
    """Run the test in English, for assertions on message texts (the default language is Vietnamese)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Each test starts as a fresh worker would, whatever ran before it in this process.

    - The active language: a request through LocaleMiddleware (or `translation.activate`)
      leaves its language active in the thread, so a test that follows an /en/ request ran in
      English, and one that follows a /vi/ request in Vietnamese. Tests start in the site's
      default language; those that read English texts ask for the `english` fixture.
    - The cache, and the memory caches of single workers (contest rounds and question banks,
      news view counts, PostgreSQL's search statistics, the search engine in use): they are
      keyed by ids that tests reuse, or hold what an earlier test's database said.
    """
    from django.core.cache import cache
    from django.utils import translation

    from contests import bank_cache, round_cache
    from news import readership
    from search.engines import postgres, set_engine

    def reset():
        translation.deactivate()
        cache.clear()
        bank_cache.forget_local()
        round_cache.forget()
        readership.discard_pending()
        postgres.forget_statistics()
        set_engine(None)

    reset()
    yield
    reset()


@pytest.fixture
def wagtail_roots(transactional_db):
    """Transactional tests (real commits): each flush removes the root page and collection
    that Wagtail's migrations made, so they are made again."""
    from wagtail.models import Collection, Locale, Page

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root", locale=Locale.get_default())
