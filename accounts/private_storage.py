"""Where personal files live: under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, with no URL.

CVs, members' photos: only a view that checks who asks serves them
(`accounts.private_files.private_file_response`). Kept apart from that module so models can
import the storage without importing the login machinery.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """A folder of PRIVATE_MEDIA_ROOT. The location is read from settings on every use so tests
    and deployments can move it."""

    def __init__(self, subdirectory: str = ""):
        self.subdirectory = subdirectory
        super().__init__()

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, self.subdirectory)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")
