"""Live indicators: figures computed from the portal's own data, for any unit of the tree.

An indicator is a function of a unit that returns a `Table`, registered with
a title, a method note and a unit of measure. Views, blocks, caching and the
background refresh only talk to this registry, so a new indicator (members,
contests, feedback) is one module in this package and nothing else changes.
See stats/README.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise

from federations.models import Unit

from ..charts import ChartType
from ..tables import Table

Compute = Callable[[Unit], Table]


@dataclass(frozen=True)
class Indicator:
    slug: str
    title: str | Promise
    # How the figures are obtained: shown under every chart of this indicator.
    method: str | Promise
    measure: str | Promise
    compute: Compute
    chart_type: str = ChartType.BAR
    # Apps whose data the indicator reads; it is hidden while one is not installed.
    requires: tuple[str, ...] = ()
    # Seconds after which a cached result is refreshed in the background.
    max_age: int = 15 * 60

    @property
    def available(self) -> bool:
        return all(apps.is_installed(app) for app in self.requires)


class IndicatorRegistry:
    def __init__(self) -> None:
        self._indicators: dict[str, Indicator] = {}

    def register(self, indicator: Indicator) -> Indicator:
        if indicator.slug in self._indicators:
            raise ValueError(f"Indicator {indicator.slug!r} is already registered")
        self._indicators[indicator.slug] = indicator
        return indicator

    def reorder(self, module_names: list[str]) -> None:
        """Put indicators in the order of the modules that define them."""
        position = {name: index for index, name in enumerate(module_names)}
        self._indicators = dict(
            sorted(
                self._indicators.items(),
                key=lambda item: position.get(item[1].compute.__module__, len(position)),
            )
        )

    def unregister(self, slug: str) -> None:
        self._indicators.pop(slug, None)

    def get(self, slug: str) -> Indicator | None:
        indicator = self._indicators.get(slug)
        return indicator if indicator and indicator.available else None

    def all(self) -> list[Indicator]:
        return [indicator for indicator in self._indicators.values() if indicator.available]

    def choices(self) -> list[tuple[str, str]]:
        return [(indicator.slug, indicator.title) for indicator in self.all()]


registry = IndicatorRegistry()


def indicator(slug: str, **options) -> Callable[[Compute], Compute]:
    """Decorator: `@indicator("units-by-level", title=..., method=..., measure=...)`."""

    def decorate(compute: Compute) -> Compute:
        registry.register(Indicator(slug=slug, compute=compute, **options))
        return compute

    return decorate


def indicator_choices() -> list[tuple[str, str]]:
    """For choice blocks: evaluated when the block is used, after every module has loaded."""
    return registry.choices()


def load_indicator_modules() -> None:
    """Import every module of this package once (StatsConfig.ready calls it).

    Modules register in the order of their `ORDER` constant (100 when absent):
    that is the order of the live figures on a statistics page.
    """
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    ordered = sorted(modules, key=lambda module: getattr(module, "ORDER", 100))
    registry.reorder([module.__name__ for module in ordered])
