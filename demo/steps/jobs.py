"""Demo jobs: industries, employers with and without unions and graded agreements, job indexes in
the confederation's and the provinces' sections, and 40 posts (some closed, one in three taking
applications in the portal), a few in English; a saved search with new matches and an application
for each of the two demo members (hoivien.email in Hanoi, hoivien.sdt in Ho Chi Minh City).

Every text was written for this project. Safe to run again: what exists is left alone. Dates are
relative to the day the demo is loaded, so a fresh demo always has open and closed posts.
"""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.db.models import Min
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Locale

from demo.translation import translate
from federations.models import FederationPage
from home.raster_text import font
from jobs.models import (
    Employer,
    Industry,
    JobApplication,
    JobIndexPage,
    JobLocation,
    JobPostPage,
    SavedJobSearch,
    SavedSearchMatch,
)
from jobs.notices import record_matches
from members.models import Member

ORDER = 50

INDUSTRIES = [
    # slug, vi, en
    ("garments", "Dệt may, da giày", "Garments and footwear"),
    ("electronics", "Điện tử", "Electronics"),
    ("logistics", "Vận tải, kho bãi", "Transport and logistics"),
    ("construction", "Xây dựng", "Construction"),
    ("food", "Chế biến thực phẩm", "Food processing"),
]

EMPLOYERS = [
    # tax code, name, industry, province, size, has union, grade, year, English name
    (
        "0100109106",
        "Công ty TNHH Điện tử Sao Mai",
        "electronics",
        "bac-ninh",
        "large",
        True,
        "A",
        2024,
        "Sao Mai Electronics Co., Ltd.",
    ),
    (
        "0300588569",
        "Công ty Cổ phần May Bình Minh",
        "garments",
        "thanh-pho-ho-chi-minh",
        "large",
        True,
        "B",
        2023,
        "Binh Minh Garment JSC",
    ),
    (
        "0400101556",
        "Công ty TNHH Vận tải Sông Hàn",
        "logistics",
        "da-nang",
        "medium",
        True,
        "",
        None,
        "Song Han Transport Co., Ltd.",
    ),
    (
        "0101248141",
        "Công ty Cổ phần Xây dựng Thăng Long",
        "construction",
        "ha-noi",
        "medium",
        False,
        "",
        None,
        "Thang Long Construction JSC",
    ),
    (
        "2300100224",
        "Công ty TNHH Thực phẩm Kinh Bắc",
        "food",
        "bac-ninh",
        "small",
        False,
        "",
        None,
        "Kinh Bac Foods Co., Ltd.",
    ),
    (
        "0301460120",
        "Công ty TNHH Giày da Phú Lâm",
        "garments",
        "thanh-pho-ho-chi-minh",
        "large",
        True,
        "C",
        2022,
        "Phu Lam Footwear Co., Ltd.",
    ),
]

JOBS = [
    # title, industry, type, (min, max) in millions or None (negotiable)
    ("Công nhân lắp ráp linh kiện điện tử", "electronics", "full_time", (8, 11)),
    ("Kỹ thuật viên bảo trì máy SMT", "electronics", "full_time", (12, 18)),
    ("Công nhân may công nghiệp", "garments", "full_time", (7, 10)),
    ("Thợ cắt vải theo ca", "garments", "part_time", (5, 7)),
    ("Công nhân may thời vụ cuối năm", "garments", "seasonal", (7, 9)),
    ("Lái xe tải hạng C", "logistics", "full_time", (12, 15)),
    ("Nhân viên kho vận", "logistics", "full_time", (8, 10)),
    ("Thợ hàn kết cấu thép", "construction", "full_time", (14, 20)),
    ("Kỹ sư giám sát công trình", "construction", "full_time", None),
    ("Công nhân đóng gói thực phẩm", "food", "seasonal", (6, 8)),
    ("Thực tập sinh kiểm tra chất lượng", "food", "internship", (3, 4)),
    ("Thực tập sinh kế toán", "construction", "internship", None),
]

SECTIONS = [
    # unit code, the provinces its posts are in, its employers (by tax code)
    ("TLD", ["ha-noi", "bac-ninh", "da-nang"], ["0100109106", "0101248141", "0400101556"]),
    ("HN", ["ha-noi"], ["0101248141", "0100109106"]),
    ("HCM", ["thanh-pho-ho-chi-minh", "dong-nai"], ["0300588569", "0301460120"]),
    ("DN", ["da-nang", "quang-ngai"], ["0400101556"]),
    ("BN", ["bac-ninh", "thai-nguyen"], ["0100109106", "2300100224"]),
]
POST_COUNT = 40
CLOSED_EVERY = 7  # one post in seven has already closed
IN_PORTAL_EVERY = 3  # one post in three takes applications in the portal

