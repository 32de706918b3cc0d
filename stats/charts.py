"""Charts drawn on the server as accessible SVG: line, bar, stacked bar and donut.

Every chart has a <title> and a <desc> (a sentence summary written from the
figures), and every mark (bar, point, slice) is a `graphics-symbol` whose
accessible name says what it is and its value, so a screen reader can walk
the figures one by one. Axis text is hidden from assistive technology because
each mark already says everything. A native <title> on each mark gives hover
values on desktop without any JavaScript.

The drawing is 320 units wide and scales to its container: at 360 px on a
phone the text is drawn at about its nominal 12-13 px. Long category labels
(unit names) get horizontal bars with the label on its own line, never
rotated or cut.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.db import models
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .tables import Number, Table, display_number

WIDTH = 320
FONT = 12
CHAR_WIDTH = 6.6  # average advance of a 12-unit system-ui glyph, for layout estimates
# Each colour has at least 3:1 contrast on white (WCAG 1.4.11) and they stay apart for
# the common colour-vision deficiencies; the legend and table carry the same information.
PALETTE = ["#0b4f9c", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#854d0e", "#4d4d4d"]
AXIS_COLOUR = "#4d4d4d"
GRID_COLOUR = "#d0d5dc"


class ChartType(models.TextChoices):
    BAR = "bar", gettext_lazy("Bar chart")
    STACKED = "stacked", gettext_lazy("Stacked bar chart")
    LINE = "line", gettext_lazy("Line chart")
    DONUT = "donut", gettext_lazy("Donut chart")


@dataclass
class LegendItem:
    label: str
    colour: str
    value: str = ""


@dataclass
class Chart:
    svg: SafeString
    legend: list[LegendItem]
    chart_type: str


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _attrs(attrs: dict) -> str:
    return "".join(f" {key}={quoteattr(str(value))}" for key, value in attrs.items() if value is not None)


def _el(tag: str, attrs: dict | None = None, *children: str) -> str:
    attrs_text = _attrs(attrs or {})
    if not children:
        return f"<{tag}{attrs_text}/>"
    return f"<{tag}{attrs_text}>{''.join(children)}</{tag}>"


def _text(x: float, y: float, text: str, **attrs) -> str:
    return _el("text", {"x": _n(x), "y": _n(y), **attrs}, escape(text))


def _n(value: float) -> str:
    """Coordinates with one decimal: smaller SVG, no visible difference."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _mark(tag: str, attrs: dict, label: str) -> str:
    """A data mark: named for screen readers, with a native hover tooltip."""
    return _el(
        tag, {**attrs, "role": "graphics-symbol", "aria-label": label}, _el("title", {}, escape(label))
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    if high == low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1 and all(float(v).is_integer() for v in (low, high)) and high - low >= 1:
        step = 1
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _value_range(values: list[float]) -> tuple[float, float]:
    low = min([0.0, *values])
    high = max([0.0, *values])
    return low, high


def _mark_label(row_label: str, series: str, value: Number | None, measure: str, show_series: bool) -> str:
    shown = display_number(value) if value is not None else _("no data")
    what = f"{row_label}, {series}" if show_series else row_label
    if measure and value is not None:
        return f"{what}: {shown} {measure}"
    return f"{what}: {shown}"


def describe(table: Table, chart_type: str, measure: str) -> str:
    """A sentence that sums the chart up for people who do not see it."""
    kind = ChartType(chart_type).label if chart_type in ChartType.values else ChartType.BAR.label
    parts = [
        _("%(kind)s with %(rows)d rows and %(series)d series: %(names)s.")
        % {
            "kind": kind,
            "rows": len(table.rows),
            "series": len(table.series),
            "names": ", ".join(table.series),
        }
    ]
    if table.rows and table.periodic:
        parts.append(
            _("From %(first)s to %(last)s.") % {"first": table.rows[0].label, "last": table.rows[-1].label}
        )
    if measure:
        parts.append(_("Figures in %(measure)s.") % {"measure": measure})
    for index, name in enumerate(table.series[:3]):
        points = [(row.values[index], row.label) for row in table.rows if row.values[index] is not None]
        if points:
            high_value, high_label = max(points, key=lambda p: p[0])
            parts.append(
                _("Highest %(series)s: %(value)s (%(label)s).")
                % {"series": name, "value": display_number(high_value), "label": high_label}
            )
    return " ".join(parts)


def _svg(
    chart_id: str, height: float, title: str, description: str, chart_type: str, *body: str
) -> SafeString:
    return mark_safe(
        _el(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {WIDTH} {_n(height)}",
                "class": f"chart chart--{chart_type}",
                "role": "graphics-document",
                "aria-labelledby": f"{chart_id}-title",
                "aria-describedby": f"{chart_id}-desc",
                "font-size": FONT,
                "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
            },
            _el("title", {"id": f"{chart_id}-title"}, escape(title)),
            _el("desc", {"id": f"{chart_id}-desc"}, escape(description)),
            *body,
        )
    )


