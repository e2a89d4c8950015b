"""The editable synonym dictionary: colloquial words and the official terms they stand for.

Applied to queries on the lexical side: a query containing either word also searches for the other
(社保 finds 社会保险, 户口 finds 户籍). The dense model already knows most paraphrases.
"""

from dataclasses import dataclass, field

# Seeded into the editable ``Synonym`` table by the demo loader and ``assistant seed-synonyms``.
SEED: list[tuple[str, str]] = [
    ("社保", "社会保险"),
    ("医保", "医疗保险"),
    ("养老金", "养老保险待遇"),
    ("失业金", "失业保险金"),
    ("户口", "户籍"),
    ("上户口", "户籍登记"),
    ("身份证", "居民身份证"),
    ("社保卡", "社会保障卡"),
    ("公积金", "住房公积金"),
    ("营业执照", "工商登记"),
    ("开公司", "企业设立登记"),
    ("执照", "营业执照"),
    ("结婚证", "结婚登记"),
    ("领证", "结婚登记"),
    ("生娃", "生育"),
    ("生孩子", "生育"),
    ("娃", "子女"),
    ("孩子", "子女"),
    ("小孩", "子女"),
    ("上学", "入学"),
    ("低保", "最低生活保障"),
    ("残疾证", "残疾人证"),
    ("驾照", "机动车驾驶证"),
    ("老人", "老年人"),
    ("退休", "退休待遇"),
    ("工资", "劳动报酬"),
    ("欠薪", "拖欠工资"),
    ("拆迁", "房屋征收"),
    ("拆迁款", "征收补偿"),
    ("廉租房", "公共租赁住房"),
    ("公租房", "公共租赁住房"),
    ("信息公开", "政府信息公开"),
    ("查文件", "申请政府信息公开"),
    ("多少钱", "费用"),
    ("收费", "费用"),
    ("要钱", "费用"),
    ("几天", "期限"),
    ("多久", "期限"),
    ("多长时间", "期限"),
    ("电话", "联系电话"),
    ("地址", "办公地址"),
    ("在哪", "地址"),
    ("几点", "办公时间"),
    ("上班时间", "办公时间"),
    ("暂住证", "居住证"),
    ("网上", "网上办理"),
    ("材料", "申请材料"),
    ("带什么", "申请材料"),
    ("投诉", "举报"),
    ("12345", "市民服务热线"),
]


@dataclass
class SynonymTable:
    """Word → words to add; both directions of every active pair."""

    pairs: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_pairs(cls, pairs) -> "SynonymTable":
        table = cls()
        for term, canonical in pairs:
            if term and canonical and term != canonical:
                table.pairs.setdefault(term, set()).add(canonical)
                table.pairs.setdefault(canonical, set()).add(term)
        return table

    @classmethod
    def load(cls) -> "SynonymTable":
        from ..models import Synonym

        return cls.from_pairs(Synonym.objects.filter(is_active=True).values_list("term", "canonical"))

    def expansions(self, query: str) -> list[str]:
        """Words to search for in addition to the query, longest matches first."""
        found: list[str] = []
        for word in sorted(self.pairs, key=len, reverse=True):
            if word in query:
                found.extend(sorted(w for w in self.pairs[word] if w not in query))
        return list(dict.fromkeys(found))


def seed(pairs=SEED) -> int:
    """Create the seed pairs that are not in the table yet; returns how many were created."""
    from ..models import Synonym

    existing = set(Synonym.objects.values_list("term", flat=True))
    new = [Synonym(term=t, canonical=c) for t, c in pairs if t not in existing]
    Synonym.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        from ..kb import bump_version

        bump_version()
    return len(new)
