"""The officers' side in the admin, and who may see what: the permission matrix over every
case view and the attachment download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from conftest import download_after_second_factor
from feedback import services
from feedback.factories import CaseFactory
from feedback.models import CaseEvent, Status

pytestmark = pytest.mark.django_db


def in_english(user):
    """The admin speaks the user's preferred language (Vietnamese by default)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def case(tree):
    """Hằng's case at her grassroots union (HN-CG-01), with an attachment."""
    return services.open_case(
        member=tree.hang,
        category="wages",
        description="Công ty nợ lương tháng 3.",
        attachments=[SimpleUploadedFile("bang-luong.pdf", b"%PDF-1.4 x", content_type="application/pdf")],
        filed_by=tree.hang.account,
    )


# who → may they see the case (and download its files)?
MATRIX = {
    "owner": True,  # the member who filed it (download and member page; no admin)
    "other_member": False,
    "grassroots_officer": True,
    "sibling_officer": False,
    "upper_officer": True,  # Cầu Giấy: the parent
    "hanoi_officer": True,  # the province above
    "saigon_officer": False,
    "anonymous": False,
}


def user_for(tree, who):
    if who == "anonymous":
        return None
    return {"owner": tree.hang.account, "other_member": tree.lan.account}.get(who) or getattr(tree, who)


def client_for(client, tree, who):
    user = user_for(tree, who)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("who", "allowed"), MATRIX.items())
def test_attachment_download(client, tree, case, who, allowed):
    url = case.attachments.get().get_download_url()
    response = client_for(client, tree, who).get(url)
    if allowed:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
        assert response["Cache-Control"] == "private, no-store"
        assert 'attachment; filename="bang-luong.pdf"' in response["Content-Disposition"]
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(("who", "allowed"), MATRIX.items())
def test_member_case_page_only_for_the_member(client, tree, case, who, allowed):
    response = client_for(client, tree, who).get(f"/vi/feedback/cases/{case.pk}/")
    if who == "owner":
        assert response.status_code == 200
    elif who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


OFFICERS = {who: allowed for who, allowed in MATRIX.items() if who.endswith("officer")}


@pytest.mark.parametrize(("who", "allowed"), OFFICERS.items())
def test_admin_case_page_and_actions(client, tree, case, who, allowed):
    client = client_for(client, tree, who)
    # follow: a 404 outside the language prefix is first redirected to /vi/… by LocaleMiddleware
    page = client.get(f"/admin/requests/{case.pk}/", follow=True)
    note = client.post(
        f"/admin/requests/{case.pk}/", {"action": "note", "note-text": "Đã gọi điện"}, follow=True
    )
    assert page.status_code == note.status_code == (200 if allowed else 404)
    assert (case.tracking_code in page.content.decode()) == allowed
    assert case.events.filter(kind=CaseEvent.Kind.NOTE).exists() == allowed


@pytest.mark.parametrize(("who", "allowed"), OFFICERS.items())
def test_admin_inbox_lists_only_cases_in_the_officers_units(client, tree, case, who, allowed):
    response = client_for(client, tree, who).get("/admin/requests/")
    assert response.status_code == 200
    assert (case.tracking_code in response.content.decode()) == allowed


