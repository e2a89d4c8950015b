"""The disclosure guide (公开指南), built from the organization data.

Art. 12: "政府信息公开指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、
办公时间、联系电话、传真号码、互联网联系方式等内容" — classification, arrangement, how to obtain it,
and the office's name, address, hours, telephone, fax and internet contact.
"""

from dataclasses import dataclass, field

from gongkai.organizations.services import district_government

from .models import ColumnKind, ColumnPage, DisclosureCategory


@dataclass
class Guide:
    unit: object
    classification: list = field(default_factory=list)  # (column, description)
    categories: list = field(default_factory=list)  # art. 20/21 category labels
    leaders: list = field(default_factory=list)
    missing_contacts: list = field(default_factory=list)


CONTACT_FIELDS = ("office_name", "office_address", "office_hours", "office_phone", "office_fax")


def build(unit=None) -> Guide:
    """The guide of ``unit`` (the district government if None)."""
    unit = unit or district_government()
    guide = Guide(unit=unit)
    root = ColumnPage.objects.filter(column_kind=ColumnKind.DISCLOSURE_ROOT).first()
    if root is not None:
        guide.classification = list(ColumnPage.objects.child_of(root).live().order_by("path"))
    guide.categories = [label for _value, label in DisclosureCategory.choices]
    if unit is not None:
        guide.leaders = list(unit.leaders.all())
        guide.missing_contacts = [
            unit._meta.get_field(name).verbose_name for name in CONTACT_FIELDS if not getattr(unit, name)
        ]
        if not (unit.office_email or unit.website):
            guide.missing_contacts.append(unit._meta.get_field("office_email").verbose_name)
    return guide