INDEX_TITLES = {"vi": "Việc làm", "en": "Jobs"}
INDEX_INTRO = (
    "Việc làm do công đoàn giới thiệu, ghi rõ doanh nghiệp có công đoàn và thỏa ước lao động tập thể."
)
DESCRIPTION = (
    "<p>{employer} tuyển {openings} {title_lower}. Người lao động được ký hợp đồng lao động, "
    "đóng bảo hiểm xã hội đầy đủ và được Công đoàn hướng dẫn quyền lợi.</p>"
)
REQUIREMENTS = "<ul><li>Từ 18 tuổi trở lên, sức khỏe tốt.</li><li>Chăm chỉ, chịu khó học hỏi.</li></ul>"
BENEFITS = "<ul><li>Ăn ca miễn phí, xe đưa đón.</li><li>Thưởng tháng lương thứ 13.</li></ul>"
ENGLISH = {
    INDEX_INTRO: "Jobs introduced by the unions, showing whether the employer has a union and a collective agreement.",
    "Từ 18 tuổi trở lên, sức khỏe tốt.": "Aged 18 or over, in good health.",
    "Chăm chỉ, chịu khó học hỏi.": "Hard-working and keen to learn.",
    "Ăn ca miễn phí, xe đưa đón.": "Free shift meals and a shuttle bus.",
    "Thưởng tháng lương thứ 13.": "A 13th-month bonus.",
    "Thứ Hai – Thứ Bảy, 7:30–16:30": "Monday to Saturday, 7:30–16:30",
}


def _industries(vi: Locale) -> dict[str, Industry]:
    industries = {}
    for slug, name_vi, name_en in INDUSTRIES:
        industry, _created = Industry.objects.get_or_create(slug=slug, locale=vi, defaults={"name": name_vi})
        translate(industry, "en", {name_vi: name_en})
        industries[slug] = industry
    return industries


def _employers(vi: Locale, industries: dict[str, Industry]) -> dict[str, Employer]:
    employers = {}
    for tax_code, name, industry, province, size, has_union, grade, year, name_en in EMPLOYERS:
        employer, _created = Employer.objects.get_or_create(
            tax_code=tax_code,
            locale=vi,
            defaults={
                "name": name,
                "industry": industries[industry],
                "province": province,
                "size": size,
                "has_union": has_union,
                "agreement_grade": grade,
                "agreement_year": year,
            },
        )
        translate(employer, "en", {name: name_en})
        employers[tax_code] = employer
    return employers


def _index(section: FederationPage) -> JobIndexPage:
    index = JobIndexPage.objects.child_of(section).first()
    if index is None:
        index = section.add_child(
            instance=JobIndexPage(title=INDEX_TITLES["vi"], slug="viec-lam", intro=INDEX_INTRO)
        )
        index.save_revision().publish()
    return index


def _post(index: JobIndexPage, number: int, rng: random.Random, today: datetime.date, provinces, employers):
    slug = f"viec-lam-{number:02d}"
    existing = JobPostPage.objects.child_of(index).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    title, industry_slug, employment_type, salary = JOBS[number % len(JOBS)]
    employer = rng.choice(employers)
    posted = today - datetime.timedelta(days=rng.randint(0, 25))
    closed = number % CLOSED_EVERY == 3
    closing = (
        today - datetime.timedelta(days=rng.randint(1, 5))
        if closed
        else today + datetime.timedelta(days=rng.randint(5, 45))
    )
    posted = min(posted, closing)
    openings = rng.choice([2, 5, 10, 20, 50])
    post = JobPostPage(
        title=title,
        slug=slug,
        employer=employer,
        industry=Industry.objects.get(slug=industry_slug, locale=index.locale),
        employment_type=employment_type,
        salary_min=salary[0] * 1_000_000 if salary else None,
        salary_max=salary[1] * 1_000_000 if salary else None,
        salary_negotiable=salary is None,
        openings=openings,
        description=DESCRIPTION.format(employer=employer.name, openings=openings, title_lower=title.lower()),
        requirements=REQUIREMENTS,
        benefits=BENEFITS,
        working_hours="Thứ Hai – Thứ Bảy, 7:30–16:30",
        posted_date=posted,
        closing_date=closing,
        apply_phone=f"0{rng.randint(200, 299)} {rng.randint(1000, 9999)} {rng.randint(100, 999)}",
        apply_email="tuyendung@example.vn",
        apply_in_portal=number % IN_PORTAL_EVERY == 0,
    )
    index.add_child(instance=post)
    for order, province in enumerate(rng.sample(provinces, k=min(len(provinces), rng.choice([1, 1, 2])))):
        JobLocation.objects.create(page=post, province=province, district="", sort_order=order)
    post.save_revision().publish()
    return post


