"""The invitation mail a new roster account receives: a link to set a password (allauth's reset-from-key)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str

from .models import Employee


def invitation_url(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_pending_invitations(user_ids: list[int]) -> int:
    """Send the invitation to each of these accounts not yet invited and still without a password."""
    sent = 0
    pending = (
        Employee.objects.select_related("user")
        .filter(user_id__in=user_ids, invited_at__isnull=True, user__is_active=True)
        .order_by("pk")
    )
    for employee in pending:
        user = employee.user
        if user.has_usable_password():
            continue
        context = {"employee": employee, "url": invitation_url(user)}
        send_mail(
            subject=render_to_string("performance/email/invitation_subject.txt", context).strip(),
            message=render_to_string("performance/email/invitation.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
        # Marked one by one: a failure halfway leaves the rest for the retry, and nobody gets two mails.
        Employee.objects.filter(pk=employee.pk).update(invited_at=timezone.now())
        sent += 1
    return sent
