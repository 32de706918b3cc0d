"""The grassroots inbox: what reaches a unit, reading, acknowledging, and the sender's follow-up."""

import pytest
from django.urls import reverse

from conftest import make_user
from federations.factories import UnitFactory
from news import tracking
from news.factories import AnnouncementPageFactory, NewsArticlePageFactory, ResolutionPageFactory
from news.models import Receipt

pytestmark = pytest.mark.django_db


def inbox_titles(client, **params):
    response = client.get(reverse("news:inbox"), params)
    assert response.status_code == 200
    return [item.title for item in response.context["items"]]


def test_inbox_shows_items_sent_to_the_unit_from_every_level_above_newest_first(client, newsroom):
    from_confederation = ResolutionPageFactory(
        parent=newsroom.home_news, target_levels="4", title="NQ toàn quốc"
    )
    from_province = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4", title="TB Hà Nội")
    from_district = AnnouncementPageFactory(
        parent=newsroom.cau_giay_news, target_levels="4", title="TB Cầu Giấy"
    )
    AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="3", title="Chỉ cho cấp trên cơ sở")
    AnnouncementPageFactory(parent=newsroom.saigon_news, target_levels="4", title="TB TP.HCM")
    NewsArticlePageFactory(parent=newsroom.hanoi_news, title="Tin thường")
    client.force_login(newsroom.officer)

    titles = inbox_titles(client)

    assert titles == [from_district.title, from_province.title, from_confederation.title]


def test_specific_units_limit_who_receives(client, newsroom):
    only_other_district = AnnouncementPageFactory(
        parent=newsroom.hanoi_news, target_levels="4", title="Chỉ KCN"
    )
    other_district = UnitFactory(
        parent=newsroom.hanoi, code="HN-KCN", level=3, name_vi="Công đoàn KCN Hà Nội"
    )
    only_other_district.target_units.set([other_district])
    only_other_district.save()
    for_cau_giay = AnnouncementPageFactory(
        parent=newsroom.hanoi_news, target_levels="4", title="Chỉ Cầu Giấy"
    )
    for_cau_giay.target_units.set([newsroom.cau_giay])
    for_cau_giay.save()
    client.force_login(newsroom.officer)

    assert inbox_titles(client) == ["Chỉ Cầu Giấy"]


