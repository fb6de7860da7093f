from wagtail import hooks

from .models import Enrollment, ModulePage, ModuleProgress


@hooks.register("before_serve_page")
def record_module_opened(page, request, serve_args, serve_kwargs):
    """Opening a module marks it started for an enrolled learner (once; a reload writes nothing).

    The enrollment and progress found here are kept on the request for the module_actions block.
    """
    if request.method != "GET" or not request.user.is_authenticated or not isinstance(page, ModulePage):
        return None
    enrollment = Enrollment.objects.filter(user=request.user, course__path=page.path[: -page.steplen]).first()
    progress = None
    if enrollment is not None:
        progress = ModuleProgress.objects.filter(user=request.user, module_id=page.pk).first()
        if progress is None:
            from .services import module_start

            progress = module_start(user=request.user, module=page, enrollment=enrollment)
    request._learning_enrollment = enrollment
    request._learning_progress = progress
    return None
