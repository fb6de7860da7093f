"""Builders for notification tests (factory-boy)."""

from django.contrib.auth import get_user_model

import factory

from portal.notifications.models import Notification


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"orang{n}@walesi.test")
    first_name = "Orang"
    last_name = factory.Sequence(lambda n: f"Uji {n}")
    password = factory.django.Password("Walesi-Demo-2026")
    language = "id"


class NotificationFactory(factory.django.DjangoModelFactory):
    """A stored notice, bypassing notify() (for inbox and bell tests that need many)."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = "uji.pesan"
    event_key = factory.Sequence(lambda n: f"uji:{n}")
    title = factory.Sequence(lambda n: f"Pemberitahuan uji {n}")
    body = "Isi singkat."
    link = "/belajar/"
    email_status = Notification.EmailStatus.SENT
