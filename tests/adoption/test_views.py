"""The /pimpinan/ page: roles × pages, Indonesian SVG without decimal commas, export job, notify action."""

import re

from django.urls import reverse

import pytest

from portal.models import BackgroundJob
from tests.campaigns.test_adoption_figures import org  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _login(client, u):
    client.force_login(u)
    client.cookies["django_language"] = "id"


def test_hr_sees_figures_and_svg_numbers_are_plain(client, org, settings):  # noqa: F811
    settings.LANGUAGE_CODE = "id"
    _login(client, org["hr"])
    r = client.get(reverse("adoption:dashboard"), HTTP_ACCEPT_LANGUAGE="id")
    html = r.content.decode()
    assert r.status_code == 200 and "Corong adopsi" in html
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        assert not re.search(r'(width|height|x|y)="[0-9]+,[0-9]', svg), svg
    assert re.search(r'<rect class="bar" x="0" y="\d+" height="7" width="[1-9]', html)


def test_roles_and_scope(client, org):  # noqa: F811
    _login(client, org["people"][0].user)
    assert client.get(reverse("adoption:dashboard")).status_code in (403, 404)
    _login(client, org["leader"])
    assert client.get(reverse("adoption:dashboard")).status_code == 200
    assert client.get(reverse("adoption:dashboard"), {"unit": org["a"].pk}).status_code == 404
    assert client.post(reverse("adoption:export"), {"unit": org["a"].pk}).status_code == 404


def test_export_job_and_only_its_owner_downloads(client, org, django_capture_on_commit_callbacks, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    _login(client, org["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("adoption:export"), {"format": "csv"})
    job = BackgroundJob.objects.get(kind="adoption-export")
    assert r.status_code == 302 and job.status == "done"
    body = b"".join(client.get(reverse("adoption:export_download", args=[job.pk])).streaming_content).decode(
        "utf-8-sig"
    )
    assert "Unit D" in body and "headcount" in body
    _login(client, org["leader"])
    assert client.get(reverse("adoption:export_download", args=[job.pk])).status_code == 404
