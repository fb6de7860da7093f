"""`python -m bench [--sizes small,default] [--json FILE] [--repeat N] [--learners small=200,default=5000]`

Builds a dedicated benchmark database (Django's test-database creation: `<NAME>_bench` on PostgreSQL, never the
dev database), loads the demo data, then for each data size (smallest first, grown in place) generates the scale
records and runs every case: queries, server time p50/p95 (in-process through Django's test client, so no
network), response bytes and gzipped bytes. Prints a table and writes the same as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_SIZES = {"small": 200, "default": 5000}


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="small,default", help="comma-separated size names (small, default)")
    parser.add_argument("--learners", default="", help="override sizes, e.g. small=100,default=2000")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per case and size")
    parser.add_argument("--json", default="bench-results/bench.json", help="where to write the results")
    parser.add_argument("--keepdb", action="store_true", help="keep the bench database afterwards")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    return parser.parse_args(argv)


def _sizes(args) -> list[tuple[str, int]]:
    table = dict(DEFAULT_SIZES)
    for item in filter(None, args.learners.split(",")):
        name, _, value = item.partition("=")
        table[name.strip()] = int(value)
    names = [n.strip() for n in args.sizes.split(",") if n.strip()]
    unknown = [n for n in names if n not in table]
    if unknown:
        raise SystemExit(f"unknown size(s) {unknown}; give them with --learners NAME=N")
    return sorted(((n, table[n]) for n in names), key=lambda item: item[1])


def load_cases():
    from django.conf import settings

    from . import cases as core

    found = list(core.BENCH_CASES)
    from portal.devdata.loading import setting_attribute

    for module_path in getattr(settings, "PORTAL_BENCH_MODULES", []):
        cases = setting_attribute(module_path, "BENCH_CASES", setting="PORTAL_BENCH_MODULES")
        found.extend(core.from_plain(c) if isinstance(c, dict) else c for c in cases)
    return found


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def run_case(case, client, ctx: dict, repeat: int) -> dict:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    def once(capture: bool):
        request = case.prepare(ctx)
        call = getattr(client, request.method.lower())
        if capture:
            with CaptureQueriesContext(connection) as queries:
                response = call(request.path, request.data)
            count = len(queries)
        else:
            started = time.perf_counter()
            response = call(request.path, request.data)
            elapsed = (time.perf_counter() - started) * 1000
            count = None
        if response.status_code not in request.expect:
            raise RuntimeError(f"{case.name}: {request.method} {request.path} answered {response.status_code}")
        return response, (count if capture else elapsed)

    once(False)  # warm caches (site root paths, content types, templates)
    _response, queries = once(True)
    times, response = [], None
    for _ in range(repeat):
        response, elapsed = once(False)
        times.append(elapsed)
    reset_queries()
    body = b"" if response.streaming else response.content
    return {
        "queries": queries,
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(_percentile(times, 0.95), 2),
        "bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, 6)),
        "status": response.status_code,
    }


def _configure_database():
    from django.conf import settings

    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})
    if db["ENGINE"].endswith("sqlite3"):
        db["TEST"]["NAME"] = ""  # in memory
        return "sqlite (in memory)"
    name = db["NAME"]
    db["TEST"]["NAME"] = name if name.endswith("_bench") else f"{name}_bench"
    return f"{db['ENGINE'].rsplit('.', 1)[-1]} database {db['TEST']['NAME']}"


def main(argv=None) -> int:
    args = _parse(argv if argv is not None else sys.argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from learning.devdata.scale import generate

    from .cases import BenchCall

    sizes = _sizes(args)
    where = _configure_database()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="walesi-bench-media-")
    setup_test_environment()
    print(f"Bench on {where}; sizes {sizes}; {args.repeat} timed requests per case", flush=True)
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    results: dict = {"database": where, "repeat": args.repeat, "sizes": {}, "cases": {}, "budgets": []}
    try:
        call_command("seed_demo", stdout=open(os.devnull, "w"))
        everything = load_cases()
        cases = [c for c in everything if not isinstance(c, BenchCall)]
        calls = [c for c in everything if isinstance(c, BenchCall)]
        users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@walesi.test")}
        for size, learners in sizes:
            started = time.perf_counter()
            counts = generate(learners, out=lambda line: print("   ", line, flush=True))
            results["sizes"][size] = {
                "learners": learners,
                "build_seconds": round(time.perf_counter() - started, 1),
                "rows": counts,
            }
            print(
                f"== size {size}: {learners} learners, data built in {time.perf_counter() - started:.1f}s", flush=True
            )
            ctx: dict = {"size": size, "users": users}
            clients: dict = {}
            for case in cases:
                if case.setup:
                    case.setup(ctx)
                key = ("user", case.name) if case.user else case.login
                client = None if case.user else clients.get(key)
                if client is None:
                    client = Client()
                    if case.user:
                        client.force_login(case.user(ctx))
                    elif case.login:
                        client.force_login(users[case.login])
                    clients[key] = client
                outcome = run_case(case, client, ctx, args.repeat)
                results["cases"].setdefault(case.name, {})[size] = outcome
                print(
                    f"   {case.name:<28} {outcome['queries']:>3} q  p50 {outcome['p50_ms']:>7.2f} ms  "
                    f"p95 {outcome['p95_ms']:>7.2f} ms  {outcome['bytes']:>7} B  {outcome['gzip_bytes']:>6} B gz",
                    flush=True,
                )
        ok = _report(results, cases, [s for s, _ in sizes])
        for call in calls:  # at the largest size, once
            figures = call.run(ctx)
            results.setdefault("calls", {})[call.name] = figures
            print(f"\n{call.name}: " + ", ".join(f"{k} {v}" for k, v in figures.items()), flush=True)
    finally:
        if not args.keepdb:
            teardown_databases(old_config, verbosity=0)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"\nWritten {out}")
    return 0 if ok or not args.strict else 1


def _report(results: dict, cases, size_names: list[str]) -> bool:
    floor = next((c for c in cases if c.is_floor), None)
    largest = size_names[-1]
    floor_p50 = results["cases"][floor.name][largest]["p50_ms"] if floor else None
    header = f"\n{'page':<28} " + " ".join(f"{'q ' + s:>10}" for s in size_names)
    header += f" {'same':>5} {'p50 ms':>8} {'p95 ms':>8} {'x floor':>8} {'bytes':>8} {'gzip':>7}   (times at {largest})"
    print(header)
    all_ok = True
    for case in cases:
        per = results["cases"][case.name]
        counts = [per[s]["queries"] for s in size_names]
        same = len(set(counts)) == 1
        big = per[largest]
        ratio = f"{big['p50_ms'] / floor_p50:.1f}" if floor_p50 else "-"
        print(
            f"{case.name:<28} "
            + " ".join(f"{c:>10}" for c in counts)
            + f" {'yes' if same else 'NO':>5} {big['p50_ms']:>8.2f} {big['p95_ms']:>8.2f} {ratio:>8}"
            f" {big['bytes']:>8} {big['gzip_bytes']:>7}"
        )
        per["same_queries"] = same
        per["x_floor_p50"] = float(ratio) if floor_p50 else None
        if case.same_queries and len(size_names) > 1:
            results["budgets"].append(
                {"case": case.name, "budget": "same queries at every size", "ok": same, "measured": counts}
            )
            all_ok &= same
        if case.p95_ms is not None:
            met = big["p95_ms"] < case.p95_ms
            results["budgets"].append(
                {
                    "case": case.name,
                    "budget": f"p95 < {case.p95_ms} ms at {largest}",
                    "ok": met,
                    "measured": big["p95_ms"],
                }
            )
            all_ok &= met
    print("\nBudgets:")
    for budget in results["budgets"]:
        print(
            f"  [{'ok' if budget['ok'] else 'MISSED'}] {budget['case']}: {budget['budget']} (measured {budget['measured']})"
        )
    return all_ok
