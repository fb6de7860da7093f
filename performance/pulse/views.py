"""Thin views of the pulse: answer (every ASN in scope), results (leadership: their units; HR: all), manage (HR)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import dates
from portal.roles import Role, is_hr_admin, is_leadership, own_page, role_required, staff_page

from . import selectors, services
from .forms import PulseAnswerForm, PulseOpenForm
from .models import Pulse


def _error_text(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(str(m) for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(str(m) for m in exc.messages)


@login_required
@own_page
def pulse_list(request):
    return render(request, "pulse/list.html", {"items": selectors.open_pulses_for(request.user)})


@login_required
@own_page
def pulse_answer(request, pk: int):
    pulse = get_object_or_404(Pulse, pk=pk)
    if not selectors.is_member(request.user, pulse):
        context = {"pulse": pulse, "message": _("Pulse ini bukan untuk unit Anda.")}
        return render(request, "pulse/unavailable.html", context, status=404)
    if not pulse.accepts_answers_on(dates.today()):
        context = {"pulse": pulse, "message": _("Pulse ini sudah ditutup; jawaban tidak lagi diterima.")}
        return render(request, "pulse/unavailable.html", context, status=200 if request.method == "GET" else 400)
    answered = selectors.has_answered(request.user, pulse)
    form = PulseAnswerForm(request.POST or None, pulse=pulse)
    error = None
    if request.method == "POST":
        if form.is_valid():
            try:
                services.pulse_answer(
                    pulse=pulse,
                    user=request.user,
                    scores=form.scores(),
                    open_answer=form.cleaned_data.get("open_answer", ""),
                )
            except ValidationError as exc:
                error = _error_text(exc)
            else:
                messages.success(request, _("Terima kasih. Jawaban Anda tersimpan tanpa nama."))
                return redirect("pulse:list")
        else:
            error = _("Jawaban belum tersimpan. Periksa pesan di bawah.")
    context = {"pulse": pulse, "form": form, "answered": answered, "error": error}
    status = 400 if request.method == "POST" else 200
    return render(request, "pulse/answer.html", context, status=status)


def _may_see_results(user) -> bool:
    return is_hr_admin(user) or is_leadership(user)


@staff_page
@login_required
def results(request):
    if not _may_see_results(request.user):
        raise Http404
    return render(request, "pulse/results.html", {"pulses": selectors.results_pulses(request.user)})


@staff_page
@login_required
def report(request, pk: int):
    if not _may_see_results(request.user):
        raise Http404
    pulse = next((p for p in selectors.results_pulses(request.user) if p.pk == pk), None)
    if pulse is None:
        raise Http404
    return render(request, "pulse/report.html", selectors.pulse_report(request.user, pulse))


@role_required(Role.ADMIN_KEPEGAWAIAN)
def manage(request):
    form = PulseOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pulse = services.pulse_open(
                opened_by=request.user,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                units=list(form.cleaned_data["units"]),
                statements=form.statements(),
                open_question=form.cleaned_data["open_question"],
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Pulse “%(title)s” dibuka.") % {"title": pulse.title})
            return redirect("pulse:manage")
    return render(request, "pulse/manage.html", {"form": form, "pulses": Pulse.objects.all()[:50]})


@require_POST
@role_required(Role.ADMIN_KEPEGAWAIAN)
def close(request, pk: int):
    pulse = get_object_or_404(Pulse, pk=pk)
    services.pulse_close(pulse=pulse)
    messages.success(request, _("Pulse “%(title)s” ditutup.") % {"title": pulse.title})
    return redirect("pulse:manage")
