"""Shared helpers of the test suite: fixture discovery, the seeds folder, outline matching."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SHARED = Path(os.environ.get("GOVDOC_SHARED", HERE.parent.parent / "shared"))
SEEDS = SHARED / "seeds"

# CI runs many examples, derandomized so that a run is reproducible; GOVDOC_HYPOTHESIS=deep
# explores much further for long local runs.
settings.register_profile(
    "ci",
    max_examples=500,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "deep", max_examples=20000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("GOVDOC_HYPOTHESIS", "ci"))


def fixture_names() -> list[str]:
    return sorted(
        p.stem for p in FIXTURES.glob("*.txt") if (FIXTURES / f"{p.stem}.expected.json").exists()
    )


def load_fixture(name: str) -> tuple[Path, dict[str, Any]]:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return FIXTURES / f"{name}.txt", expected


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def norm(s: object) -> str:
    """Text as the acceptance checks compare it: NFKC, no spaces, no 《》 around the whole."""
    out = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(s or "")))
    return out[1:-1] if out.startswith("《") and out.endswith("》") else out


def _shape(marker: str) -> str:
    return re.sub(r"[^()]", "", norm(marker))


def outline_problems(
    got: list[dict[str, Any]], want: list[dict[str, Any]], text_key: str = "text"
) -> list[str]:
    """Entry-by-entry comparison: count, depth (relative per document), value, marker
    (bracket width ignored) and the title starting with the expected text."""
    problems: list[str] = []
    if len(got) != len(want):
        problems.append(f"{len(got)} entries, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        # A marker whose numeral was lost to mis-decoded bytes is written with U+FFFD; its
        # value is inferred, so compare the bracket shape only.
        lost = "\ufffd" in g["marker"]
        expect = (w["depth"], w["value"], _shape(w["marker"]) if lost else norm(w["marker"]))
        actual = (g["depth"], g["value"], _shape(g["marker"]) if lost else norm(g["marker"]))
        if "document" in w:
            expect += (w["document"],)
            actual += (g["document"],)
        if expect != actual:
            problems.append(f"#{i}: expected {expect}, got {actual}")
        want_text = norm(w.get(text_key))
        if want_text and not norm(g["title"]).startswith(want_text[:12]):
            problems.append(f"#{i} {w['marker']}: title {g['title']!r}, expected {want_text!r}")
    return problems
