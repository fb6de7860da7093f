"""Inbox, opening a notice, mark all read, email preferences: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import selectors, services


@login_required
@require_GET
def inbox(request):
    page = selectors.inbox_page(user=request.user, page_number=request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page, "notices": page.object_list})


@login_required
@require_GET
def open_notice(request, pk: int):
    """Mark one's own notice read and go where it points (someone else's notice is a 404)."""
    notification = selectors.notification_of(user=request.user, pk=pk)
    if notification is None:
        raise Http404
    services.notification_mark_read(notification=notification)
    target = notification.link
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect("notifications:inbox")
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Semua pemberitahuan sudah ditandai dibaca."))
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    rows = selectors.email_preferences(user=request.user)
    if request.method == "POST":
        chosen = {row["kind"]: f"email-{row['kind']}" in request.POST for row in rows}
        services.notification_preferences_set(user=request.user, email_by_kind=chosen)
        messages.success(request, _("Pengaturan email pemberitahuan disimpan."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"rows": rows})
