from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet

from federations.models import FederationPage


class HomePage(FederationPage):
    """The site's home: the confederation's section.

    A subclass of FederationPage so that "the section of a unit" is one query
    whatever the unit's level.
    """

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    # The confederation's section holds what any section holds.
    subpage_types = FederationPage.subpage_types

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Language-neutral settings of the shell; translatable text lives in FooterText."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    hotline = models.CharField(_("hotline"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("contact_email")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's text (address, licence line), one per language via wagtail-localize."""

    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self) -> str:
        return str(_("Footer text"))

    @classmethod
    def for_active_language(cls) -> "FooterText | None":
        active = Locale.get_active()
        return (
            cls.objects.filter(locale=active).first()
            or cls.objects.filter(locale=Locale.get_default()).first()
        )
