"""The contest page (rules, rounds, settings) and the member counts behind participation rates."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from federations.models import Unit

from ..forms import ContestPageForm
from .banks import QuestionBank


class Eligibility(models.TextChoices):
    PUBLIC = "public", _("Anyone, with name, phone number and union unit")
    MEMBERS = "members", _("Signed-in members only")


class Layout(models.TextChoices):
    ALL = "all", _("All questions on one page")
    ONE = "one", _("One question per page")


class ContestPage(RoutablePageMixin, Page):
    """A quiz contest in a federation section.

    Entrants, attempts and results always belong to the contest in its source
    language (`canonical`), so a translation shows the same rounds and boards.
    """

    intro = models.CharField(_("summary"), max_length=300, blank=True)
    rules = RichTextField(_("rules"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    prizes = RichTextField(_("prizes"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])
    related_resolution = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related resolution or law"),
    )
    eligibility = models.CharField(
        _("who may enter"), max_length=10, choices=Eligibility.choices, default=Eligibility.PUBLIC
    )
    question_bank = models.ForeignKey(
        QuestionBank, on_delete=models.PROTECT, related_name="contests", verbose_name=_("question bank")
    )
    questions_per_attempt = models.PositiveSmallIntegerField(_("questions drawn per attempt"), default=20)
    attempts_per_round = models.PositiveSmallIntegerField(_("attempts per round"), default=2)
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit (minutes)"), default=20)
    layout = models.CharField(_("layout"), max_length=5, choices=Layout.choices, default=Layout.ALL)
    ask_prediction = models.BooleanField(
        _("ask the prediction question"),
        default=True,
        help_text=_(
            "How many entrants will answer every question correctly? Breaks ties between equal scores."
        ),
    )
    essay_prompt = models.TextField(
        _("essay question"), blank=True, help_text=_("Optional; staff score the answers in the admin.")
    )
    essay_max_score = models.PositiveSmallIntegerField(_("essay maximum score"), default=0)
    winners_count = models.PositiveSmallIntegerField(_("number of individual prizes"), default=10)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("rules"),
        FieldPanel("prizes"),
        PageChooserPanel("related_resolution"),
        InlinePanel("rounds", label=_("Rounds"), min_num=1),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldPanel("question_bank"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("attempts_per_round"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("layout"),
                FieldPanel("ask_prediction"),
                FieldPanel("essay_prompt"),
                FieldPanel("essay_max_score"),
                FieldPanel("winners_count"),
            ],
            heading=_("Contest rules"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("rules")]
    override_translatable_fields = [SynchronizedField("question_bank")]

    base_form_class = ContestPageForm
    template = "contests/contest_page.html"
    parent_page_types = ["home.HomePage", "federations.FederationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz contest")
        verbose_name_plural = _("quiz contests")

    @cached_property
    def canonical(self) -> ContestPage:
        """The contest in the language it was created in (the oldest of its translations)."""
        first = (
            ContestPage.objects.filter(translation_key=self.translation_key).order_by("pk").only("pk").first()
        )
        if first is None or first.pk == self.pk:
            return self
        return ContestPage.objects.get(pk=first.pk)

    @cached_property
    def round_list(self) -> list[Round]:
        return list(self.canonical.rounds.all())

    @property
    def time_limit(self) -> timedelta:
        return timedelta(minutes=self.time_limit_minutes)

    def current_round(self, now: datetime | None = None) -> Round | None:
        now = now or timezone.now()
        return next((r for r in self.round_list if r.is_open(now)), None)

    def next_round(self, now: datetime | None = None) -> Round | None:
        now = now or timezone.now()
        return next((r for r in self.round_list if r.opens_at > now), None)

    def max_score(self) -> int:
        return self.questions_per_attempt + self.essay_max_score

    # The views live in contests.views.page; the routes only bind them to the page.
    @path("")
    def index_route(self, request):
        from contests.views import page

        return page.index(self, request)

    @path("enter/", name="enter")
    def enter_route(self, request):
        from contests.views import page

        return page.enter(self, request)

    @path("results/", name="results")
    def results_route(self, request):
        from contests.views import page

        return page.results(self, request)

    @path("results/round-<int:number>/", name="round_results")
    def round_results_route(self, request, number: int):
        from contests.views import page

        return page.results(self, request, round_number=number)

    @path("units/", name="units")
    def units_route(self, request):
        from contests.views import page

        return page.units(self, request)

    @path("units/<str:code>/", name="unit")
    def unit_route(self, request, code: str):
        from contests.views import page

        return page.units(self, request, code=code)

    @path("organise/", name="organise")
    def organise_route(self, request):
        from contests.views import page

        return page.organise(self, request)

    @path("organise/export/", name="export")
    def export_route(self, request):
        from contests.views import page

        return page.export(self, request)

    @path("certificate/<int:entrant_id>/", name="certificate")
    def certificate_route(self, request, entrant_id: int):
        from contests.views import page

        return page.certificate(self, request, entrant_id)

    @path("certificate/<int:entrant_id>/pdf/", name="certificate_pdf")
    def certificate_pdf_route(self, request, entrant_id: int):
        from contests.views import page

        return page.certificate(self, request, entrant_id, as_pdf=True)


class Round(Orderable):
    contest = ParentalKey(ContestPage, on_delete=models.CASCADE, related_name="rounds")
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    # Filled when the round's results are computed (ranking.py).
    perfect_count = models.PositiveIntegerField(
        _("entrants with every answer correct"), null=True, editable=False
    )
    ranked_at = models.DateTimeField(_("results computed"), null=True, editable=False)

    panels = [FieldPanel("opens_at"), FieldPanel("closes_at")]

    # Written by the ranking alone (queryset updates), together with the boards they
    # describe. Publishing the page saves its rounds again from the revision, which holds
    # the marks as they were when the revision was made: saving a round that exists never
    # writes them, or a revision made before a ranking would undo it.
    RANKING_MARKS = ("perfect_count", "ranked_at")

    class Meta(Orderable.Meta):
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return str(_("Round %(number)s") % {"number": self.number})

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.pk and Round.objects.filter(pk=self.pk).exists():
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.RANKING_MARKS
            ]
        super().save(*args, **kwargs)

    @property
    def number(self) -> int:
        return (self.sort_order or 0) + 1

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class UnitMemberCount(models.Model):
    """How many members a unit has: the denominator of its participation rate.

    Kept here rather than on `federations.Unit` because only contests need it
    until a members app counts members itself; organisers import it as CSV.
    """

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, related_name="contest_member_count", verbose_name=_("unit")
    )
    member_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("unit member count")
        verbose_name_plural = _("unit member counts")

    def __str__(self) -> str:
        return f"{self.unit.code}: {self.member_count}"
