import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from federations.factories import UnitFactory
from federations.models import Level, UnitOfficer
from members.factories import MemberFactory


def verified_user(username: str, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def units(federation):
    """Grassroots units under Hanoi (via Cầu Giấy) and under Ho Chi Minh City."""
    federation.saigon_grassroots = UnitFactory(
        parent=federation.saigon, code="HCM-01", level=Level.GRASSROOTS, name_vi="Công đoàn cơ sở Bến Nghé"
    )
    return federation


@pytest.fixture
def member(units):
    return MemberFactory(
        unit=units.grassroots,
        member_number="HN0000001",
        full_name="Nguyễn Thị Hằng",
        id_document_number="001190004321",
    )


@pytest.fixture
def linked(member):
    user = verified_user("hang")
    member.account = user
    member.save()
    return member


@pytest.fixture
def hanoi_officer(units):
    user = verified_user("officer.hn")
    UnitOfficer.objects.create(user=user, unit=units.hanoi)
    return user


@pytest.fixture
def saigon_officer(units):
    user = verified_user("officer.hcm")
    UnitOfficer.objects.create(user=user, unit=units.saigon)
    return user