def test_inbox_requires_sign_in_and_an_officer_role(client, newsroom):
    response = client.get(reverse("news:inbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")

    client.force_login(make_user("member.only"))
    assert client.get(reverse("news:inbox")).status_code == 403


def test_officer_cannot_open_another_units_inbox_or_item(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.saigon_news, target_levels="4")
    client.force_login(newsroom.officer)

    assert client.get(reverse("news:inbox"), {"unit": "HCM-01"}).status_code == 403
    assert client.get(reverse("news:inbox_item", args=[announcement.pk])).status_code == 404
    assert not Receipt.objects.exists()


def test_opening_records_a_receipt_once_and_acknowledging_marks_it(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    client.force_login(newsroom.officer)
    url = reverse("news:inbox_item", args=[announcement.pk])

    client.get(url)
    client.get(url)
    receipt = Receipt.objects.get()
    assert (receipt.unit, receipt.read_by, receipt.acknowledged_at) == (
        newsroom.grassroots,
        newsroom.officer,
        None,
    )
    assert inbox_titles(client, status="unread") == []

    response = client.post(reverse("news:acknowledge", args=[announcement.pk]), {"unit": "HN-CG-01"})
    assert response.status_code == 302
    receipt.refresh_from_db()
    assert receipt.acknowledged_at is not None and receipt.acknowledged_by == newsroom.officer
    assert inbox_titles(client, status="unacknowledged") == []


def test_acknowledge_needs_post(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    client.force_login(newsroom.officer)

    assert client.get(reverse("news:acknowledge", args=[announcement.pk])).status_code == 405


def test_inbox_filters_by_sender_level_priority_and_words(client, newsroom):
    for parent, title, priority in (
        (newsroom.home_news, "Khẩn từ Tổng Liên đoàn", "urgent"),
        (newsroom.hanoi_news, "Lịch họp quý III", "normal"),
        (newsroom.cau_giay_news, "Báo cáo tài chính", "high"),
    ):
        page = AnnouncementPageFactory(parent=parent, target_levels="4", title=title, priority=priority)
        page.save_revision().publish()  # publishing is what puts it in the search index
    client.force_login(newsroom.officer)

    assert inbox_titles(client, level=2) == ["Lịch họp quý III"]
    assert inbox_titles(client, priority="urgent") == ["Khẩn từ Tổng Liên đoàn"]
    assert inbox_titles(client, q="báo cáo") == ["Báo cáo tài chính"]
    assert inbox_titles(client, q="bao cao tai chinh") == ["Báo cáo tài chính"]


def test_inbox_query_count_does_not_grow_with_items(client, newsroom, django_assert_max_num_queries):
    client.force_login(newsroom.officer)
    for _ in range(3):
        AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    # The first request after a change does fixed, one-off work that has nothing to do with the
    # number of items: it creates the user's profile and the site settings rows, and rebuilds the
    # shell (menus, footer), whose cache version every new page bumps. A warm-up request before
    # each measurement keeps that out, so both counts are the inbox's own queries.
    client.get(reverse("news:inbox"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("news:inbox"))
    with_three = len(few.captured_queries)  # read now: the next request resets the query log
    for _ in range(25):
        AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    client.get(reverse("news:inbox"))
    with django_assert_max_num_queries(with_three):
        client.get(reverse("news:inbox"))


def test_counts_and_drill_down_show_who_has_read(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    for officer in (newsroom.officer,):
        client.force_login(officer)
        client.get(reverse("news:inbox_item", args=[announcement.pk]))
    client.post(reverse("news:acknowledge", args=[announcement.pk]))

    # Recipients: the two grassroots unions under Cầu Giấy and the one directly under Hanoi.
    assert tracking.totals(announcement) == {"total": 3, "read": 1, "acknowledged": 1}
    rows = {
        row["unit"].code: row
        for row in tracking.describe_branches(
            announcement, list(tracking.branches(announcement, newsroom.hanoi))
        )
    }
    assert (rows["HN-CG"]["total"], rows["HN-CG"]["read"], rows["HN-CG"]["is_recipient"]) == (2, 1, False)
    assert (rows["HN-01"]["total"], rows["HN-01"]["read"], rows["HN-01"]["is_recipient"]) == (1, 0, True)
    assert [unit.code for unit in tracking.unread_units(announcement, newsroom.hanoi)] == [
        "HN-CG-02",
        "HN-01",
    ]


def test_sender_staff_see_the_report_others_do_not(client, newsroom, django_assert_max_num_queries):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    url = reverse("news:receipts", args=[announcement.pk])

    client.force_login(newsroom.hanoi_editor)
    with django_assert_max_num_queries(40):
        response = client.get(url, {"unit": "HN-CG"})
    assert response.status_code == 200
    # The report is served in Vietnamese (the default language): "0 of 3 units have read it".
    assert "0/3 đơn vị đã đọc" in response.content.decode()

    for outsider in (newsroom.saigon_editor, newsroom.officer):
        client.force_login(outsider)
        assert client.get(url).status_code == 403


def test_report_refuses_to_drill_outside_the_senders_subtree(client, newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    client.force_login(newsroom.hanoi_moderator)

    assert client.get(reverse("news:receipts", args=[announcement.pk]), {"unit": "HCM"}).status_code == 404


def test_reading_a_translation_counts_for_the_same_item(newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, target_levels="4")
    Receipt.objects.create(translation_key=announcement.translation_key, unit=newsroom.grassroots)

    assert tracking.totals(announcement)["read"] == 1
