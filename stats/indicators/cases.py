"""Members' requests (feedback.Case) received and answered on time, per unit below.

This is also the public summary the feedback issue asks for: counts only, never a
description, a name or a category detail that could point at a person. Two grouped
queries over the unit's subtree, whatever its size.
"""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from federations.models import Unit

from ..charts import ChartType
from ..tables import Row, Table
from . import indicator


@indicator(
    "cases-answered-on-time",
    title=gettext_lazy("Members' requests received and answered on time"),
    method=gettext_lazy(
        "Counted from the requests members sent through the portal, by the unit handling them now (this unit "
        "itself, and each unit directly under it with everything below). “Answered on time”: the first answer "
        "came before the deadline of the unit handling the request. Counts only. Refreshed every 15 minutes."
    ),
    measure=gettext_lazy("requests"),
    chart_type=ChartType.BAR,
    requires=("feedback",),
)
def cases_answered_on_time(unit: Unit) -> Table:
    from feedback.models import Case  # inside: this module loads even without the app

    prefix_length = (unit.depth + 1) * Unit.steplen
    counts = {
        "received": Count("id"),
        "on_time": Count("id", filter=Q(first_answered_at__isnull=False, first_answered_at__lte=F("due_at"))),
    }
    subtree = Case.objects.filter(unit__path__startswith=unit.path).order_by()
    own = subtree.filter(unit=unit).aggregate(**counts)
    by_branch = {
        row["branch"]: row
        for row in subtree.exclude(unit=unit)
        .annotate(branch=Substr("unit__path", 1, prefix_length))
        .values("branch")
        .annotate(**counts)
    }
    rows = []
    if own["received"]:
        rows.append(Row(_("%(unit)s itself") % {"unit": unit.name}, [own["received"], own["on_time"]]))
    for child in unit.get_children().filter(is_active=True).order_by("path"):
        row = by_branch.get(child.path)
        if row:
            rows.append(
                Row(
                    child.name,
                    [row["received"], row["on_time"]],
                    unit_code=child.code if child.numchild else "",
                )
            )
    return Table(
        series=[_("Received"), _("Answered on time")], rows=rows, label_heading=_("Unit"), periodic=False
    )
