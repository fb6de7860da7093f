from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """Minutes as '45 menit', '1 jam' or '1 jam 30 menit'."""
    try:
        minutes = int(minutes or 0)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("%(m)d menit", "%(m)d menit", rest) % {"m": rest}
    text = ngettext("%(h)d jam", "%(h)d jam", hours) % {"h": hours}
    if rest:
        text = _("%(hours)s %(minutes)s") % {
            "hours": text,
            "minutes": ngettext("%(m)d menit", "%(m)d menit", rest) % {"m": rest},
        }
    return text


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None or '' removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def jp(value) -> str:
    """A JP credit without trailing zeros, in the active locale: 4, 1,5, 0,75."""
    from decimal import Decimal, InvalidOperation

    from django.template.defaultfilters import floatformat

    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    places = max(0, -number.normalize().as_tuple().exponent)
    return floatformat(number, places)
