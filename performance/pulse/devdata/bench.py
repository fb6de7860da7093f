"""Benchmark cases of the pulse for the `make bench` harness (it loads the demo, so the demo pulses exist)."""

from __future__ import annotations


def _user(email):
    def get(context):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.get(email=email)

    return get


def _report_url(context) -> str:
    from django.urls import reverse

    from ..models import Pulse

    pulse = Pulse.objects.filter(status=Pulse.Status.CLOSED).order_by("-opens_on").first()
    return reverse("pulse:report", args=[pulse.pk])


def _answer_url(context) -> str:
    from django.urls import reverse

    from ..models import Pulse

    return reverse("pulse:answer", args=[Pulse.objects.filter(status=Pulse.Status.OPEN).first().pk])


BENCH_CASES = [
    {"name": "pulse.report", "kind": "page", "user": _user("admin@walesi.test"), "url": _report_url},
    {"name": "pulse.answer", "kind": "page", "user": _user("pegawai2@walesi.test"), "url": _answer_url},
]
