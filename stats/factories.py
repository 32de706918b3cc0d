"""Factories for datasets and statistics pages."""

import factory
import wagtail_factories
from wagtail.models import Locale

from federations.factories import UnitFactory

from .models import Dataset, StatisticsPage

STRIKES = {
    "period_heading": "Year",
    "series": ["Strikes", "Work stoppages"],
    "rows": [
        {"period": "2021", "unit": "", "values": [120, 30]},
        {"period": "2022", "unit": "", "values": [98, 41]},
        {"period": "2023", "unit": "", "values": [105, 22]},
    ],
}


class DatasetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dataset

    title = factory.Sequence(lambda n: f"Dataset {n}")
    measure = "strikes"
    unit = factory.SubFactory(UnitFactory)
    table = factory.LazyFunction(lambda: {**STRIKES, "rows": [dict(r) for r in STRIKES["rows"]]})
    is_public = True
    locale = factory.LazyFunction(Locale.get_default)


class StatisticsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StatisticsPage

    title = "Statistics"
    slug = factory.Sequence(lambda n: f"statistics-{n}")
