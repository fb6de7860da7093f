"""In a real browser at 360 px, in Indonesian: the leader's /pimpinan/ of the demo draws its SVG bars (non-zero
widths in the funnel, non-zero heights in the weekly trend) with no console errors and no horizontal scroll."""

import pytest

from portal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pimpinan_bars_in_indonesian(page):
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo
    from performance.adoption.devdata import demo as adoption_demo
    from performance.campaigns.devdata import demo as campaigns_demo
    from performance.devdata import demo as performance_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions

    sync_role_permissions()
    portal_demo.seed()
    home_demo.seed()
    learning_demo.seed()
    performance_demo.seed()
    assert campaigns_demo.seed() is not None
    adoption_demo.seed()  # eight weeks of the campaign replayed, with their nightly snapshots

    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.context.add_cookies([{"name": "django_language", "value": "id", "url": page.base_url}])
    page.goto(page.base_url + "/akun/login/")
    page.fill("#id_login", "pimpinan@walesi.test")
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(lambda url: "/akun/login/" not in url)
    page.goto(page.base_url + "/pimpinan/")
    assert page.locator("h2#corong").inner_text() == "Corong adopsi"
    widths = page.evaluate("Array.from(document.querySelectorAll('svg rect.bar')).map(r => r.getBBox().width)")
    assert widths and max(widths) > 0
    funnel_first = page.evaluate(
        "document.querySelector('#corong ~ svg rect.bar, section svg rect.bar').getBBox().width"
    )
    assert funnel_first > 0  # reached > 0: the leader signed in
    # the weekly trend: a reached bar of non-zero height in each of the campaign's past weeks (from the snapshots)
    heights = page.evaluate(
        "Array.from(document.querySelectorAll('svg[aria-labelledby=tren-teks] rect.bar')).map(r => r.getBBox().height)"
    )
    reached = heights[0::2]
    assert len(reached) == 12 and all(h > 0 for h in reached[-9:]), heights
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert errors == []
