"""Thin views of development plans and course assignments.

Pages a supervisor, leader or HR opens are staff pages (MFA when required); the employee's own plan has its own
URLs under /pegawai/saya/ and is not. Someone else's plan, action or evidence file is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from performance import selectors as perf_selectors
from performance.access import own_employee, visible_employees
from portal import dates
from portal.roles import staff_page

from . import reads, selectors, services
from .forms import (
    AcknowledgeForm,
    ActionEditForm,
    ActionForm,
    AssignForm,
    EvidenceForm,
    GoalForm,
    PlanCreateForm,
    ReviewForm,
    StatusForm,
)
from .models import ActionEvidence, DevelopmentPlan, PlanAction, PlanGoal


def error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(str(m) for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(str(m) for m in exc.messages)


def _member(request, nip: str):
    employee = perf_selectors.profile_employee(visible_employees(request.user), nip)
    if employee is None or employee.user_id == request.user.pk:
        raise Http404
    return employee


def _staff_plan(request, pk: int) -> DevelopmentPlan:
    """A plan the user may see as supervisor, leader or HR (never their own: that is the employee's page)."""
    plans = selectors.visible_plans(visible_employees(request.user)).exclude(employee__user=request.user)
    plan = selectors.plan_detail(pk, plans)
    if plan is None:
        raise Http404
    return plan


def _writable(request, plan) -> DevelopmentPlan:
    plan = get_object_or_404(
        selectors.visible_plans(visible_employees(request.user)).select_related("employee", "period"), pk=plan
    )
    if not services.may_write_plan(request.user, plan.employee):
        raise Http404
    return plan


# --- Supervisor side ---------------------------------------------------------------------------------------


@staff_page
@login_required
def member_plans(request, nip: str):
    employee = _member(request, nip)
    may_write = services.may_write_plan(request.user, employee)
    period = perf_selectors.open_period()
    if request.method == "POST":
        if not may_write:
            raise Http404
        form = PlanCreateForm(request.POST)
        if period is None:
            messages.error(request, _("Tidak ada periode penilaian yang dibuka; rencana belum dapat dibuat."))
        elif form.is_valid():
            try:
                plan = services.plan_create(
                    actor=request.user, employee=employee, period=period, note=form.cleaned_data["note"]
                )
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                return redirect("development:plan", pk=plan.pk)
        return redirect("development:member_plans", nip=nip)
    plans = selectors.plans_of(employee)
    open_plan = next((p for p in plans if p.is_open and period and p.period_id == period.pk), None)
    return render(
        request,
        "development/member_plans.html",
        {
            "employee": employee,
            "plans": plans,
            "open_plan": open_plan,
            "period": period,
            "may_write": may_write,
            "suggestions": selectors.suggestions(employee),
            "assignments": selectors.assignments_of(employee),
            "form": PlanCreateForm(),
        },
    )


@staff_page
@login_required
def plan(request, pk: int):
    plan = _staff_plan(request, pk)
    writer = services.may_write_plan(request.user, plan.employee)
    may_write = plan.is_open and writer
    may_reopen = writer and not plan.is_open and plan.period.end_date >= dates.today()
    context = {"plan": plan, "may_write": may_write, "may_reopen": may_reopen, "staff": True}
    if may_write:
        standards, values, catalogue = reads.standards(), reads.core_values(), reads.course_catalogue()
        context.update(
            {
                "suggestions": selectors.suggestions(plan.employee, plan, catalogue),
                "goal_form": GoalForm(standards=standards, values=values),
                "action_form": ActionForm(courses=catalogue),
                "status_form": StatusForm(),
                "review_form": ReviewForm(),
            }
        )
    return render(request, "development/plan.html", context)


def _post(request, fn, redirect_to, success):
    try:
        fn()
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    except PermissionDenied as exc:
        raise Http404 from exc
    else:
        messages.success(request, success)
    return redirect_to


@staff_page
@login_required
@require_POST
def goal_add(request, pk: int):
    plan = _writable(request, pk)
    post = request.POST
    return _post(
        request,
        lambda: services.goal_add(
            actor=request.user,
            plan=plan,
            standard_code=post.get("standard_code", "").strip(),
            target=post.get("target", "")[:300],
            value_code=post.get("value_code", "").strip(),
        ),
        redirect("development:plan", pk=plan.pk),
        _("Sasaran ditambahkan."),
    )


@staff_page
@login_required
@require_POST
def suggestion_apply(request, pk: int):
    plan = _writable(request, pk)
    return _post(
        request,
        lambda: services.suggestion_apply(
            actor=request.user, plan=plan, standard_code=request.POST.get("standard_code", "")
        ),
        redirect("development:plan", pk=plan.pk),
        _("Saran diambil sebagai sasaran beserta kursusnya."),
    )


@staff_page
@login_required
@require_POST
def action_add(request, goal_pk: int):
    goal = get_object_or_404(PlanGoal.objects.select_related("plan"), pk=goal_pk)
    plan = _writable(request, goal.plan_id)
    form = ActionForm(request.POST, courses=reads.live_courses())
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("development:plan", pk=plan.pk)
    data = form.cleaned_data
    return _post(
        request,
        lambda: services.action_add(
            actor=request.user,
            goal=goal,
            kind=data["kind"],
            due_date=data["due_date"],
            title=data["title"],
            description=data["description"],
            course_id=data["course_id"],
        ),
        redirect("development:plan", pk=plan.pk),
        _("Langkah ditambahkan."),
    )


@staff_page
@login_required
@require_POST
def goal_edit(request, goal_pk: int):
    goal = get_object_or_404(PlanGoal.objects.select_related("plan"), pk=goal_pk)
    plan = _writable(request, goal.plan_id)
    post = request.POST
    return _post(
        request,
        lambda: services.goal_update(
            actor=request.user, goal=goal, target=post.get("target", "")[:300], value_code=post.get("value_code", "")
        ),
        redirect(f"{reverse('development:plan', args=[plan.pk])}#sasaran-{goal.pk}"),
        _("Sasaran diubah."),
    )


@staff_page
@login_required
@require_POST
def goal_remove(request, goal_pk: int):
    goal = get_object_or_404(PlanGoal.objects.select_related("plan"), pk=goal_pk)
    plan = _writable(request, goal.plan_id)
    return _post(
        request,
        lambda: services.goal_remove(actor=request.user, goal=goal),
        redirect("development:plan", pk=plan.pk),
        _("Sasaran dihapus."),
    )


def _action(request, pk: int) -> tuple[PlanAction, DevelopmentPlan]:
    action = get_object_or_404(PlanAction.objects.select_related("goal__plan", "course"), pk=pk)
    return action, _writable(request, action.goal.plan_id)


@staff_page
@login_required
@require_POST
def action_edit(request, pk: int):
    action, plan = _action(request, pk)
    form = ActionEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect(f"{reverse('development:plan', args=[plan.pk])}#aksi-{action.pk}")
    data = form.cleaned_data
    return _post(
        request,
        lambda: services.action_update(
            actor=request.user,
            action=action,
            due_date=data["due_date"],
            title=data["title"],
            description=data["description"],
        ),
        redirect(f"{reverse('development:plan', args=[plan.pk])}#aksi-{action.pk}"),
        _("Langkah diubah."),
    )


@staff_page
@login_required
@require_POST
def action_remove(request, pk: int):
    action, plan = _action(request, pk)
    return _post(
        request,
        lambda: services.action_remove(actor=request.user, action=action),
        redirect("development:plan", pk=plan.pk),
        _("Langkah dihapus."),
    )


@staff_page
@login_required
@require_POST
def plan_status(request, pk: int):
    plan = _writable(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Status tidak dikenal."))
        return redirect("development:plan", pk=plan.pk)
    status, note = form.cleaned_data["status"], form.cleaned_data["note"]
    if status == DevelopmentPlan.Status.ACTIVE and not plan.is_open:
        fn, done = (
            (lambda: services.plan_reopen(actor=request.user, plan=plan)),
            _("Rencana dibuka kembali; pegawai diminta membacanya lagi."),
        )
    elif status == DevelopmentPlan.Status.ACTIVE:
        fn, done = (
            (lambda: services.plan_activate(actor=request.user, plan=plan)),
            _("Rencana diaktifkan; pegawai diminta membaca dan mengonfirmasinya."),
        )
    else:
        fn, done = (
            (lambda: services.plan_finish(actor=request.user, plan=plan, status=status, note=note)),
            _("Status rencana diubah."),
        )
    return _post(request, fn, redirect("development:plan", pk=plan.pk), done)


@staff_page
@login_required
@require_POST
def evidence_review(request, pk: int):
    evidence = get_object_or_404(ActionEvidence.objects.select_related("action__goal"), pk=pk)
    plan = _writable(request, evidence.action.goal.plan_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih terima atau kembalikan."))
        return redirect("development:plan", pk=plan.pk)
    accept = form.cleaned_data["decision"] == "accept"
    return _post(
        request,
        lambda: services.evidence_review(
            actor=request.user, evidence=evidence, accept=accept, comment=form.cleaned_data["comment"]
        ),
        redirect("development:plan", pk=plan.pk),
        _("Bukti diterima.") if accept else _("Bukti dikembalikan dengan komentar Anda."),
    )


def _file_response(evidence: ActionEvidence):
    if not evidence.file:
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name or None)


@staff_page
@login_required
def evidence_file_staff(request, pk: int):
    evidence = get_object_or_404(
        ActionEvidence.objects.filter(action__goal__plan__employee__in=visible_employees(request.user)).exclude(
            action__goal__plan__employee__user=request.user
        ),
        pk=pk,
    )
    return _file_response(evidence)


@staff_page
@login_required
def assign(request):
    me = own_employee(request.user)
    members = list(me.direct_reports.filter(active=True).order_by("full_name")) if me else []
    if not members:
        raise Http404
    courses = reads.live_courses()
    if request.method == "POST":
        form = AssignForm(request.POST, members=members, courses=courses)
        if form.is_valid():
            chosen = set(form.cleaned_data["members"])
            try:
                services.course_assign(
                    actor=request.user,
                    employees=[m for m in members if m.nip in chosen],
                    course_id=form.cleaned_data["course_id"],
                    due_date=form.cleaned_data["due_date"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Kursus ditugaskan kepada %(n)s anggota tim.") % {"n": len(chosen)})
                return redirect("development:assign")
    else:
        form = AssignForm(initial={"members": [request.GET.get("nip", "")]}, members=members, courses=courses)
    return render(request, "development/assign.html", {"form": form})


# --- The employee's own plan ----------------------------------------------------------------------------------


def _own_plans(request):
    return DevelopmentPlan.objects.filter(employee__user=request.user).exclude(status=DevelopmentPlan.Status.DRAFT)


@login_required
def my_plans(request):
    me = own_employee(request.user)
    if me is None:
        raise Http404
    plans = [p for p in selectors.plans_of(me) if p.status != DevelopmentPlan.Status.DRAFT]
    return render(request, "development/my_plans.html", {"plans": plans, "employee": me})


@login_required
def my_plan(request, pk: int):
    plan = selectors.plan_detail(pk, _own_plans(request))
    if plan is None:
        raise Http404
    return render(
        request,
        "development/plan.html",
        {"plan": plan, "staff": False, "ack_form": AcknowledgeForm(), "evidence_form": EvidenceForm()},
    )


@login_required
@require_POST
def my_plan_acknowledge(request, pk: int):
    plan = get_object_or_404(_own_plans(request), pk=pk)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Komentar terlalu panjang."))
        return redirect("development:my_plan", pk=pk)
    return _post(
        request,
        lambda: services.plan_acknowledge(actor=request.user, plan=plan, comment=form.cleaned_data["comment"]),
        redirect("development:my_plan", pk=pk),
        _("Terima kasih: rencana telah Anda konfirmasi."),
    )


@login_required
@require_POST
def my_evidence_submit(request, action_pk: int):
    action = get_object_or_404(
        PlanAction.objects.filter(goal__plan__in=_own_plans(request)).select_related("goal"), pk=action_pk
    )
    form = EvidenceForm(request.POST, request.FILES)
    target = redirect("development:my_plan", pk=action.goal.plan_id)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return target
    return _post(
        request,
        lambda: services.evidence_submit(
            actor=request.user, action=action, note=form.cleaned_data["note"], upload=form.cleaned_data["file"]
        ),
        target,
        _("Bukti terkirim; atasan Anda akan meninjaunya."),
    )


@login_required
def my_evidence_file(request, pk: int):
    evidence = get_object_or_404(ActionEvidence.objects.filter(action__goal__plan__in=_own_plans(request)), pk=pk)
    return _file_response(evidence)
