"""Demo feedback: a survey form in the Hanoi section, and requests in every state from the
two linked demo members, worked by the officers of their units."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from federations.models import FederationPage, Unit
from feedback import services
from feedback.models import Case, CategorySetting, FeedbackFormField, FeedbackFormPage, Status
from members.models import Member

ORDER = 25

SURVEY_FIELDS = [
    ("Đơn vị công tác", "singleline", True, ""),
    ("Bạn đánh giá điều kiện làm việc thế nào?", "radio", True, "Tốt\nTrung bình\nKém"),
    ("Ý kiến, kiến nghị", "multiline", False, ""),
    ("Ảnh minh hoạ (nếu có)", "file", False, ""),
]


def _survey() -> None:
    vi = Locale.objects.get(language_code="vi")
    section = FederationPage.objects.filter(unit__code="HN", locale=vi).first()
    if section is None or FeedbackFormPage.objects.filter(slug="khao-sat-dieu-kien-lam-viec").exists():
        return
    page = FeedbackFormPage(
        title="Khảo sát điều kiện làm việc 2026",
        slug="khao-sat-dieu-kien-lam-viec",
        intro="<p>Liên đoàn Lao động thành phố Hà Nội lấy ý kiến đoàn viên về điều kiện làm việc.</p>",
        thank_you_text="<p>Cảm ơn bạn đã tham gia khảo sát.</p>",
    )
    section.add_child(instance=page)
    for order, (label, kind, required, choices) in enumerate(SURVEY_FIELDS):
        FeedbackFormField.objects.create(
            page=page, label=label, field_type=kind, required=required, choices=choices, sort_order=order
        )
    page.save_revision().publish()


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _cases(context: dict) -> None:
    hang = Member.objects.filter(account__username="hoivien.email").select_related("unit").first()
    phone_member = Member.objects.filter(account__username="hoivien.sdt").select_related("unit").first()
    if hang is None or Case.objects.exists():
        return
    officer = _user("canbo.nghiatan")  # officer of HN-CG-CS02, Hằng's grassroots union
    hanoi = _user("canbo.hanoi")
    CategorySetting.objects.get_or_create(
        unit=Unit.objects.get(code="HN"), category="wages", defaults={"answer_days": 10}
    )
    now = timezone.now()
    day = datetime.timedelta(days=1)

    def file(member, category, description, days_ago, **extra):
        return services.open_case(
            member=member,
            category=category,
            description=description,
            filed_by=member.account,
            now=now - days_ago * day,
            **extra,
        )

    answered = file(
        hang,
        "wages",
        "Công ty chưa trả tiền làm thêm giờ tháng 9 và tháng 10.",
        12,
        employer="Công ty TNHH Điện tử Sao Mai",
    )
    if officer:
        services.reply(
            answered,
            "Công đoàn cơ sở đã làm việc với phòng nhân sự; công ty cam kết trả đủ trong kỳ lương tới.",
            by=officer,
            now=now - 5 * day,
        )
    working = file(
        hang,
        "safety",
        "Xưởng B thiếu quạt thông gió, nhiệt độ buổi chiều trên 38 độ.",
        2,
        employer="Công ty TNHH Điện tử Sao Mai",
    )
    if officer:
        services.assign(working, officer, by=officer, now=now - day)
        services.set_status(working, Status.IN_PROGRESS, by=officer, now=now - day)
        services.add_note(working, "Đã hẹn kiểm tra xưởng B vào thứ Năm.", by=officer, now=now - day)
    insurance = file(hang, "social_insurance", "Công ty đóng bảo hiểm xã hội thấp hơn lương thực tế.", 1)
    if hanoi:
        services.add_note(insurance, "Chuyển bộ phận tư vấn pháp luật.", by=hanoi)
    # Filed long ago and never answered: the clock escalates it to Cầu Giấy.
    file(hang, "dismissal", "Tổ trưởng bị buộc thôi việc sau khi kiến nghị về tăng ca.", 20)
    services.escalate_overdue_cases(now=now)
    file(hang, "discrimination", "Lao động nữ mang thai bị chuyển sang ca đêm.", 3, anonymous=True)
    if phone_member:
        file(phone_member, "working_time", "Công nhân phải làm 12 tiếng mỗi ngày, không có ngày nghỉ.", 0)


def load(context: dict) -> None:
    _survey()
    _cases(context)
    anonymous = Case.objects.filter(anonymous=True).order_by("pk").first()
    if anonymous:
        context["accounts"].append(
            ("(anonymous request)", f"tracking code {anonymous.tracking_code} at /vi/feedback/track/")
        )
