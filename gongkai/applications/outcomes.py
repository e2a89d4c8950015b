"""Final outcomes of an application: the leaf rows of annual-report Table III.

Keys and labels follow domain-rules.md §1.4 (2021 format, 国办公开办函〔2021〕30号); the legal basis of
each outcome follows the mapping of the Jiangsu specification (domain-rules.md §1.9). Each closed
application lands in exactly one row ("区分处理的，只计这一情形，不计其他情形").
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    # （一）予以公开 / （二）部分公开
    GRANTED = "granted", _("Disclosed")
    PARTIAL = "partial", _("Partly disclosed")
    # （三）不予公开
    DENY_STATE_SECRET = "deny_state_secret", _("Not disclosed: state secret")
    DENY_LAW_FORBIDDEN = (
        "deny_law_forbidden",
        _("Not disclosed: other laws or administrative regulations prohibit disclosure"),
    )
    DENY_THREE_SAFETY_ONE_STABILITY = (
        "deny_three_safety_one_stability",
        _("Not disclosed: endangers the three securities and social stability"),
    )
    DENY_THIRD_PARTY = "deny_third_party", _("Not disclosed: protects a third party's lawful rights")
    DENY_INTERNAL_AFFAIRS = "deny_internal_affairs", _("Not disclosed: internal-affairs information")
    DENY_PROCESS_INFO = "deny_process_info", _("Not disclosed: process information")
    DENY_ENFORCEMENT_FILE = "deny_enforcement_file", _("Not disclosed: administrative enforcement case file")
    DENY_ADMIN_QUERY = "deny_admin_query", _("Not disclosed: a matter for a special administrative inquiry")
    # （四）无法提供
    UNABLE_NOT_HELD = "unable_not_held", _("Cannot be provided: this agency does not hold the information")
    UNABLE_NEED_CREATION = (
        "unable_need_creation",
        _("Cannot be provided: no ready-made information, it would have to be created"),
    )
    UNABLE_UNCLEAR_AFTER_CORRECTION = (
        "unable_unclear_after_correction",
        _("Cannot be provided: still unclear after correction"),
    )
    # （五）不予处理
    REJECT_PETITION_COMPLAINT = "reject_petition_complaint", _("Not processed: petition, report or complaint")
    REJECT_REPEAT = "reject_repeat", _("Not processed: repeated application")
    REJECT_PUBLICATION = "reject_publication", _("Not processed: asks for published materials")
    REJECT_MASSIVE_UNREASONABLE = (
        "reject_massive_unreasonable",
        _("Not processed: large or repeated applications without good reason"),
    )
    REJECT_CONFIRM_REISSUE = (
        "reject_confirm_reissue",
        _("Not processed: asks to confirm or re-issue information already obtained"),
    )
    # （六）其他处理
    OTHER_OVERDUE_CORRECTION = (
        "other_overdue_correction",
        _("Other: the applicant did not correct in time without good reason"),
    )
    OTHER_OVERDUE_FEE = "other_overdue_fee", _("Other: the applicant did not pay the fee notice in time")
    OTHER_OTHER = "other_other", _("Other")


class OutcomeGroup(models.TextChoices):
    GRANTED = "granted", _("Disclosed")
    PARTIAL = "partial", _("Partly disclosed")
    DENY = "deny", _("Not disclosed")
    UNABLE = "unable", _("Cannot be provided")
    REJECT = "reject", _("Not processed")
    OTHER = "other", _("Other handling")


@dataclass(frozen=True)
class LegalBasis:
    """The provision a decision rests on, as cited in the reply letter (答复书)."""

    articles: str  # e.g. "第三十六条第（二）项"
    citation: str  # the sentence the reply letter quotes


_REG = "《中华人民共和国政府信息公开条例》"

#: domain-rules.md §1.9: Regulations provision → Table III row (Jiangsu specification, S4).
LEGAL_BASIS: dict[str, tuple[LegalBasis, ...]] = {
    Outcome.GRANTED: (
        LegalBasis(
            "第三十六条第（一）项",
            f"根据{_REG}第三十六条第（一）项，所申请公开信息已经主动公开的，告知获取该政府信息的方式、途径",
        ),
        LegalBasis(
            "第三十六条第（二）项",
            f"根据{_REG}第三十六条第（二）项，所申请公开信息可以公开的，向申请人提供该政府信息",
        ),
    ),
    Outcome.PARTIAL: (
        LegalBasis(
            "第三十七条",
            f"根据{_REG}第三十七条，申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由",
        ),
    ),
    Outcome.DENY_STATE_SECRET: (
        LegalBasis("第十四条", f"根据{_REG}第十四条，依法确定为国家秘密的政府信息不予公开"),
    ),
    Outcome.DENY_LAW_FORBIDDEN: (
        LegalBasis("第十四条", f"根据{_REG}第十四条，法律、行政法规禁止公开的政府信息不予公开"),
    ),
    Outcome.DENY_THREE_SAFETY_ONE_STABILITY: (
        LegalBasis(
            "第十四条",
            f"根据{_REG}第十四条，公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息不予公开",
        ),
    ),
    Outcome.DENY_THIRD_PARTY: (
        LegalBasis(
            "第十五条",
            f"根据{_REG}第十五条，涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，不得公开",
        ),
    ),
    Outcome.DENY_INTERNAL_AFFAIRS: (
        LegalBasis(
            "第十六条第一款",
            f"根据{_REG}第十六条第一款，行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开",
        ),
    ),
    Outcome.DENY_PROCESS_INFO: (
        LegalBasis(
            "第十六条第二款",
            f"根据{_REG}第十六条第二款，行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开",
        ),
    ),
    Outcome.DENY_ENFORCEMENT_FILE: (
        LegalBasis("第十六条第二款", f"根据{_REG}第十六条第二款，行政执法案卷信息可以不予公开"),
    ),
    Outcome.DENY_ADMIN_QUERY: (
        LegalBasis(
            "第三十六条第（七）项",
            f"根据{_REG}第三十六条第（七）项，所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理",
        ),
    ),
    Outcome.UNABLE_NOT_HELD: (
        LegalBasis(
            "第三十六条第（四）项",
            f"根据{_REG}第三十六条第（四）项，经检索没有所申请公开信息的，告知申请人该政府信息不存在",
        ),
        LegalBasis(
            "第三十六条第（五）项",
            f"根据{_REG}第三十六条第（五）项，所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式",
        ),
    ),
    Outcome.UNABLE_NEED_CREATION: (
        LegalBasis(
            "第三十八条",
            f"根据{_REG}第三十八条，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息；需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供",
        ),
    ),
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: (
        LegalBasis("第三十条", f"根据{_REG}第三十条，申请内容经补正后仍不明确，无法确定所申请的政府信息"),
    ),
    Outcome.REJECT_PETITION_COMPLAINT: (
        LegalBasis(
            "第三十九条第一款",
            f"根据{_REG}第三十九条第一款，申请人以政府信息公开申请的形式进行信访、投诉、举报等活动的，告知申请人不作为政府信息公开申请处理",
        ),
    ),
    Outcome.REJECT_REPEAT: (
        LegalBasis(
            "第三十六条第（六）项",
            f"根据{_REG}第三十六条第（六）项，行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理",
        ),
    ),
    Outcome.REJECT_PUBLICATION: (
        LegalBasis(
            "第三十九条第二款",
            f"根据{_REG}第三十九条第二款，申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，告知获取的途径",
        ),
    ),
    Outcome.REJECT_MASSIVE_UNREASONABLE: (
        LegalBasis(
            "第三十五条",
            f"根据{_REG}第三十五条，申请人申请公开政府信息的数量、频次明显超过合理范围，说明的理由不合理的，告知申请人不予处理",
        ),
    ),
    Outcome.REJECT_CONFIRM_REISSUE: (
        LegalBasis(
            "第三十六条",
            f"根据{_REG}第三十六条，申请人要求行政机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围",
        ),
    ),
    Outcome.OTHER_OVERDUE_CORRECTION: (
        LegalBasis(
            "第三十条",
            f"根据{_REG}第三十条，申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请",
        ),
    ),
    Outcome.OTHER_OVERDUE_FEE: (
        LegalBasis(
            "第四十二条",
            f"根据{_REG}第四十二条及《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），申请人逾期未按收费通知要求缴纳费用的，视为放弃申请，行政机关不再处理该政府信息公开申请",
        ),
    ),
    Outcome.OTHER_OTHER: (
        LegalBasis(
            "第四十五条",
            f"根据{_REG}第四十五条及本机关政府信息公开申请办理工作制度，本申请作其他处理（如申请人撤回申请）",
        ),
    ),
}


def group_of(outcome: str) -> OutcomeGroup:
    """The Table III group (（一）–（六）) of an outcome key (domain-rules.md §1.4)."""
    outcome = Outcome(outcome)
    if outcome in (Outcome.GRANTED, Outcome.PARTIAL):
        return OutcomeGroup(outcome.value)
    return OutcomeGroup(outcome.value.split("_", 1)[0])


def bases_for(outcome: str) -> tuple[LegalBasis, ...]:
    """The provisions that may support ``outcome`` (domain-rules.md §1.9)."""
    return LEGAL_BASIS[Outcome(outcome)]


def default_basis(outcome: str) -> LegalBasis:
    return bases_for(outcome)[0]


def is_valid_basis(outcome: str, articles: str) -> bool:
    """Whether ``articles`` is a provision the §1.9 mapping allows for ``outcome``."""
    return any(b.articles == articles for b in bases_for(outcome))


#: Outcomes whose reply letter must record the withheld parts and reasons (art. 37).
REQUIRES_WITHHELD_PARTS = {Outcome.PARTIAL}
#: Outcomes that are not the result of a decision on the merits and need no review.
ADMINISTRATIVE_OUTCOMES = {Outcome.OTHER_OVERDUE_CORRECTION, Outcome.OTHER_OVERDUE_FEE, Outcome.OTHER_OTHER}


def precondition_error(app, outcome: str, on) -> str | None:
    """Why ``outcome`` cannot close ``app`` on ``on`` (None when it can). Every closing path asks this,
    so a case never counts in a Table III row whose facts it lacks.

    - art. 30: "视为放弃申请" needs a correction notice whose period ran out without a correction;
    - "经补正后仍不明确" needs a correction notice;
    - fee measures: "视为放弃申请" needs a fee notice whose payment period ran out unpaid.
    """
    from .models import SegmentKind

    if outcome == Outcome.OTHER_OVERDUE_CORRECTION:
        stop = app.clock_segments.filter(kind=SegmentKind.CORRECTION, ended_on__isnull=True).first()
        if stop is None or stop.expected_end_on is None or on <= stop.expected_end_on:
            return str(_("The correction period has not run out (art. 30)."))
    corrected = app.clock_segments.filter(kind=SegmentKind.CORRECTION).exists()
    if outcome == Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION and not corrected:
        return str(_("This outcome needs a correction notice on the case first (art. 30)."))
    unpaid = app.fee_notices.filter(paid_on__isnull=True, due_on__lt=on).exists()
    if outcome == Outcome.OTHER_OVERDUE_FEE and not unpaid:
        return str(_("There is no fee notice whose payment period has run out."))
    return None
