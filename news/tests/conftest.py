import pytest
from django.core.cache import cache

from conftest import make_user
from federations.factories import FederationPageFactory, UnitFactory
from federations.models import Level, UnitOfficer
from news import readership
from news.factories import NewsIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_counts_and_cache():
    # View counts wait in memory between flushes and cached pages outlive a test's
    # database; page ids are reused between tests, so each test starts afresh.
    readership.discard_pending()
    cache.clear()
    yield
    readership.discard_pending()
    cache.clear()


@pytest.fixture
def newsroom(federation):
    """The shared federation with a news index in the confederation, Hanoi and Cầu Giấy sections,
    a second grassroots union under Cầu Giấy, one directly under Hanoi, and an officer per grassroots union."""
    f = federation
    f.cau_giay_section = FederationPageFactory(parent=f.hanoi_section, unit=f.cau_giay, slug="cau-giay")
    f.home_news = NewsIndexPageFactory(parent=f.home, slug="tin-tuc")
    f.hanoi_news = NewsIndexPageFactory(parent=f.hanoi_section, slug="tin-tuc")
    f.cau_giay_news = NewsIndexPageFactory(parent=f.cau_giay_section, slug="tin-tuc")
    f.saigon_news = NewsIndexPageFactory(parent=f.saigon_section, slug="tin-tuc")
    f.grassroots_2 = UnitFactory(
        parent=f.cau_giay, code="HN-CG-02", name_vi="Công đoàn cơ sở Bệnh viện Cầu Giấy"
    )
    f.hanoi_direct = UnitFactory(
        parent=f.hanoi, code="HN-01", name_vi="Công đoàn cơ sở Công ty Xe buýt Hà Nội"
    )
    f.saigon_grassroots = UnitFactory(
        parent=f.saigon, code="HCM-01", level=Level.GRASSROOTS, name_vi="Công đoàn cơ sở Khách sạn Bến Nghé"
    )
    f.officer = make_user("canbo.nghiatan")
    UnitOfficer.objects.create(user=f.officer, unit=f.grassroots)
    f.officer_2 = make_user("canbo.benhvien")
    UnitOfficer.objects.create(user=f.officer_2, unit=f.grassroots_2)
    f.saigon_officer = make_user("canbo.benghe")
    UnitOfficer.objects.create(user=f.saigon_officer, unit=f.saigon_grassroots)
    return f