def load(context: dict) -> None:
    rng = random.Random(50)
    today = timezone.localdate()
    vi = Locale.objects.get(language_code="vi")
    industries = _industries(vi)
    employers = _employers(vi, industries)
    sections = [
        (
            FederationPage.objects.filter(unit__code=code, locale=vi).first(),
            provinces,
            [employers[t] for t in taxes],
        )
        for code, provinces, taxes in SECTIONS
    ]
    sections = [entry for entry in sections if entry[0] is not None]
    per_section = POST_COUNT // len(sections)
    number = 0
    for section, provinces, section_employers in sections:
        index = _index(section)
        posts = []
        for _n in range(per_section):
            posts.append(_post(index, number, rng, today, provinces, section_employers))
            number += 1
        if (
            section.unit.code == "TLD"
            and index.get_translation_or_none(Locale.objects.get(language_code="en")) is None
        ):
            if section.get_translation_or_none(Locale.objects.get(language_code="en")) is not None:
                translate(index, "en", {INDEX_TITLES["vi"]: INDEX_TITLES["en"], **ENGLISH})
        en_index = index.get_translation_or_none(Locale.objects.get(language_code="en"))
        if en_index is not None:
            for post in posts[:4]:
                title_en = ENGLISH_TITLES.get(post.title)
                if title_en:
                    translate(post, "en", {post.title: title_en, **ENGLISH})
    for username, unit_code, search_name, query, status, message in MEMBER_ACTIVITY:
        _member_activity(vi, username, unit_code, search_name, query, status, message)
    context["stdout"].write(
        f"Jobs: {JobPostPage.objects.filter(locale=vi).count()} posts in {len(sections)} sections, "
        f"{Employer.objects.filter(locale=vi).count()} employers, "
        f"{JobApplication.objects.count()} applications, {SavedJobSearch.objects.count()} saved searches."
    )


# username, the section whose post they applied to, saved search name and filters, status, message
MEMBER_ACTIVITY = [
    (
        "hoivien.email",
        "HN",
        "Việc có công đoàn ở Hà Nội",
        "province=ha-noi&union=on",
        JobApplication.Status.CONTACTED,
        "Tôi đã làm 3 năm ở xưởng lắp ráp, muốn tìm việc gần nhà ở Hà Nội.",
    ),
    (
        "hoivien.sdt",
        "HCM",
        "May mặc TP.HCM",
        "province=thanh-pho-ho-chi-minh&industry=garments",
        JobApplication.Status.INTERVIEW,
        "Tôi may được hàng dệt kim, có thể làm ca đêm.",
    ),
]


def _cv_pdf(name: str, message: str) -> bytes:
    """A one-page CV as a PDF, drawn with Pillow (fonts with Vietnamese glyphs where present)."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    title, body = font(56), font(32)
    draw.text((120, 140), "Sơ yếu lý lịch", font=title, fill="black")
    draw.text((120, 260), name, font=body, fill="black")
    draw.text((120, 330), message, font=body, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def _member_activity(vi: Locale, username, unit_code, search_name, query, status, message) -> None:
    member = Member.objects.select_related("account").filter(account__username=username).first()
    if member is None:
        return
    user = member.account
    home = FederationPage.objects.filter(unit__code="TLD", locale=vi).first()
    home_index = JobIndexPage.objects.child_of(home).first() if home else None
    first_post = JobPostPage.objects.aggregate(first=Min("first_published_at"))["first"]
    if home_index and first_post and not SavedJobSearch.objects.filter(user=user, name=search_name).exists():
        # Saved a month ago, so the posts of the last weeks are new matches on the member's page.
        search = SavedJobSearch.objects.create(
            user=user,
            index=home_index,
            name=search_name,
            query=query,
            language="vi",
            created_at=first_post - datetime.timedelta(days=1),
        )
        record_matches(search)
        # The demo does not send mail: its notices count as e-mailed.
        SavedSearchMatch.objects.filter(search=search).update(emailed_at=timezone.now())
    section = FederationPage.objects.filter(unit__code=unit_code, locale=vi).select_related("unit").first()
    if section is None or JobApplication.objects.filter(member=member).exists():
        return
    post = (
        JobPostPage.objects.live()
        .descendant_of(section)
        .filter(locale=vi, apply_in_portal=True)
        .open()
        .order_by("path")
        .first()
    )
    if post is None:
        return
    application = JobApplication(post=post, member=member, unit=section.unit, message=message, status=status)
    application.cv.save("cv.pdf", ContentFile(_cv_pdf(member.full_name, message)), save=False)
    application.cv_name = f"CV {member.full_name}.pdf"
    application.save()


ENGLISH_TITLES = {
    "Công nhân lắp ráp linh kiện điện tử": "Electronics assembly worker",
    "Kỹ thuật viên bảo trì máy SMT": "SMT machine maintenance technician",
    "Công nhân may công nghiệp": "Industrial sewing worker",
    "Thợ cắt vải theo ca": "Fabric cutter (shifts)",
}