def _needs_horizontal(table: Table) -> bool:
    longest = max((len(label) for label in table.labels), default=0)
    return not table.periodic or longest > 9


def _y_axis(ticks: list[float], scale, left: float, right: float) -> str:
    lines = []
    for tick in ticks:
        y = scale(tick)
        lines.append(
            _el("line", {"x1": _n(left), "x2": _n(right), "y1": _n(y), "y2": _n(y), "stroke": GRID_COLOUR})
        )
        lines.append(
            _text(left - 4, y + 4, display_number(tick), **{"text-anchor": "end", "fill": AXIS_COLOUR})
        )
    return _el("g", {"aria-hidden": "true"}, *lines)


def _x_labels(labels: list[str], centre, slot: float, baseline: float) -> str:
    """Period labels under the plot; every k-th one when they would overlap."""
    longest = max((len(label) for label in labels), default=1)
    every = max(1, math.ceil((longest * CHAR_WIDTH + 6) / max(slot, 1)))
    texts = []
    for index, label in enumerate(labels):
        if index % every == 0 or index == len(labels) - 1 and every == 1:
            texts.append(
                _text(centre(index), baseline, label, **{"text-anchor": "middle", "fill": AXIS_COLOUR})
            )
    return _el("g", {"aria-hidden": "true"}, *texts)


def _vertical_frame(table: Table, stacked: bool) -> dict:
    if stacked:
        values = [sum(v for v in row.values if v is not None and v > 0) for row in table.rows]
        values += [sum(v for v in row.values if v is not None and v < 0) for row in table.rows]
    else:
        values = [v for row in table.rows for v in row.values if v is not None]
    low, high = _value_range(values)
    ticks = nice_ticks(low, high)
    label_width = max(len(display_number(t)) for t in ticks) * CHAR_WIDTH
    left, top, height = label_width + 8, 10, 220
    bottom = height - 24
    span = ticks[-1] - ticks[0] or 1

    def scale(value: float) -> float:
        return bottom - (value - ticks[0]) / span * (bottom - top)

    slot = (WIDTH - left - 6) / max(len(table.rows), 1)
    return {
        "ticks": ticks,
        "scale": scale,
        "left": left,
        "bottom": bottom,
        "height": height,
        "slot": slot,
        "centre": lambda i: left + slot * (i + 0.5),
    }


def _column_chart(table: Table, measure: str, stacked: bool) -> tuple[float, list[str]]:
    frame = _vertical_frame(table, stacked)
    scale, slot, left = frame["scale"], frame["slot"], frame["left"]
    body = [_y_axis(frame["ticks"], scale, left, WIDTH - 6)]
    several = len(table.series) > 1
    groups = []
    for s_index, name in enumerate(table.series):
        marks = []
        for r_index, row in enumerate(table.rows):
            value = row.values[s_index]
            if value is None:
                continue
            if stacked:
                same_sign = [v for v in row.values[:s_index] if v is not None and (v >= 0) == (value >= 0)]
                base = sum(same_sign)
                width = slot * 0.7
                x = left + slot * r_index + slot * 0.15
            else:
                base = 0
                width = slot * 0.8 / len(table.series)
                x = left + slot * r_index + slot * 0.1 + width * s_index
            y_top, y_base = scale(base + value), scale(base)
            marks.append(
                _mark(
                    "rect",
                    {
                        "x": _n(x),
                        "y": _n(min(y_top, y_base)),
                        "width": _n(max(width - (1 if several and not stacked else 0), 1)),
                        "height": _n(max(abs(y_base - y_top), 0.5)),
                        "fill": colour(s_index),
                        "stroke": "#fff" if stacked else None,
                        "stroke-width": "1" if stacked else None,
                    },
                    _mark_label(row.label, name, value, measure, several),
                )
            )
        groups.append(_el("g", {"role": "list", "aria-label": name}, *[_wrap_item(m) for m in marks]))
    body.extend(groups)
    body.append(
        _el(
            "line",
            {
                "x1": _n(left),
                "x2": _n(WIDTH - 6),
                "y1": _n(scale(0)),
                "y2": _n(scale(0)),
                "stroke": AXIS_COLOUR,
                "aria-hidden": "true",
            },
        )
    )
    body.append(_x_labels(table.labels, frame["centre"], slot, frame["bottom"] + 16))
    return frame["height"], body


