"""Private files: attachments live outside MEDIA_ROOT and have no public URL; the
permission-checked download views stream them."""

from __future__ import annotations

from django.utils.deconstruct import deconstructible

from accounts.private_storage import PrivateStorage as BasePrivateStorage

from . import conf


@deconstructible
class PrivateStorage(BasePrivateStorage):
    """The portal's private folder, or FEEDBACK_PRIVATE_ROOT when set (read on each use)."""

    @property
    def base_location(self) -> str:
        return conf.private_root()


private_storage = PrivateStorage()
