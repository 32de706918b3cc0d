"""Who can send an announcement to whom, and what an editor is told when the input is wrong."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from wagtail.documents.models import Document

from news.factories import AnnouncementPageFactory
from news.models import AnnouncementAttachment, AnnouncementPage

pytestmark = pytest.mark.django_db


def announcement_form(parent, user, **data):
    form_class = AnnouncementPage.get_edit_handler().get_form_class()
    fields = {
        "title": "Thông báo về Tháng Công nhân",
        "slug": "thang-cong-nhan",
        "lead": "Các công đoàn cơ sở tổ chức hoạt động Tháng Công nhân.",
        "target_levels": ["4"],
        "target_units": "",
        "priority": "normal",
        "reply_by": "",
        "publication_date": timezone.now().strftime("%Y-%m-%d %H:%M"),
        "body-count": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    fields.update(data)
    return form_class(fields, instance=AnnouncementPage(), parent_page=parent, for_user=user)


def test_province_can_target_its_own_district_and_grassroots(newsroom):
    form = announcement_form(
        newsroom.hanoi_news, newsroom.hanoi_editor, target_levels=["3", "4"], target_units="HN-CG"
    )

    assert form.is_valid(), form.errors
    assert form.instance.unit == newsroom.hanoi
    assert form.cleaned_data["target_units"] == [newsroom.cau_giay]


def test_province_cannot_target_a_unit_of_another_province(newsroom):
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, target_units="HN-CG, HCM-01")

    with translation.override("vi"):
        assert not form.is_valid()
    message = form.errors["target_units"][0]
    assert "HCM-01" in message and "HN-CG," not in message
    assert "Liên đoàn Lao động thành phố Hà Nội" in message


@pytest.mark.parametrize("code", ["TLD", "HN", "HCM"])
def test_province_cannot_target_itself_its_parent_or_a_sibling(newsroom, code):
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, target_units=code)

    assert not form.is_valid()
    assert code in form.errors["target_units"][0]


def test_unknown_unit_code_is_named_in_the_message(newsroom):
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, target_units="HN-CG, NOPE-99")

    assert not form.is_valid()
    assert "NOPE-99" in form.errors["target_units"][0]


@pytest.mark.parametrize("levels", [["2"], ["2", "4"]])
def test_province_cannot_send_to_its_own_level(newsroom, levels):
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, target_levels=levels)

    assert not form.is_valid()
    assert "target_levels" in form.errors


def test_district_can_only_reach_grassroots(newsroom):
    grassroots = announcement_form(newsroom.cau_giay_news, None, target_levels=["4"])
    upper = announcement_form(newsroom.cau_giay_news, None, target_levels=["3"])

    assert grassroots.is_valid(), grassroots.errors
    assert not upper.is_valid()


def test_confederation_can_target_any_level_and_any_unit(newsroom):
    form = announcement_form(
        newsroom.home_news, None, target_levels=["2", "3", "4"], target_units="HN-CG HCM"
    )

    assert form.is_valid(), form.errors


def test_announcement_without_any_level_is_refused(newsroom, english):
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, target_levels=[])

    assert not form.is_valid()
    assert "Choose at least one level" in form.errors["target_levels"][0]


def test_reply_by_date_in_the_past_is_refused_but_keeps_the_input(newsroom, english):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    form = announcement_form(newsroom.hanoi_news, newsroom.hanoi_editor, reply_by=yesterday.isoformat())

    assert not form.is_valid()
    assert "has passed" in form.errors["reply_by"][0]
    assert form["title"].value() == "Thông báo về Tháng Công nhân"
    assert form["target_levels"].value() == ["4"]


def test_an_old_announcement_whose_deadline_passed_can_still_be_corrected(newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news, reply_by=timezone.localdate())
    AnnouncementPage.objects.filter(pk=announcement.pk).update(reply_by=datetime.date(2020, 1, 1))
    announcement.refresh_from_db()

    announcement.title = "Thông báo (đã sửa lỗi chính tả)"
    announcement.full_clean()


def make_document(name: str, size: int = 100) -> Document:
    return Document.objects.create(title=name, file=ContentFile(b"x" * size, name=name))


@pytest.mark.parametrize("name", ["ke-hoach.pdf", "bang-tinh.xlsx", "cong-van.docx", "anh.jpg"])
def test_pdf_office_and_image_attachments_are_accepted(newsroom, name):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news)

    AnnouncementAttachment(announcement=announcement, document=make_document(name)).full_clean()


def test_other_attachment_types_are_refused_with_the_file_named(newsroom):
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news)
    attachment = AnnouncementAttachment(announcement=announcement, document=make_document("danh-sach.csv"))

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()
    assert "danh-sach.csv" in str(error.value) and "PDF" in str(error.value)


def test_attachments_over_the_size_limit_are_refused(newsroom, settings, english):
    settings.NEWS_ATTACHMENT_MAX_SIZE = 1024
    announcement = AnnouncementPageFactory(parent=newsroom.hanoi_news)
    attachment = AnnouncementAttachment(
        announcement=announcement, document=make_document("bao-cao.pdf", size=4096)
    )

    with pytest.raises(ValidationError) as error:
        attachment.full_clean()
    assert "bao-cao.pdf" in str(error.value) and "attachments may be at most" in str(error.value)
