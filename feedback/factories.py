"""Factories for cases, used by tests and the demo."""

import factory
from django.utils import timezone

from members.factories import MemberFactory

from .models import Case, Category


class CaseFactory(factory.django.DjangoModelFactory):
    """A case filed directly (no routing); use services.open_case to test routing."""

    class Meta:
        model = Case

    member = factory.SubFactory(MemberFactory)
    origin_unit = factory.LazyAttribute(lambda o: o.member.unit)
    unit = factory.LazyAttribute(lambda o: o.origin_unit)
    category = Category.WAGES
    description = "Công ty nợ lương tháng 3 và tháng 4."
    employer = "Công ty TNHH May Sông Hồng"
    due_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=10))
