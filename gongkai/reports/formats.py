"""The national annual-report formats (domain-rules §1): the 2019 trial format and the 2021 format.

Row and column labels are the verbatim template labels (国办公开办函〔2019〕60号 and 〔2021〕30号). The
Chinese labels are data: the published report is always in the national format, whatever the
interface language. ``label`` is the English gloss shown in the English interface.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportFormat(models.TextChoices):
    TRIAL_2019 = "2019", _("2019 format (trial), report years 2019–2020")
    REVISED_2021 = "2021", _("2021 format, report years from 2021")


def format_for_year(year: int) -> str:
    """§1.1: the 2019 trial format for report years 2019 and 2020, the 2021 format from 2021."""
    return ReportFormat.TRIAL_2019 if year <= 2020 else ReportFormat.REVISED_2021


# --- Section headings (§1.2, identical in both formats) -----------------------------------------

SECTIONS = [
    ("overview", "一、总体情况", _("1. Overview")),
    ("table2", "二、主动公开政府信息情况", _("2. Proactive disclosure")),
    ("table3", "三、收到和处理政府信息公开申请情况", _("3. Applications received and handled")),
    ("table4", "四、政府信息公开行政复议、行政诉讼情况", _("4. Reconsideration and litigation")),
    ("problems", "五、存在的主要问题及改进情况", _("5. Main problems and improvements")),
    ("other_matters", "六、其他需要报告的事项", _("6. Other matters to report")),
]
#: The alternative wordings of the body text of the format; real reports use either (§1.2).
SECTION_ALIASES = {
    "table2": ["行政机关主动公开政府信息情况"],
    "table3": ["行政机关收到和处理政府信息公开申请情况"],
    "table4": ["因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
    "problems": ["政府信息公开工作存在的主要问题及改进情况"],
}
OVERVIEW_MAX_CHARS_2021 = 1000  # 2021: "篇幅原则上不超过一千字"


# --- Table III (§1.4) ---------------------------------------------------------------------------

TABLE3_TITLE = "收到和处理政府信息公开申请情况"
TABLE3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADER = "申请人情况"
LEGAL_PERSON_HEADER = "法人或其他组织"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    label: object


TABLE3_COLUMNS = [
    Column("natural", "自然人", _("Natural person")),
    Column("commercial", "商业企业", _("Commercial enterprise")),
    Column("research", "科研机构", _("Research institution")),
    Column("public_welfare", "社会公益组织", _("Public-welfare organisation")),
    Column("legal_service", "法律服务机构", _("Legal-service institution")),
    Column("other", "其他", _("Other organisation")),
    Column("total", "总计", _("Total")),
]
COLUMN_KEYS = [c.key for c in TABLE3_COLUMNS]
APPLICANT_KEYS = COLUMN_KEYS[:-1]


@dataclass(frozen=True)
class Row:
    """A printed row of Table III. ``key`` is None for a group heading, which carries no figures."""

    key: str | None
    zh: str
    label: object
    level: int = 0  # 0: item, 1: outcome group, 2: outcome sub-row
    formats: tuple[str, ...] = ("2019", "2021")
    is_outcome: bool = False


def _deny(key, zh, label):
    return Row(key, zh, label, level=2, is_outcome=True)


TABLE3_ROWS: list[Row] = [
    Row("new_received", "一、本年新收政府信息公开申请数量", _("1. New applications received this year")),
    Row("carried_over", "二、上年结转政府信息公开申请数量", _("2. Applications carried over from last year")),
    Row(None, "三、本年度办理结果", _("3. Outcomes this year")),
    Row("granted", "（一）予以公开", _("(1) Disclosed"), level=1, is_outcome=True),
    Row(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _("(2) Partly disclosed (a severed application counts only here)"),
        level=1,
        is_outcome=True,
    ),
    Row(None, "（三）不予公开", _("(3) Not disclosed"), level=1),
    _deny("deny_state_secret", "1.属于国家秘密", _("State secret")),
    _deny(
        "deny_law_forbidden", "2.其他法律行政法规禁止公开", _("Other laws or regulations prohibit disclosure")
    ),
    _deny(
        "deny_three_safety_one_stability",
        "3.危及“三安全一稳定”",
        _("Endangers the three securities and one stability"),
    ),
    _deny("deny_third_party", "4.保护第三方合法权益", _("Protects a third party's lawful rights")),
    _deny("deny_internal_affairs", "5.属于三类内部事务信息", _("Internal-affairs information")),
    _deny("deny_process_info", "6.属于四类过程性信息", _("Process information")),
    _deny("deny_enforcement_file", "7.属于行政执法案卷", _("Administrative enforcement case file")),
    _deny("deny_admin_query", "8.属于行政查询事项", _("Administrative inquiry matter")),
    Row(None, "（四）无法提供", _("(4) Cannot be provided"), level=1),
    _deny("unable_not_held", "1.本机关不掌握相关政府信息", _("This agency does not hold the information")),
    _deny(
        "unable_need_creation",
        "2.没有现成信息需要另行制作",
        _("No ready-made information; would need creating"),
    ),
    _deny("unable_unclear_after_correction", "3.补正后申请内容仍不明确", _("Still unclear after correction")),
    Row(None, "（五）不予处理", _("(5) Not processed"), level=1),
    _deny("reject_petition_complaint", "1.信访举报投诉类申请", _("Petition, report or complaint")),
    _deny("reject_repeat", "2.重复申请", _("Repeated application")),
    _deny("reject_publication", "3.要求提供公开出版物", _("Asks for published materials")),
    _deny(
        "reject_massive_unreasonable",
        "4.无正当理由大量反复申请",
        _("Large or repeated applications without good reason"),
    ),
    _deny(
        "reject_confirm_reissue",
        "5.要求行政机关确认或重新出具已获取信息",
        _("Asks to confirm or re-issue information already obtained"),
    ),
    Row(
        "other_processing",
        "（六）其他处理",
        _("(6) Other handling"),
        level=1,
        formats=("2019",),
        is_outcome=True,
    ),
    Row(None, "（六）其他处理", _("(6) Other handling"), level=1, formats=("2021",)),
    Row(
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        _("Applicant did not correct in time; no longer processed"),
        level=2,
        formats=("2021",),
        is_outcome=True,
    ),
    Row(
        "other_overdue_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        _("Applicant did not pay the fee notice in time; no longer processed"),
        level=2,
        formats=("2021",),
        is_outcome=True,
    ),
    Row("other_other", "3.其他", _("3. Other"), level=2, formats=("2021",), is_outcome=True),
    Row("total_processed", "（七）总计", _("(7) Total"), level=1),
    Row("carried_forward", "四、结转下年度继续办理", _("4. Carried forward to next year")),
]

OTHER_2021_KEYS = ["other_overdue_correction", "other_overdue_fee", "other_other"]


def table3_rows(fmt: str) -> list[Row]:
    """The printed rows (headings included) of Table III in format ``fmt``."""
    return [row for row in TABLE3_ROWS if fmt in row.formats]


def table3_keys(fmt: str) -> list[str]:
    """The data rows of Table III: 23 in the 2019 format, 25 in the 2021 format."""
    return [row.key for row in table3_rows(fmt) if row.key]


def outcome_keys(fmt: str) -> list[str]:
    """The leaf outcome rows whose sum is （七）总计 (§1.6 item 2)."""
    return [row.key for row in table3_rows(fmt) if row.is_outcome]


ALL_TABLE3_KEYS = list(dict.fromkeys(row.key for row in TABLE3_ROWS if row.key))
ROWS_BY_KEY = {row.key: row for row in TABLE3_ROWS if row.key}


# --- Table IV (§1.5, identical in both formats) ----------------------------------------------------

TABLE4_TITLE = "政府信息公开行政复议、行政诉讼情况"
TABLE4_GROUPS = [
    ("reconsideration", "行政复议", _("Administrative reconsideration")),
    ("litigation_direct", "未经复议直接起诉", _("Litigation filed directly")),
    ("litigation_after_reconsideration", "复议后起诉", _("Litigation after reconsideration")),
]
TABLE4_LITIGATION_HEADER = "行政诉讼"
TABLE4_COLUMNS = [
    ("upheld", "结果维持", _("Upheld")),
    ("corrected", "结果纠正", _("Corrected")),
    ("other", "其他结果", _("Other result")),
    ("pending", "尚未审结", _("Pending")),
    ("total", "总计", _("Total")),
]
TABLE4_GROUP_KEYS = [g[0] for g in TABLE4_GROUPS]
TABLE4_COLUMN_KEYS = [c[0] for c in TABLE4_COLUMNS]


# --- Table II (§1.3) ----------------------------------------------------------------------------

TABLE2_TITLE = "主动公开政府信息情况"


@dataclass(frozen=True)
class Table2Section:
    """One 第二十条第（x）项 sub-table: its rows and columns (keys and verbatim labels)."""

    item: str
    zh: str
    rows: tuple[tuple[str, str], ...]
    columns: tuple[tuple[str, str], ...]


TABLE2_SECTIONS = {
    "2021": [
        Table2Section(
            "1",
            "第二十条第（一）项",
            (("rules", "规章"), ("normative_documents", "行政规范性文件")),
            (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        ),
        Table2Section(
            "5", "第二十条第（五）项", (("licensing", "行政许可"),), (("decisions", "本年处理决定数量"),)
        ),
        Table2Section(
            "6",
            "第二十条第（六）项",
            (("penalty", "行政处罚"), ("compulsion", "行政强制")),
            (("decisions", "本年处理决定数量"),),
        ),
        Table2Section(
            "8",
            "第二十条第（八）项",
            (("fees", "行政事业性收费"),),
            (("amount_wan", "本年收费金额（单位：万元）"),),
        ),
    ],
    "2019": [
        Table2Section(
            "1",
            "第二十条第（一）项",
            (("rules", "规章"), ("normative_documents", "规范性文件")),
            (
                ("made", "本年新制作数量"),
                ("published", "本年新公开数量"),
                ("total_published", "对外公开总数量"),
            ),
        ),
        Table2Section(
            "5",
            "第二十条第（五）项",
            (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
            (("previous_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
        ),
        Table2Section(
            "6",
            "第二十条第（六）项",
            (("penalty", "行政处罚"), ("compulsion", "行政强制")),
            (("previous_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
        ),
        Table2Section(
            "8",
            "第二十条第（八）项",
            (("fees", "行政事业性收费"),),
            (("previous_items", "上一年项目数量"), ("change", "本年增/减")),
        ),
        Table2Section(
            "9",
            "第二十条第（九）项",
            (("procurement", "政府集中采购"),),
            (("items", "采购项目数量"), ("amount_wan", "采购总金额")),
        ),
    ],
}


def table2_cells(fmt: str) -> list[tuple[str, str]]:
    """Every (row, column) cell of Table II in format ``fmt``."""
    return [
        (r, c) for section in TABLE2_SECTIONS[fmt] for r, _zh in section.rows for c, _czh in section.columns
    ]
