"""Page weight and Largest Contentful Paint on a poor 3G link, as a phone would see them.

Runs Debian's Chromium through Playwright against a running portal (default http://127.0.0.1:8000, e.g.
`make demo`), 360 x 740 viewport, cold cache for every page, the link shaped to 400 kbit/s with 400 ms RTT.
Prints per page: bytes on the wire, requests, LCP, and whether it meets the budget (<= 100 KB, LCP <= 3 s).

    python -m bench.lcp [--base-url URL] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "Walesi-Demo-2026"
KBIT = 1000 / 8  # bytes per second in one kbit/s
LINK = {"offline": False, "latency": 400, "downloadThroughput": 400 * KBIT, "uploadThroughput": 400 * KBIT}
BUDGET_BYTES = 100 * 1024
BUDGET_LCP_MS = 3000

# (label, account or None, path). Paths that need data discovered at run time use a resolver.
PAGES = [
    ("beranda (anonim)", None, "/"),
    ("login", None, "/akun/login/"),
    ("katalog kursus", None, "/katalog/"),
    ("standar kinerja", None, "/standar/"),
    ("sosialisasi", None, "/sosialisasi/"),
    ("dasbor belajar", "pegawai@walesi.test", "/belajar/"),
    ("kinerja saya", "pegawai@walesi.test", "/pegawai/saya/"),
    ("kursus", "pegawai@walesi.test", "/kursus/standar-kinerja-asn-walesi/"),
    ("modul", "pegawai@walesi.test", "/kursus/standar-kinerja-asn-walesi/bagaimana-kinerja-dinilai/"),
    ("tim saya", "atasan@walesi.test", "/tim/"),
    ("dasbor pimpinan", "pimpinan@walesi.test", "/pimpinan/"),
]

LCP_SCRIPT = """
() => new Promise((resolve) => {
  let lcp = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) lcp = Math.max(lcp, e.renderTime || e.loadTime || e.startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const bytes = (nav ? nav.transferSize : 0) + res.reduce((s, r) => s + (r.transferSize || 0), 0);
    resolve({lcp, bytes, requests: 1 + res.length, load: nav ? nav.loadEventEnd : 0});
  }, 300);
})
"""


def login(context, base_url: str, email: str) -> None:
    page = context.new_page()
    page.goto(base_url + "/akun/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.close()


def measure(browser, base_url: str, email: str | None, path: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    if email:
        login(context, base_url, email)  # over a fast link: only the page itself is measured on the slow one
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", LINK)
    response = page.goto(base_url + path, wait_until="load", timeout=120_000)
    result = page.evaluate(LCP_SCRIPT)
    result["status"] = response.status if response else 0
    result["final_url"] = page.url.removeprefix(base_url)
    context.close()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("BENCH_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--json", default="bench-results/lcp.json")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        for label, email, path in PAGES:
            r = measure(browser, args.base_url, email, path)
            ok = r["status"] == 200 and r["bytes"] <= BUDGET_BYTES and r["lcp"] <= BUDGET_LCP_MS
            rows.append({"page": label, "path": path, "account": email or "", **r, "within_budget": ok})
        browser.close()

    print(f"{'page':<22} {'status':>6} {'KB wire':>8} {'req':>4} {'LCP ms':>7}  budget (<=100 KB, LCP<=3000 ms)")
    for r in rows:
        print(
            f"{r['page']:<22} {r['status']:>6} {r['bytes'] / 1024:>8.1f} {r['requests']:>4} {r['lcp']:>7.0f}  "
            f"{'ok' if r['within_budget'] else 'OVER'}"
        )
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"link": LINK, "pages": rows}, indent=2))
    print(f"written {args.json}")
    return 0 if all(r["within_budget"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
