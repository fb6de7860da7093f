"""Thin views. Public: the form, the thank-you page, the public results (no login, no personal data). Staff:
overview, unit report, PDF, XLSX, posters, comments; fetched through `access` and answered 404 outside it."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal import dates
from portal.exports import CONTENT_TYPES
from portal.links import absolute
from portal.roles import Role, is_hr_admin, role_required

from . import rules, selectors, services
from .access import can_moderate, may_use_reports, visible_service_units
from .forms import HONEYPOT_FIELD, FollowUpForm, SurveyForm
from .models import ServiceUnit, SurveyOfficer, SurveyPeriod, SurveyResponse


def public_view(view):
    """A page citizens reach without an account: exempt from Django's LoginRequiredMiddleware (should the site
    turn it on) and marked for the portal's own checks."""
    view = login_not_required(view)
    view.portal_public = True
    return view


def _public_unit(request, code: str):
    unit = ServiceUnit.objects.select_related("unit").filter(code=code.lower(), active=True).first()
    if unit is None:
        response = render(request, "survey/unknown_unit.html", {"code": code}, status=404)
        return None, response
    return unit, None


def client_address(request) -> str:
    # REMOTE_ADDR is what the reverse proxy hands over; a forwarded header is only as honest as its sender.
    return request.META.get("REMOTE_ADDR", "")


# --- Public ---------------------------------------------------------------------------------------------------


@public_view
def unit_list(request):
    return render(request, "survey/unit_list.html", {"units": selectors.public_units()})


@public_view
@never_cache
# The form acts for no session (it is anonymous and changes nothing of the visitor's); its own signed single-use
# token does what the CSRF token would, and a phone that blocks cookies still gets its answer in.
@csrf_exempt
def survey_form(request, code: str):
    unit, missing = _public_unit(request, code)
    if missing:
        return missing
    period = services.open_period_for()
    if period is None:
        return render(request, "survey/closed.html", {"service_unit": unit})
    kinds, officers = selectors.active_kinds(unit), selectors.active_officers(unit)
    problem = None
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, kinds=kinds, officers=officers)
        # One transaction (one commit) for the counter and the response; a refusal inside rolls back to its
        # savepoint only, so the attempt is still counted.
        with transaction.atomic():
            done, problem, status = _submit(request, unit, period, form, kinds)
        if done is not None:
            return done
        # Answers stay on the page; the citizen corrects and sends again with a fresh token.
        form.data = form.data.copy()
        form.data["token"] = services.form_token_issue(service_unit=unit, period=period)
        form.data[HONEYPOT_FIELD] = ""
    else:
        officer_code = (request.GET.get("petugas") or "").strip().upper()
        initial = {"token": services.form_token_issue(service_unit=unit, period=period)}
        if officer_code in {o.code for o in officers}:
            initial["officer"] = officer_code
        form = SurveyForm(initial=initial, kinds=kinds, officers=officers)
    context = {
        "service_unit": unit,
        "period": period,
        "form": form,
        "officers": officers,
        "problem": problem,
        "selected_officer": (form["officer"].value() or "").upper(),
    }
    return render(request, "survey/form.html", context, status=status)


def _submit(request, unit, period, form, kinds):
    """(response to send, or None; the problem to show; the status)."""
    if not services.submit_allowed(address=client_address(request)):
        return None, services.RATE_LIMIT_MESSAGE, 429
    if not form.is_valid():
        return None, None, 200
    data = form.cleaned_data
    try:
        services.survey_submit(
            service_unit=unit,
            token=data["token"],
            open_period=period,
            scores={f: data[f] for f in rules.ELEMENT_FIELDS},
            service_kind=next(k for k in kinds if k.pk == data["service_kind"]),
            officer_id=data["officer"].employee_id if data["officer"] else None,
            profile=form.profile(),
            comment=data["comment"],
            is_complaint=data["is_complaint"],
        )
    except services.SurveyRejected as exc:
        if exc.code == "replayed":
            messages.info(request, exc.message)
            return redirect("survey:thanks", code=unit.code), None, 302
        if exc.code == "closed":
            return render(request, "survey/closed.html", {"service_unit": unit}, status=409), None, 409
        return None, exc.message, 400
    except ValidationError as exc:
        return None, " ".join(exc.messages), 400
    return redirect("survey:thanks", code=unit.code), None, 302


@public_view
def thanks(request, code: str):
    unit, missing = _public_unit(request, code)
    if missing:
        return missing
    return render(request, "survey/thanks.html", {"service_unit": unit})


@public_view
def public_results(request, code: str):
    unit, missing = _public_unit(request, code)
    if missing:
        return missing
    trend = [(p, f) for p, f in selectors.unit_trend(unit) if f.responses or p.is_open]
    return render(request, "survey/public_results.html", {"service_unit": unit, "trend": trend})


# --- Staff ------------------------------------------------------------------------------------------------------


def _period(request) -> SurveyPeriod | None:
    pid = request.GET.get("periode")
    if pid and pid.isdigit():
        period = SurveyPeriod.objects.filter(pk=int(pid)).first()
        if period:
            return period
    return selectors.latest_period()


def _staff_unit(request, code: str) -> ServiceUnit:
    unit = visible_service_units(request.user).select_related("unit").filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


