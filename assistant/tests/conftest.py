from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from assistant.factories import build_library
from federations.factories import UnitFactory
from federations.models import UnitOfficer
from members.factories import MemberFactory


def account(username: str, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def library(federation_with_translations):
    """The test library; `library.page_en` is the assistant in English (assertions on messages)."""
    return build_library(federation_with_translations.home, english=True)


@pytest.fixture
def people(federation):
    sibling = UnitFactory(parent=federation.cau_giay, code="HN-CG-02", name_vi="Công đoàn cơ sở Sao Mai")
    hang = MemberFactory(unit=federation.grassroots, full_name="Nguyễn Thị Hằng", account=account("hang"))
    lan = MemberFactory(unit=sibling, full_name="Trần Thị Lan", account=account("lan"))
    officer = account("canbo.cs01")
    UnitOfficer.objects.create(user=officer, unit=federation.grassroots)
    return SimpleNamespace(hang=hang, lan=lan, officer=officer, stranger=account("khach"))
