"""Headless Chromium for the HTML report's tests, and the screenshot in docs/.

Debian's ``chromium`` (``apt-get install chromium``; .ci/run installs it) driven by Playwright, which is
told where the browser is: Playwright's own browser downloads are never used. The flags keep a run
offline and quiet (no background networking, component updates, sync or first-run pages), and every
launch gets a fresh profile directory.

Regenerate the screenshot: ``.venv/bin/python tests/browser.py reports/report.html docs/report.png``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHECKER_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def missing() -> str | None:
    """Why no browser test can run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[dev]'"
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        return f"{CHROMIUM} not found: apt-get install chromium"
    return None


@contextmanager
def browser_context(width: int = 1200, height: int = 900) -> Iterator[Any]:
    """A Playwright browser context on Debian's Chromium, with a profile of its own that is removed after."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="checker-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                headless=True,
                args=FLAGS,
                viewport={"width": width, "height": height},
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(page_path: Path, out: Path) -> None:
    """The top of the report as an editor first sees it, at a laptop's width."""
    with browser_context(width=1100, height=1400) as context:
        page = context.new_page()
        page.goto(page_path.resolve().as_uri())
        page.screenshot(path=str(out))


if __name__ == "__main__":  # pragma: no cover
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
