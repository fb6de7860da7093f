from wagtail import hooks

from .models import FinalAssessmentPage, ModulePage


@hooks.register("before_serve_page")
def record_module_opened(page, request, serve_args, serve_kwargs):
    """Opening a module marks it started for an enrolled learner (once; a reload writes nothing).

    One query finds the enrollment with this page's progress and quiz summary; it is kept on the request for the
    module_actions block.
    """
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    if not isinstance(page, ModulePage | FinalAssessmentPage):
        return None
    from .selectors.records import enrollment_with_page_state

    enrollment = enrollment_with_page_state(request.user, page)
    if enrollment is not None and isinstance(page, ModulePage) and enrollment.progress_id is None:
        from .services import module_start

        progress = module_start(user=request.user, module=page, enrollment=enrollment)
        enrollment.progress_id, enrollment.progress_completed_at = progress.pk, progress.completed_at
    request._learning_enrollment = enrollment
    return None
