"""Private files: attachments live outside MEDIA_ROOT and have no public URL; the
permission-checked download views stream them."""

from __future__ import annotations

import os

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from . import conf


@deconstructible
class PrivateStorage(FileSystemStorage):
    # Read on each use (not at import), so deployments and tests can point it elsewhere.
    @property
    def base_location(self) -> str:
        return conf.private_root()

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the download view.")


private_storage = PrivateStorage()
