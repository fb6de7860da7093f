"""The Wagtail admin a trainer and a reviewer see is Indonesian, and so are the workflow mails (issue 9, item 14)."""

import re

from django.conf import settings
from django.core import mail
from django.urls import reverse

import pytest

from home.services import content_access_ensure
from tests.home import factories as cf
from tests.learning import factories as lf

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Approve with comment",
    "halaman-halaman",
    "Request changes",
    "Toggle side panel",
    "Set publishing schedule",
    "Preview in new tab",
    "Content metrics",
    "Visit the live page",
    "Has child pages",
    "Choose when this page should go live",
    "has been submitted",
    "Compare with previous version",
]
PAGINATION_EN = re.compile(r"\b\d+-\d+ of \d+\b")


def _english_in(html: str) -> list[str]:
    found = [s for s in ENGLISH if s in html]
    found += PAGINATION_EN.findall(html)
    return found


@pytest.fixture
def submitted_course(client, demo_users):
    home = cf.site_home()
    content_access_ensure(root=home)
    index = lf.course_index(home)
    course = lf.course(index, title="Kursus asli")
    lf.course(index, title="Kursus kedua")
    client.force_login(demo_users["pelatih@walesi.test"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
    form = client.get(edit_url).context["form"]
    data = {k: v for k, v in form.initial.items() if isinstance(v, str | int)}
    from tests.home.test_workflow import _course_form

    mail.outbox.clear()
    response = client.post(edit_url, {**data, **_course_form("Kursus diperbarui", course.slug), "action-submit": "1"})
    assert response.status_code == 302
    return {"course": course, "index": index, "users": demo_users}


def test_trainer_screens_have_none_of_the_english_strings(client, submitted_course):
    course, index = submitted_course["course"], submitted_course["index"]
    for url in [
        reverse("wagtailadmin_pages:edit", args=(course.pk,)),
        reverse("wagtailadmin_explore", args=(index.pk,)),
        reverse("wagtailadmin_pages:history", args=(course.pk,)),
        reverse("wagtailadmin_home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _english_in(response.content.decode()) == [], url


def test_reviewer_sees_indonesian_workflow_actions(client, submitted_course):
    client.force_login(submitted_course["users"]["admin@walesi.test"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(submitted_course["course"].pk,))).content.decode()
    assert "Setujui dengan komentar" in html
    assert _english_in(html) == []


def test_listing_counts_in_indonesian(client, submitted_course):
    html = client.get(reverse("wagtailadmin_explore", args=(submitted_course["index"].pk,))).content.decode()
    assert re.search(r"\d+ halaman\b", html)
    assert "halaman-halaman" not in html


def test_workflow_mail_is_indonesian_and_links_to_the_portal(submitted_course):
    assert mail.outbox, "the reviewers get a mail when a trainer submits"
    for message in mail.outbox:
        text = message.subject + "\n" + message.body
        assert "telah diajukan" in text
        assert _english_in(text) == [], text
        links = re.findall(r"https?://\S+", message.body)
        assert links and all(link.startswith(settings.WAGTAILADMIN_BASE_URL + "/admin/") for link in links), links


def test_no_gravatar_and_no_release_check(client, submitted_course):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.io" not in html and "data-w-upgrade" not in html
