import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings

from federations.models import FederationPage, Level, Unit


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_load_demo_builds_the_demo_federation_and_prints_the_accounts():
    stdout = io.StringIO()

    call_command("load_demo", stdout=stdout)

    assert Unit.objects.filter(level=Level.FEDERATION).count() >= 6
    assert Unit.objects.filter(level=Level.GRASSROOTS).count() >= 30
    assert FederationPage.objects.filter(locale__language_code="vi").count() >= 4
    assert FederationPage.objects.filter(locale__language_code="en", live=True).count() >= 4
    assert FederationPage.objects.filter(locale__language_code="ja", live=True).count() >= 4
    output = stdout.getvalue()
    for username in ("admin", "bientap.hanoi", "kiemduyet.hanoi", "bientap.hcm", "kiemduyet.hcm"):
        assert username in output
    assert Unit.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    before = row_counts()

    call_command("load_demo", stdout=io.StringIO())

    assert row_counts() == before


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_load_demo_refuses_to_run_with_debug_off_unless_forced():
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=io.StringIO())
    assert Unit.objects.count() == 0

    call_command("load_demo", "--force", stdout=io.StringIO())
    assert Unit.objects.filter(code="TLD").exists()
