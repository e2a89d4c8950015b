"""Test and demo builders for the disclosure app."""

import datetime as dt

import factory

from gongkai.organizations.factories import UnitFactory

from .models import DisclosureAttribute, Genre, InformationItemPage, StandardCatalogueEntry, Validity


def unit_column(unit):
    from .structure import ensure_unit_column

    return ensure_unit_column(unit)


class InformationItemFactory(factory.Factory):
    """An item in its unit's column, published (``publish=False`` leaves a draft)."""

    class Meta:
        model = InformationItemPage

    title = factory.Sequence(lambda n: f"关于做好第{n}批城乡居民就业服务工作的通知")
    unit = factory.SubFactory(UnitFactory)
    document_number = factory.Sequence(lambda n: f"清人社发〔2026〕{n}号")
    date_written = dt.date(2026, 3, 2)
    genre = Genre.OTHER_DOCUMENT
    summary = "明确就业服务的对象、内容和办理流程。"
    body = "<p>各街道办事处、乡镇人民政府：现将有关事项通知如下。</p>"
    validity = Validity.IN_FORCE
    disclosure_attribute = DisclosureAttribute.PROACTIVE

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, user=None, **kwargs):
        item = model_class(live=False, **kwargs)
        parent = parent or unit_column(item.unit)
        parent.add_child(instance=item)
        revision = item.save_revision(user=user)
        if publish:
            revision.publish(user=user)
            item.refresh_from_db()
        return item


class StandardCatalogueEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardCatalogueEntry

    area = "employment"
    item_level1 = "就业创业"
    item_level2 = "就业政策法规"
    content = "就业创业相关法律法规、政策文件"
    basis = "《中华人民共和国就业促进法》《政府信息公开条例》"
    responsible_unit = factory.SubFactory(UnitFactory)