@login_required
def overview(request):
    if not may_use_reports(request.user):
        raise Http404
    period = _period(request)
    rows = selectors.overview(visible_service_units(request.user), period) if period else []
    periods = list(SurveyPeriod.objects.order_by("-start_date")[:12])
    today = dates.today()
    current = dates.quarter_bounds(today.year, dates.quarter_of(today))
    context = {
        "period": period,
        "periods": periods,
        "rows": rows,
        "is_hr": is_hr_admin(request.user),
        "current_quarter_missing": not any((p.start_date, p.end_date) == current for p in periods),
    }
    return render(request, "survey/overview.html", context)


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_POST
def period_action(request):
    """HR opens the current quarter (creating it if needed), or opens/closes a period."""
    action = request.POST.get("action")
    if action == "open_current":
        today = dates.today()
        period = services.survey_period_for_quarter(year=today.year, quarter=dates.quarter_of(today))
        services.survey_period_set_status(period=period, status=SurveyPeriod.Status.OPEN)
        messages.success(request, _("Periode %(p)s dibuka.") % {"p": period.name})
    elif action in ("open", "close"):
        period = get_object_or_404(SurveyPeriod, pk=request.POST.get("period"))
        status = SurveyPeriod.Status.OPEN if action == "open" else SurveyPeriod.Status.CLOSED
        services.survey_period_set_status(period=period, status=status)
        if action == "open":
            messages.success(request, _("Periode %(p)s dibuka.") % {"p": period.name})
        else:
            messages.success(request, _("Periode %(p)s ditutup.") % {"p": period.name})
    else:
        raise Http404
    return redirect("survey:overview")


@login_required
def unit_report(request, code: str):
    unit = _staff_unit(request, code)
    period = _period(request)
    if period is None:
        raise Http404
    context = {
        "service_unit": unit,
        "period": period,
        "periods": SurveyPeriod.objects.order_by("-start_date")[:12],
        "report": selectors.unit_report(unit, period),
        "trend": selectors.unit_trend(unit),
        "can_moderate": can_moderate(request.user, unit),
        "form_url": absolute(reverse("survey:form", kwargs={"code": unit.code})),
    }
    return render(request, "survey/unit_report.html", context)


@login_required
def report_pdf(request, code: str, period_id: int):
    from .pdf import report_pdf as build

    unit = _staff_unit(request, code)
    period = get_object_or_404(SurveyPeriod, pk=period_id)
    data = build(selectors.unit_report(unit, period), selectors.unit_trend(unit))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="skm-{unit.code}-{period.start_date:%Y-%m}.pdf"'
    return response


@login_required
def report_xlsx(request, code: str, period_id: int):
    from .exports import write_report

    unit = _staff_unit(request, code)
    period = get_object_or_404(SurveyPeriod, pk=period_id)
    buffer = io.BytesIO()
    write_report(selectors.unit_report(unit, period), buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="skm-{unit.code}-{period.start_date:%Y-%m}.xlsx"'
    return response


@login_required
def posters(request, code: str, officer_code: str | None = None):
    from .posters import qr_svg

    unit = _staff_unit(request, code)
    officer = None
    url = absolute(reverse("survey:form", kwargs={"code": unit.code}))
    if officer_code:
        officer = get_object_or_404(
            SurveyOfficer.objects.select_related("employee"), service_unit=unit, code=officer_code, active=True
        )
        url = f"{url}?petugas={officer.code}"
    context = {
        "service_unit": unit,
        "officer": officer,
        "url": url,
        "qr": qr_svg(url),
        "officers": selectors.active_officers(unit) if officer is None else [],
    }
    return render(request, "survey/poster.html", context)


@login_required
def comment_list(request, code: str):
    unit = _staff_unit(request, code)
    if not can_moderate(request.user, unit):
        raise Http404
    period = _period(request)
    if period is None:
        raise Http404
    only = request.GET.get("pengaduan") == "1"
    page = Paginator(selectors.comments(unit, period, complaints_only=only), 25).get_page(request.GET.get("hal"))
    context = {
        "service_unit": unit,
        "period": period,
        "periods": SurveyPeriod.objects.order_by("-start_date")[:12],
        "page": page,
        "complaints_only": only,
        "follow_up_form": FollowUpForm(),
    }
    return render(request, "survey/comments.html", context)


def _moderated_response(request, pk: int) -> SurveyResponse:
    response = get_object_or_404(SurveyResponse.objects.select_related("service_unit__unit", "period"), pk=pk)
    if not visible_service_units(request.user).filter(pk=response.service_unit_id).exists():
        raise Http404
    if not can_moderate(request.user, response.service_unit):
        raise Http404
    return response


def _back_to_comments(response: SurveyResponse):
    url = reverse("survey:comments", kwargs={"code": response.service_unit.code})
    return redirect(f"{url}?periode={response.period_id}#r{response.pk}")


@login_required
@require_POST
def comment_hide(request, pk: int):
    response = _moderated_response(request, pk)
    hidden = request.POST.get("hidden") == "1"
    services.comment_set_hidden(response=response, hidden=hidden)
    messages.success(request, _("Komentar disembunyikan.") if hidden else _("Komentar ditampilkan lagi."))
    return _back_to_comments(response)


@login_required
@require_POST
def complaint_follow_up(request, pk: int):
    response = _moderated_response(request, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_follow_up(response=response, actor=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Tindak lanjut pengaduan dicatat."))
    else:
        messages.error(request, _("Tuliskan tindak lanjutnya."))
    return _back_to_comments(response)
