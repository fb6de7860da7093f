"""Every write to learning records. Each service is atomic and safe to replay: a double click, a retried request
or two simultaneous requests create nothing twice (row locks plus the constraints in `records.py`)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
from decimal import Decimal
from statistics import mean

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.tasks import enqueue_on_commit

from . import rules
from .models import (
    AttemptAnswer,
    Certificate,
    CompletionRule,
    CourseCompletion,
    CoursePage,
    Enrollment,
    FinalAssessmentPage,
    JPLedgerEntry,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
)
from .quiz import quiz_questions


def grace_seconds() -> int:
    return int(getattr(settings, "PORTAL_QUIZ_GRACE_SECONDS", rules.DEFAULT_GRACE_SECONDS))


# --- Enrollment ------------------------------------------------------------------------------------------


@transaction.atomic
def enrollment_create(
    *,
    user,
    course: CoursePage,
    source: str = Enrollment.Source.SELF,
    due_date: dt.date | None = None,
    assigned_by=None,
) -> Enrollment:
    """Enroll a learner (idempotent: an existing enrollment is returned; an assignment adds its due date)."""
    if not course.live:
        raise ValidationError(_("Kursus ini belum terbit."))
    if source not in Enrollment.Source.values:
        raise ValidationError(_("Sumber pendaftaran tidak dikenal."))
    try:
        with transaction.atomic():
            enrollment = Enrollment(user=user, course=course, source=source, due_date=due_date, assigned_by=assigned_by)
            enrollment.full_clean(validate_unique=False, validate_constraints=False)
            enrollment.save()
            return enrollment
    except IntegrityError:
        pass
    enrollment = Enrollment.objects.select_for_update().get(user=user, course=course)
    if due_date and enrollment.status != Enrollment.Status.COMPLETED:
        changed = False
        if enrollment.due_date is None or due_date < enrollment.due_date:
            enrollment.due_date, changed = due_date, True
        if source != Enrollment.Source.SELF and enrollment.source == Enrollment.Source.SELF:
            enrollment.source, enrollment.assigned_by, changed = source, assigned_by, True
        if changed:
            enrollment.full_clean(validate_unique=False, validate_constraints=False)
            enrollment.save(update_fields=["due_date", "source", "assigned_by"])
    return enrollment


def _mark_started(enrollment: Enrollment, now: dt.datetime) -> None:
    if enrollment.started_at is None:
        Enrollment.objects.filter(pk=enrollment.pk, started_at__isnull=True).update(
            started_at=now, status=Enrollment.Status.IN_PROGRESS
        )
        enrollment.started_at, enrollment.status = now, Enrollment.Status.IN_PROGRESS


# --- Modules ---------------------------------------------------------------------------------------------


@transaction.atomic
def module_start(
    *, user, module: ModulePage, course_id: int | None = None, enrollment: Enrollment | None = None
) -> ModuleProgress | None:
    """Record that a learner opened a module (once); nothing for a learner not enrolled in its course."""
    if enrollment is None:
        course_id = course_id or module.get_parent().pk
        enrollment = (
            Enrollment.objects.filter(user=user, course_id=course_id).only("id", "started_at", "status").first()
        )
    if enrollment is None:
        return None
    now = timezone.now()
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module_id=module.pk, defaults={"enrollment": enrollment, "started_at": now}
    )
    _mark_started(enrollment, now)
    return progress


@transaction.atomic(savepoint=False)  # part of the caller's unit of work (a quiz submit) when nested
def module_complete(
    *, user, module: ModulePage, via_quiz: bool = False, course_id: int | None = None
) -> ModuleProgress:
    """Complete a module ("Tandai selesai", or by passing its knowledge check) and check the course."""
    course_id = course_id or module.get_parent().pk
    enrollment = Enrollment.objects.select_for_update().filter(user=user, course_id=course_id).first()
    if enrollment is None:
        raise ValidationError(_("Daftar ke kursus ini terlebih dahulu."))
    if not via_quiz and module.has_quiz:
        passed = QuizAttempt.objects.filter(user=user, quiz_page_id=module.pk, passed=True).exists()
        if not passed:
            raise ValidationError(_("Modul ini selesai setelah Anda lulus kuisnya."))
    now = timezone.now()
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module_id=module.pk, defaults={"enrollment": enrollment, "started_at": now, "completed_at": now}
    )
    if progress.completed_at is None:
        ModuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(completed_at=now)
        progress.completed_at = now
    _mark_started(enrollment, now)
    course_check_completion(user=user, enrollment=enrollment, now=now, locked=True)
    return progress


# --- Quiz attempts ---------------------------------------------------------------------------------------


@transaction.atomic
def attempt_start(*, user, quiz_page, rng: random.Random | None = None) -> QuizAttempt:
    """Start (or resume) an attempt: the questions and their order are fixed here, on the server.

    The enrollment row is locked so two simultaneous starts cannot both pass the attempt limit; the unique
    (user, quiz, number) and "one open attempt" constraints hold even without the lock.
    """
    page = quiz_page.specific
    if not isinstance(page, ModulePage | FinalAssessmentPage) or not page.has_quiz:
        raise ValidationError(_("Halaman ini tidak memiliki kuis."))
    if not page.live:
        raise ValidationError(_("Kuis ini belum terbit."))
    enrollment = Enrollment.objects.select_for_update().filter(user=user, course_id=page.get_parent().pk).first()
    if enrollment is None:
        raise ValidationError(_("Daftar ke kursus ini terlebih dahulu."))
    attempts = QuizAttempt.objects.filter(user=user, quiz_page_id=page.pk)
    open_attempt = attempts.filter(submitted_at__isnull=True).first()
    if open_attempt is not None:
        return open_attempt
    used = attempts.count()
    if not rules.may_start_attempt(page.max_attempts, used):
        raise ValidationError(_("Batas %(max)s percobaan untuk kuis ini sudah tercapai.") % {"max": page.max_attempts})
    rng = rng or random.SystemRandom()
    questions = {q.id: q for q in quiz_questions(page)}
    question_ids = rules.draw_questions(
        list(questions), draw_count=page.draw_count, shuffle=page.shuffle_questions, rng=rng
    )
    choice_order = {
        qid: rules.order_choices([c.id for c in questions[qid].choices], shuffle=page.shuffle_choices, rng=rng)
        for qid in question_ids
    }
    snapshot = {
        qid: {
            "kind": questions[qid].kind,
            "prompt": questions[qid].prompt,
            "explanation": questions[qid].explanation,
            "choices": {
                c.id: {"text": c.text, "is_correct": c.is_correct, "feedback": c.feedback}
                for c in questions[qid].choices
            },
        }
        for qid in question_ids
    }
    now = timezone.now()
    number = (attempts.aggregate(n=Max("number"))["n"] or 0) + 1
    attempt = QuizAttempt(
        user=user,
        quiz_page_id=page.pk,
        enrollment=enrollment,
        number=number,
        question_ids=question_ids,
        choice_order=choice_order,
        questions=snapshot,
        pass_mark=page.pass_mark,
        started_at=now,
        deadline=rules.attempt_deadline(now, page.time_limit_minutes),
    )
    attempt.full_clean(validate_unique=False, validate_constraints=False)
    attempt.save()
    _mark_started(enrollment, now)
    return attempt


def _clean_selection(attempt: QuizAttempt, question_id: str, selected: Iterable[str]) -> list[str]:
    if question_id not in attempt.choice_order:
        raise ValidationError(_("Soal ini bukan bagian dari percobaan Anda."))
    allowed = attempt.choice_order[question_id]
    chosen = [c for c in dict.fromkeys(str(s) for s in selected)]
    if any(c not in allowed for c in chosen):
        raise ValidationError(_("Pilihan jawaban tidak dikenal."))
    kind = attempt.questions[question_id]["kind"]
    if kind in (rules.SINGLE, rules.TRUEFALSE) and len(chosen) > 1:
        raise ValidationError(_("Soal ini hanya boleh dijawab dengan satu pilihan."))
    return [c for c in allowed if c in chosen]  # in the order shown


@transaction.atomic
def attempt_save_answer(
    *, attempt: QuizAttempt, question_id: str, selected: Iterable[str], at: dt.datetime | None = None
) -> AttemptAnswer:
    """Save one answer as the learner goes (autosave); refused once the attempt is submitted or time is up."""
    at = at or timezone.now()
    if attempt.submitted_at is not None:
        raise ValidationError(_("Percobaan ini sudah dikirim; jawaban tidak dapat diubah."))
    if rules.is_late(at, attempt.deadline, grace_seconds()):
        raise ValidationError(_("Waktu kuis sudah habis; jawaban ini tidak disimpan."))
    chosen = _clean_selection(attempt, question_id, selected)
    answer, _created = AttemptAnswer.objects.update_or_create(
        attempt=attempt, question_id=question_id, defaults={"selected": chosen, "answered_at": at}
    )
    return answer


def score_attempt(attempt: QuizAttempt, answers: Mapping[str, list[str]]) -> tuple[int, Decimal, bool]:
    correct = 0
    for qid in attempt.question_ids:
        question = attempt.questions[qid]
        right = [cid for cid, c in question["choices"].items() if c["is_correct"]]
        if rules.question_correct(question["kind"], right, answers.get(qid, [])):
            correct += 1
    percent = rules.score_percent(correct, len(attempt.question_ids))
    return correct, percent, rules.is_passed(percent, attempt.pass_mark)


@transaction.atomic
def attempt_submit(
    *, user, attempt_id: int, answers: Mapping[str, Iterable[str]] | None = None, at: dt.datetime | None = None
) -> QuizAttempt:
    """Score an attempt on the server. Answers arriving after the deadline plus grace are not counted.

    Submitting twice returns the first result unchanged. Passing a module's quiz completes the module; passing a
    final assessment may complete the course, in this same transaction.
    """
    at = at or timezone.now()
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("enrollment")
        .filter(pk=attempt_id, user=user)
        .first()
    )
    if attempt is None:
        raise QuizAttempt.DoesNotExist
    if attempt.submitted_at is not None:
        return attempt
    late = rules.is_late(at, attempt.deadline, grace_seconds())
    saved = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    limit = attempt.deadline + dt.timedelta(seconds=grace_seconds()) if attempt.deadline else None
    ignored = 0
    to_write = []
    for qid, selected in (answers or {}).items():
        chosen = _clean_selection(attempt, qid, selected)
        current = saved.get(qid)
        if current is not None and current.selected == chosen:
            continue
        if late:
            ignored += 1
            continue
        to_write.append(AttemptAnswer(attempt=attempt, question_id=qid, selected=chosen, answered_at=at))
    if to_write:
        AttemptAnswer.objects.bulk_create(
            to_write,
            update_conflicts=True,
            unique_fields=["attempt", "question_id"],
            update_fields=["selected", "answered_at"],
        )
        for a in to_write:
            saved[a.question_id] = a
    counted = {qid: a.selected for qid, a in saved.items() if limit is None or a.answered_at <= limit}
    ignored += len(saved) - len(counted)
    correct, percent, passed = score_attempt(attempt, counted)
    attempt.submitted_at, attempt.score, attempt.correct_count = at, percent, correct
    attempt.passed, attempt.late, attempt.ignored_answers = passed, late, ignored
    attempt.save(update_fields=["submitted_at", "score", "correct_count", "passed", "late", "ignored_answers"])
    if passed and attempt.enrollment_id:
        module = ModulePage.objects.filter(pk=attempt.quiz_page_id).only("id").first()
        if module is not None:
            module_complete(user=user, module=module, via_quiz=True, course_id=attempt.enrollment.course_id)
        else:
            course_check_completion(user=user, enrollment=attempt.enrollment, now=at)
    return attempt


# --- Course completion -----------------------------------------------------------------------------------


def _course_score(user, course: CoursePage, module_ids: list[int], final_id: int | None) -> Decimal | None:
    quiz_ids = list(module_ids) + ([final_id] if final_id else [])
    scores: dict[int, list[Decimal]] = {}
    for page_id, score in (
        QuizAttempt.objects.filter(user=user, quiz_page_id__in=quiz_ids, submitted_at__isnull=False)
        .order_by("submitted_at", "number")
        .values_list("quiz_page_id", "score")
    ):
        scores.setdefault(page_id, []).append(score)
    if final_id and scores.get(final_id):
        return rules.kept_score(scores[final_id], course.score_policy)
    kept = [rules.kept_score(s, course.score_policy) for pid, s in scores.items() if pid != final_id]
    if not kept:
        return None
    return Decimal(str(mean(kept))).quantize(Decimal("0.01"))


@transaction.atomic(savepoint=False)
def course_check_completion(
    *, user, enrollment: Enrollment, now: dt.datetime | None = None, locked: bool = False
) -> CourseCompletion | None:
    """Complete the course when every required module is done (and the final assessment passed, if the course
    says so): the completion, its JP ledger entry and its certificate are written together, exactly once."""
    now = now or timezone.now()
    if not locked:  # the caller holds the row lock already when it says so
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.COMPLETED:
        return CourseCompletion.objects.filter(enrollment=enrollment).first()
    course = CoursePage.objects.defer_streamfields().get(pk=enrollment.course_id)
    modules = list(ModulePage.objects.child_of(course).live().values_list("id", "is_required"))
    required = {pk for pk, is_required in modules if is_required}
    done = set(
        ModuleProgress.objects.filter(user=user, module_id__in=required, completed_at__isnull=False).values_list(
            "module_id", flat=True
        )
    )
    if required - done:
        return None
    final = FinalAssessmentPage.objects.child_of(course).live().only("id").first()
    if course.completion_rule == CompletionRule.MODULES_AND_FINAL and final is not None:
        if not QuizAttempt.objects.filter(user=user, quiz_page_id=final.pk, passed=True).exists():
            return None
    if not required and final is None:
        return None  # an empty course completes nothing
    completion = CourseCompletion(
        user=user,
        course=course,
        enrollment=enrollment,
        course_title=course.title,
        completed_at=now,
        score=_course_score(user, course, [pk for pk, _r in modules], final.pk if final else None),
        jp=rules.jp(course.jp_credit),
    )
    completion.full_clean(validate_unique=False, validate_constraints=False)
    completion.save()
    entry = JPLedgerEntry(
        user=user,
        year=rules.wit_year(now),
        jp=completion.jp,
        course=course,
        completion=completion,
        description=course.title[:255],
        created_at=now,
    )
    entry.full_clean(validate_unique=False, validate_constraints=False)
    entry.save()
    enrollment.status, enrollment.completed_at = Enrollment.Status.COMPLETED, now
    enrollment.started_at = enrollment.started_at or now
    enrollment.save(update_fields=["status", "completed_at", "started_at"])
    if course.issues_certificate:
        certificate = Certificate.objects.create(completion=completion, issued_at=now)
        from .tasks import certificate_render

        enqueue_on_commit(certificate_render, certificate.pk)
    return completion


# --- Certificates ----------------------------------------------------------------------------------------


def certificate_verify_url(code: str) -> str:
    from django.urls import reverse

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("learning:certificate_verify", args=[code])


@transaction.atomic
def certificate_render_pdf(*, certificate_id: int) -> bool:
    """Render and store a certificate's PDF once; False when it already has one (or no longer exists)."""
    from django.core.files.base import ContentFile

    from portal.identity import identity_for

    from .certificate_pdf import CertificateData, render_certificate_pdf

    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("completion__user")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.pdf:
        return False
    completion = certificate.completion
    who = identity_for(completion.user)
    data = CertificateData(
        name=who.name or completion.user.display_name,
        nip=who.nip,
        course_title=completion.course_title,
        jp=completion.jp,
        completed_on=rules.wit_date(completion.completed_at),
        code=certificate.code,
        verify_url=certificate_verify_url(certificate.code),
        organisation=_organisation_name(),
    )
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(render_certificate_pdf(data)), save=False)
    certificate.pdf_generated_at = timezone.now()
    certificate.save(update_fields=["pdf", "pdf_generated_at"])
    return True


