import factory

from django.contrib.auth import get_user_model

from .models import Membership, Role, Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"测试区第{n}局")
    slug = factory.Sequence(lambda n: f"unit-{n}")
    kind = UnitKind.BUREAU
    code = factory.Sequence(lambda n: f"11110199{n:08d}X0")
    office_name = factory.LazyAttribute(lambda o: f"{o.name}政府信息公开工作机构")
    office_address = "测试区政府路1号"
    office_postcode = "102200"
    office_hours = "工作日9:00-17:00"
    office_phone = "010-69700000"
    office_fax = "010-69710000"
    office_email = "gk@example.gov.cn"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.UNIT_EDITOR


def staff(role: Role, unit: Unit | None = None, **user_kwargs):
    """A user holding ``role`` in ``unit`` (a new unit if none), in the right Wagtail groups."""
    from .services import grant_role

    user = UserFactory(**user_kwargs)
    grant_role(user, unit or UnitFactory(), role)
    return user
