"""HR (Admin Kepegawaian): the overview, the employee list and the periods."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.roles import Role, role_required

from .. import selectors, services
from ..forms import PeriodForm, PeriodStatusForm, RosterUploadForm
from ..models import PerformancePeriod
from ._common import error_text


@role_required(Role.ADMIN_KEPEGAWAIAN)
def hr_home(request):
    return render(
        request,
        "performance/hr_home.html",
        {
            "counts": selectors.hr_counts(),
            "periods": selectors.recent_periods(),
            "upload_form": RosterUploadForm(),
            "period_form": PeriodForm(),
        },
    )


@role_required(Role.ADMIN_KEPEGAWAIAN)
def hr_employees(request):
    query = request.GET.get("q", "").strip()
    page = Paginator(selectors.employee_search(query), 50).get_page(request.GET.get("page"))
    return render(request, "performance/hr_employees.html", {"page": page, "q": query})


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_POST
def period_create(request):
    form = PeriodForm(request.POST)
    if form.is_valid():
        try:
            services.period_create(**form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Periode ditambahkan."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(reverse("performance:hr_home") + "#periode")


@role_required(Role.ADMIN_KEPEGAWAIAN)
@require_POST
def period_status(request, pk: int):
    period = get_object_or_404(PerformancePeriod, pk=pk)
    form = PeriodStatusForm(request.POST)
    if form.is_valid():
        services.period_set_status(period=period, status=form.cleaned_data["status"])
        messages.success(request, _("Status %(p)s diubah.") % {"p": period})
    else:
        messages.error(request, _("Status periode tidak dikenal: pilih Dibuka atau Ditutup. Tidak ada yang diubah."))
    return redirect(reverse("performance:hr_home") + "#periode")
