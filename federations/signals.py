from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import FederationPage
from .permissions import grant_section_permissions


@receiver(post_save)
def section_saved(sender, instance, created, raw=False, **kwargs):
    # Sent for FederationPage and for its subclasses (the home page), in every locale.
    if raw or not created or not isinstance(instance, FederationPage):
        return
    grant_section_permissions(instance)
