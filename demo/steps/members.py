"""Demo members: a few thousand across the grassroots units, two linked accounts (one by
e-mail, one by phone), one suspended member, and a Hanoi officer who approves requests."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from federations.models import Level, Unit, UnitOfficer
from members.identity import hashes_for
from members.linking import link_account
from members.models import Member, card_expiry_from

ORDER = 15
MEMBERS_PER_UNIT = 80
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = {"female": ["Thị", "Ngọc", "Thu", "Minh"], "male": ["Văn", "Đức", "Minh", "Quang"]}
GIVEN = {
    "female": ["Hằng", "Lan", "Hoa", "Mai", "Thảo", "Trang", "Linh", "Hương", "Yến", "Ngân"],
    "male": ["Bình", "Dũng", "Hùng", "Nam", "Quân", "Sơn", "Tuấn", "Việt", "Khoa", "Phúc"],
}
# (username, e-mail, phone, member number): the two members whose accounts are linked.
LINKED = [
    ("hoivien.email", "hoivien.email@congdoan.example", None, "HN-CG-CS02-0001"),
    ("hoivien.sdt", None, "+84912000001", "HCM-KCX-CS01-0001"),
]
SUSPENDED = "HN-KCN-CS01-0002"
OFFICER = ("canbo.hanoi", "HN")


def _members(rng: random.Random) -> None:
    if Member.objects.exists():
        return
    today = datetime.date.today()
    rows = []
    for unit in Unit.objects.filter(level=Level.GRASSROOTS).order_by("path"):
        for number in range(1, MEMBERS_PER_UNIT + 1):
            gender = rng.choice(["female", "male"])
            member_number = f"{unit.code}-{number:04d}"
            document = f"0{rng.randint(1, 96):02d}{rng.randint(0, 1)}{rng.randint(60, 99):02d}{rng.randint(0, 999999):06d}"
            document_hash, last_four_hash = hashes_for(member_number, document)
            joined = today - datetime.timedelta(days=rng.randint(30, 6000))
            rows.append(
                Member(
                    member_number=member_number,
                    full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}",
                    date_of_birth=datetime.date(
                        rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    gender=gender,
                    unit=unit,
                    date_joined=joined,
                    card_expires=card_expiry_from(today),
                    id_document_hash=document_hash,
                    id_last_four_hash=last_four_hash,
                )
            )
    Member.objects.bulk_create(rows, batch_size=2000)


def _linked_accounts(context: dict) -> None:
    User = get_user_model()
    for username, email, phone, member_number in LINKED:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username, email, context["password"], phone=phone, phone_verified=bool(phone)
            )
            if email:
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        member = Member.objects.filter(member_number=member_number).first()
        if member and member.account_id is None:
            link_account(user, member)
        how = f"e-mail {email}" if email else f"phone {phone}"
        context["accounts"].append((username, f"member linked by {how}, card {member_number}"))


def _suspended() -> None:
    member = Member.objects.filter(member_number=SUSPENDED).first()
    if member and member.status == Member.Status.ACTIVE:
        member.status = Member.Status.SUSPENDED
        member.save()


def _officer(context: dict) -> None:
    username, unit_code = OFFICER
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, f"{username}@congdoan.example", context["password"])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    UnitOfficer.objects.get_or_create(
        user=user, unit=Unit.objects.get(code=unit_code), defaults={"title": "Cán bộ"}
    )
    context["accounts"].append((username, f"officer of {unit_code}: members and link requests (needs TOTP)"))


def load(context: dict) -> None:
    _members(random.Random(2026))
    _linked_accounts(context)
    _suspended()
    _officer(context)
    context["accounts"].append((f"({SUSPENDED})", "suspended member without an account: card revoked"))
