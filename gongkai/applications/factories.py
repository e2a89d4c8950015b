import datetime as dt

import factory

from gongkai.organizations.factories import UnitFactory

from . import codes
from .models import ApplicantType, Application, Channel, DeliveryMethod, FeeNotice, InformationForm, Status


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    tracking_number = factory.Sequence(lambda n: f"GK2025{n:06d}")
    verification_code_hash = factory.LazyFunction(lambda: codes.hash_code("ABCD2345"))
    handling_unit = factory.SubFactory(UnitFactory)
    channel = Channel.ONLINE
    status = Status.IN_PROGRESS
    applicant_type = ApplicantType.NATURAL
    applicant_name = factory.Sequence(lambda n: f"申请人{n}")
    id_document_type = "居民身份证"
    id_document_number = factory.Sequence(lambda n: f"11010119900101{n:04d}")
    phone = "13800000000"
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    description = "2024年本区城镇老旧小区改造项目清单及资金安排"
    information_form = InformationForm.ELECTRONIC
    delivery_method = DeliveryMethod.EMAIL
    submitted_on = dt.date(2025, 1, 20)
    received_on = factory.LazyAttribute(lambda o: o.submitted_on)


class FeeNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeNotice

    application = factory.SubFactory(ApplicationFactory)
    issued_on = dt.date(2025, 3, 3)
    amount_yuan = 700