def _wrap_item(mark: str) -> str:
    return _el("g", {"role": "listitem"}, mark)


def _horizontal_chart(table: Table, measure: str, stacked: bool) -> tuple[float, list[str]]:
    """One block per row: its label on a line of its own, then its bar(s) and value."""
    several = len(table.series) > 1
    bar_height = 14 if (stacked or not several) else 10
    bars_per_row = 1 if stacked else len(table.series)
    if stacked:
        totals = [sum(v for v in row.values if v and v > 0) for row in table.rows]
    else:
        totals = [v for row in table.rows for v in row.values if v is not None and v > 0]
    high = max(totals, default=0) or 1
    value_room = max((len(display_number(t)) for t in totals), default=1) * CHAR_WIDTH + 8
    plot = WIDTH - value_room - 2
    y = 4
    groups: dict[int, list[str]] = {i: [] for i in range(len(table.series))}
    labels = []
    for row in table.rows:
        labels.append(_text(0, y + FONT, row.label, fill="#1a1a1a"))
        y += FONT + 5
        offset = 0.0
        for s_index, name in enumerate(table.series):
            value = row.values[s_index]
            if value is not None and value > 0 or (value == 0 and not stacked):
                width = (value or 0) / high * plot
                x = offset if stacked else 0
                bar_y = y if stacked else y + s_index * bar_height
                groups[s_index].append(
                    _mark(
                        "rect",
                        {
                            "x": _n(x),
                            "y": _n(bar_y),
                            "width": _n(max(width, 1)),
                            "height": _n(bar_height - 2),
                            "fill": colour(s_index),
                            "stroke": "#fff" if stacked else None,
                        },
                        _mark_label(row.label, name, value, measure, several),
                    )
                )
                if not stacked:
                    labels.append(
                        _text(width + 4, bar_y + bar_height - 4, display_number(value), fill="#1a1a1a")
                    )
                offset += width if stacked else 0
        if stacked:
            total = sum(v for v in row.values if v and v > 0)
            labels.append(_text(offset + 4, y + bar_height - 4, display_number(total), fill="#1a1a1a"))
        y += bar_height * bars_per_row + 10
    body = [_el("g", {"aria-hidden": "true"}, *labels)]
    for s_index, name in enumerate(table.series):
        body.append(_el("g", {"role": "list", "aria-label": name}, *[_wrap_item(m) for m in groups[s_index]]))
    return y, body


def _line_chart(table: Table, measure: str) -> tuple[float, list[str]]:
    frame = _vertical_frame(table, stacked=False)
    scale, centre = frame["scale"], frame["centre"]
    body = [_y_axis(frame["ticks"], scale, frame["left"], WIDTH - 6)]
    several = len(table.series) > 1
    radius = 3.5 if len(table.rows) <= 24 else 2.5
    for s_index, name in enumerate(table.series):
        segments: list[list[str]] = [[]]
        points = []
        for r_index, row in enumerate(table.rows):
            value = row.values[s_index]
            if value is None:
                segments.append([])  # a gap: no line drawn across missing figures
                continue
            x, y = centre(r_index), scale(value)
            segments[-1].append(f"{_n(x)},{_n(y)}")
            points.append(
                _mark(
                    "circle",
                    {"cx": _n(x), "cy": _n(y), "r": _n(radius), "fill": colour(s_index)},
                    _mark_label(row.label, name, value, measure, several),
                )
            )
        lines = [
            _el(
                "polyline",
                {
                    "points": " ".join(seg),
                    "fill": "none",
                    "stroke": colour(s_index),
                    "stroke-width": "2",
                    "aria-hidden": "true",
                },
            )
            for seg in segments
            if len(seg) > 1
        ]
        body.extend(lines)
        body.append(_el("g", {"role": "list", "aria-label": name}, *[_wrap_item(p) for p in points]))
    body.append(_x_labels(table.labels, centre, frame["slot"], frame["bottom"] + 16))
    return frame["height"], body


