"""Translate demo pages and snippets through wagtail-localize, as a translator would."""

from django.db import models
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate(instance: models.Model, language_code: str, strings: dict[str, str]) -> models.Model:
    """Create (once) the `language_code` translation of `instance`.

    `strings` maps source text to translated text; any segment without an entry
    keeps the source text, as wagtail-localize's fallback does.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
            )
    translation.save_target(publish=True)
    translated = instance.get_translation(locale)
    # wagtail-localize publishes on commit; inside a transaction (tests) do it now.
    if isinstance(translated, Page) and not translated.live:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
