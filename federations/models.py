"""The federation tree: units (records, ~123,000 of them) and their sections (pages)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from folding import fold_vietnamese


class Level(models.IntegerChoices):
    CONFEDERATION = 1, _("Confederation")
    FEDERATION = 2, _("Provincial federation or national sector union")
    UPPER = 3, _("Upper-level grassroots union")
    GRASSROOTS = 4, _("Grassroots union")


# Which level may sit directly under which. Grassroots unions hang under an
# upper-level union or directly under a provincial/sector federation.
ALLOWED_PARENT_LEVELS: dict[int, set[int]] = {
    Level.CONFEDERATION: set(),
    Level.FEDERATION: {Level.CONFEDERATION},
    Level.UPPER: {Level.FEDERATION},
    Level.GRASSROOTS: {Level.FEDERATION, Level.UPPER},
}

# Names accepted for a level in import files, besides the numbers 1-4.
LEVEL_SLUGS = {
    "confederation": Level.CONFEDERATION,
    "federation": Level.FEDERATION,
    "upper": Level.UPPER,
    "grassroots": Level.GRASSROOTS,
}


class UnitQuerySet(MP_NodeQuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(is_active=True)

    def matching(self, query: str) -> UnitQuerySet:
        """Units whose name or code contains every word of `query`, diacritics optional."""
        qs = self
        for word in fold_vietnamese(query).split():
            qs = qs.filter(search_name__contains=word)
        return qs


class UnitManager(MP_NodeManager.from_queryset(UnitQuerySet)):
    def get_queryset(self) -> UnitQuerySet:
        return UnitQuerySet(self.model, using=self._db).order_by("path")


class Unit(MP_Node):
    """A union unit at any level; its place in the tree decides who edits and sees what."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    name_ja = models.CharField(_("name (Japanese)"), max_length=255, blank=True)
    province = models.CharField(_("province"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Folded names and code, so "cong doan ha noi" finds "Công đoàn Hà Nội".
    search_name = models.CharField(max_length=800, editable=False, db_index=True)

    objects = UnitManager()
    node_order_by = None

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The unit's name in the active language, falling back to Vietnamese."""
        language = (get_language() or "vi").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name_vi

    @staticmethod
    def make_search_name(code: str, *names: str) -> str:
        return fold_vietnamese(" ".join([code, *[n for n in names if n]]))

    def save(self, *args, **kwargs):
        self.search_name = self.make_search_name(self.code, self.name_vi, self.name_en, self.name_ja)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        parent = self.get_parent() if self.pk else None
        if parent and parent.level not in ALLOWED_PARENT_LEVELS[self.level]:
            raise ValidationError(
                {
                    "level": _("A %(level)s cannot sit under a %(parent)s.")
                    % {"level": self.get_level_display(), "parent": parent.get_level_display()}
                }
            )

    def subtree(self) -> UnitQuerySet:
        """This unit and every unit below it (one indexed prefix query)."""
        return Unit.objects.filter(path__startswith=self.path)

    def is_within(self, other: Unit) -> bool:
        return self.path.startswith(other.path)


class UnitOfficer(models.Model):
    """A user who acts for a unit (reads its inbox, works its cases)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="officers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unit_roles")
    title = models.CharField(_("title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("unit officer")
        verbose_name_plural = _("unit officers")
        constraints = [models.UniqueConstraint(fields=["unit", "user"], name="unique_unit_officer")]

    def __str__(self) -> str:
        return f"{self.user} – {self.unit}"


class FederationPage(Page):
    """The section of a unit that publishes. The home page is the confederation's section.

    Saving a section gives the unit its editor and moderator groups, with Wagtail
    permissions on this section only, and its moderation workflow (signals.py).
    """

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="sections", verbose_name=_("unit"))
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "federations/federation_page.html"
    parent_page_types = ["home.HomePage", "federations.FederationPage"]
    subpage_types = [
        "federations.FederationPage",
        "stats.StatisticsPage",
        "news.NewsIndexPage",
        "contests.ContestPage",
        "jobs.JobIndexPage",
        "legal_library.LegalLibraryPage",
        "feedback.FeedbackFormPage",
    ]

    class Meta:
        verbose_name = _("federation section")
        verbose_name_plural = _("federation sections")

    def clean(self) -> None:
        super().clean()
        if self.unit_id:
            clash = FederationPage.objects.filter(unit_id=self.unit_id, locale_id=self.locale_id)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"unit": _("This unit already has a section in this language.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A callable: the template calls it only when its cached fragment must be rendered again
        # (`public()` reads every view restriction as soon as it is called).
        context["subsections"] = lambda: list(self.get_children().live().public().specific(defer=True))
        return context


def parent_section(page: Page) -> FederationPage:
    """The section directly above `page` (an index page's parent), with its unit, in one query."""
    return FederationPage.objects.select_related("unit").get(path=page.path[: -page.steplen])


class SectionIndexPage(Page):
    """What every section's index page (news, jobs) shares: one per section or home page, an
    introduction, its section, and a listing whose context the concrete page provides."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["federations.FederationPage", "home.HomePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def section(self) -> FederationPage:
        """The section this index belongs to (its parent), with its unit."""
        return parent_section(self)

    def listing_context(self, request) -> dict:
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context
