"""The admin form of news items: who sends it, and to which units.

There can be 123,000 units, so specific recipients are typed as unit codes
(the unit browser shows them) rather than picked from a list; every code is
checked against the sender's subtree with a message that names the culprit.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from federations.models import FederationPage, Unit


class UnitCodesField(forms.CharField):
    """Unit codes separated by commas or spaces; cleans to a list of units."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", gettext_lazy("Only these units"))
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "Optional. Codes of units below yours, separated by commas (e.g. HN-CG, HN-KCN): "
                "the levels ticked above are then reached only inside these units."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            units = [unit if isinstance(unit, Unit) else None for unit in value]
            if None in units:
                units = list(Unit.objects.filter(pk__in=value))
            return ", ".join(unit.code for unit in units)
        return value

    def clean(self, value) -> list[Unit]:
        text = super().clean(value) or ""
        codes = [code for code in text.replace(",", " ").split() if code]
        if not codes:
            return []
        units = {
            unit.code.upper(): unit
            for unit in Unit.objects.filter(code__in=codes + [c.upper() for c in codes])
        }
        unknown = [code for code in codes if code.upper() not in units]
        if unknown:
            raise forms.ValidationError(
                _("No unit has the code %(codes)s. Check the code in the unit browser.")
                % {"codes": ", ".join(unknown)}
            )
        return list({units[code.upper()].pk: units[code.upper()] for code in codes}.values())


class NewsItemPageForm(WagtailAdminPageForm):
    target_units = UnitCodesField()

    def sender_unit(self) -> Unit | None:
        """The unit whose section the item is in (the parent page's nearest section)."""
        parent = self.parent_page
        if parent is None:
            return None
        section = (
            FederationPage.objects.ancestor_of(parent, inclusive=True)
            .select_related("unit")
            .order_by("-depth")
            .first()
        )
        return section.unit if section else None

    def clean(self):
        cleaned = super().clean()
        sender = self.sender_unit()
        if sender is None:
            raise forms.ValidationError(_("News items must be published inside a unit's section."))
        self.instance.unit = sender
        units = cleaned.get("target_units") or []
        outside = [unit for unit in units if not unit.is_within(sender) or unit.pk == sender.pk]
        if outside:
            self.add_error(
                "target_units",
                _(
                    "%(units)s: not below %(sender)s. An announcement can only go to units inside "
                    "your own unit; remove these codes."
                )
                % {
                    "units": ", ".join(f"{unit.code} ({unit.name})" for unit in outside),
                    "sender": sender.name,
                },
            )
        return cleaned
