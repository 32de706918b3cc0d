"""Factories for member records, used by tests and the demo."""

import datetime

import factory

from federations.factories import UnitFactory

from .identity import hashes_for
from .models import Member


class MemberFactory(factory.django.DjangoModelFactory):
    """`MemberFactory(id_document_number="001090012345")` stores only the keyed hashes."""

    class Meta:
        model = Member

    class Params:
        id_document_number = "001090001234"

    member_number = factory.Sequence(lambda n: f"M{n:08d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thành {n}")
    date_of_birth = datetime.date(1990, 5, 17)
    gender = Member.Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    date_joined = datetime.date(2015, 3, 1)
    card_expires = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365 * 3))
    id_document_hash = factory.LazyAttribute(lambda o: hashes_for(o.member_number, o.id_document_number)[0])
    id_last_four_hash = factory.LazyAttribute(lambda o: hashes_for(o.member_number, o.id_document_number)[1])