@pytest.mark.parametrize("who", ["owner", "other_member", "anonymous"])
def test_members_and_strangers_never_reach_the_admin_views(client, tree, case, who):
    client = client_for(client, tree, who)
    for url in ("/admin/requests/", f"/admin/requests/{case.pk}/", "/admin/requests/dashboard/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert case.tracking_code.encode() not in response.content


def test_an_escalated_case_leaves_the_grassroots_officers_sight(client, tree, case):
    services.escalate(case, by=tree.grassroots_officer, reason="Vượt thẩm quyền")
    client.force_login(tree.grassroots_officer)
    assert client.get(f"/admin/requests/{case.pk}/", follow=True).status_code == 404
    client.force_login(tree.upper_officer)
    assert client.get(f"/admin/requests/{case.pk}/").status_code == 200


def test_an_officer_works_a_case_through_the_admin(
    client, tree, case, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(in_english(tree.grassroots_officer))
    url = f"/admin/requests/{case.pk}/"
    client.post(url, {"action": "assign", "assign-assignee": tree.colleague.pk})
    case.refresh_from_db()
    assert case.assigned_to == tree.colleague and case.status == Status.ASSIGNED
    client.post(url, {"action": "status", "status-status": "in_progress"})
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"action": "reply", "reply-text": "Công ty hứa trả trước 15/4.", "reply-attachments": [upload]},
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ANSWERED
    assert mailoutbox[-1].to == ["hang@example.org"]
    assert case.attachments.filter(name="bien-ban.pdf", event__kind=CaseEvent.Kind.REPLY).exists()
    page = client.get(url).content.decode()
    for text in ("Assigned", "In progress", "Công ty hứa trả trước 15/4.", "bien-ban.pdf"):
        assert text in page


def test_admin_refusals_say_what_to_fix(client, tree, case):
    client.force_login(in_english(tree.grassroots_officer))
    url = f"/admin/requests/{case.pk}/"
    response = client.post(url, {"action": "assign", "assign-assignee": tree.sibling_officer.pk})
    assert response.status_code == 400  # not a colleague: not among the choices
    response = client.post(url, {"action": "escalate", "escalate-reason": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    response = client.post(url, {"action": "transfer", "transfer-unit_code": "NOPE", "transfer-reason": "x"})
    assert "No unit has this code." in response.content.decode()


def test_transfer_to_a_unit_outside_the_officers_tree_is_refused(client, tree, case):
    client.force_login(in_english(tree.upper_officer))
    response = client.post(
        f"/admin/requests/{case.pk}/",
        {"action": "transfer", "transfer-unit_code": tree.saigon.code, "transfer-reason": "Sai"},
    )
    assert response.status_code == 400
    assert "only to your own units" in response.content.decode()
    case.refresh_from_db()
    assert case.unit == tree.grassroots


def test_the_inbox_filters_by_status_category_and_overdue(client, tree):
    from django.utils import timezone

    late = CaseFactory(
        member=tree.hang, category="safety", due_at=timezone.now() - timezone.timedelta(days=1)
    )
    answered = CaseFactory(member=tree.hang, status=Status.ANSWERED)
    fresh = CaseFactory(member=tree.hang)
    client.force_login(tree.grassroots_officer)

    def listed(query):
        page = client.get(f"/admin/requests/?{query}").content.decode()
        return {c.tracking_code for c in (late, answered, fresh) if c.tracking_code in page}

    assert listed("overdue=on") == {late.tracking_code}
    assert listed("status=answered") == {answered.tracking_code}
    assert listed("category=safety") == {late.tracking_code}
    assert listed("") == {late.tracking_code, answered.tracking_code, fresh.tracking_code}


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_inbox_case_and_dashboard_queries_do_not_grow_with_the_cases(client, tree, case):
    client.force_login(tree.hanoi_officer)

    def add(count):
        CaseFactory.create_batch(count, member=tree.hang)
        CaseFactory.create_batch(count, member=tree.lan, unit=tree.sibling)
        for n in range(count):
            services.add_note(case, f"note {n}", by=tree.grassroots_officer)

    add(10)
    urls = ["/admin/requests/", f"/admin/requests/{case.pk}/", "/admin/requests/dashboard/"]
    small = [_queries(client, url) for url in urls]
    add(90)
    assert [_queries(client, url) for url in urls] == small


def test_the_admin_menu_shows_requests_to_officers_and_settings_to_superusers(client, tree, admin_user):
    client.force_login(tree.grassroots_officer)
    page = client.get("/admin/").content.decode()
    assert "/admin/requests/" in page and "/admin/feedback_settings/" not in page
    assert client.get("/admin/feedback_settings/").status_code in (302, 403)
    client.force_login(admin_user)
    page = client.get("/admin/").content.decode()
    assert "/admin/feedback_settings/" in page
    assert client.get("/admin/feedback_settings/").status_code == 200


@override_settings(STAFF_REQUIRE_MFA=True)
def test_an_officer_downloads_an_attachment_only_after_the_second_factor(client, tree, case):
    url = case.attachments.get().get_download_url()
    response = download_after_second_factor(client, tree.grassroots_officer, url)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"


@override_settings(STAFF_REQUIRE_MFA=True)
def test_the_member_downloads_her_own_attachment_without_a_second_factor(client, tree, case):
    client.force_login(tree.hang.account)
    response = client.get(case.attachments.get().get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"


def test_an_attachment_missing_from_storage_is_a_404(client, tree, case):
    item = case.attachments.get()
    item.file.storage.delete(item.file.name)
    client.force_login(tree.hang.account)
    assert client.get(item.get_download_url()).status_code == 404
