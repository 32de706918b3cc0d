"""The demo federation: units, sections (vi, en, ja), editor and moderator accounts.

Every name below was written for this project; the units are fictional
stand-ins shaped like the real tree.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from demo.translation import translate
from federations.importing import import_units
from federations.models import FederationPage, Unit
from federations.permissions import editors_group_name, moderators_group_name
from home.models import FooterText, HomePage, SiteSettings

ORDER = 10

UNITS_CSV = """code,parent_code,level,name_vi,name_en,province
TLD,,confederation,Tổng Liên đoàn Lao động Việt Nam,Vietnam General Confederation of Labour,
HN,TLD,federation,Liên đoàn Lao động thành phố Hà Nội,Hanoi Federation of Labour,Hà Nội
HCM,TLD,federation,Liên đoàn Lao động Thành phố Hồ Chí Minh,Ho Chi Minh City Federation of Labour,TP. Hồ Chí Minh
DN,TLD,federation,Liên đoàn Lao động thành phố Đà Nẵng,Da Nang Federation of Labour,Đà Nẵng
BN,TLD,federation,Liên đoàn Lao động tỉnh Bắc Ninh,Bac Ninh Federation of Labour,Bắc Ninh
CDGD,TLD,federation,Công đoàn Giáo dục Việt Nam,Vietnam Education Trade Union,
CDYT,TLD,federation,Công đoàn Y tế Việt Nam,Vietnam Health Trade Union,
HN-CG,HN,upper,Liên đoàn Lao động quận Cầu Giấy,Cau Giay District Federation of Labour,Hà Nội
HN-KCN,HN,upper,Công đoàn các Khu công nghiệp và chế xuất Hà Nội,Hanoi Industrial and Export Zones Union,Hà Nội
HCM-Q1,HCM,upper,Liên đoàn Lao động Quận 1,District 1 Federation of Labour,TP. Hồ Chí Minh
HCM-KCX,HCM,upper,Công đoàn các Khu chế xuất và công nghiệp Thành phố,City Export Processing and Industrial Zones Union,TP. Hồ Chí Minh
DN-HC,DN,upper,Liên đoàn Lao động quận Hải Châu,Hai Chau District Federation of Labour,Đà Nẵng
BN-KCN,BN,upper,Công đoàn các Khu công nghiệp Bắc Ninh,Bac Ninh Industrial Zones Union,Bắc Ninh
CDGD-DH,CDGD,upper,Công đoàn Khối các trường đại học phía Bắc,Northern Universities Union,
"""

# (upper-level code, grassroots names): 36 grassroots unions, shaped like real ones.
GRASSROOTS = {
    "HN-CG": [
        "Công ty Cổ phần Phần mềm Sao Mai",
        "Trường Tiểu học Nghĩa Tân",
        "Bệnh viện Đa khoa Cầu Giấy",
        "Công ty TNHH Dịch vụ Xanh Thủ đô",
        "Ủy ban nhân dân phường Dịch Vọng",
    ],
    "HN-KCN": [
        "Công ty TNHH Điện tử Thăng Long Việt",
        "Công ty TNHH May mặc Sông Hồng",
        "Công ty Cổ phần Cơ khí Nội Bài",
        "Công ty TNHH Linh kiện Quang Minh",
    ],
    "HCM-Q1": [
        "Khách sạn Bến Nghé",
        "Công ty Cổ phần Du lịch Sài Gòn Xanh",
        "Trường THPT Lê Lợi",
        "Ngân hàng Thương mại Phương Nam chi nhánh Quận 1",
    ],
    "HCM-KCX": [
        "Công ty TNHH Giày da Tân Thuận",
        "Công ty TNHH Dệt may Linh Trung",
        "Công ty TNHH Chế biến Thủy sản Hiệp Phước",
        "Công ty TNHH Điện tử Tân Bình",
        "Công ty TNHH Bao bì Sóng Thần",
    ],
    "DN-HC": [
        "Cảng Sông Hàn",
        "Công ty Cổ phần Cấp nước Hải Châu",
        "Bệnh viện Phụ sản Đà Nẵng",
        "Trường THCS Trưng Vương",
    ],
    "BN-KCN": [
        "Công ty TNHH Điện thoại Yên Phong",
        "Công ty TNHH Kính Quế Võ",
        "Công ty TNHH Linh kiện Tiên Du",
        "Công ty TNHH Nhựa Từ Sơn",
    ],
    "CDGD-DH": [
        "Trường Đại học Sư phạm Thủ đô",
        "Trường Đại học Kỹ thuật Hồng Hà",
        "Học viện Nông nghiệp Đồng Bằng",
    ],
    "CDYT": ["Bệnh viện Nhi Trung ương Phương Bắc", "Viện Dinh dưỡng Cộng đồng"],
    "BN": ["Công ty Cổ phần Gốm Phù Lãng", "Công ty TNHH Thực phẩm Kinh Bắc"],
    "DN": ["Công ty Cổ phần Vận tải biển Tiên Sa"],
    "HCM": ["Tổng Công ty Xe buýt Sài Gòn"],
}

SECTIONS = [
    # unit code, slug, Vietnamese title, intro, English (title, intro), Japanese (title, intro)
    (
        "HN",
        "ha-noi",
        "Liên đoàn Lao động thành phố Hà Nội",
        "Tin tức, thông báo và hoạt động của công đoàn Thủ đô.",
        ("Hanoi Federation of Labour", "News, announcements and activities of the capital's unions."),
        ("ハノイ労働連盟", "首都の労働組合のニュース、お知らせ、活動。"),
    ),
    (
        "HCM",
        "tp-ho-chi-minh",
        "Liên đoàn Lao động Thành phố Hồ Chí Minh",
        "Tin tức và thông báo của công đoàn Thành phố Hồ Chí Minh.",
        ("Ho Chi Minh City Federation of Labour", "News and announcements of Ho Chi Minh City's unions."),
        ("ホーチミン市労働連盟", "ホーチミン市の労働組合のニュースとお知らせ。"),
    ),
    (
        "CDGD",
        "cong-doan-giao-duc",
        "Công đoàn Giáo dục Việt Nam",
        "Tiếng nói của nhà giáo và người lao động ngành giáo dục.",
        ("Vietnam Education Trade Union", "The voice of teachers and education workers."),
        ("ベトナム教育労働組合", "教員と教育分野で働く人々の声。"),
    ),
    (
        "DN",
        "da-nang",
        "Liên đoàn Lao động thành phố Đà Nẵng",
        "Hoạt động công đoàn tại thành phố Đà Nẵng.",
        ("Da Nang Federation of Labour", "Union activities in Da Nang."),
        ("ダナン労働連盟", "ダナン市の労働組合活動。"),
    ),
]

HOME = {
    "vi": (
        "Tổng Liên đoàn Lao động Việt Nam",
        "Cổng thông tin của tổ chức công đoàn: tin tức, văn bản, cuộc thi và việc làm cho người lao động.",
    ),
    "en": (
        "Vietnam General Confederation of Labour",
        "The union portal: news, documents, contests and jobs for working people.",
    ),
    "ja": ("ベトナム労働総同盟", "労働組合のポータル：働く人のためのニュース、文書、コンテスト、求人。"),
}

FOOTER = {
    "vi": "Cổng thông tin điện tử Công đoàn (bản trình diễn). Nội dung trên trang chỉ dùng để minh họa.",
    "en": "Trade Union Portal (demo). The content on this site is for illustration only.",
    "ja": "労働組合ポータル（デモ）。このサイトの内容は説明用です。",
}

ACCOUNTS = [
    # username, unit code, role
    ("bientap.hanoi", "HN", "editors"),
    ("kiemduyet.hanoi", "HN", "moderators"),
    ("bientap.hcm", "HCM", "editors"),
    ("kiemduyet.hcm", "HCM", "moderators"),
]


def _grassroots_csv() -> str:
    lines = []
    for parent, names in GRASSROOTS.items():
        province = Unit.objects.filter(code=parent).values_list("province", flat=True).first() or ""
        for number, name in enumerate(names, start=1):
            lines.append(f"{parent}-CS{number:02d},{parent},grassroots,Công đoàn cơ sở {name},,{province}")
    return "code,parent_code,level,name_vi,name_en,province\n" + "\n".join(lines) + "\n"


def _ensure_locales() -> None:
    for code in ("vi", "en", "ja"):
        Locale.objects.get_or_create(language_code=code)


def _home_page() -> HomePage:
    existing = HomePage.objects.filter(locale__language_code="vi").first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    # Wagtail's welcome page is in the way of the slug and of the site root.
    for page in root.get_children().exclude(content_type__model="homepage"):
        page.delete()
    title, intro = HOME["vi"]
    home = root.add_child(
        instance=HomePage(
            title=title,
            slug="home",
            unit=Unit.objects.get(code="TLD"),
            intro=f"<p>{intro}</p>",
            locale=Locale.objects.get(language_code="vi"),
        )
    )
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Công đoàn Việt Nam"},
    )
    return home


def _translate_home(home: HomePage) -> None:
    for language in ("en", "ja"):
        title, intro = HOME[language]
        translate(home, language, {HOME["vi"][0]: title, HOME["vi"][1]: intro})


def _sections(home: HomePage) -> None:
    for code, slug, title, intro, english, japanese in SECTIONS:
        unit = Unit.objects.get(code=code)
        section = FederationPage.objects.filter(unit=unit, locale=home.locale).first()
        if section is None:
            section = home.add_child(
                instance=FederationPage(
                    title=title, slug=slug, unit=unit, intro=f"<p>{intro}</p>", show_in_menus=True
                )
            )
            section.save_revision().publish()
        for language, (translated_title, translated_intro) in (("en", english), ("ja", japanese)):
            translate(section, language, {title: translated_title, intro: translated_intro})


def _footer() -> None:
    footer = FooterText.objects.filter(locale__language_code="vi").first()
    if footer is None:
        footer = FooterText.objects.create(
            body=f"<p>{FOOTER['vi']}</p>", locale=Locale.objects.get(language_code="vi")
        )
    for language in ("en", "ja"):
        translate(footer, language, {FOOTER["vi"]: FOOTER[language]})


def _site_settings() -> None:
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.get_or_create(
        site=site,
        defaults={
            "hotline": "1900 0000",
            "contact_email": "lienhe@congdoan.example",
            "facebook_url": "https://www.facebook.com/congdoan.example",
            "zalo_url": "https://zalo.me/congdoan.example",
            "youtube_url": "https://www.youtube.com/@congdoan.example",
        },
    )


def _accounts(context: dict) -> None:
    from django.contrib.auth.models import Group

    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@congdoan.example", context["password"])
    context["accounts"].append(("admin", "superuser"))
    for username, unit_code, role in ACCOUNTS:
        unit = Unit.objects.get(code=unit_code)
        group_name = editors_group_name(unit) if role == "editors" else moderators_group_name(unit)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, f"{username}@congdoan.example", context["password"])
            user.groups.add(Group.objects.get(name=group_name))
        context["accounts"].append((username, group_name))


def load(context: dict) -> None:
    _ensure_locales()
    if not Unit.objects.filter(code="TLD").exists():
        import_units(UNITS_CSV)
        import_units(_grassroots_csv())
    home = _home_page()
    _translate_home(home)
    _sections(home)
    _footer()
    _site_settings()
    _accounts(context)
