import datetime

import factory

from gongkai.organizations.factories import UnitFactory

from .models import AppealCase, AppealKind, AppealResult


class AppealCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppealCase

    kind = AppealKind.RECONSIDERATION
    case_number = factory.Sequence(lambda n: f"清复决字〔2025〕{n}号")
    respondent_unit = factory.SubFactory(UnitFactory)
    appellant_name = "张三"
    reviewing_body = "清河区人民政府"
    filed_on = datetime.date(2025, 3, 1)
    result = AppealResult.PENDING

    class Params:
        decided = factory.Trait(result=AppealResult.UPHELD, decided_on=datetime.date(2025, 5, 1))
