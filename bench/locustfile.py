"""Signed-in learners for `make load` (bench/load.py passes their sessions and the URLs through the environment)."""

import itertools
import json
import os
import threading

from locust import HttpUser, between, task

SESSIONS = json.loads(os.environ["LOAD_SESSIONS"])
URLS = json.loads(os.environ["LOAD_URLS"])  # {"catalogue": "/kursus/", "course": "...", "module": "..."}
_next_session = itertools.cycle(SESSIONS)
_lock = threading.Lock()


class Learner(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        with _lock:
            session = next(_next_session)
        self.client.cookies.set("sessionid", session, domain="127.0.0.1", path="/")

    @task(2)
    def home(self):
        self.client.get("/", name="/")

    @task(3)
    def dashboard(self):
        self._signed_in("/belajar/", "/belajar/")

    @task(2)
    def catalogue(self):
        self.client.get(URLS["catalogue"], name="catalogue")

    @task(2)
    def course(self):
        self.client.get(URLS["course"], name="course")

    @task(3)
    def module(self):
        self.client.get(URLS["module"], name="module")

    @task(1)
    def profile(self):
        self._signed_in("/pegawai/saya/", "profile")

    def _signed_in(self, url, name):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{url} answered {response.status_code} (not signed in?)")
