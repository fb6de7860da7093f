"""Writes of the project's own records (the User)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


@transaction.atomic
def user_language_set(*, user, language: str) -> None:
    """Remember the interface language a person chose: their mails and notices are written in it."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Bahasa tidak dikenal."))
    if user.language == language:
        return
    User = get_user_model()
    user.language = User._meta.get_field("language").clean(language, user)
    User.objects.filter(pk=user.pk).update(language=language)
