"""`make load`: the production server (gunicorn, production settings) on PostgreSQL and Redis with the scale data,
driven by Locust: N signed-in learners (think time 1-3 s) for T seconds across the home page, the learning
dashboard, the catalogue, a course, a module and the profile. Prints requests, errors, p50/p95/p99 and req/s.

Targets 127.0.0.1 only, and is bounded (at most 500 users, 600 s). The database is its own (`walesi_load` unless
LOAD_DATABASE_URL says otherwise), created, migrated and filled on first use; later runs reuse it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
MAX_USERS, MAX_SECONDS = 500, 600


def _parse(argv):
    parser = argparse.ArgumentParser(prog="make load")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--learners", type=int, default=5000, help="scale data size (generate_scale_data)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOAD_PORT", "8765")))
    # One gunicorn worker (2 threads) per core: the database and the load generator share this machine's cores, and
    # with 4 workers on 2 cores p95 was 240 ms against 190 ms with 2 (same requests per second).
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", str(os.cpu_count() or 2))))
    args = parser.parse_args(argv)
    if not 1 <= args.users <= MAX_USERS or not 5 <= args.seconds <= MAX_SECONDS:
        parser.error(f"users 1..{MAX_USERS}, seconds 5..{MAX_SECONDS}")
    return args


def _env(database_url: str, redis_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=os.environ.get("SECRET_KEY") or "load-" + secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        PORTAL_BASE_URL="http://127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESSLOG="",
    )
    return env


def _manage(env, *args, quiet=False):
    print("$ manage.py", " ".join(args), flush=True)
    out = subprocess.DEVNULL if quiet else None
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=out)


def _ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


PREPARE = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from learning.models import CourseIndexPage, CoursePage, ModulePage
User = get_user_model()
users = list(User.objects.filter(email__endswith="@scale.walesi.test").order_by("id")[:{n}])
sessions = []
for user in users:
    # A signed-in session per learner, as a login would leave it (logging 100 learners in through the form within
    # a minute from one address would rightly trip the login rate limit).
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
course = CoursePage.objects.live().filter(slug="skala-01").first() or CoursePage.objects.live().first()
module = ModulePage.objects.live().child_of(course).order_by("path").first()
index = CourseIndexPage.objects.live().first()
print("LOAD:" + json.dumps({{"sessions": sessions, "urls": {{"catalogue": index.url, "course": course.url, "module": module.url}}}}))
"""


def _prepare(env, args) -> dict:
    code = PREPARE.format(n=args.users)
    out = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("LOAD:"))[5:])


def _wait_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status in (200, 503):
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url} within {seconds:.0f} s")


def _table(stats_csv: Path, seconds: int, users: int) -> None:
    rows = list(csv.DictReader(stats_csv.open()))
    width = max(len(r["Name"]) for r in rows) + 2
    head = f"{'page':<{width}}{'requests':>9}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'req/s':>8}"
    print(f"\nmake load: {users} signed-in learners, think time 1-3 s, {seconds} s, gunicorn + PostgreSQL + Redis")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['Name']:<{width}}{r['Request Count']:>9}{r['Failure Count']:>8}{r['50%']:>8}{r['95%']:>8}"
            f"{r['99%']:>8}{float(r['Requests/s']):>8.1f}"
        )


def main(argv=None) -> int:
    args = _parse(argv)
    database_url = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/walesi_load")
    redis_url = os.environ.get("LOAD_REDIS_URL", os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    if not database_url.startswith("postgres"):
        raise SystemExit("make load runs against PostgreSQL (LOAD_DATABASE_URL=postgres://...)")
    env = _env(database_url, redis_url)
    _ensure_database(database_url)
    _manage(env, "migrate", "--noinput", quiet=True)
    _manage(env, "collectstatic", "--noinput", "-v", "0")
    _manage(env, "seed_demo", quiet=True)
    _manage(env, "generate_scale_data", "--learners", str(args.learners))
    data = _prepare(env, args)
    host = f"http://127.0.0.1:{args.port}"
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{args.port}", "WEB_CONCURRENCY": str(args.workers)}
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "portal.wsgi"], cwd=ROOT, env=server_env
    )
    try:
        _wait_up(host + "/healthz/")
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "load"
            locust_env = {
                **os.environ,
                "LOAD_SESSIONS": json.dumps(data["sessions"]),
                "LOAD_URLS": json.dumps(data["urls"]),
            }
            subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--host",
                    host,
                    "-u",
                    str(args.users),
                    "-r",
                    str(max(1, args.users // 10)),
                    "-t",
                    f"{args.seconds}s",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                    "--stop-timeout",
                    "5",
                ],
                cwd=ROOT,
                env=locust_env,
                check=False,
                stdout=subprocess.DEVNULL,
                timeout=args.seconds + 120,
            )
            _table(Path(f"{prefix}_stats.csv"), args.seconds, args.users)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
