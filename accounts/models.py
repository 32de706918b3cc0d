from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone who logs in: members and staff alike.

    Defined before the first migration so that later fields (phone login,
    member links) are plain migrations, not a swap of the user model.
    """

    phone = models.CharField(_("phone number"), max_length=20, blank=True, null=True, unique=True)
    phone_verified = models.BooleanField(_("phone number verified"), default=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
