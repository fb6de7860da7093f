"""What a benchmark case is, and the cases every app shares (the home page and the trivial floor).

An app adds cases with a `BENCH_CASES` list in a module named in `settings.PORTAL_BENCH_MODULES` (for learning:
`learning/devdata/bench.py`). A case names the demo account it runs as and a `prepare(ctx)` returning the request to time;
`prepare` runs before each timed request and is not timed (it may create the attempt a submit needs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    data: dict = field(default_factory=dict)
    expect: tuple[int, ...] = (200,)


@dataclass(frozen=True)
class BenchCase:
    name: str
    prepare: Callable[[dict], Request]
    login: str | None = None  # a demo account's email; None = anonymous
    same_queries: bool = False  # budget: the same number of queries at every data size
    # budget: p95 ms at the largest size, or {learners: ms} applied at every size (the entry of the smallest
    # learners at or above the size's, else the largest), e.g. {5000: 300, 50000: 500}
    p95_ms: float | dict[int, float] | None = None
    is_floor: bool = False  # the trivial view every page is read against
    setup: Callable[[dict], object] | None = None  # runs once per data size before the case (not timed)
    user: Callable[[dict], object] | None = None  # the user to log in as, when not a demo account
    # False: a {learners: ms} table holds only up to its largest key (larger sizes are measured, not budgeted)
    budget_beyond: bool = True


@dataclass(frozen=True)
class BenchCall:
    """A timed operation that is not a page (an import): run once at the largest size (at every size with
    `every_size`); returns its figures. `max_seconds` ({learners: s}) is checked against its `seconds` figure at
    every size up to the largest key (e.g. {5000: 60}: 60 s at 5,000 learners, no budget at 50,000)."""

    name: str
    run: Callable[[dict], dict]
    every_size: bool = False
    max_seconds: dict[int, float] | None = None


def budget_for(budget, learners: int, *, largest: bool, beyond: bool = True):
    """The budget that applies at a size: a plain number at the largest size only; a {learners: value} table at
    every size up to its largest key (the entry of the smallest key at or above the size's learners) and, with
    `beyond`, above it too (the largest key's entry)."""
    if budget is None:
        return None
    if not isinstance(budget, dict):
        return budget if largest else None
    above = [k for k in sorted(budget) if k >= learners]
    if above:
        return budget[above[0]]
    return budget[max(budget)] if beyond else None


def from_plain(spec: dict):
    """An app may describe cases as plain dicts (kind "page" or "call"); this turns them into the types above."""
    if spec["kind"] == "call":
        return BenchCall(
            spec["name"], spec["run"], every_size=spec.get("every_size", False), max_seconds=spec.get("max_seconds")
        )
    url = spec["url"]
    return BenchCase(
        spec["name"],
        lambda ctx: Request("GET", url(ctx)),
        setup=spec.get("setup"),
        user=spec.get("user"),
        same_queries=spec.get("same_queries", True),
        p95_ms=spec.get("p95_ms"),
    )


def _home(ctx) -> Request:
    return Request("GET", "/")


def _healthz(ctx) -> Request:
    return Request("GET", "/healthz/")


BENCH_CASES = [
    BenchCase("floor: /healthz/", _healthz, login=None, is_floor=True),
    BenchCase("home page", _home, login="pegawai@walesi.test"),
]
