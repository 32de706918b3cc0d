"""Filters of the Wagtail API v2 pages endpoint for the mobile app: `?unit=HN`, `?topic=wages`.

`type` and `locale` are Wagtail's own filters. Only public page fields are served:
read receipts, officers and page owners never appear in the API.
"""

from django.db.models import Exists, OuterRef, Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from .models import NewsItemPage


class UnitFilter(BaseFilterBackend):
    """Pages published by (or the section of) the unit with this code."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("unit")
        if not code:
            return queryset
        if len(code) > 32:
            raise BadRequestError("unit: expected a unit code")
        model = queryset.model
        if issubclass(model, NewsItemPage) or hasattr(model, "unit"):
            return queryset.filter(unit__code=code)
        return queryset.filter(Q(newsitempage__unit__code=code) | Q(federationpage__unit__code=code))


class TopicFilter(BaseFilterBackend):
    """News items tagged with the topic of this slug (the same slug in every language)."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if not slug:
            return queryset
        through = NewsItemPage.topics.through
        tagged = through.objects.filter(newsitempage_id=OuterRef("pk"), topic__slug=slug)
        return queryset.filter(Exists(tagged))
