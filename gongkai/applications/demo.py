"""Demo applications for the Qinghe District units, 2024–2026, in every state and with every outcome.

Idempotent: applications have fixed tracking numbers (GKDEMO…) and are created only once.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from gongkai.organizations.models import Unit
from gongkai.workdays.calendar import WorkdayCalendar

from . import clock, codes, fees
from .models import (
    ApplicantType,
    Application,
    Channel,
    ClockSegment,
    DeliveryMethod,
    FeeMethod,
    FeeNotice,
    InformationForm,
    SegmentKind,
    Status,
    WithheldPart,
)  # fmt: skip
from .outcomes import Outcome, default_basis

UNITS = ["hrss", "housing", "chengbei", "education", "district", "ecology"]
SUBJECTS = [
    "{y}年度就业补助资金使用情况", "{y}年本区保障性住房分配名单及审核标准", "城北街道老旧小区改造项目预算", "{y}年义务教育阶段招生划片方案",
    "某建设项目环境影响评价批复文件", "{y}年本区房屋征收补偿方案及评估报告", "社会保险稽核工作情况统计", "某路段道路拓宽工程立项批复",
]  # fmt: skip
NAMES = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"]
ORGS = {
    ApplicantType.COMMERCIAL: "清河某置业有限公司", ApplicantType.RESEARCH: "某大学公共管理学院",
    ApplicantType.PUBLIC_WELFARE: "某环保公益基金会", ApplicantType.LEGAL_SERVICE: "某律师事务所",
    ApplicantType.OTHER: "某小区业主委员会",
}  # fmt: skip
TYPES = [ApplicantType.NATURAL] * 6 + list(ORGS)


def load(command) -> None:
    units = {u.slug: u for u in Unit.objects.filter(slug__in=UNITS)}
    if not units:
        command.stdout.write("applications demo: no demo units, skipped")
        return
    if Application.objects.filter(tracking_number__startswith="GKDEMO").exists():
        command.stdout.write("applications demo: already loaded")
        return
    rng, cal, today = random.Random(20240101), WorkdayCalendar(), timezone.localdate()
    outcomes = list(Outcome.values)
    n = 0
    with transaction.atomic():
        for year in (2024, 2025, 2026):
            for month in range(1, 13):
                for _i in range(3):
                    received = cal.next_working_day(dt.date(year, month, rng.randint(1, 26)))
                    if received > today - dt.timedelta(days=2):
                        continue
                    n += 1
                    _one(
                        n,
                        units[rng.choice(list(units))],
                        received,
                        outcomes[n % len(outcomes)],
                        rng,
                        cal,
                        today,
                    )
    command.stdout.write(f"applications demo: {n} applications")


def _one(n, unit, received, outcome, rng, cal, today):
    kind = rng.choice(TYPES)
    app = Application.objects.create(
        tracking_number=f"GKDEMO{n:05d}", verification_code_hash=codes.hash_code(f"DEMO{n:04d}"), handling_unit=unit,
        channel=rng.choice(list(Channel.values)), applicant_type=kind, applicant_name=rng.choice(NAMES),
        organization_name=ORGS.get(kind, ""), id_document_type="resident_id", id_document_number=f"11010119850101{n:04d}",
        phone=f"1390000{n:04d}", email=f"applicant{n}@example.org", description=rng.choice(SUBJECTS).format(y=received.year - 1),
        information_form=InformationForm.ELECTRONIC, delivery_method=DeliveryMethod.EMAIL, submitted_on=received,
        received_on=received, receipt_note="演示数据", status=Status.IN_PROGRESS,
    )  # fmt: skip
    if outcome == Outcome.OTHER_OVERDUE_CORRECTION or n % 11 == 0:
        notice = cal.add_working_days(received, 3).end
        ClockSegment.objects.create(application=app, kind=SegmentKind.CORRECTION, started_on=notice,
                                    expected_end_on=cal.add_working_days(notice, 15).end, reason="请明确所需信息的名称或文号")  # fmt: skip
        if outcome != Outcome.OTHER_OVERDUE_CORRECTION:
            seg = app.clock_segments.get()
            seg.ended_on = cal.add_working_days(notice, 5).end
            seg.save()
    if n % 7 == 0 and outcome not in (Outcome.OTHER_OVERDUE_CORRECTION,):
        start = cal.add_working_days(received, 5).end
        ClockSegment.objects.create(application=app, kind=SegmentKind.THIRD_PARTY, started_on=start, party="某科技有限公司",
                                    expected_end_on=clock.consultation_answer_due(start), ended_on=cal.add_working_days(start, 8).end)  # fmt: skip
    if n % 9 == 0:
        ClockSegment.objects.create(application=app, kind=SegmentKind.EXTENSION, started_on=cal.add_working_days(received, 15).end,
                                    extra_working_days=15, reason="需调取历史档案")  # fmt: skip
    if outcome == Outcome.OTHER_OVERDUE_FEE or n % 13 == 0:
        issued = cal.add_working_days(received, 6).end
        quote = fees.per_page(rng.choice([150, 420, 2219]))
        pay_by = clock.fee_payment_due(issued)
        paid = outcome != Outcome.OTHER_OVERDUE_FEE
        FeeNotice.objects.create(application=app, method=FeeMethod.PER_PAGE, quantity=quote.quantity, issued_on=issued, due_on=pay_by,
                                 amount_yuan=quote.amount_yuan, breakdown=[b.__dict__ for b in quote.breakdown],
                                 paid_on=cal.add_working_days(issued, 4).end if paid else None,
                                 paid_amount_yuan=quote.amount_yuan if paid else None)  # fmt: skip
        ClockSegment.objects.create(application=app, kind=SegmentKind.FEE, started_on=issued, expected_end_on=pay_by,
                                    ended_on=cal.add_working_days(issued, 4).end if paid else pay_by)  # fmt: skip
    state = clock.compute(app, today=today)
    # Some cases stay open: received in late December (carried forward) or recent ones.
    stays_open = (received.month == 12 and received.day > 20 and received.year == 2025) or (
        today - received
    ).days < 25
    closed_on = state.due_date - dt.timedelta(days=rng.randint(0, 10)) if state.due_date else None
    if outcome == Outcome.OTHER_OVERDUE_CORRECTION:
        closed_on = cal.add_working_days(
            app.clock_segments.get(kind=SegmentKind.CORRECTION).expected_end_on, 1
        ).end
    if outcome == Outcome.OTHER_OVERDUE_FEE:
        closed_on = cal.add_working_days(app.fee_notices.get().due_on, 1).end
    if stays_open or closed_on is None or closed_on > today:
        app.status = (
            [Status.IN_PROGRESS, Status.CONSULTATION, Status.REVIEW, Status.SIGN_OFF][n % 4]
            if n % 7
            else Status.IN_PROGRESS
        )
        app.due_on = state.due_date
        app.save()
        return
    closed_on = max(closed_on, received)
    if outcome == Outcome.PARTIAL:
        WithheldPart.objects.create(application=app, description="涉及第三方商业秘密的报价明细", ground=Outcome.DENY_THIRD_PARTY,
                                    reason="第三方书面不同意公开")  # fmt: skip
    app.outcome, app.legal_basis, app.closed_on, app.status = (
        outcome,
        default_basis(outcome).articles,
        closed_on,
        Status.CLOSED,
    )
    app.decision_text = "演示数据：依法作出处理决定。"
    app.due_on = state.due_date
    app.save()
