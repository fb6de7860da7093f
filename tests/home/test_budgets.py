"""Budgets of the public content pages on the demo content: queries (signed in) and gzipped weight."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

PAGES = [
    "/",
    "/standar-kinerja/",
    "/standar-kinerja/disiplin-kerja/",
    "/materi-sosialisasi/",
    "/materi-sosialisasi/tanya-jawab-survei-kepuasan-masyarakat/",
    "/kursus/",
    "/kursus/standar-kinerja-asn-walesi/",
    "/kursus/standar-kinerja-asn-walesi/bagaimana-kinerja-dinilai/",
    "/kursus/standar-kinerja-asn-walesi/ujian-akhir/",
    "/cari/?q=pelayanan",
]


@pytest.mark.django_db
def test_public_pages_stay_within_query_and_weight_budgets(client, demo_users):
    from learning import demo as learning_demo

    learning_demo.seed()
    client.force_login(demo_users["pegawai@walesi.test"])
    for url in PAGES:
        client.get(url)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        assert len(ctx.captured_queries) <= 15, (url, len(ctx.captured_queries))
        html = response.content
        weight = len(gzip.compress(html))
        assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
        assert assets, url  # the stylesheet is counted
        for href in assets:
            with open(finders.find(href.decode()), "rb") as asset:
                weight += len(gzip.compress(asset.read()))
        assert weight <= 60 * 1024, (url, weight)
