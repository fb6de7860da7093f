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

DEFAULT_SIZES = {"small": 200, "default": 5000, "province": 50000}


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="small,default", help="comma-separated size names (small=200, default=5000, province=50000)"
    )
    parser.add_argument("--learners", default="", help="override sizes, e.g. small=100,default=2000")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per case and size")
    parser.add_argument("--json", default="bench-results/bench.json", help="where to write the results")
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="keep the bench database afterwards, and reuse one kept before (only missing learners are added)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--only", default="", help="comma-separated name prefixes: run only these cases")
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

    from learning.devdata.scale import SCALE_EMAIL_DOMAIN, generate

    from .cases import BenchCall

    sizes = _sizes(args)
    where = _configure_database()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="walesi-bench-media-")
    setup_test_environment()
    print(f"Bench on {where}; sizes {sizes}; {args.repeat} timed requests per case", flush=True)
    # A kept database is migrated and reused: the demo seeding is idempotent and the scale builder adds only the
    # learners a size still lacks, so a second run at 50,000 measures in minutes instead of rebuilding.
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=args.keepdb)
    results: dict = {"database": where, "repeat": args.repeat, "sizes": {}, "cases": {}, "budgets": []}
    try:
        call_command("seed_demo", stdout=open(os.devnull, "w"))
        everything = load_cases()
        if args.only:
            prefixes = tuple(p.strip() for p in args.only.split(",") if p.strip())
            everything = [c for c in everything if getattr(c, "is_floor", False) or c.name.startswith(prefixes)]
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
            held = get_user_model().objects.filter(email__endswith="@" + SCALE_EMAIL_DOMAIN).count()
            if held > learners:  # a kept database from a larger run: say what is really measured
                print(f"   NOTE: the kept database holds {held} learners; this size is measured at {held}", flush=True)
                results["sizes"][size]["learners_held"] = held
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
            largest = size == sizes[-1][0]
            for call in calls:  # `every_size` calls after each size's pages; the others once, at the largest
                if call.every_size or largest:
                    figures = call.run(ctx)
                    results.setdefault("calls", {}).setdefault(call.name, {})[size] = figures
                    print(f"   {call.name}: " + ", ".join(f"{k} {v}" for k, v in figures.items()), flush=True)
        ok = _report(results, cases, calls, sizes)
    finally:
        if not args.keepdb:
            teardown_databases(old_config, verbosity=0)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"\nWritten {out}")
    return 0 if ok or not args.strict else 1


def _report(results: dict, cases, calls, sizes: list[tuple[str, int]]) -> bool:
    """Per size: every page's queries, p50/p95, bytes and gzipped bytes with its budget beside it; then whether
    the query counts are the same at every size, and the calls (with their budgets). Returns whether all are met."""
    from .cases import budget_for

    size_names = [s for s, _ in sizes]
    floor = next((c for c in cases if c.is_floor), None)
    all_ok = True

    def note(case_name: str, budget: str, ok: bool, measured) -> str:
        nonlocal all_ok
        results["budgets"].append({"case": case_name, "budget": budget, "ok": ok, "measured": measured})
        all_ok &= ok
        return f"{'ok' if ok else 'MISSED'} ({budget})"

    for size, learners in sizes:
        largest = size == size_names[-1]
        floor_p50 = results["cases"][floor.name][size]["p50_ms"] if floor else None
        print(f"\n== {size}: {learners} learners")
        print(f"{'page':<32} {'q':>4} {'p50 ms':>9} {'p95 ms':>9} {'x floor':>8} {'bytes':>8} {'gzip':>7}   budget")
        for case in cases:
            m = results["cases"][case.name][size]
            ratio = f"{m['p50_ms'] / floor_p50:.1f}" if floor_p50 else "-"
            m["x_floor_p50"] = float(ratio) if floor_p50 else None
            budget = budget_for(case.p95_ms, learners, largest=largest, beyond=case.budget_beyond)
            verdict = ""
            if budget is not None:
                verdict = note(case.name, f"p95 <= {budget:g} ms at {learners}", m["p95_ms"] <= budget, m["p95_ms"])
            print(
                f"{case.name:<32} {m['queries']:>4} {m['p50_ms']:>9.2f} {m['p95_ms']:>9.2f} {ratio:>8}"
                f" {m['bytes']:>8} {m['gzip_bytes']:>7}   {verdict}"
            )
    if len(size_names) > 1:
        print(f"\n{'queries per size':<32} " + " ".join(f"{s:>10}" for s in size_names) + "   same")
        for case in cases:
            per = results["cases"][case.name]
            counts = [per[s]["queries"] for s in size_names]
            same = len(set(counts)) == 1
            per["same_queries"] = same
            verdict = note(case.name, "same queries at every size", same, counts) if case.same_queries else ""
            print(
                f"{case.name:<32} " + " ".join(f"{c:>10}" for c in counts) + f"   {'yes' if same else 'NO'} {verdict}"
            )
    for call in calls:
        for size, learners in sizes:
            figures = results.get("calls", {}).get(call.name, {}).get(size)
            if figures is None:
                continue
            limit = budget_for(call.max_seconds, learners, largest=size == size_names[-1], beyond=False)
            verdict = ""
            if limit is not None and "seconds" in figures:
                verdict = "  " + note(
                    call.name, f"<= {limit:g} s at {learners}", figures["seconds"] <= limit, figures["seconds"]
                )
            print(f"{call.name} at {learners}: " + ", ".join(f"{k} {v}" for k, v in figures.items()) + verdict)
    print("\nBudgets:")
    for budget in results["budgets"]:
        print(
            f"  [{'ok' if budget['ok'] else 'MISSED'}] {budget['case']}: {budget['budget']} (measured {budget['measured']})"
        )
    return all_ok
