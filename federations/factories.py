"""Factories for units and sections, used by every app's tests."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from .models import FederationPage, Level, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    """`UnitFactory(parent=unit)` adds a child; without a parent, a root (confederation)."""

    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:05d}")
    level = Level.GRASSROOTS
    name_vi = factory.Sequence(lambda n: f"Công đoàn cơ sở số {n}")
    name_en = factory.Sequence(lambda n: f"Grassroots union no. {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            # A root is always the confederation (the declared default level is grassroots).
            kwargs["level"] = Level.CONFEDERATION
            return model_class.add_root(**kwargs)
        return parent.add_child(**kwargs)


class FederationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FederationPage

    title = factory.LazyAttribute(lambda page: page.unit.name_vi)
    slug = factory.LazyAttribute(lambda page: page.unit.code.lower())
    unit = factory.SubFactory(UnitFactory)


def home_page_for(unit: Unit):
    """The site's home page (the confederation's section), replacing Wagtail's welcome page."""
    from django.apps import apps
    from wagtail.models import Site

    home_model = apps.get_model("home", "HomePage")
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = root.add_child(
        instance=home_model(title=unit.name_vi, slug="home", unit=unit, locale=Locale.get_default())
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
