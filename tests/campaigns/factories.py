"""Builders for campaign and dashboard tests: users with roles, a small organisation."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from performance.models import LeadershipScope


def user(email: str, *roles: str):
    u = get_user_model().objects.create_user(email=email, password="x-Walesi-2026-x")
    for role in roles:
        u.groups.add(Group.objects.get_or_create(name=role)[0])
    return u


def scope(u, unit) -> None:
    LeadershipScope.objects.create(user=u, unit=unit)
