"""Signed-in learners for `make load` (bench/load.py passes their sessions and the URLs through the environment)."""

import itertools
import json
import os
import threading

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

SESSIONS = json.loads(os.environ["LOAD_SESSIONS"])
URLS = json.loads(os.environ["LOAD_URLS"])  # {"catalogue": "/kursus/", "course": "...", "module": "..."}
_next_session = itertools.cycle(SESSIONS)
_lock = threading.Lock()


class Learner(FastHttpUser):
    """FastHttpUser (geventhttpclient): the load generator shares the 2 cores with the server, so it should take
    as little of them as it can; each learner sends its session cookie on every request."""

    wait_time = between(1, 3)

    def on_start(self):
        with _lock:
            session = next(_next_session)
        self.headers = {"Cookie": f"sessionid={session}"}

    @task(2)
    def home(self):
        self.client.get("/", name="/", headers=self.headers)

    @task(3)
    def dashboard(self):
        self._signed_in("/belajar/", "/belajar/")

    @task(2)
    def catalogue(self):
        self.client.get(URLS["catalogue"], name="catalogue", headers=self.headers)

    @task(2)
    def course(self):
        self.client.get(URLS["course"], name="course", headers=self.headers)

    @task(3)
    def module(self):
        self.client.get(URLS["module"], name="module", headers=self.headers)

    @task(1)
    def profile(self):
        self._signed_in("/pegawai/saya/", "profile")

    def _signed_in(self, url, name):
        with self.client.get(
            url, name=name, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{url} answered {response.status_code} (not signed in?)")
