"""Headless Chromium (Debian's package) driven by Playwright against a live server.

No browser is downloaded: the executable is the one `which chromium` finds
(`.ci/run` installs the Debian package when it is missing).
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}


def chromium_executable() -> str:
    # Debian's /usr/bin/chromium is a shell wrapper; Playwright needs the binary.
    for candidate in (
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    raise RuntimeError("Chromium is not installed: `apt-get install chromium` (CI does this).")


@pytest.fixture(autouse=True)
def _committed_data(wagtail_roots):
    """Browser tests need committed data (the live server is another thread), so they are
    transactional (`wagtail_roots` makes again what each flush removes)."""


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A phone-sized page; `page.goto(path)` is relative to the live server."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="vi-VN"
    )
    page = context.new_page()
    yield page
    context.close()


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in SERIOUS]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}" for v in serious
    )


MEMBER_LOGIN = "hang@example.org"
MEMBER_PASSWORD = "Lao-dong-2026!"


def member_account():
    """An account with a verified e-mail address, as a member signs in with it."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("hang", MEMBER_LOGIN, MEMBER_PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(page, login: str = MEMBER_LOGIN, password: str = MEMBER_PASSWORD) -> None:
    """Sign in through allauth's form, as a person would."""
    page.goto("/en/accounts/login/")
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
