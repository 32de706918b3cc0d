from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.shell_cache import bump_shell_version

from . import caching
from .models import NewsItemPage, Receipt, Topic


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def invalidate_page_cache(sender, **kwargs):
    # Any publish can change a listing, a "latest" block or a menu: start a new generation.
    caching.new_generation()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, **kwargs):
    # Stored pages are served before Wagtail's restriction check: none may outlive a new restriction.
    caching.new_generation()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if not isinstance(instance, Page):
        return
    caching.new_generation()
    if (
        isinstance(instance, NewsItemPage)
        and not NewsItemPage.objects.filter(translation_key=instance.translation_key).exists()
    ):
        # The item is gone in every language: its receipts mean nothing any more.
        Receipt.objects.filter(translation_key=instance.translation_key).delete()


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def topic_changed(sender, **kwargs):
    # Topic names are cached with the shell (listings' filters, articles' topic links).
    bump_shell_version()