def donut_parts(table: Table) -> list[tuple[str, Number]]:
    """What a donut shows: the series of the last row, or the rows of a one-series table."""
    if len(table.series) > 1 and table.rows:
        row = table.rows[-1]
        return [(name, row.values[i] or 0) for i, name in enumerate(table.series)]
    return [(row.label, row.values[0] or 0) for row in table.rows]


def _arc(cx: float, cy: float, outer: float, inner: float, start: float, end: float) -> str:
    large = 1 if end - start > math.pi else 0

    def point(radius: float, angle: float) -> str:
        return f"{_n(cx + radius * math.sin(angle))} {_n(cy - radius * math.cos(angle))}"

    return (
        f"M{point(outer, start)} A{_n(outer)} {_n(outer)} 0 {large} 1 {point(outer, end)} "
        f"L{point(inner, end)} A{_n(inner)} {_n(inner)} 0 {large} 0 {point(inner, start)} Z"
    )


def _donut_chart(table: Table, measure: str) -> tuple[float, list[str], list[LegendItem]]:
    parts = donut_parts(table)
    total = sum(value for _label, value in parts) or 1
    cx, cy, outer, inner = WIDTH / 2, 100, 92, 56
    marks, legend = [], []
    angle = 0.0
    for index, (label, value) in enumerate(parts):
        share = value / total
        percent = _("%(percent)s%%") % {"percent": display_number(round(share * 100, 1))}
        legend.append(LegendItem(label, colour(index), f"{display_number(value)} ({percent})"))
        if value <= 0:
            continue
        # A full circle cannot be one arc: stop a hair short of it.
        end = angle + min(share, 0.9999) * 2 * math.pi
        marks.append(
            _mark(
                "path",
                {
                    "d": _arc(cx, cy, outer, inner, angle, end),
                    "fill": colour(index),
                    "stroke": "#fff",
                    "stroke-width": "2",
                },
                _mark_label(label, "", value, measure, False) + f" ({percent})",
            )
        )
        angle = end
    centre_text = _el(
        "g",
        {"aria-hidden": "true"},
        _text(
            cx,
            cy + 2,
            display_number(sum(v for _l, v in parts)),
            **{"text-anchor": "middle", "font-size": 18, "font-weight": 700, "fill": "#1a1a1a"},
        ),
        _text(cx, cy + 20, _("total"), **{"text-anchor": "middle", "fill": AXIS_COLOUR}),
    )
    body = [
        _el(
            "g",
            {
                "role": "list",
                "aria-label": table.rows[-1].label
                if len(table.series) > 1
                else (table.series[0] if table.series else ""),
            },
            *[_wrap_item(m) for m in marks],
        ),
        centre_text,
    ]
    return 2 * cy, body, legend


def render_chart(
    table: Table,
    chart_type: str,
    title: str,
    measure: str = "",
    description: str = "",
    chart_id: str = "",
) -> Chart:
    """The chart of `table` as inline SVG with its legend. The table must not be empty."""
    chart_id = chart_id or f"chart-{uuid.uuid4().hex[:8]}"
    has_negative = any(v is not None and v < 0 for row in table.rows for v in row.values)
    if chart_type not in ChartType.values or (
        has_negative and chart_type in (ChartType.DONUT, ChartType.STACKED)
    ):
        # Parts of a whole cannot be negative: show plain bars rather than a false picture.
        chart_type = ChartType.BAR
    if chart_type == ChartType.LINE and len(table.rows) < 2:
        chart_type = ChartType.BAR
    summary = " ".join(text for text in (description, describe(table, chart_type, measure)) if text)
    legend = [LegendItem(name, colour(i)) for i, name in enumerate(table.series)]
    if chart_type == ChartType.DONUT:
        height, body, legend = _donut_chart(table, measure)
    elif chart_type == ChartType.LINE:
        height, body = _line_chart(table, measure)
    else:
        stacked = chart_type == ChartType.STACKED
        # Negative figures need a zero line in the middle: only columns draw that.
        if _needs_horizontal(table) and not has_negative:
            height, body = _horizontal_chart(table, measure, stacked)
        else:
            height, body = _column_chart(table, measure, stacked)
    return Chart(
        svg=_svg(chart_id, height, title, summary, chart_type, *body), legend=legend, chart_type=chart_type
    )
