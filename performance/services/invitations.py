"""The invitation mail a new roster account receives: a link to set a password (allauth's reset-from-key).

Sent through the portal's one mail path (`portal.notifications.mail.send_mail_to`); it is not a notice, since
the person has never signed in to read one.
"""

from __future__ import annotations

from django.core.mail import get_connection
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str

from portal.links import absolute
from portal.notifications.mail import recipient_language, send_mail_to

from ..models import Employee


def invitation_url(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return absolute(path)


def send_pending_invitations(user_ids: list[int]) -> int:
    """Send the invitation to each of these accounts not yet invited and still without a password.

    Sent invitations are marked in one update at the end, also when a send fails halfway (the `finally`), so a
    retry mails only those not reached and nobody gets two mails.
    """
    pending = (
        Employee.objects.select_related("user")
        .filter(user_id__in=user_ids, invited_at__isnull=True, user__is_active=True)
        .order_by("pk")
    )
    sent: list[int] = []
    subject_template = get_template("performance/email/invitation_subject.txt")
    body_template = get_template("performance/email/invitation.txt")
    connection = get_connection()
    try:
        for employee in pending:
            user = employee.user
            if user.has_usable_password():
                continue
            context = {"employee": employee, "url": invitation_url(user)}
            with translation.override(recipient_language(user)):
                subject, body = subject_template.render(context).strip(), body_template.render(context)
            if send_mail_to(user_or_address=user, subject=subject, body=body, connection=connection):
                sent.append(employee.pk)
    finally:
        if sent:
            Employee.objects.filter(pk__in=sent).update(invited_at=timezone.now())
    return len(sent)
