"""The dataset editor: figures typed in a grid or imported from CSV/XLSX, checked line by line."""

from __future__ import annotations

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from federations.models import Unit

from .importing import MAX_UPLOAD_BYTES, TableImportError, lines_from_upload, parse_lines
from .permissions import can_publish_anywhere, unit_scope
from .tables import plain_number

UNIT_HEADING = "unit"


def grid_from_table(table: dict | None) -> list[list[str]]:
    """The stored figures as rows of text, header first, for the grid editor."""
    if not table or not table.get("series"):
        return []
    header = [table.get("period_heading") or "period", UNIT_HEADING, *table["series"]]
    rows = [
        [row["period"], row.get("unit", ""), *["" if v is None else plain_number(v) for v in row["values"]]]
        for row in table.get("rows", [])
    ]
    return [header, *rows]


class TableGridWidget(forms.Widget):
    """A grid of text inputs (no JavaScript): a header line and a few spare lines and columns."""

    template_name = "stats/widgets/table_grid.html"
    spare_rows = 5
    spare_columns = 2
    min_columns = 4

    def format_value(self, value):
        if isinstance(value, dict):
            return grid_from_table(value)
        return value or []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        grid = self.format_value(value)
        columns = max([self.min_columns, *[len(row) for row in grid]]) + self.spare_columns
        rows = max(len(grid), 1) + self.spare_rows
        padded = [
            [(row[c] if r < len(grid) and c < len(row := grid[r]) else "") for c in range(columns)]
            for r in range(rows)
        ]
        context["widget"].update(
            {
                "grid": [
                    (r + 1, [(c + 1, cell) for c, cell in enumerate(cells)]) for r, cells in enumerate(padded)
                ],
                "row_count": rows,
                "column_count": columns,
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        try:
            rows = min(int(data.get(f"{name}-rows", 0)), 6000)
            columns = min(int(data.get(f"{name}-columns", 0)), 40)
        except ValueError:
            return []
        return [
            [data.get(f"{name}-{r}-{c}", "").strip() for c in range(1, columns + 1)]
            for r in range(1, rows + 1)
        ]

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-rows" not in data


class TableGridField(forms.Field):
    widget = TableGridWidget

    def prepare_value(self, value):
        return grid_from_table(value) if isinstance(value, dict) else value

    def to_python(self, value):
        return value or []

    def has_changed(self, initial, data):
        return grid_from_table(initial) != [row for row in (data or []) if any(row)]


class UnitCodeField(forms.ModelChoiceField):
    """A unit by its code: a select of 123,000 units would not load on a phone."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"})
    default_error_messages = {
        "invalid_choice": _("Enter the code of your unit or of a unit below it (see the unit browser)."),
    }

    def __init__(self, **kwargs):
        super().__init__(queryset=Unit.objects.all(), to_field_name="code", **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return Unit.objects.filter(pk=value).values_list("code", flat=True).first() or value
        return super().prepare_value(value)


class DatasetForm(WagtailAdminModelForm):
    unit = UnitCodeField(
        label=_("unit code"),
        help_text=_(
            "The code of the unit whose figures these are, e.g. HN. Lines of the table may name units below it."
        ),
    )
    import_file = forms.FileField(
        required=False,
        label=_("import figures from a file"),
        help_text=_(
            "A .csv or .xlsx file of at most 2 MB: a header line (period, optional unit, one column per series), "
            "then one line per period. It replaces the figures below; nothing is saved if a line is wrong."
        ),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    table = TableGridField(
        required=False,
        label=_("figures"),
        help_text=_(
            "First line: the period column's heading (e.g. “year”), “unit”, then one heading per series. "
            "Leave a line's unit empty for the dataset's own unit. Save to get more empty lines."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser:
            paths = unit_scope(user).all_paths
            self.fields["unit"].queryset = _within(paths)
            if "is_public" in self.fields and not can_publish_anywhere(user):
                self.fields["is_public"].disabled = True
                self.fields["is_public"].help_text = _("A moderator of the unit publishes datasets.")

    def clean_import_file(self):
        upload = self.cleaned_data.get("import_file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        unit = cleaned.get("unit")
        upload = cleaned.get("import_file")
        field = "import_file" if upload else "table"
        if field in self.errors:
            return cleaned
        try:
            if upload:
                lines = lines_from_upload(upload.name, upload.read())
            else:
                grid = cleaned.get("table") or []
                if not any(any(row) for row in grid):
                    cleaned["table"] = {"period_heading": "", "series": [], "rows": []}
                    return cleaned
                lines = list(enumerate(grid, start=1))
            parsed = parse_lines(lines, allowed_units=_unit_check(unit))
        except TableImportError as error:
            for message in error.messages():
                self.add_error(field, message)
            if upload:
                self.add_error(field, _("Nothing was imported. Correct the file and choose it again."))
            return cleaned
        if unit is None:
            return cleaned
        cleaned["table"] = parsed.to_json()
        return cleaned


def _within(paths: list[str]):
    from django.db.models import Q

    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return Unit.objects.filter(condition)


def _unit_check(unit: Unit | None):
    def allowed(codes: set[str]) -> set[str]:
        if unit is None or not codes:
            return set()
        return set(unit.subtree().filter(code__in=codes).values_list("code", flat=True))

    return allowed
