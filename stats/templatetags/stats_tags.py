from django import template

from ..tables import display_number

register = template.Library()


@register.filter
def figure_number(value):
    """A figure grouped the way the active language writes numbers; '–' when missing."""
    return display_number(value)
