"""Who may edit and publish what: each unit's staff act on their own section only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Page, Workflow

from federations.factories import FederationPageFactory, UnitFactory
from federations.models import Level


def child_page(section, title):
    """A plain content page inside a section (content types come with their own apps)."""
    page = Page(title=title, slug=title.lower().replace(" ", "-"))
    section.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_creating_a_section_creates_its_groups_collection_and_workflow(federation):
    unit = UnitFactory(
        parent=federation.confederation,
        code="DN",
        level=Level.FEDERATION,
        name_vi="Liên đoàn Lao động thành phố Đà Nẵng",
    )

    section = FederationPageFactory(parent=federation.home, unit=unit, slug="da-nang")

    editors = Group.objects.get(name="DN editors")
    moderators = Group.objects.get(name="DN moderators")
    assert set(
        GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True)
    ) == {"add_page", "change_page"}
    assert "publish_page" in GroupPagePermission.objects.filter(group=moderators).values_list(
        "permission__codename", flat=True
    )
    assert {p.page_id for p in GroupPagePermission.objects.filter(group__in=[editors, moderators])} == {
        section.pk
    }
    assert Collection.objects.filter(name=unit.name_vi).exists()
    assert section.get_workflow() == Workflow.objects.get(name="DN approval")


@pytest.mark.django_db
def test_editor_of_one_province_edits_only_their_own_section(federation):
    hanoi_child = child_page(federation.hanoi_section, "Hanoi news corner")
    saigon_child = child_page(federation.saigon_section, "Saigon news corner")
    editor = federation.hanoi_editor

    assert federation.hanoi_section.permissions_for_user(editor).can_edit()
    assert hanoi_child.permissions_for_user(editor).can_edit()
    assert not federation.saigon_section.permissions_for_user(editor).can_edit()
    assert not saigon_child.permissions_for_user(editor).can_edit()
    assert not federation.home.permissions_for_user(editor).can_edit()
    assert not hanoi_child.permissions_for_user(editor).can_publish()


@pytest.mark.django_db
def test_editor_of_one_province_cannot_open_another_provinces_pages_in_the_admin(client, federation):
    client.force_login(federation.hanoi_editor)

    own = client.get(reverse("wagtailadmin_pages:edit", args=[federation.hanoi_section.pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[federation.saigon_section.pk]))
    home = client.get(reverse("wagtailadmin_pages:edit", args=[federation.home.pk]))
    other_listing = client.get(reverse("wagtailadmin_explore", args=[federation.saigon_section.pk]))

    assert own.status_code == 200
    assert other.status_code in (302, 403)
    assert home.status_code in (302, 403)
    assert other_listing.status_code in (302, 403)


@pytest.mark.django_db
def test_editor_cannot_publish_through_the_admin_form(client, federation):
    page = child_page(federation.hanoi_section, "Draft corner")
    client.force_login(federation.hanoi_editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Changed by editor", "slug": page.slug, "action-publish": "publish"},
    )

    page.refresh_from_db()
    assert page.title == "Draft corner"
    assert page.live  # the live version was not replaced by the editor's attempt


@pytest.mark.django_db
def test_moderator_publishes_only_their_own_units_submissions(federation):
    hanoi_page = child_page(federation.hanoi_section, "Hanoi corner")
    saigon_page = child_page(federation.saigon_section, "Saigon corner")
    hanoi_page.save_revision(user=federation.hanoi_editor)
    saigon_page.save_revision(user=federation.saigon_editor)
    hanoi_state = hanoi_page.get_workflow().start(hanoi_page, federation.hanoi_editor)
    saigon_state = saigon_page.get_workflow().start(saigon_page, federation.saigon_editor)
    moderator = federation.hanoi_moderator

    hanoi_task = hanoi_state.current_task_state.task.specific
    saigon_task = saigon_state.current_task_state.task.specific
    assert "approve" in [name for name, *_rest in hanoi_task.get_actions(hanoi_page, moderator)]
    assert saigon_task.get_actions(saigon_page, moderator) == []
    assert hanoi_page.permissions_for_user(moderator).can_publish()
    assert not saigon_page.permissions_for_user(moderator).can_publish()
    assert not federation.home.permissions_for_user(moderator).can_publish()


@pytest.mark.django_db
def test_moderator_approval_publishes_the_submission(federation):
    page = child_page(federation.hanoi_section, "To approve")
    page.title = "Approved title"
    revision = page.save_revision(user=federation.hanoi_editor)
    state = page.get_workflow().start(page, federation.hanoi_editor)

    state.current_task_state.task.specific.on_action(
        state.current_task_state, federation.hanoi_moderator, "approve"
    )

    page.refresh_from_db()
    assert page.live_revision_id == revision.pk
    assert page.title == "Approved title"
