"""Template tags that put a learner's records on the content pages (course and module action blocks)."""

from django import template

from ..selectors.records import course_progress, module_state

register = template.Library()


@register.simple_tag(takes_context=True)
def course_record(context, course, modules=None):
    """The learner's enrollment and progress in this course (for the course page's action block)."""
    request = context.get("request")
    if request is None:
        return {"enrollment": None}
    return course_progress(request.user, course, modules)


@register.simple_tag(takes_context=True)
def module_record(context, page, course=None):
    """The learner's state on this module or final assessment (for the module_actions block)."""
    request = context.get("request")
    if request is None:
        return {"enrollment": None}
    return module_state(request.user, page, course, getattr(request, "_learning_enrollment", None))
