"""Demo statistics: datasets and statistics pages for the confederation and Hanoi (vi, en, ja).

Every figure below was invented for this project. They are shaped like the
published trends (fewer strikes after the early 2010s, steady membership
growth) but are not real statistics of any organisation.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.translation import translate
from federations.models import FederationPage, Unit
from home.models import HomePage
from stats.models import Dataset, StatisticsPage

ORDER = 40

YEARS = [str(year) for year in range(2015, 2025)]


def _rows(values_by_year: dict[str, list], unit: str = "") -> list[dict]:
    return [{"period": year, "unit": unit, "values": values} for year, values in values_by_year.items()]


STRIKES_NATIONAL = dict(
    zip(
        YEARS,
        [
            [245, 61],
            [242, 58],
            [314, 72],
            [218, 49],
            [123, 37],
            [125, 41],
            [98, 29],
            [104, 33],
            [71, 24],
            [66, 19],
        ],
        strict=True,
    )
)
STRIKES_BY_PROVINCE = {
    "HCM": {"2020": [31, 12], "2021": [24, 9], "2022": [27, 10], "2023": [18, 7], "2024": [15, 5]},
    "BN": {"2020": [17, 4], "2021": [12, 3], "2022": [14, 5], "2023": [9, 2], "2024": [8, 3]},
    "HN": {"2020": [9, 3], "2021": [6, 2], "2022": [7, 2], "2023": [5, 1], "2024": [4, 2]},
    "DN": {"2020": [4, 1], "2021": [3, 0], "2022": [2, 1], "2023": [2, 0], "2024": [1, 1]},
}
STRIKES_HCM_BELOW = {
    "HCM-KCX": {"2022": [15, 6], "2023": [11, 4], "2024": [9, 3]},
    "HCM-Q1": {"2022": [2, 1], "2023": [1, 1], "2024": [1, 0]},
}

AGREEMENT_YEARS = [str(year) for year in range(2019, 2025)]
AGREEMENTS = dict(
    zip(
        AGREEMENT_YEARS,
        [
            [2150, 9800, 11900, 5300],
            [2410, 10350, 11600, 4950],
            [2690, 10900, 11200, 4400],
            [3120, 11580, 10800, 3900],
            [3570, 12240, 10350, 3350],
            [4010, 12860, 9900, 2870],
        ],
        strict=True,
    )
)

MEMBERS = dict(
    zip(
        YEARS,
        [
            [9_520_410, 121_530],
            [9_880_250, 123_820],
            [10_110_870, 125_640],
            [10_386_720, 127_160],
            [10_720_930, 128_460],
            [10_614_880, 126_950],
            [10_478_160, 125_410],
            [10_842_560, 126_880],
            [10_965_300, 127_320],
            [11_102_740, 127_940],
        ],
        strict=True,
    )
)
HANOI_MEMBERS = dict(
    zip(
        YEARS,
        [
            [832_400, 11_020],
            [851_900, 11_240],
            [873_100, 11_420],
            [890_600, 11_530],
            [912_300, 11_710],
            [901_800, 11_560],
            [897_200, 11_480],
            [921_500, 11_640],
            [936_800, 11_720],
            [948_100, 11_790],
        ],
        strict=True,
    )
)

DATASETS = [
    {
        "key": "strikes",
        "unit": "TLD",
        "chart_type": "line",
        "vi": {
            "title": "Đình công và ngừng việc tập thể theo năm",
            "description": "Số cuộc đình công và ngừng việc tập thể được ghi nhận trong cả nước; chọn một tỉnh, thành để xem số liệu của địa phương.",
            "measure": "cuộc",
            "source": "Ban Quan hệ lao động (số liệu minh họa)",
            "method": "Mỗi cuộc được tính một lần vào năm bắt đầu, theo báo cáo của liên đoàn lao động tỉnh, thành và công đoàn ngành. Ngừng việc tập thể dưới nửa ngày không được tính.",
            "period_heading": "Năm",
            "series": ["Đình công", "Ngừng việc tập thể"],
        },
        "en": {
            "title": "Strikes and work stoppages per year",
            "description": "Strikes and collective work stoppages recorded nationwide; choose a province to see its own figures.",
            "measure": "stoppages",
            "source": "Labour Relations Department (illustrative figures)",
            "method": "Each stoppage is counted once, in the year it began, from the reports of provincial federations and sector unions. Collective stoppages shorter than half a day are not counted.",
            "period_heading": "Year",
            "series": ["Strikes", "Collective work stoppages"],
        },
        "ja": {
            "title": "年別のストライキと集団的な作業停止",
            "description": "全国で記録されたストライキと集団的な作業停止の件数。省・市を選ぶと地域の数値が見られます。",
            "measure": "件",
            "source": "労使関係部（説明用の数値）",
            "method": "各件は開始した年に一度だけ数え、省・市の労働連盟と産業別労働組合の報告に基づく。半日未満の集団的作業停止は含まない。",
            "period_heading": "年",
            "series": ["ストライキ", "集団的作業停止"],
        },
        "rows": _rows(STRIKES_NATIONAL)
        + [row for code, years in STRIKES_BY_PROVINCE.items() for row in _rows(years, code)]
        + [row for code, years in STRIKES_HCM_BELOW.items() for row in _rows(years, code)],
    },
    {
        "key": "agreements",
        "unit": "TLD",
        "chart_type": "stacked",
        "vi": {
            "title": "Thỏa ước lao động tập thể theo loại (A–D)",
            "description": "Số thỏa ước lao động tập thể còn hiệu lực, xếp loại theo chất lượng: loại A có nhiều điều khoản có lợi hơn luật nhất.",
            "measure": "thỏa ước",
            "source": "Ban Chính sách – Pháp luật (số liệu minh họa)",
            "method": "Thỏa ước được công đoàn cấp trên chấm điểm theo số điều khoản có lợi hơn quy định của pháp luật: A từ 80 điểm, B từ 60, C từ 40, D dưới 40. Tính các thỏa ước còn hiệu lực tại ngày 31/12.",
            "period_heading": "Năm",
            "series": ["Loại A", "Loại B", "Loại C", "Loại D"],
        },
        "en": {
            "title": "Collective agreements by grade (A–D)",
            "description": "Collective bargaining agreements in force, graded by quality: grade A agreements give the most beyond the law.",
            "measure": "agreements",
            "source": "Policy and Law Department (illustrative figures)",
            "method": "Upper-level unions score each agreement by its clauses that go beyond the law: A from 80 points, B from 60, C from 40, D below 40. Agreements in force on 31 December are counted.",
            "period_heading": "Year",
            "series": ["Grade A", "Grade B", "Grade C", "Grade D"],
        },
        "ja": {
            "title": "等級別の労働協約（A〜D）",
            "description": "有効な労働協約を質で格付けした件数。A等級は法律を上回る条項が最も多い。",
            "measure": "件",
            "source": "政策・法律部（説明用の数値）",
            "method": "上部労働組合が法律を上回る条項で各協約を採点：A は80点以上、B は60点以上、C は40点以上、D は40点未満。12月31日時点で有効な協約を数える。",
            "period_heading": "年",
            "series": ["A等級", "B等級", "C等級", "D等級"],
        },
        "rows": _rows(AGREEMENTS),
    },
    {
        "key": "members",
        "unit": "TLD",
        "chart_type": "line",
        "vi": {
            "title": "Đoàn viên và công đoàn cơ sở theo năm",
            "description": "Tổng số đoàn viên công đoàn và số công đoàn cơ sở tại ngày 31/12 hằng năm.",
            "measure": "người / đơn vị",
            "source": "Ban Tổ chức (số liệu minh họa)",
            "method": "Đoàn viên đang sinh hoạt tại ngày 31/12, theo báo cáo của các công đoàn cơ sở; không tính đoàn viên đã chuyển sinh hoạt nhưng chưa được nơi mới tiếp nhận.",
            "period_heading": "Năm",
            "series": ["Đoàn viên", "Công đoàn cơ sở"],
        },
        "en": {
            "title": "Members and grassroots unions per year",
            "description": "Union members and grassroots unions on 31 December of each year.",
            "measure": "people / unions",
            "source": "Organisation Department (illustrative figures)",
            "method": "Members active on 31 December, from the reports of grassroots unions; members in transfer not yet received by their new union are not counted.",
            "period_heading": "Year",
            "series": ["Members", "Grassroots unions"],
        },
        "ja": {
            "title": "年別の組合員数と基礎労働組合数",
            "description": "毎年12月31日時点の組合員数と基礎労働組合数。",
            "measure": "人／組合",
            "source": "組織部（説明用の数値）",
            "method": "12月31日時点で活動中の組合員を基礎労働組合の報告から数える。移籍中で新しい組合に未受理の組合員は含まない。",
            "period_heading": "年",
            "series": ["組合員", "基礎労働組合"],
        },
        "rows": _rows(MEMBERS),
    },
    {
        "key": "hanoi-members",
        "unit": "HN",
        "chart_type": "bar",
        "vi": {
            "title": "Đoàn viên và công đoàn cơ sở của Hà Nội",
            "description": "Đoàn viên và công đoàn cơ sở thuộc Liên đoàn Lao động thành phố Hà Nội tại ngày 31/12 hằng năm.",
            "measure": "người / đơn vị",
            "source": "Ban Tổ chức LĐLĐ thành phố Hà Nội (số liệu minh họa)",
            "method": "Tổng hợp báo cáo năm của các công đoàn cấp trên cơ sở và công đoàn cơ sở trực thuộc.",
            "period_heading": "Năm",
            "series": ["Đoàn viên", "Công đoàn cơ sở"],
        },
        "en": {
            "title": "Members and grassroots unions in Hanoi",
            "description": "Members and grassroots unions of the Hanoi Federation of Labour on 31 December of each year.",
            "measure": "people / unions",
            "source": "Organisation Department, Hanoi Federation of Labour (illustrative figures)",
            "method": "Summed from the annual reports of the upper-level and directly attached grassroots unions.",
            "period_heading": "Year",
            "series": ["Members", "Grassroots unions"],
        },
        "ja": {
            "title": "ハノイの組合員数と基礎労働組合数",
            "description": "ハノイ労働連盟に属する組合員と基礎労働組合（毎年12月31日時点）。",
            "measure": "人／組合",
            "source": "ハノイ労働連盟 組織部（説明用の数値）",
            "method": "上部基礎労働組合と直属の基礎労働組合の年次報告を合計。",
            "period_heading": "年",
            "series": ["組合員", "基礎労働組合"],
        },
        "rows": _rows(HANOI_MEMBERS),
    },
]

PAGES = [
    # section unit, slug, {language: (title, intro)}, dataset keys and chart types
    (
        "TLD",
        "thong-ke",
        {
            "vi": (
                "Thống kê",
                "Số liệu của tổ chức công đoàn: đình công, thỏa ước lao động tập thể, đoàn viên và công đoàn cơ sở. Mỗi biểu đồ có bảng số liệu và tệp CSV để tải về.",
            ),
            "en": (
                "Statistics",
                "The union movement in figures: strikes, collective agreements, members and grassroots unions. Every chart has its data table and a CSV download.",
            ),
            "ja": (
                "統計",
                "労働組合の数字：ストライキ、労働協約、組合員と基礎労働組合。各グラフにデータ表とCSVダウンロードがあります。",
            ),
        },
        [("strikes", "line"), ("agreements", "stacked"), ("members", "line")],
    ),
    (
        "HN",
        "thong-ke",
        {
            "vi": ("Thống kê Hà Nội", "Số liệu của công đoàn Thủ đô."),
            "en": ("Hanoi statistics", "The capital's unions in figures."),
            "ja": ("ハノイの統計", "首都の労働組合の数字。"),
        },
        [("hanoi-members", "bar")],
    ),
]


def _dataset(spec: dict, vi: Locale) -> Dataset:
    text = spec["vi"]
    dataset = Dataset.objects.filter(title=text["title"], locale=vi).first()
    if dataset is None:
        dataset = Dataset.objects.create(
            locale=vi,
            title=text["title"],
            description=text["description"],
            measure=text["measure"],
            source=text["source"],
            method=text["method"],
            unit=Unit.objects.get(code=spec["unit"]),
            chart_type=spec["chart_type"],
            is_public=True,
            table={"period_heading": text["period_heading"], "series": text["series"], "rows": spec["rows"]},
        )
    for language in ("en", "ja"):
        other = spec[language]
        strings = {
            text[key]: other[key]
            for key in ("title", "description", "measure", "source", "method", "period_heading")
        }
        strings.update(zip(text["series"], other["series"], strict=True))
        translate(dataset, language, strings)
    return dataset


def _page(unit_code: str, slug: str, texts: dict, charts: list, datasets: dict, vi: Locale) -> None:
    section = FederationPage.objects.filter(unit__code=unit_code, locale=vi).first()
    if section is None:
        return
    page = StatisticsPage.objects.child_of(section).filter(slug=slug).first()
    if page is None:
        title, intro = texts["vi"]
        page = section.add_child(
            instance=StatisticsPage(
                title=title,
                slug=slug,
                intro=f"<p>{intro}</p>",
                show_in_menus=True,
                body=[
                    ("chart", {"dataset": datasets[key], "chart_type": chart_type, "last_periods": None})
                    for key, chart_type in charts
                ],
            )
        )
        page.save_revision().publish()
    for language in ("en", "ja"):
        title, intro = texts[language]
        translate(page, language, {texts["vi"][0]: title, texts["vi"][1]: intro})


# A news article of the confederation with the strikes chart in its body: how editors use ChartBlock.
ARTICLE = {
    "slug": "so-cuoc-dinh-cong-giam",
    "days_ago": 2,
    "dataset": "strikes",
    "vi": {
        "title": "Số cuộc đình công giảm năm thứ ba liên tiếp",
        "lead": "Năm 2024 cả nước ghi nhận 66 cuộc đình công, thấp nhất trong mười năm.",
        "text": "Theo số liệu minh họa của Ban Quan hệ lao động, đối thoại tại nơi làm việc và thỏa ước lao động "
        "tập thể chất lượng hơn giúp giảm tranh chấp. Biểu đồ dưới đây cho thấy diễn biến mười năm qua; "
        "chạm vào từng điểm để xem số liệu, hoặc tải tệp CSV.",
        "author": "Ban Quan hệ lao động",
    },
    "en": {
        "title": "Strikes fall for the third year running",
        "lead": "66 strikes were recorded nationwide in 2024, the fewest in ten years.",
        "text": "According to the Labour Relations Department's illustrative figures, workplace dialogue and "
        "better collective agreements are reducing disputes. The chart below shows the last ten years; tap a "
        "point to read its figure, or download the CSV.",
    },
    "ja": {
        "title": "ストライキ件数、3年連続で減少",
        "lead": "2024年に全国で記録されたストライキは66件で、過去10年で最少。",
        "text": "労使関係部の説明用の数値によると、職場での対話と質の高い労働協約が紛争を減らしている。下のグラフは"
        "過去10年の推移を示す。点をタップすると数値が表示され、CSVもダウンロードできる。",
    },
}


def _article(datasets: dict, vi: Locale) -> None:
    from news.models import NewsArticlePage, NewsIndexPage

    section = FederationPage.objects.filter(unit__code="TLD", locale=vi).first()
    index = NewsIndexPage.objects.child_of(section).first() if section else None
    if index is None:
        return
    text = ARTICLE["vi"]
    page = NewsArticlePage.objects.child_of(index).filter(slug=ARTICLE["slug"]).first()
    if page is None:
        page = index.add_child(
            instance=NewsArticlePage(
                slug=ARTICLE["slug"],
                title=text["title"],
                lead=text["lead"],
                author=text["author"],
                publication_date=timezone.now() - datetime.timedelta(days=ARTICLE["days_ago"]),
                body=[
                    ("paragraph", RichText(f"<p>{text['text']}</p>")),
                    (
                        "chart",
                        {"dataset": datasets[ARTICLE["dataset"]], "chart_type": "line", "last_periods": 10},
                    ),
                ],
            )
        )
        page.save_revision().publish()
    for language in ("en", "ja"):
        translate(page, language, {text[key]: ARTICLE[language][key] for key in ("title", "lead", "text")})


def load(context: dict) -> None:
    vi = Locale.objects.get(language_code="vi")
    if not HomePage.objects.filter(locale=vi).exists():
        return
    datasets = {spec["key"]: _dataset(spec, vi) for spec in DATASETS}
    for unit_code, slug, texts, charts in PAGES:
        _page(unit_code, slug, texts, charts, datasets, vi)
    _article(datasets, vi)
    context["stdout"].write(
        f"Statistics: {len(datasets)} datasets, statistics pages for the confederation and Hanoi, "
        "a news article with a chart."
    )
