"""The employee hears that their assessment was submitted: one notice and one mail, however often it is sent."""

from django.core import mail
from django.urls import reverse

import pytest

from performance.models import Assessment
from portal.notifications.models import Notification
from portal.notifications.tasks import send_notification_email

from .test_assessments import assess_url, form_data

pytestmark = pytest.mark.django_db


def test_submitted_assessment_notifies_the_employee_once(demo_org, login, django_capture_on_commit_callbacks):
    pegawai = demo_org["employees"]["pegawai"]
    client = login("atasan@walesi.test")
    url = assess_url(demo_org)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**form_data(), "save": "1"})
    assert not Notification.objects.filter(recipient=pegawai.user).exists()  # a draft is not news yet

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {**form_data(), "submit": "1"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**form_data(), "submit": "1"})  # double-clicked

    assessment = Assessment.objects.get(employee=pegawai, status="submitted")
    notices = Notification.objects.filter(recipient=pegawai.user, kind="performance.assessment_submitted")
    assert notices.count() == 1
    notice = notices.get()
    assert notice.title == "Penilaian kinerja Anda telah dikirim, silakan baca dan tanggapi"
    assert notice.link == reverse("performance:assessment", args=[assessment.pk])

    send_notification_email(notice.pk)  # the task delivered twice by the broker
    sent = [m for m in mail.outbox if pegawai.user.email in m.to]
    assert len(sent) == 1
    assert "silakan baca dan tanggapi" in sent[0].subject

    # The employee sees it in the bell's inbox and it leads to the assessment.
    inbox = login(pegawai.user.email)
    assert "silakan baca dan tanggapi" in inbox.get(reverse("notifications:inbox")).content.decode()
