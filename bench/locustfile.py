"""Signed-in learners for `make load` (bench/load.py passes the accounts and URLs through the environment)."""

import itertools
import json
import os
import re
import threading

from locust import HttpUser, between, task

PASSWORD = os.environ["LOAD_PASSWORD"]
EMAILS = json.loads(os.environ["LOAD_EMAILS"])
URLS = json.loads(os.environ["LOAD_URLS"])  # {"catalogue": "/kursus/", "course": "...", "module": "..."}
_next_email = itertools.cycle(EMAILS)
_lock = threading.Lock()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Learner(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        with _lock:
            email = next(_next_email)
        page = self.client.get("/akun/login/", name="login (GET)")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/akun/login/",
            data={"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/akun/login/"},
            name="login (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login of {email} answered {response.status_code}")

    @task(2)
    def home(self):
        self.client.get("/", name="/")

    @task(3)
    def dashboard(self):
        self.client.get("/belajar/", name="/belajar/")

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
        self.client.get("/pegawai/saya/", name="profile")