def _organisation_name() -> str:
    from home.context_processors import organisation_settings

    return organisation_settings()["organisation_name"]


# --- Reminders -------------------------------------------------------------------------------------------


def reminders_send(*, today: dt.date | None = None) -> int:
    """Mail each learner whose assigned courses are due within 7 days or overdue: at most one mail per learner
    per day (WIT), however often this runs. Returns the number of mails sent now."""
    from .record_selectors import reminder_due_enrollments

    today = today or rules.wit_date(timezone.now())
    by_user: dict[int, list[Enrollment]] = {}
    for enrollment in reminder_due_enrollments(today):
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    sent = 0
    for items in by_user.values():
        if _reminder_send_one(user=items[0].user, enrollments=items, today=today):
            sent += 1
    return sent


@transaction.atomic
def _reminder_send_one(*, user, enrollments: list[Enrollment], today: dt.date) -> bool:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    from .models import ReminderLog

    try:
        with transaction.atomic():
            log = ReminderLog.objects.create(user=user, date=today, course_count=len(enrollments))
    except IntegrityError:
        return False  # already reminded today
    items = [
        {
            "title": e.course.title,
            "due": rules.format_date_id(e.due_date),
            "overdue": e.due_date < today,
            "url": e.course.get_full_url() or "",
        }
        for e in enrollments
    ]
    context = {"user": user, "items": items, "dashboard_url": _absolute("learning:dashboard")}
    send_mail(
        subject=_("Pengingat: %(count)s kursus mendekati atau melewati tenggat") % {"count": len(items)},
        message=render_to_string("learning/records/reminder_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    # A failed send raises and rolls back the log row, so the next run tries again.
    log.sent_at = timezone.now()
    log.save(update_fields=["sent_at"])
    return True


def _absolute(url_name: str, *args) -> str:
    from django.urls import reverse

    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + reverse(url_name, args=args)


# --- Export ----------------------------------------------------------------------------------------------

EXPORT_JOB_KIND = "learning_records_export"


@transaction.atomic
def export_job_create(*, owner, year: int, fmt: str, unit_code: str = ""):
    """Queue a learning-records export for HR; the job shows its progress and, when done, the file."""
    from portal.models import BackgroundJob

    from .export import FORMATS
    from .tasks import export_records_job

    if fmt not in FORMATS:
        raise ValidationError(_("Format harus CSV atau XLSX."))
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(_("Tahun tidak valid."))
    job = BackgroundJob(kind=EXPORT_JOB_KIND, owner=owner, params={"year": int(year), "format": fmt, "unit": unit_code})
    job.full_clean()
    job.save()
    enqueue_on_commit(export_records_job, job.pk)
    return job


def export_job_run(*, job_id: int) -> str:
    """Run an export job (idempotent: a finished job is left alone)."""
    import io

    from django.core.files.base import ContentFile

    from portal.models import BackgroundJob

    from .export import write_export
    from .record_selectors import export_rows

    with transaction.atomic():
        job = BackgroundJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (BackgroundJob.Status.DONE, BackgroundJob.Status.RUNNING):
            return "skipped"
        job.status, job.progress = BackgroundJob.Status.RUNNING, 5
        job.save(update_fields=["status", "progress"])

    def progress(percent: int) -> None:
        BackgroundJob.objects.filter(pk=job_id).update(progress=percent)

    params = job.params
    try:
        rows = export_rows(year=params["year"], unit_code=params.get("unit", ""), progress=progress)
        buffer = io.BytesIO()
        count = write_export(rows, params["format"], buffer)
        progress(90)
        name = f"rekam-belajar-{params['year']}{'-' + params['unit'] if params.get('unit') else ''}.{params['format']}"
        job.result_file.save(name, ContentFile(buffer.getvalue()), save=False)
        job.status, job.progress, job.finished_at = BackgroundJob.Status.DONE, 100, timezone.now()
        job.message = _("%(count)s baris.") % {"count": count}
        job.save(update_fields=["result_file", "status", "progress", "finished_at", "message"])
    except Exception as exc:
        BackgroundJob.objects.filter(pk=job_id).update(
            status=BackgroundJob.Status.FAILED, message=str(exc)[:500], finished_at=timezone.now()
        )
        raise
    return "done"
