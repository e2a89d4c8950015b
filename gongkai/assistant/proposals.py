"""Entries proposed from the system's own data, for staff to accept.

- each unit's office hours, address and telephone (the disclosure guide's contact items, art. 12);
- how to apply for disclosure (art. 29), fees (art. 42 and the 2020 fee measures), reply deadlines
  (art. 33) and corrections (art. 30) of the Regulations on Open Government Information.

Proposals have ``status=proposed`` and a ``proposal_key``. Running again updates proposals still
waiting and leaves accepted or rejected ones alone, so staff decisions stick. ``accept`` approves a
proposal (an audit-logged review decision).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.organizations.models import Unit

from .kb import approve, bump_version
from .models import Entry, Origin, ReviewStatus
from .richtext import clean_answer

GUIDE_URL = "/zwgk/gkzn/"

RULES = [
    (
        "rule-apply",
        "如何申请政府信息公开？",
        ["怎么申请政府信息公开", "依申请公开怎么提交", "申请公开政府信息需要写哪些内容"],
        "申请人可以通过信函、传真、网上申请平台或当面向政府信息公开工作机构提交书面申请；书面申请确有困难的，可以口头提出，由受理机构代为填写。"
        "申请内容包括：（一）申请人的姓名或者名称、身份证明、联系方式；（二）申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；"
        "（三）申请公开的政府信息的形式要求，包括获取信息的方式、途径。（《中华人民共和国政府信息公开条例》第二十九条）",
    ),
    (
        "rule-fees",
        "申请政府信息公开收费吗？",
        ["申请信息公开要交钱吗", "信息处理费怎么收"],
        "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费"
        "（条例第四十二条）。按件计收的，同一申请人一个自然月内累计申请10件以内（含10件）不收费；按量计收的，30页以内（含30页）不收费"
        "（《政府信息公开信息处理费管理办法》第四条、第五条）。",
    ),
    (
        "rule-deadline",
        "政府信息公开申请多长时间内答复？",
        ["申请信息公开多久能答复", "依申请公开的答复期限是多少", "信息公开答复可以延期吗"],
        "能够当场答复的，应当当场予以答复。不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，"
        "经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在内（条例第三十三条）。",
    ),
    (
        "rule-correction",
        "政府信息公开申请被要求补正怎么办？",
        ["补正通知是什么意思", "信息公开申请补正期限"],
        "申请内容不明确的，行政机关应当自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。"
        "答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）。",
    ),
]


def _unit_proposals(unit: Unit) -> list[tuple[str, str, list[str], str]]:
    name, short = unit.name, unit.short_name or unit.name
    found = []
    if unit.office_hours:
        found.append(
            (
                f"unit-{unit.slug}-hours",
                f"{name}的办公时间是什么？",
                [f"{short}几点上班", f"{short}什么时候可以去办事"],
                f"{unit.office_name or name}办公时间：{unit.office_hours}。",
            )
        )
    if unit.office_address:
        found.append(
            (
                f"unit-{unit.slug}-address",
                f"{name}在哪里？",
                [f"{short}的地址", f"{short}怎么走"],
                f"{unit.office_name or name}办公地址：{unit.office_address}"
                + (f"，邮政编码{unit.office_postcode}" if unit.office_postcode else "")
                + "。",
            )
        )
    if unit.office_phone:
        found.append(
            (
                f"unit-{unit.slug}-phone",
                f"{name}的联系电话是多少？",
                [f"{short}电话", f"怎么联系{short}"],
                f"{unit.office_name or name}联系电话：{unit.office_phone}"
                + (f"，传真：{unit.office_fax}" if unit.office_fax else "")
                + (f"，电子邮箱：{unit.office_email}" if unit.office_email else "")
                + "。",
            )
        )
    return found


def propose_all() -> dict:
    """Create or refresh the proposals; returns counts."""
    from gongkai.organizations.services import district_government

    counts = {"created": 0, "updated": 0, "kept": 0}
    district = district_government()
    with transaction.atomic():
        for unit in Unit.objects.active():
            for key, question, variants, text in _unit_proposals(unit):
                _upsert(counts, key, question, variants, text, unit, "/zwgk/jgzn/")
        for key, question, variants, text in RULES:
            _upsert(counts, key, question, variants, text, district, GUIDE_URL)
        if counts["created"] or counts["updated"]:
            bump_version()
    return counts


def _upsert(counts, key, question, variants, text, unit, source) -> None:
    values = {
        "question": question,
        "variants": "\n".join(variants),
        "answer": clean_answer(text),
        "category": _("Disclosure guide"),
        "unit": unit,
        "sources": f"{_('Government information disclosure guide')} {source}",
    }
    entry = Entry.objects.filter(proposal_key=key).first()
    if entry is None:
        Entry.objects.bulk_create(
            [
                Entry(
                    external_id=f"auto-{key}"[:64],
                    proposal_key=key,
                    status=ReviewStatus.PROPOSED,
                    origin=Origin.PROPOSAL,
                    **values,
                )
            ]
        )
        counts["created"] += 1
    elif entry.status == ReviewStatus.PROPOSED and any(getattr(entry, k) != v for k, v in values.items()):
        Entry.objects.filter(pk=entry.pk).update(**values)
        counts["updated"] += 1
    else:
        counts["kept"] += 1


def accept(entry: Entry, user) -> Entry:
    """Accept a proposal: it becomes an approved entry (a review decision in the audit log)."""
    return approve(entry, user, note=_("Accepted proposal"))
