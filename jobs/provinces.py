"""Vietnam's 34 provincial-level units (since 1 July 2025), as stable URL codes.

Province names are proper names: they are shown as written in Vietnamese in every language,
which is how they appear on maps, ID cards and job ads.
"""

from folding import fold_vietnamese

PROVINCE_NAMES: tuple[str, ...] = (
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Tuyên Quang",
    "Cao Bằng",
    "Lai Châu",
    "Lào Cai",
    "Thái Nguyên",
    "Điện Biên",
    "Lạng Sơn",
    "Sơn La",
    "Phú Thọ",
    "Bắc Ninh",
    "Quảng Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)


def province_code(name: str) -> str:
    """ "Thành phố Hồ Chí Minh" -> "thanh-pho-ho-chi-minh": readable in a URL, typed without marks."""
    return "-".join(fold_vietnamese(name).split())


PROVINCE_CHOICES: list[tuple[str, str]] = sorted(
    ((province_code(name), name) for name in PROVINCE_NAMES), key=lambda choice: choice[0]
)
PROVINCES: dict[str, str] = dict(PROVINCE_CHOICES)
