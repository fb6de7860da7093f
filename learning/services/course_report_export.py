"""A course's analytics report as an XLSX workbook for its trainers: a background job with progress and a
download link (the portal's job pattern), written through `portal.exports.write_workbook` (formula-safe).

Aggregates only, as on the page: no sheet holds a person, and a figure from fewer than
`rules.ANALYTICS_MIN_ATTEMPTS` attempts (completions) is left empty with the reason in its row. The sheets: the
summary, enrolments per week, the modules (completion, drop-off, knowledge-check pass rates) and every quiz's
questions (the final assessment's and each knowledge check's).
"""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.exports import Sheet, write_workbook
from portal.models import BackgroundJob
from portal.services import JobFile, JobRefused, job_run
from portal.tasks import enqueue_on_commit

from .. import rules
from ..models import ModulePage

COURSE_REPORT_JOB_KIND = "course_report_export"
_OPEN = (BackgroundJob.Status.PENDING, BackgroundJob.Status.RUNNING)


@transaction.atomic
def course_report_job_create(*, owner, course) -> BackgroundJob:
    """Queue the export of a course the owner may edit (the view checked it). A second click while the first
    export of the same course is still waiting or running returns that job instead of queuing another."""
    from ..tasks import course_report_export_job

    existing = (
        BackgroundJob.objects.select_for_update()
        .filter(kind=COURSE_REPORT_JOB_KIND, owner=owner, params__course_id=course.pk, status__in=_OPEN)
        .order_by("-pk")
        .first()
    )
    if existing is not None:
        return existing
    job = BackgroundJob.objects.create(
        kind=COURSE_REPORT_JOB_KIND,
        owner=owner,
        params={"course_id": course.pk, "language": getattr(owner, "language", "") or "id"},
    )
    enqueue_on_commit(course_report_export_job, job.pk)
    return job


def course_report_job_run(*, job_id: int) -> str:
    """Idempotent: a finished or running job is left alone. The owner's right to the course is checked again."""
    from ..selectors.analytics import course_report, editable_course, quiz_report

    def work(job, progress) -> JobFile:
        owner = get_user_model().objects.filter(pk=job.owner_id).first()
        course = editable_course(owner, job.params["course_id"]) if owner is not None else None
        if course is None:  # the course is gone or the owner lost the right to it since
            raise JobRefused(_("Tidak berwenang atau kursus tidak ada lagi."))
        with override(job.params.get("language") or "id"):
            report = course_report(course)
            progress(50)
            ids = [row.module_id for row in report["funnel"]["rows"] if row.check]
            checks = ModulePage.objects.in_bulk(ids)
            quizzes = ([(report["final"].title, report["final"])] if report["final"] else []) + [
                (checks[pk].title, quiz_report(checks[pk])) for pk in ids
            ]
            progress(80)
            buffer = io.BytesIO()
            count = write_workbook(_sheets(report, quizzes), buffer)
            message = _("%(count)s baris angka gabungan, tanpa nama.") % {"count": count}
        filename = f"analitik-{course.slug}-{timezone.localdate():%Y%m%d}.xlsx"
        return JobFile(filename, buffer.getvalue(), message)

    return job_run(job_id=job_id, kind=COURSE_REPORT_JOB_KIND, work=work)


def _withheld(shown: bool, value):
    return value if shown else None


def _sheets(report: dict, quizzes: list) -> list[Sheet]:
    few = _("belum cukup data (kurang dari %(n)s)") % {"n": rules.ANALYTICS_MIN_ATTEMPTS}
    counts, median, final = report["counts"], report["median"], report["final"]
    measure, value, note = _("Ukuran"), _("Nilai"), _("Catatan")
    summary = [
        {measure: _("Terdaftar"), value: counts.enrolled, note: ""},
        {measure: _("Sudah mulai"), value: counts.started, note: ""},
        {measure: _("Selesai"), value: counts.completed, note: ""},
        {measure: _("Selesai (%)"), value: counts.completion_percent, note: ""},
        {
            measure: _("Median waktu sampai selesai (hari)"),
            value: report["median_days"],
            note: "" if median is not None else few,
        },
    ]
    if final is not None:
        rates = final.pass_rates
        summary += [
            {
                measure: _("Lulus ujian akhir pada percobaan pertama (%)"),
                value: rates.first_percent,
                note: "" if rates.first_shown else few,
            },
            {
                measure: _("Peserta yang lulus ujian akhir, semua percobaan (%)"),
                value: rates.any_percent,
                note: "" if rates.shown else few,
            },
            {measure: _("Percobaan ujian akhir dikirim"), value: rates.attempts, note: ""},
        ]
    week_start, week, enrolments = _("Awal minggu"), _("Minggu (Senin–Minggu, WIT)"), _("Pendaftaran")
    weeks = [{week_start: bar.start.isoformat(), week: bar.label, enrolments: bar.n} for bar in report["weeks"]["bars"]]
    m_cols = [
        _("No."),
        _("Modul"),
        _("Mulai"),
        _("Selesai"),
        _("Selesai (% dari terdaftar)"),
        _("Berhenti di sini"),
        _("Kuis pemahaman: percobaan dikirim"),
        _("Kuis pemahaman: lulus pada percobaan pertama (%)"),
    ]
    modules = [
        dict(
            zip(
                m_cols,
                [
                    row.position,
                    row.title,
                    row.started,
                    row.completed,
                    row.completed_percent,
                    row.stopped_here,
                    row.check.attempts if row.check else None,
                    row.check.first_percent if row.check else None,
                ],
                strict=True,
            )
        )
        for row in report["funnel"]["rows"]
    ]
    q_cols = [
        _("Kuis"),
        _("No."),
        _("Soal"),
        _("Diberikan dalam (percobaan)"),
        _("Tingkat kemudahan (%)"),
        _("Daya beda"),
        _("Jawaban salah terbanyak"),
        _("Jawaban salah terbanyak (kali)"),
        _("Catatan"),
    ]
    questions = []
    for title, quiz in quizzes:
        for q in quiz.questions:
            notes = [few] if not q.shown else []
            if q.retired:
                notes.append(_("sudah tidak ada di bank soal"))
            values = [
                title,
                q.position,
                q.prompt,
                q.presented,
                _withheld(q.shown, q.facility_percent),
                _withheld(q.shown, q.discrimination),
                _withheld(q.shown, q.wrong_text) or "",
                _withheld(q.shown, q.wrong_count or None),
                "; ".join(str(n) for n in notes),
            ]
            questions.append(dict(zip(q_cols, values, strict=True)))
    return [
        Sheet(_("Ringkasan"), summary, [measure, value, note], widths=(48, 12, 36)),
        Sheet(_("Per minggu"), weeks, [week_start, week, enrolments], widths=(14, 26, 14)),
        Sheet(_("Per modul"), modules, m_cols, widths=(6, 40, 10, 10, 14, 14, 14, 18)),
        Sheet(_("Soal"), questions, q_cols, widths=(30, 6, 60, 14, 14, 10, 40, 14, 36)),
    ]
