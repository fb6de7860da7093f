"""Thin views of dialogues, team meetings and appreciation. Staff pages for the supervisor side; the employee's
own dialogues and meetings under /pegawai/saya/ are not. Someone else's record is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from performance import selectors as perf_selectors
from performance.access import can_assess, own_employee, visible_employees
from performance.models import Assessment
from portal.roles import staff_page

from . import selectors, services
from .forms import AppreciationForm, DecisionForm, DialogueForm, MeetingForm, ObjectionForm, ResponseForm
from .models import AssessmentObjection, Dialogue


def error_text(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(str(m) for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(str(m) for m in exc.messages)


def _member(request, nip: str):
    employee = perf_selectors.profile_employee(visible_employees(request.user), nip)
    if employee is None or employee.user_id == request.user.pk:
        raise Http404
    return employee


@staff_page
@login_required
def member_dialogues(request, nip: str):
    employee = _member(request, nip)
    may_write = can_assess(request.user, employee)
    open_actions = selectors.open_actions_of(employee)
    form = None
    if may_write:
        form = DialogueForm(request.POST or None, open_actions=open_actions)
        if request.method == "POST" and form.is_valid():
            try:
                dialogue = services.dialogue_record(actor=request.user, employee=employee, data=form.to_input())
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Dialog kinerja dicatat."))
                return redirect("supervision:dialogue", pk=dialogue.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "supervision/member_dialogues.html",
        {
            "employee": employee,
            "dialogues": selectors.dialogues_of(employee),
            "open_actions": open_actions,
            "form": form,
            # Private: the supervisor's own notes, only on their own page (may_write: the direct supervisor).
            "prep_note": selectors.preparation_note(author=request.user, employee=employee) if may_write else None,
        },
    )


@staff_page
@login_required
@require_POST
def preparation_note(request, nip: str):
    employee = _member(request, nip)
    try:
        services.preparation_note_save(actor=request.user, employee=employee, text=request.POST.get("text", ""))
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Catatan persiapan disimpan. Hanya Anda yang dapat membacanya."))
    return redirect(f"{reverse('supervision:member_dialogues', args=[employee.nip])}#persiapan")


@staff_page
@login_required
def dialogue(request, pk: int):
    d = selectors.dialogue_detail(pk, selectors.visible_dialogues(request.user).exclude(employee__user=request.user))
    if d is None:
        raise Http404
    return render(request, "supervision/dialogue.html", {"d": d, "staff": True})


def _own_dialogues(request):
    return Dialogue.objects.filter(employee__user=request.user)


@login_required
def my_dialogues(request):
    me = own_employee(request.user)
    if me is None:
        raise Http404
    return render(
        request,
        "supervision/my_dialogues.html",
        {"dialogues": selectors.dialogues_of(me), "open_actions": selectors.open_actions_of(me)},
    )


@login_required
def my_dialogue(request, pk: int):
    d = selectors.dialogue_detail(pk, _own_dialogues(request))
    if d is None:
        raise Http404
    form = ResponseForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.dialogue_respond(actor=request.user, dialogue=d, response=form.cleaned_data["response"])
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, _("Tanggapan Anda tersimpan."))
        else:
            messages.error(request, _("Tanggapan terlalu panjang."))
        return redirect("supervision:my_dialogue", pk=pk)
    return render(request, "supervision/dialogue.html", {"d": d, "staff": False, "form": form})


# --- Meetings ------------------------------------------------------------------------------------------------


@staff_page
@login_required
def meetings(request):
    me = own_employee(request.user)
    may_record = bool(me and me.direct_reports.filter(active=True).exists())
    form = None
    if may_record:
        team = services.meeting_team(me)
        open_decisions = selectors.open_decisions_of_unit(me.unit_id)
        form = MeetingForm(request.POST or None, team=team, open_decisions=open_decisions)
        if request.method == "POST" and form.is_valid():
            try:
                meeting = services.meeting_record(actor=request.user, data=form.to_input())
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Pertemuan dicatat."))
                return redirect("supervision:meeting", pk=meeting.pk)
    elif request.method == "POST":
        raise Http404
    visible = selectors.visible_meetings(request.user)
    if not may_record and not visible.exists():
        raise Http404
    return render(
        request,
        "supervision/meetings.html",
        {
            "meetings": selectors.meetings_list(visible),
            "form": form,
            "open_decisions": selectors.open_decisions_of_unit(me.unit_id) if may_record else [],
        },
    )


@login_required
def meeting(request, pk: int):
    m = selectors.meeting_detail(pk, selectors.visible_meetings(request.user))
    if m is None:
        raise Http404
    return render(request, "supervision/meeting.html", {"m": m})


# --- Appreciation -------------------------------------------------------------------------------------------


@staff_page
@login_required
@require_POST
def appreciate(request, nip: str):
    employee = _member(request, nip)
    form = AppreciationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Periksa kembali isian apresiasi."))
    else:
        try:
            services.appreciation_give(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Apresiasi terkirim kepada %(name)s.") % {"name": employee.full_name})
    return redirect("dashboard:profile", nip=nip)


# --- Objections -------------------------------------------------------------------------------------------------


@login_required
@require_POST
def objection_file(request, assessment_pk: int):
    """The employee's own "Saya keberatan" (not a staff page)."""
    assessment = Assessment.objects.filter(employee__user=request.user, pk=assessment_pk).first()
    if assessment is None:
        raise Http404
    form = ObjectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Alasan keberatan terlalu panjang."))
    else:
        try:
            services.objection_file(actor=request.user, assessment=assessment, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Keberatan Anda diteruskan kepada atasan pejabat penilai."))
    return redirect("performance:assessment", pk=assessment_pk)


@staff_page
@login_required
def objection(request, pk: int):
    me = own_employee(request.user)
    obj = (
        AssessmentObjection.objects.filter(decider=me)
        .select_related("employee", "assessment__period", "assessment__assessor", "decider")
        .filter(pk=pk)
        .first()
        if me
        else None
    )
    if obj is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.objection_decide(
                    actor=request.user,
                    objection=obj,
                    uphold=form.cleaned_data["decision"] == "uphold",
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, _("Keputusan tersimpan dan diberitahukan."))
        else:
            messages.error(request, _("Pilih keputusan."))
        return redirect("supervision:objection", pk=pk)
    return render(request, "supervision/objection.html", {"o": obj, "form": form})


@staff_page
@login_required
def objections(request):
    me = own_employee(request.user)
    items = (
        list(
            AssessmentObjection.objects.filter(decider=me)
            .select_related("employee", "assessment__period")
            .order_by("status", "-created_at")[:50]
        )
        if me
        else []
    )
    return render(request, "supervision/objections.html", {"items": items})
