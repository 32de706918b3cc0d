"""The portal's search index: one document per indexed object, and the query log for editors."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from folding import fold_vietnamese, folded_tokens, index_text


class IndexedText(index.SearchField):
    """A search field whose indexed value is the folded copy (plus exact-spelling tokens) of a column.

    The field keeps the column's name, so SQLite's backend still treats `title`
    as the title (its own ranking weight) while the tokens it sees are folded.
    """

    def __init__(self, field_name: str, source: str, **kwargs):
        super().__init__(field_name, **kwargs)
        self.source = source

    def get_value(self, obj):
        return getattr(obj, self.source)

    def get_attname(self, cls):
        return self.field_name


class SearchDocumentQuerySet(models.QuerySet):
    def public(self) -> SearchDocumentQuerySet:
        return self.filter(is_public=True)

    def of_kinds(self, kinds) -> SearchDocumentQuerySet:
        return self.filter(kind__in=list(kinds))


class SearchDocument(index.Indexed, models.Model):
    """The searchable copy of a registered object (see registry.py), kept in step in the background."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_pk = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=100, db_index=True)
    language = models.CharField(max_length=12, db_index=True)
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    unit = models.ForeignKey(
        "federations.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    unit_level = models.PositiveSmallIntegerField(null=True, blank=True)
    topic = models.CharField(max_length=100, blank=True, db_index=True)
    is_public = models.BooleanField(default=True)
    # What the database backends index: folded tokens (CJK as bigrams) and exact-spelling tokens.
    title_index = models.TextField(blank=True, editable=False)
    body_index = models.TextField(blank=True, editable=False)
    # Folded title for autocomplete and "did you mean".
    title_folded = models.CharField(max_length=500, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    # The service decides when a document changes (in a background task); Wagtail's own
    # post_save handler would only index it a second time.
    search_auto_update = False
    search_fields = [
        IndexedText("title", source="title_index", boost=3),
        IndexedText("body", source="body_index"),
        index.AutocompleteField("title_folded"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("is_public"),
        index.FilterField("year"),
        index.FilterField("unit_id"),
        index.FilterField("unit_path"),
        index.FilterField("unit_level"),
        index.FilterField("topic"),
        index.FilterField("content_type_id"),
        index.FilterField("object_pk"),
    ]

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_pk"], name="unique_search_document")
        ]
        indexes = [
            models.Index(fields=["language", "is_public", "kind"]),
            # Newest first: PostgreSQL ranks a very common query among its newest matches (engines/postgres.py).
            models.Index(fields=["-date", "-id"], name="search_document_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        # With Elasticsearch the service keeps its own index (search/engines/elasticsearch.py);
        # Wagtail's backend then serves the admin's page search only.
        from django.conf import settings

        if getattr(settings, "ELASTICSEARCH_URL", ""):
            return cls.objects.none()
        return super().get_indexed_objects()

    def refresh_index_text(self) -> None:
        self.title_index = index_text(self.title)
        # The title again in the body: SQLite's bm25 weighs both columns alike, so repeating
        # the title is what ranks a title match above a body-only match there.
        self.body_index = index_text(f"{self.title}\n{self.body}")
        self.title_folded = " ".join(folded_tokens(self.title))[:500]


class QueryStat(models.Model):
    """How often a (folded) query was searched on a day, and how often it found nothing.

    No user, session or address is kept: editors need what people look for, not who.
    """

    query = models.CharField(_("query"), max_length=255)
    day = models.DateField(_("day"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_hits = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="unique_query_per_day")]

    def __str__(self) -> str:
        return f"{self.query} ({self.day})"

    @staticmethod
    def normalise(text: str) -> str:
        return " ".join(fold_vietnamese(text).split())[:255]
