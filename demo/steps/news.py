"""Demo news: topics, news indexes and items at three levels (confederation, Hanoi, Cầu Giấy
district), English and Japanese translations of some, grassroots officers and their receipts.

Every text was written for this project. Safe to run again: what exists is left alone.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.translation import translate
from federations.models import FederationPage, Unit, UnitOfficer
from news.models import (
    AnnouncementAttachment,
    AnnouncementPage,
    NewsArticlePage,
    NewsIndexPage,
    Receipt,
    ResolutionPage,
    Topic,
)

ORDER = 20

TOPICS = [
    # slug, vi, en, ja
    ("wages", "Tiền lương", "Wages", "賃金"),
    ("safety", "An toàn lao động", "Safety at work", "労働安全"),
    ("welfare", "Chăm lo đời sống", "Workers' welfare", "福利厚生"),
    ("union-building", "Xây dựng tổ chức Công đoàn", "Building the union", "組合づくり"),
]

INDEX_TITLES = {"vi": "Tin tức", "en": "News", "ja": "ニュース"}
INDEX_INTRO = {
    "vi": "Tin tức, nghị quyết và thông báo của đơn vị.",
    "en": "News, resolutions and announcements of the unit.",
    "ja": "組織のニュース、決議、お知らせ。",
}

CAU_GIAY_SECTION = (
    "HN-CG",
    "cau-giay",
    "Liên đoàn Lao động quận Cầu Giấy",
    "Hoạt động công đoàn trên địa bàn quận Cầu Giấy.",
    ("Cau Giay District Federation of Labour", "Union activities in Cau Giay district."),
    ("カウザイ区労働連盟", "カウザイ区の労働組合活動。"),
)

OFFICERS = [
    # username, unit code, title
    ("canbo.saomai", "HN-CG-CS01", "Chủ tịch Công đoàn cơ sở"),
    ("canbo.nghiatan", "HN-CG-CS02", "Chủ tịch Công đoàn cơ sở"),
    ("canbo.songhong", "HN-KCN-CS02", "Phó Chủ tịch Công đoàn cơ sở"),
]

# Items per unit: (kind, slug, days ago, fields, topics, translations {lang: {vi text: translated}})
ITEMS = {
    "TLD": [
        (
            "article",
            "tang-luong-toi-thieu-vung",
            1,
            {
                "title": "Lương tối thiểu vùng tăng 7,2% từ ngày 1/7",
                "lead": "Hơn 6 triệu người lao động được hưởng lợi khi lương tối thiểu vùng được điều chỉnh.",
                "author": "Ban Tuyên giáo",
                "body": [
                    (
                        "paragraph",
                        "<p>Tổng Liên đoàn đề nghị các công đoàn cơ sở giám sát việc doanh nghiệp điều chỉnh "
                        "thang lương, bảng lương cho người lao động.</p>",
                    ),
                    ("quote", {"text": "Tiền lương phải đủ sống.", "attribution": "Chủ tịch Tổng Liên đoàn"}),
                ],
                "show_in_units_below": True,
            },
            ["wages"],
            {
                "en": {
                    "Lương tối thiểu vùng tăng 7,2% từ ngày 1/7": "Regional minimum wage rises 7.2% from 1 July",
                    "Hơn 6 triệu người lao động được hưởng lợi khi lương tối thiểu vùng được điều chỉnh.": "More than 6 million workers benefit from the new regional minimum wage.",
                    "Tiền lương phải đủ sống.": "Wages must be enough to live on.",
                },
                "ja": {
                    "Lương tối thiểu vùng tăng 7,2% từ ngày 1/7": "地域最低賃金、7月1日から7.2%引き上げ",
                    "Hơn 6 triệu người lao động được hưởng lợi khi lương tối thiểu vùng được điều chỉnh.": "600万人以上の労働者が新しい地域最低賃金の恩恵を受ける。",
                },
            },
        ),
        (
            "article",
            "thang-cong-nhan",
            3,
            {
                "title": "Phát động Tháng Công nhân với chủ đề an toàn lao động",
                "lead": "Các cấp công đoàn tổ chức đối thoại, thăm hỏi và tặng quà công nhân khó khăn.",
                "author": "Phóng viên Cổng thông tin",
                "body": [
                    ("paragraph", "<p>Tháng Công nhân năm nay tập trung vào an toàn vệ sinh lao động.</p>")
                ],
            },
            ["safety", "welfare"],
            {
                "en": {
                    "Phát động Tháng Công nhân với chủ đề an toàn lao động": "Workers' Month launched with a focus on safety",
                    "Các cấp công đoàn tổ chức đối thoại, thăm hỏi và tặng quà công nhân khó khăn.": "Unions at every level hold dialogues and visit workers in hardship.",
                }
            },
        ),
        (
            "article",
            "mai-am-cong-doan",
            6,
            {
                "title": "Trao 500 Mái ấm Công đoàn cho đoàn viên khó khăn về nhà ở",
                "lead": "Chương trình Mái ấm Công đoàn tiếp tục hỗ trợ đoàn viên xây, sửa nhà.",
                "body": [("paragraph", "<p>Mỗi mái ấm được hỗ trợ từ 50 đến 70 triệu đồng.</p>")],
            },
            ["welfare"],
            {},
        ),
        (
            "resolution",
            "nghi-quyet-phat-trien-doan-vien",
            10,
            {
                "title": "Nghị quyết về phát triển đoàn viên giai đoạn 2026–2030",
                "lead": "Mục tiêu phát triển thêm 3 triệu đoàn viên, chú trọng khu vực doanh nghiệp ngoài nhà nước.",
                "number": "07-NQ/TLĐ",
                "congress_session": "Hội nghị Ban Chấp hành Tổng Liên đoàn lần thứ 12",
                "adopted_on": datetime.date(2026, 3, 15),
                "key_points": [
                    ("point", "Phát triển 3 triệu đoàn viên mới."),
                    ("point", "Thành lập công đoàn cơ sở tại mọi doanh nghiệp có từ 25 lao động."),
                ],
                "target_levels": "234",
            },
            ["union-building"],
            {
                "en": {
                    "Nghị quyết về phát triển đoàn viên giai đoạn 2026–2030": "Resolution on growing union membership, 2026–2030",
                    "Mục tiêu phát triển thêm 3 triệu đoàn viên, chú trọng khu vực doanh nghiệp ngoài nhà nước.": "A target of 3 million new members, with a focus on private companies.",
                }
            },
        ),
        (
            "announcement",
            "thong-bao-to-chuc-thang-cong-nhan",
            2,
            {
                "title": "Thông báo về việc tổ chức các hoạt động Tháng Công nhân",
                "lead": "Đề nghị các cấp công đoàn báo cáo kết quả tổ chức Tháng Công nhân.",
                "priority": "high",
                "target_levels": "34",
                "reply_days": 20,
            },
            ["welfare"],
            {
                "en": {
                    "Thông báo về việc tổ chức các hoạt động Tháng Công nhân": "Announcement on organising Workers' Month",
                    "Đề nghị các cấp công đoàn báo cáo kết quả tổ chức Tháng Công nhân.": "Unions at every level are asked to report on Workers' Month.",
                },
                "ja": {
                    "Thông báo về việc tổ chức các hoạt động Tháng Công nhân": "労働者月間の活動実施に関するお知らせ",
                },
            },
        ),
    ],
    "HN": [
        (
            "article",
            "hoi-thao-cong-nhan-thu-do",
            2,
            {
                "title": "Hội thao công nhân Thủ đô thu hút 2.000 vận động viên",
                "lead": "Hội thao diễn ra trong ba ngày với tám môn thi đấu.",
                "body": [("paragraph", "<p>Các đội đến từ 30 quận, huyện và khu công nghiệp.</p>")],
            },
            ["welfare"],
            {
                "en": {
                    "Hội thao công nhân Thủ đô thu hút 2.000 vận động viên": "Hanoi workers' games draw 2,000 athletes"
                }
            },
        ),
        (
            "article",
            "doi-thoai-khu-cong-nghiep",
            5,
            {
                "title": "Đối thoại với công nhân khu công nghiệp về nhà ở xã hội",
                "lead": "Lãnh đạo thành phố trả lời 40 kiến nghị của công nhân.",
            },
            ["welfare", "wages"],
            {},
        ),
        (
            "resolution",
            "nghi-quyet-dai-hoi-xvii",
            30,
            {
                "title": "Nghị quyết Đại hội Công đoàn thành phố Hà Nội lần thứ XVII",
                "lead": "Đại hội xác định ba khâu đột phá cho nhiệm kỳ 2023–2028.",
                "number": "01-NQ/ĐH",
                "congress_session": "Đại hội Công đoàn thành phố Hà Nội lần thứ XVII",
                "adopted_on": datetime.date(2023, 7, 20),
                "key_points": [("point", "Đổi mới nội dung, phương thức hoạt động công đoàn.")],
            },
            ["union-building"],
            {},
        ),
        (
            "announcement",
            "thong-bao-bao-cao-quy",
            1,
            {
                "title": "Thông báo nộp báo cáo công tác công đoàn quý III",
                "lead": "Các công đoàn cơ sở gửi báo cáo theo mẫu đính kèm.",
                "priority": "urgent",
                "target_levels": "4",
                "reply_days": 10,
                "attach": True,
            },
            [],
            {
                "en": {
                    "Thông báo nộp báo cáo công tác công đoàn quý III": "Third-quarter union reports are due"
                }
            },
        ),
    ],
    "HN-CG": [
        (
            "article",
            "tap-huan-can-bo-co-so",
            4,
            {
                "title": "Tập huấn kỹ năng cho cán bộ công đoàn cơ sở quận Cầu Giấy",
                "lead": "120 cán bộ công đoàn cơ sở tham gia lớp tập huấn về thương lượng tập thể.",
            },
            ["union-building"],
            {},
        ),
        (
            "announcement",
            "thong-bao-hop-ban-chap-hanh",
            1,
            {
                "title": "Thông báo họp Ban Chấp hành mở rộng",
                "lead": "Mời chủ tịch các công đoàn cơ sở dự họp vào sáng thứ Sáu.",
                "priority": "normal",
                "target_levels": "4",
            },
            [],
            {},
        ),
    ],
}

# Receipts: (item slug, unit codes that read it, unit codes that also acknowledged it)
RECEIPTS = [
    (
        "thong-bao-to-chuc-thang-cong-nhan",
        ["HN-CG", "HN-CG-CS01", "HN-CG-CS03", "HN-KCN-CS01", "HCM-Q1-CS02"],
        ["HN-CG-CS01"],
    ),
    ("thong-bao-bao-cao-quy", ["HN-CG-CS01", "HN-CG-CS02", "HN-KCN-CS01", "HN-KCN-CS03"], ["HN-CG-CS02"]),
    ("nghi-quyet-phat-trien-doan-vien", ["HN", "HCM", "HN-CG-CS04", "DN-HC-CS01"], []),
]


def _demo_image(name: str, colour: tuple[int, int, int]) -> Image:
    existing = Image.objects.filter(title=name).first()
    if existing:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 1200, 60):
        draw.line([(step, 675), (step + 300, 0)], fill=tuple(min(255, c + 30) for c in colour), width=18)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return Image.objects.create(
        title=name, description=name, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{name}.png")
    )


def _demo_pdf() -> Document:
    title = "Mẫu báo cáo quý III"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return Document.objects.create(title=title, file=ContentFile(content, name="mau-bao-cao-quy-3.pdf"))


def _topics() -> dict[str, Topic]:
    vi = Locale.objects.get(language_code="vi")
    topics = {}
    for slug, name_vi, name_en, name_ja in TOPICS:
        topic = Topic.objects.filter(slug=slug, locale=vi).first() or Topic.objects.create(
            slug=slug, name=name_vi, locale=vi
        )
        translate(topic, "en", {name_vi: name_en})
        translate(topic, "ja", {name_vi: name_ja})
        topics[slug] = topic
    return topics


def _cau_giay_section() -> FederationPage:
    code, slug, title, intro, english, japanese = CAU_GIAY_SECTION
    vi = Locale.objects.get(language_code="vi")
    section = FederationPage.objects.filter(unit__code=code, locale=vi).first()
    if section is None:
        hanoi = FederationPage.objects.get(unit__code="HN", locale=vi)
        section = hanoi.add_child(
            instance=FederationPage(
                title=title, slug=slug, unit=Unit.objects.get(code=code), intro=f"<p>{intro}</p>"
            )
        )
        section.save_revision().publish()
    for language, (translated_title, translated_intro) in (("en", english), ("ja", japanese)):
        translate(section, language, {title: translated_title, intro: translated_intro})
    return section


def _index(section: FederationPage) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(section).first()
    if index is None:
        index = section.add_child(
            instance=NewsIndexPage(
                title=INDEX_TITLES["vi"], slug="tin-tuc", intro=f"<p>{INDEX_INTRO['vi']}</p>"
            )
        )
        index.save_revision().publish()
    for language in ("en", "ja"):
        translate(
            index,
            language,
            {INDEX_TITLES["vi"]: INDEX_TITLES[language], INDEX_INTRO["vi"]: INDEX_INTRO[language]},
        )
    return index


def _item(index, kind, slug, days_ago, fields, topics, images, pdf):
    model = {"article": NewsArticlePage, "resolution": ResolutionPage, "announcement": AnnouncementPage}[kind]
    existing = model.objects.child_of(index).filter(slug=slug).first()
    if existing:
        return existing
    fields = dict(fields)
    reply_days = fields.pop("reply_days", None)
    attach = fields.pop("attach", False)
    if reply_days:
        fields["reply_by"] = timezone.localdate() + datetime.timedelta(days=reply_days)
    if "body" in fields:
        fields["body"] = [
            (block, RichText(value) if block == "paragraph" else value) for block, value in fields["body"]
        ]
    page = model(
        slug=slug,
        publication_date=timezone.now() - datetime.timedelta(days=days_ago, hours=len(slug) % 7),
        image=images[len(slug) % len(images)] if kind == "article" else None,
        image_caption=fields.get("title", "")[:80] if kind == "article" else "",
        image_credit="Ảnh: Ban Tuyên giáo" if kind == "article" else "",
        **fields,
    )
    index.add_child(instance=page)
    page.topics.set(topics)
    if attach:
        page.attachments.add(AnnouncementAttachment(document=pdf, title="Mẫu báo cáo (PDF)"))
    page.save_revision().publish()
    return page


def _officers(context: dict) -> None:
    User = get_user_model()
    for username, code, title in OFFICERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, f"{username}@congdoan.example", context["password"])
        UnitOfficer.objects.get_or_create(
            user=user, unit=Unit.objects.get(code=code), defaults={"title": title}
        )
        context["accounts"].append((username, f"officer of {code} (inbox: /vi/hop-thu/)"))


def _receipts() -> None:
    for slug, readers, acknowledgers in RECEIPTS:
        item = (
            AnnouncementPage.objects.filter(slug=slug, locale__language_code="vi").first()
            or ResolutionPage.objects.filter(slug=slug, locale__language_code="vi").first()
        )
        if item is None:
            continue
        for code in readers:
            unit = Unit.objects.filter(code=code).first()
            if unit is None:
                continue
            done = timezone.now() if code in acknowledgers else None
            Receipt.objects.get_or_create(
                translation_key=item.translation_key, unit=unit, defaults={"acknowledged_at": done}
            )


def load(context: dict) -> None:
    topics = _topics()
    images = [
        _demo_image("Công nhân trong nhà máy (minh họa)", (11, 79, 156)),
        _demo_image("Hội nghị công đoàn (minh họa)", (164, 22, 26)),
        _demo_image("Hoạt động văn hóa thể thao (minh họa)", (29, 90, 43)),
    ]
    pdf = _demo_pdf()
    vi = Locale.objects.get(language_code="vi")
    sections = {
        "TLD": FederationPage.objects.get(unit__code="TLD", locale=vi),
        "HN": FederationPage.objects.get(unit__code="HN", locale=vi),
        "HN-CG": _cau_giay_section(),
    }
    for code, section in sections.items():
        index = _index(section)
        for kind, slug, days_ago, fields, topic_slugs, translations in ITEMS[code]:
            page = _item(index, kind, slug, days_ago, fields, [topics[s] for s in topic_slugs], images, pdf)
            for language, strings in translations.items():
                translate(page, language, strings)
    _officers(context)
    _receipts()
