"""A small tree with members and officers at several levels, for the feedback tests.

Hanoi (federation) ── Cầu Giấy (upper) ─┬─ HN-CG-01 (grassroots): member Hằng, officer
                                         └─ HN-CG-02 (grassroots): member Lan, officer
Ho Chi Minh City (federation): officer
"""

from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from federations.factories import UnitFactory
from federations.models import UnitOfficer
from members.factories import MemberFactory


def account(username: str, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def officer(username: str, unit):
    user = account(username)
    UnitOfficer.objects.create(user=user, unit=unit)
    return user


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.FEEDBACK_PRIVATE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.FEEDBACK_PRIVATE_ROOT


@pytest.fixture
def tree(federation):
    sibling = UnitFactory(parent=federation.cau_giay, code="HN-CG-02", name_vi="Công đoàn cơ sở Sao Mai")
    hang = MemberFactory(unit=federation.grassroots, full_name="Nguyễn Thị Hằng", account=account("hang"))
    lan = MemberFactory(unit=sibling, full_name="Trần Thị Lan", account=account("lan"))
    return SimpleNamespace(
        **vars(federation),
        sibling=sibling,
        hang=hang,
        lan=lan,
        grassroots_officer=officer("canbo.cs01", federation.grassroots),
        colleague=officer("canbo2.cs01", federation.grassroots),
        sibling_officer=officer("canbo.cs02", sibling),
        upper_officer=officer("canbo.caugiay", federation.cau_giay),
        hanoi_officer=officer("canbo.hanoi", federation.hanoi),
        saigon_officer=officer("canbo.hcm", federation.saigon),
    )
