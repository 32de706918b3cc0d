"""A running national quiz contest on the 2024 Trade Union Law, in Vietnamese and English.

Round 1 has closed and is ranked, round 2 is open, round 3 is to come; three
dozen entrants from grassroots unions across the demo federation have taken
part. Safe to run again: nothing is added once the contest exists.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from contests.attempts import score_answers
from contests.bank_cache import question_pool
from contests.drawing import draw
from contests.models import (
    Attempt,
    ContestPage,
    Entrant,
    Option,
    Question,
    QuestionBank,
    Round,
    UnitMemberCount,
)
from contests.ranking import rank_contest
from contests.signals import grant_contest_permissions
from demo.translation import translate
from federations.models import FederationPage, Level, Unit
from home.models import HomePage

ORDER = 30
SEED = 2025
SLUG = "tim-hieu-luat-cong-doan-2024"

TITLE = ("Cuộc thi trực tuyến tìm hiểu Luật Công đoàn năm 2024", "Online contest on the 2024 Trade Union Law")
INTRO = (
    "Ba vòng thi hằng tuần, mỗi vòng hai lượt, 10 câu hỏi trong 20 phút.",
    "Three weekly rounds, two attempts per round, 10 questions in 20 minutes.",
)
RULES = (
    "Mỗi lượt thi gồm 10 câu hỏi trắc nghiệm rút ngẫu nhiên từ ngân hàng câu hỏi và một câu hỏi dự đoán "
    "số người trả lời đúng tất cả các câu. Có thể đổi đáp án cho đến khi nộp bài. Người có điểm cao nhất "
    "thắng; nếu bằng điểm, người dự đoán gần đúng hơn thắng; nếu vẫn bằng, người nộp bài sớm hơn thắng.",
    "Each attempt has 10 multiple-choice questions drawn at random from the question bank and a question "
    "predicting how many entrants will answer everything correctly. Answers can be changed until you "
    "submit. The best score wins; on equal scores the closest prediction wins; then the earliest submission.",
)
PRIZES = (
    "Mỗi vòng: 1 giải Nhất, 2 giải Nhì, 3 giải Ba. Giải tập thể cho công đoàn cơ sở có nhiều người dự thi "
    "nhất và có tỷ lệ tham gia cao nhất.",
    "Each round: one first prize, two second prizes, three third prizes. Unit prizes for the grassroots "
    "union with the most entrants and for the one with the highest participation rate.",
)
BANK = ("Luật Công đoàn 2024 và quyền lợi người lao động", "The 2024 Trade Union Law and workers' rights")

# (topic, Vietnamese (question, options, explanation), English (question, options, explanation), correct indexes)
QUESTIONS = [
    (
        "luật",
        (
            "Luật Công đoàn năm 2024 có hiệu lực thi hành từ ngày nào?",
            ["01/7/2025", "01/01/2025", "01/7/2024", "01/01/2026"],
            "Luật Công đoàn số 50/2024/QH15 có hiệu lực từ ngày 01/7/2025.",
        ),
        (
            "From which date does the 2024 Trade Union Law take effect?",
            ["1 July 2025", "1 January 2025", "1 July 2024", "1 January 2026"],
            "Trade Union Law No. 50/2024/QH15 takes effect on 1 July 2025.",
        ),
        [0],
    ),
    (
        "luật",
        (
            "Cơ quan nào thông qua Luật Công đoàn?",
            ["Quốc hội", "Chính phủ", "Tổng Liên đoàn Lao động Việt Nam", "Bộ Nội vụ"],
            "Luật do Quốc hội thông qua.",
        ),
        (
            "Which body passes the Trade Union Law?",
            [
                "The National Assembly",
                "The Government",
                "The Vietnam General Confederation of Labour",
                "The Ministry of Home Affairs",
            ],
            "Laws are passed by the National Assembly.",
        ),
        [0],
    ),
    (
        "luật",
        (
            "Kinh phí công đoàn do người sử dụng lao động đóng bằng bao nhiêu phần trăm quỹ tiền lương làm căn cứ "
            "đóng bảo hiểm xã hội?",
            ["2%", "1%", "3%", "5%"],
            "Người sử dụng lao động đóng kinh phí công đoàn bằng 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội.",
        ),
        (
            "What share of the social-insurance payroll do employers pay as trade union funding?",
            ["2%", "1%", "3%", "5%"],
            "Employers pay trade union funding of 2% of the payroll on which social insurance is paid.",
        ),
        [0],
    ),
    (
        "luật",
        (
            "Theo Luật Công đoàn 2024, những ai có quyền thành lập, gia nhập công đoàn? (chọn tất cả đáp án đúng)",
            [
                "Người lao động Việt Nam làm việc theo hợp đồng lao động",
                "Người lao động nước ngoài làm việc tại Việt Nam từ 12 tháng trở lên",
                "Chủ doanh nghiệp",
                "Không ai trong số trên",
            ],
            "Luật Công đoàn 2024 mở rộng quyền gia nhập công đoàn cho người lao động nước ngoài làm việc tại "
            "Việt Nam từ 12 tháng trở lên.",
        ),
        (
            "Under the 2024 Trade Union Law, who may found or join a union? (choose every correct option)",
            [
                "Vietnamese employees working under a labour contract",
                "Foreign employees working in Viet Nam for 12 months or more",
                "Company owners",
                "None of the above",
            ],
            "The 2024 law opens union membership to foreign employees working in Viet Nam for 12 months or more.",
        ),
        [0, 1],
    ),
    (
        "luật",
        (
            "Trong thương lượng tập thể, công đoàn đại diện cho ai?",
            ["Người lao động", "Người sử dụng lao động", "Cơ quan nhà nước", "Nhà đầu tư"],
            "Công đoàn là tổ chức đại diện của người lao động.",
        ),
        (
            "In collective bargaining, whom does the union represent?",
            ["Employees", "Employers", "State agencies", "Investors"],
            "The union is the representative organisation of employees.",
        ),
        [0],
    ),
    (
        "luật",
        (
            "Đoàn viên công đoàn đóng đoàn phí hằng tháng bằng bao nhiêu phần trăm tiền lương?",
            ["1%", "2%", "0,5%", "5%"],
            "Theo Điều lệ Công đoàn Việt Nam, đoàn phí bằng 1% tiền lương, có mức trần.",
        ),
        (
            "What share of their salary do union members pay as monthly dues?",
            ["1%", "2%", "0.5%", "5%"],
            "Under the Charter of the Vietnam Trade Union, dues are 1% of salary, with a ceiling.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Đại hội Công đoàn Việt Nam được tổ chức bao nhiêu năm một lần?",
            ["5 năm", "3 năm", "4 năm", "10 năm"],
            "Đại hội Công đoàn Việt Nam họp 5 năm một lần.",
        ),
        (
            "How often is the Congress of the Vietnam Trade Union held?",
            ["Every 5 years", "Every 3 years", "Every 4 years", "Every 10 years"],
            "The Congress of the Vietnam Trade Union meets every five years.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Ngày thành lập Công đoàn Việt Nam là ngày nào?",
            ["28/7/1929", "01/5/1886", "02/9/1945", "20/10/1930"],
            "Công đoàn Việt Nam được thành lập ngày 28/7/1929.",
        ),
        (
            "When was the Vietnam Trade Union founded?",
            ["28 July 1929", "1 May 1886", "2 September 1945", "20 October 1930"],
            "The Vietnam Trade Union was founded on 28 July 1929.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Tổ chức cơ sở của Công đoàn Việt Nam là gì?",
            ["Công đoàn cơ sở", "Liên đoàn Lao động tỉnh", "Công đoàn ngành trung ương", "Tổng Liên đoàn"],
            "Công đoàn cơ sở là nền tảng của tổ chức công đoàn.",
        ),
        (
            "What is the grassroots organisation of the Vietnam Trade Union?",
            [
                "The grassroots union",
                "The provincial federation of labour",
                "The national sector union",
                "The General Confederation",
            ],
            "The grassroots union is the foundation of the union organisation.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Cơ quan lãnh đạo cao nhất của Công đoàn Việt Nam là gì?",
            [
                "Đại hội Công đoàn Việt Nam",
                "Ban Chấp hành Tổng Liên đoàn",
                "Đoàn Chủ tịch Tổng Liên đoàn",
                "Ủy ban Kiểm tra",
            ],
            "Đại hội Công đoàn Việt Nam là cơ quan lãnh đạo cao nhất.",
        ),
        (
            "What is the highest leading body of the Vietnam Trade Union?",
            [
                "The Congress of the Vietnam Trade Union",
                "The Executive Committee of the Confederation",
                "The Presidium of the Confederation",
                "The Inspection Committee",
            ],
            "The Congress is the highest leading body.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Ngày Quốc tế Lao động là ngày nào?",
            ["01/5", "28/7", "08/3", "20/11"],
            "Ngày Quốc tế Lao động là ngày 01/5.",
        ),
        (
            "When is International Workers' Day?",
            ["1 May", "28 July", "8 March", "20 November"],
            "International Workers' Day is 1 May.",
        ),
        [0],
    ),
    (
        "điều lệ",
        (
            "Đoàn viên công đoàn có những quyền nào sau đây? (chọn tất cả đáp án đúng)",
            [
                "Được công đoàn đại diện, bảo vệ quyền và lợi ích hợp pháp",
                "Được thông tin, thảo luận, biểu quyết công việc của công đoàn",
                "Được miễn mọi nghĩa vụ lao động",
                "Được nhận lương thay cho doanh nghiệp",
            ],
            "Đoàn viên được đại diện, bảo vệ và được tham gia công việc của công đoàn.",
        ),
        (
            "Which of these are rights of union members? (choose every correct option)",
            [
                "To be represented and have their lawful rights protected by the union",
                "To be informed, discuss and vote on the union's work",
                "To be exempt from every work duty",
                "To be paid by the union instead of the company",
            ],
            "Members are represented and protected, and take part in the union's work.",
        ),
        [0, 1],
    ),
    (
        "quyền lợi",
        (
            "Theo Bộ luật Lao động 2019, thời giờ làm việc bình thường không quá bao nhiêu giờ một ngày?",
            ["8 giờ", "10 giờ", "12 giờ", "6 giờ"],
            "Thời giờ làm việc bình thường không quá 8 giờ một ngày và 48 giờ một tuần.",
        ),
        (
            "Under the 2019 Labour Code, normal working hours may not exceed how many hours a day?",
            ["8 hours", "10 hours", "12 hours", "6 hours"],
            "Normal working hours may not exceed 8 hours a day and 48 hours a week.",
        ),
        [0],
    ),
    (
        "quyền lợi",
        (
            "Thông thường, số giờ làm thêm tối đa trong một năm là bao nhiêu?",
            ["200 giờ", "100 giờ", "400 giờ", "500 giờ"],
            "Không quá 200 giờ một năm, trừ một số ngành, nghề được làm đến 300 giờ.",
        ),
        (
            "Usually, how many overtime hours are allowed in a year at most?",
            ["200 hours", "100 hours", "400 hours", "500 hours"],
            "No more than 200 hours a year, except some sectors allowed up to 300 hours.",
        ),
        [0],
    ),
    (
        "quyền lợi",
        (
            "Lao động nữ được nghỉ thai sản trước và sau khi sinh con bao lâu?",
            ["6 tháng", "4 tháng", "3 tháng", "12 tháng"],
            "Lao động nữ được nghỉ thai sản 6 tháng.",
        ),
        (
            "How long is maternity leave before and after giving birth?",
            ["6 months", "4 months", "3 months", "12 months"],
            "Women employees are entitled to six months of maternity leave.",
        ),
        [0],
    ),
    (
        "quyền lợi",
        (
            "Làm đủ 12 tháng trong điều kiện bình thường, người lao động được nghỉ hằng năm hưởng nguyên lương bao "
            "nhiêu ngày?",
            ["12 ngày", "10 ngày", "14 ngày", "15 ngày"],
            "Người lao động làm việc trong điều kiện bình thường được nghỉ 12 ngày làm việc mỗi năm.",
        ),
        (
            "After 12 months of work in normal conditions, how many days of paid annual leave does an employee get?",
            ["12 days", "10 days", "14 days", "15 days"],
            "Employees in normal conditions get 12 working days of paid annual leave.",
        ),
        [0],
    ),
    (
        "quyền lợi",
        (
            "Tiền lương làm thêm giờ vào ngày thường ít nhất bằng bao nhiêu phần trăm tiền lương?",
            ["150%", "200%", "300%", "120%"],
            "Làm thêm vào ngày thường được trả ít nhất 150%.",
        ),
        (
            "On a normal working day, overtime is paid at least what share of the normal wage?",
            ["150%", "200%", "300%", "120%"],
            "Overtime on normal days is paid at least 150%.",
        ),
        [0],
    ),
    (
        "quyền lợi",
        (
            "Người lao động được nghỉ lễ Quốc khánh mấy ngày?",
            ["2 ngày", "1 ngày", "3 ngày", "5 ngày"],
            "Quốc khánh được nghỉ 2 ngày: ngày 02/9 và một ngày liền kề trước hoặc sau.",
        ),
        (
            "How many days off do employees get for National Day?",
            ["2 days", "1 day", "3 days", "5 days"],
            "National Day gives two days off: 2 September and one day before or after it.",
        ),
        [0],
    ),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hương",
    "Khoa",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Uyên",
    "Việt",
    "Xuân",
    "Yến",
]


def _bank(locale: Locale) -> QuestionBank:
    bank = QuestionBank.objects.filter(name=BANK[0], locale=locale).first()
    if bank is not None:
        return bank
    bank = QuestionBank.objects.create(name=BANK[0], unit=Unit.objects.get(code="TLD"), locale=locale)
    translate(bank, "en", {BANK[0]: BANK[1]})
    for topic, (text, options, explanation), (text_en, options_en, explanation_en), correct in QUESTIONS:
        question = Question(
            bank=bank,
            locale=locale,
            text=text,
            topic=topic,
            explanation=explanation,
            kind="multiple" if len(correct) > 1 else "single",
        )
        question.save()
        Option.objects.bulk_create(
            [
                Option(question=question, text=o, is_correct=i in correct, sort_order=i, locale=locale)
                for i, o in enumerate(options)
            ]
        )
        strings = {text: text_en, explanation: explanation_en, **dict(zip(options, options_en, strict=True))}
        translate(question, "en", strings)
    bank.touch()
    return QuestionBank.objects.get(pk=bank.pk)


def _contest(home: HomePage, bank: QuestionBank) -> ContestPage:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    contest = home.add_child(
        instance=ContestPage(
            title=TITLE[0],
            slug=SLUG,
            intro=INTRO[0],
            rules=f"<p>{RULES[0]}</p>",
            prizes=f"<p>{PRIZES[0]}</p>",
            question_bank=bank,
            questions_per_attempt=10,
            attempts_per_round=2,
            time_limit_minutes=20,
            show_in_menus=True,
        )
    )
    for order, (opens, closes) in enumerate([(-10, -3), (-3, 4), (4, 11)]):
        Round.objects.create(
            contest=contest,
            sort_order=order,
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
        )
    contest.save_revision().publish()
    return contest


def _entrants(contest: ContestPage, rng: random.Random) -> list[Entrant]:
    units = list(Unit.objects.filter(level=Level.GRASSROOTS).order_by("code"))
    entrants = []
    for n in range(36):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        entrants.append(
            Entrant(contest=contest, full_name=name, phone=f"09{SEED + n:08d}", unit=rng.choice(units[:18]))
        )
    Entrant.objects.bulk_create(entrants)
    for unit in units:
        UnitMemberCount.objects.get_or_create(unit=unit, defaults={"member_count": rng.randrange(40, 900)})
    return list(Entrant.objects.filter(contest=contest).order_by("pk"))


def _attempts(contest: ContestPage, entrants: list[Entrant], rng: random.Random) -> None:
    pool = question_pool(contest.question_bank)
    now = timezone.now()
    rounds = list(contest.rounds.all())
    for entrant in entrants:
        seen: set[int] = set()
        skill = rng.uniform(0.4, 0.98)
        for round_ in rounds[:2]:
            for number in range(1, rng.choice([1, 1, 2]) + 1):
                start = min(round_.opens_at + timedelta(hours=rng.randrange(1, 60)), now - timedelta(hours=1))
                questions = draw(pool, contest.questions_per_attempt, seen, rng)
                seen |= {item["q"] for item in questions}
                answers = {
                    str(item["q"]): item["c"] if rng.random() < skill else [rng.choice(item["o"])]
                    for item in questions
                }
                Attempt.objects.create(
                    round=round_,
                    entrant=entrant,
                    number=number,
                    started_at=start,
                    deadline=start + contest.time_limit,
                    questions=questions,
                    answers=answers,
                    submitted_at=start + timedelta(seconds=rng.randrange(180, 1150)),
                    score=score_answers(questions, answers),
                    prediction=rng.randrange(0, 12),
                )


def load(context: dict) -> None:
    for section in FederationPage.objects.select_related("unit"):
        grant_contest_permissions(section)
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None or ContestPage.objects.filter(slug=SLUG).exists():
        return
    rng = random.Random(SEED)
    with transaction.atomic():
        bank = _bank(home.locale)
    contest = _contest(home, bank)
    translate(
        contest, "en", {TITLE[0]: TITLE[1], INTRO[0]: INTRO[1], RULES[0]: RULES[1], PRIZES[0]: PRIZES[1]}
    )
    with transaction.atomic():
        _attempts(contest, _entrants(contest, rng), rng)
    rank_contest(contest)
    context["stdout"].write(f"Contest: {contest.url} ({len(QUESTIONS)} questions, round 2 open)")
