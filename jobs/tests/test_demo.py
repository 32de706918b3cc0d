import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from jobs.models import JobApplication, JobPostPage, SavedJobSearch, SavedSearchMatch
from jobs.provinces import PROVINCES


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_has_forty_posts_and_the_demo_members_have_a_saved_search_and_an_application():
    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    posts = JobPostPage.objects.filter(locale__language_code="vi").select_related("employer")
    assert posts.count() == 40
    assert 3 <= posts.filter(closing_date__lt=today).count() < 20
    assert (
        posts.filter(employer__has_union=True).exists() and posts.filter(employer__has_union=False).exists()
    )
    assert posts.filter(apply_in_portal=True, closing_date__gte=today).count() >= 5
    provinces = set(posts.values_list("locations__province", flat=True))
    assert len(provinces) >= 5 and provinces <= set(PROVINCES)

    for username, unit_code in (("hoivien.email", "HN"), ("hoivien.sdt", "HCM")):
        assert SavedJobSearch.objects.filter(user__username=username).count() == 1
        assert SavedSearchMatch.objects.filter(search__user__username=username, seen_at__isnull=True).exists()
        application = JobApplication.objects.get(member__account__username=username)
        assert application.unit.code == unit_code
        assert application.cv.open("rb").read(5) == b"%PDF-"
    # The Hanoi officer sees the Hanoi member's application, not the Saigon one.
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(username="canbo.hanoi")
    visible = JobApplication.objects.visible_to_officer(officer)
    assert list(visible.values_list("member__account__username", flat=True)) == ["hoivien.email"]
