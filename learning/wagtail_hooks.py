from wagtail import hooks

from .models import Enrollment, ModulePage


@hooks.register("before_serve_page")
def record_module_opened(page, request, serve_args, serve_kwargs):
    """Opening a module marks it started for an enrolled learner (once; a reload changes nothing)."""
    if request.method != "GET" or not request.user.is_authenticated or not isinstance(page, ModulePage):
        return None
    from .services import module_start

    enrollment = (
        Enrollment.objects.filter(user=request.user, course__path=page.path[: -page.steplen])
        .select_related(None)
        .first()
    )
    request._learning_enrollment = enrollment  # reused by the module_actions block
    if enrollment is not None:
        module_start(user=request.user, module=page, enrollment=enrollment)
    return None
