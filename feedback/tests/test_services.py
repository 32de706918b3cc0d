"""Filing, routing, deadlines, transfer, escalation and notifications, through the service layer."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from accounts.sms import MemorySMSBackend
from federations.models import Level
from feedback import services
from feedback.models import Case, CaseEvent, CategorySetting, Status

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def file_wages(tree, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        return services.open_case(
            member=tree.hang,
            category=extra.pop("category", "wages"),
            description="Công ty nợ lương tháng 3.",
            employer="Công ty May Sông Hồng",
            filed_by=tree.hang.account,
            now=extra.pop("now", NOW),
            **extra,
        )


def test_a_named_case_goes_to_the_members_grassroots_unit_with_its_deadline(
    tree, django_capture_on_commit_callbacks, settings
):
    settings.FEEDBACK_ANSWER_DAYS = {"wages": 10, "default": 15}
    case = file_wages(tree, django_capture_on_commit_callbacks)
    assert case.unit == tree.grassroots
    assert case.member == tree.hang
    assert case.status == Status.NEW
    assert case.due_at == NOW + datetime.timedelta(days=10)
    assert list(case.events.values_list("kind", flat=True)) == [CaseEvent.Kind.FILED]
    assert case.get_member_url() == f"/vi/feedback/cases/{case.pk}/"
    # Both officers of the grassroots union are told, nobody else.
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"canbo.cs01@example.org", "canbo2.cs01@example.org"}
    assert case.tracking_code in mail.outbox[0].subject


def test_an_anonymous_case_keeps_no_link_to_the_member(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks, anonymous=True, show_name_to_employer=True)
    assert case.anonymous and case.member is None and case.filed_by is None
    assert case.show_name_to_employer is False
    assert case.origin_unit == tree.grassroots
    assert len(case.tracking_code) == 12
    assert case.get_member_url() == "/vi/feedback/track/"


def test_social_insurance_goes_to_the_provincial_federation_by_default(
    tree, django_capture_on_commit_callbacks
):
    case = file_wages(tree, django_capture_on_commit_callbacks, category="social_insurance")
    assert case.unit == tree.hanoi
    assert set(mail.outbox[0].to) == {"canbo.hanoi@example.org"}


def test_a_unit_can_route_a_category_higher_and_set_its_own_deadline(
    tree, django_capture_on_commit_callbacks
):
    CategorySetting.objects.create(unit=tree.hanoi, category="safety", route_to_level=Level.UPPER)
    CategorySetting.objects.create(unit=tree.cau_giay, category="safety", answer_days=2)
    case = file_wages(tree, django_capture_on_commit_callbacks, category="safety")
    assert case.unit == tree.cau_giay
    assert case.due_at == NOW + datetime.timedelta(days=2)


def test_the_nearest_setting_up_the_tree_wins(tree, django_capture_on_commit_callbacks):
    CategorySetting.objects.create(unit=tree.hanoi, category="wages", answer_days=20)
    CategorySetting.objects.create(unit=tree.grassroots, category="wages", answer_days=4)
    assert file_wages(tree, django_capture_on_commit_callbacks).due_at == NOW + datetime.timedelta(days=4)


def test_an_empty_description_is_refused_and_nothing_is_written(tree):
    with pytest.raises(ValidationError):
        services.open_case(member=tree.hang, category="wages", description="   ")
    assert not Case.objects.exists()


def test_attachments_are_stored_privately(tree, django_capture_on_commit_callbacks, private_files):
    upload = SimpleUploadedFile("bang-luong.pdf", b"%PDF-1.4 payslip", content_type="application/pdf")
    case = file_wages(tree, django_capture_on_commit_callbacks, attachments=[upload])
    attachment = case.attachments.get()
    assert attachment.name == "bang-luong.pdf"
    assert attachment.file.path.startswith(str(private_files))
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - no public address exists


def test_the_conversation_with_the_assistant_is_kept_for_officers(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks, conversation="Hỏi: ...\nTrả lời: ...")
    assert Case.objects.get(pk=case.pk).conversation.startswith("Hỏi")


def test_an_officer_transfers_within_their_units_with_a_reason(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with pytest.raises(ValidationError):
        services.transfer(case, tree.sibling, by=tree.upper_officer, reason=" ")
    with pytest.raises(PermissionDenied):
        services.transfer(case, tree.saigon, by=tree.upper_officer, reason="Sai địa bàn")
    with django_capture_on_commit_callbacks(execute=True):
        services.transfer(case, tree.sibling, by=tree.upper_officer, reason="Thuộc công đoàn Sao Mai")
    case.refresh_from_db()
    assert case.unit == tree.sibling
    event = case.events.get(kind=CaseEvent.Kind.TRANSFERRED)
    assert (event.from_unit, event.to_unit, event.text) == (
        tree.grassroots,
        tree.sibling,
        "Thuộc công đoàn Sao Mai",
    )
    assert mail.outbox[0].to == ["canbo.cs02@example.org"]


def test_an_officer_escalates_to_the_parent_with_a_reason(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks)
    services.assign(case, tree.colleague, by=tree.grassroots_officer)
    with pytest.raises(ValidationError):
        services.escalate(case, by=tree.grassroots_officer, reason="")
    services.escalate(case, by=tree.grassroots_officer, reason="Cần tư vấn pháp lý")
    case.refresh_from_db()
    assert case.unit == tree.cau_giay and case.assigned_to is None and case.status == Status.NEW


def test_assignment_only_to_an_officer_of_the_handling_unit(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        services.assign(case, tree.sibling_officer, by=tree.grassroots_officer)
    services.assign(case, tree.colleague, by=tree.grassroots_officer)
    case.refresh_from_db()
    assert case.assigned_to == tree.colleague and case.status == Status.ASSIGNED


def test_past_the_deadline_a_case_escalates_to_the_parent_with_a_notice(
    tree, django_capture_on_commit_callbacks, settings
):
    settings.FEEDBACK_ANSWER_DAYS = {"default": 10}
    case = file_wages(tree, django_capture_on_commit_callbacks)
    answered = file_wages(tree, django_capture_on_commit_callbacks)
    services.reply(
        answered, "Đã làm việc với công ty.", by=tree.grassroots_officer, now=NOW + datetime.timedelta(days=2)
    )
    mail.outbox.clear()

    # One minute before the deadline nothing moves.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue_cases(now=case.due_at - datetime.timedelta(minutes=1)) == []

    later = case.due_at + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        escalated = services.escalate_overdue_cases(now=later)
    assert [c.pk for c in escalated] == [case.pk]
    case.refresh_from_db()
    assert case.unit == tree.cau_giay
    assert case.due_at == later + datetime.timedelta(days=10)
    event = case.events.get(kind=CaseEvent.Kind.ESCALATED)
    assert event.author is None and event.from_unit == tree.grassroots
    recipients = {address for message in mail.outbox for address in message.to}
    # The parent unit is told, and the unit that missed the deadline gets the notice.
    assert recipients == {"canbo.caugiay@example.org", "canbo.cs01@example.org", "canbo2.cs01@example.org"}
    assert Case.objects.get(pk=answered.pk).unit == tree.grassroots

    # Escalation is not repeated until the parent's own deadline passes.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue_cases(now=later + datetime.timedelta(days=1)) == []


def test_the_command_escalates_what_is_overdue_now(tree, django_capture_on_commit_callbacks, capsys):
    case = file_wages(
        tree, django_capture_on_commit_callbacks, now=timezone.now() - datetime.timedelta(days=60)
    )
    call_command("escalate_overdue_cases")
    case.refresh_from_db()
    assert case.unit == tree.cau_giay
    assert "1 escalated" in capsys.readouterr().out


def test_the_escalation_task_runs_in_the_background_worker(tree, django_capture_on_commit_callbacks):
    from feedback.tasks import escalate_overdue

    file_wages(tree, django_capture_on_commit_callbacks, now=timezone.now() - datetime.timedelta(days=60))
    result = escalate_overdue.enqueue()
    assert result.return_value == 1


def test_a_reply_answers_the_case_and_notifies_the_member_by_email(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(
            case,
            "Công đoàn đã làm việc với công ty.",
            by=tree.grassroots_officer,
            now=NOW + datetime.timedelta(days=1),
        )
    case.refresh_from_db()
    assert case.status == Status.ANSWERED
    assert case.first_answered_at == NOW + datetime.timedelta(days=1)
    assert mail.outbox[0].to == ["hang@example.org"]
    assert f"/vi/feedback/cases/{case.pk}/" in mail.outbox[0].body


def test_a_member_without_email_is_told_by_sms(tree, django_capture_on_commit_callbacks):
    tree.hang.account.email = ""
    tree.hang.account.phone = "+84912000001"
    tree.hang.account.save()
    MemorySMSBackend.outbox.clear()
    case = file_wages(tree, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(case, "Đã có kết quả.", by=tree.grassroots_officer)
    assert MemorySMSBackend.outbox[-1][0] == "+84912000001"
    assert case.tracking_code in MemorySMSBackend.outbox[-1][1]


def test_internal_notes_never_reach_the_member(tree, django_capture_on_commit_callbacks):
    case = file_wages(tree, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_note(case, "Người này hay khiếu nại", by=tree.grassroots_officer)
    assert mail.outbox == []


def test_the_member_reopens_within_the_period_but_not_after(
    tree, django_capture_on_commit_callbacks, settings
):
    settings.FEEDBACK_REOPEN_DAYS = 30
    case = file_wages(tree, django_capture_on_commit_callbacks)
    services.reply(case, "Đã xong.", by=tree.grassroots_officer, now=NOW)
    services.set_status(case, Status.CLOSED, by=tree.grassroots_officer, now=NOW)
    event = services.member_message(case, "Công ty vẫn chưa trả.", now=NOW + datetime.timedelta(days=29))
    assert event.kind == CaseEvent.Kind.REOPENED
    assert case.status == Status.REOPENED and case.due_at > NOW + datetime.timedelta(days=29)
    services.set_status(
        case, Status.CLOSED, by=tree.grassroots_officer, now=NOW + datetime.timedelta(days=30)
    )
    with pytest.raises(ValidationError):
        services.member_message(case, "Vẫn chưa trả.", now=NOW + datetime.timedelta(days=61))
    assert Case.objects.get(pk=case.pk).status == Status.CLOSED
