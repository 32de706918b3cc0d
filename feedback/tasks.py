"""Background work of the feedback app: notifications and the escalation of late cases."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import notifications
from .models import Case, CaseEvent


@task()
def notify_unit(case_id: int, event_id: int) -> int:
    """Tell the officers of the unit now handling the case (filed, transferred, escalated)."""
    case = Case.objects.select_related("unit").filter(pk=case_id).first()
    event = CaseEvent.objects.select_related("from_unit").filter(pk=event_id).first()
    if case is None or event is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = {
            CaseEvent.Kind.FILED: _("New request %(code)s for %(unit)s"),
            CaseEvent.Kind.TRANSFERRED: _("Request %(code)s transferred to %(unit)s"),
            CaseEvent.Kind.ESCALATED: _("Request %(code)s escalated to %(unit)s"),
        }.get(event.kind, _("Request %(code)s for %(unit)s")) % {
            "code": case.tracking_code,
            "unit": case.unit.name,
        }
        body = _("Category: %(category)s. Answer due: %(due)s.") % {
            "category": case.get_category_display(),
            "due": case.due_at.strftime("%Y-%m-%d %H:%M"),
        }
        if event.kind == CaseEvent.Kind.ESCALATED and event.from_unit:
            body += "\n" + _("It was not answered in time by %(unit)s.") % {"unit": event.from_unit.name}
        sent = notifications.tell_officers(case, case.unit_id, subject, body)
        if event.kind == CaseEvent.Kind.ESCALATED and event.from_unit_id:
            # The unit that missed the deadline gets the notice too.
            notice = _("Request %(code)s was escalated to %(unit)s because its answer was late.") % {
                "code": case.tracking_code,
                "unit": case.unit.name,
            }
            sent += notifications.tell_officers(case, event.from_unit_id, notice, body)
    return sent


@task()
def notify_member(case_id: int, event_id: int) -> str:
    """Tell the member of a reply (e-mail, else SMS)."""
    case = Case.objects.select_related("member__account").filter(pk=case_id).first()
    if case is None or not CaseEvent.objects.filter(pk=event_id, case=case).exists():
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        text = _("Your union answered your request %(code)s.") % {"code": case.tracking_code}
        return notifications.tell_member(case, text)


@task()
def escalate_overdue() -> int:
    from .services import escalate_overdue_cases

    return len(escalate_overdue_cases())
