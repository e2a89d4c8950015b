import factory

from .models import Entry, ReviewStatus, Synonym


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry
        django_get_or_create = ("external_id",)

    external_id = factory.Sequence(lambda n: f"T{n:04d}")
    question = factory.Sequence(lambda n: f"测试问题{n}怎么办理？")
    variants = ""
    answer = "<p>测试答案。</p>"
    category = "测试"
    status = ReviewStatus.APPROVED


class SynonymFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Synonym
        django_get_or_create = ("term",)

    term = "社保"
    canonical = "社会保险"
