"""Factories for the legal library's tests and benchmark."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from .importer import parse, save_structure
from .models import DocumentType, LegalDocumentPage, LegalField, LegalLibraryPage, LegalQAPage, LegalTopicPage


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("slug", "locale")

    name = "Bộ luật"
    slug = "code"
    locale = factory.LazyFunction(Locale.get_default)


class LegalFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalField
        django_get_or_create = ("slug", "locale")

    name = "Lao động"
    slug = "labour"
    locale = factory.LazyFunction(Locale.get_default)


class LegalLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalLibraryPage

    title = "Thư viện pháp luật"
    slug = "thu-vien-phap-luat"


class LegalTopicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalTopicPage

    title = "Tiền lương"
    slug = factory.Sequence(lambda n: f"chu-de-{n}")


class LegalDocumentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalDocumentPage

    title = factory.Sequence(lambda n: f"Bộ luật Lao động mẫu {n}")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    document_type = factory.SubFactory(DocumentTypeFactory)
    number = factory.Sequence(lambda n: f"{n + 1}/2019/QH14")
    issuing_body = "Quốc hội"
    signer = "Chủ tịch Quốc hội"
    date_issued = datetime.date(2019, 11, 20)
    date_effective = datetime.date(2021, 1, 1)


class LegalQAPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LegalQAPage

    title = factory.Sequence(lambda n: f"Tình huống {n}")
    slug = factory.Sequence(lambda n: f"tinh-huong-{n}")
    situation = "Tôi làm việc theo hợp đồng không xác định thời hạn."
    question = "Tôi phải báo trước bao nhiêu ngày?"
    answer = "<p>Ít nhất 45 ngày.</p>"
    last_reviewed = datetime.date(2022, 1, 1)


def generated_text(articles: int, per_chapter: int = 10) -> str:
    """A well-formed text of `articles` articles, each with two clauses, the second with two points."""
    lines = []
    for number in range(1, articles + 1):
        if (number - 1) % per_chapter == 0:
            lines += [f"Chương {to_roman((number - 1) // per_chapter + 1)}", f"NỘI DUNG NHÓM {number}"]
        lines += [
            f"Điều {number}. Quy định số {number}",
            f"1. Người lao động có quyền theo điều {number}.",
            "2. Người sử dụng lao động có nghĩa vụ:",
            "a) Báo trước bằng văn bản;",
            "b) Trả đủ tiền lương.",
        ]
    return "\n".join(lines)


def to_roman(number: int) -> str:
    numerals = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


def with_text(document: LegalDocumentPage, text: str) -> LegalDocumentPage:
    result = parse(text)
    assert result.ok, result.problems
    save_structure(document, result)
    return document
