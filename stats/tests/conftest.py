from types import SimpleNamespace

import pytest
from django.core.cache import cache

from federations.factories import UnitFactory
from federations.models import Level


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached indicators are keyed by unit id, and ids come back after each test's rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tree(federation):
    """The shared federation plus grassroots unions with known counts.

    Hanoi: 3 under Cau Giay (1 from the fixture + 2) and 2 directly under Hanoi; one inactive.
    HCM: 1 under District 1. Education union (no section): 2, in two provinces.
    """
    f = federation
    for n in range(2):
        UnitFactory(parent=f.cau_giay, code=f"HN-CG-1{n}", province="Hà Nội")
    for n in range(2):
        UnitFactory(parent=f.hanoi, code=f"HN-0{n}", province="Hà Nội")
    UnitFactory(parent=f.hanoi, code="HN-OLD", province="Hà Nội", is_active=False)
    district1 = UnitFactory(parent=f.saigon, code="HCM-Q1", level=Level.UPPER, name_vi="LĐLĐ Quận 1")
    UnitFactory(parent=district1, code="HCM-Q1-01", province="TP. Hồ Chí Minh")
    education = UnitFactory(
        parent=f.confederation,
        code="CDGD",
        level=Level.FEDERATION,
        name_vi="Công đoàn Giáo dục Việt Nam",
        name_en="Vietnam Education Trade Union",
    )
    UnitFactory(parent=education, code="CDGD-01", province="Hà Nội")
    UnitFactory(parent=education, code="CDGD-02", province="Đà Nẵng")
    for unit in (f.confederation, f.hanoi, f.saigon, f.cau_giay):
        unit.refresh_from_db()
    return SimpleNamespace(**vars(f), district1=district1, education=education)
