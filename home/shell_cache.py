"""Cache for the parts of the shell that every page repeats (menus, breadcrumbs, language links, footer).

They cost about a dozen queries per page and change only when pages or the footer change, so
they are cached under a version number that any such change bumps. With Redis (REDIS_URL)
every worker sees the bump at once; with the local-memory cache another worker may show the
old menu for up to SHELL_CACHE_SECONDS.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "shell:version"


def shell_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_shell_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key was evicted or never set
        cache.set(VERSION_KEY, 2, None)


def request_shell_version(request) -> int:
    """The shell version, read once per request (a page asks for it for each of its fragments)."""
    version = getattr(request, "_shell_version", None)
    if version is None:
        version = shell_version()
        if request is not None:
            request._shell_version = version
    return version


def cached_html(request, name: str, parts: list[str], render: Callable[[], str]) -> str:
    """A rendered template fragment under the shell version, for SHELL_CACHE_SECONDS."""
    key = ":".join(["shell", str(request_shell_version(request)), "html", name, *parts])
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, getattr(settings, "SHELL_CACHE_SECONDS", 60))
    return html


def cached_fragment(name: str, *parts: Any, compute: Callable[[], Any]) -> Any:
    key = ":".join(["shell", str(shell_version()), name, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, getattr(settings, "SHELL_CACHE_SECONDS", 60))
    return value


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(**kwargs) -> None:
    bump_shell_version()


@receiver(post_save)
@receiver(post_delete)
def _object_changed(sender, instance, **kwargs) -> None:
    from home.models import FooterText, SiteSettings

    if isinstance(instance, Page | Site | FooterText | SiteSettings):
        bump_shell_version()
