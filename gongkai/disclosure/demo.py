"""Demo portal: the column tree, ~200 items across the demo units, attachments, interpretations,
a gazette issue, the standard catalogue for two areas, a few drafts in review; then the search index.
Idempotent: items are keyed by their index numbers, so a second run changes nothing."""

import datetime as dt
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from gongkai.organizations.models import Unit

from . import demo_content, indexing
from .models import (
    Frequency,
    GazetteIssuePage,
    Genre,
    InformationItemPage,
    ItemAttachment,
    PolicyInterpretationPage,
    StandardCatalogueEntry,
    SubjectCategory,
    Validity,
)
from .structure import ensure_home, ensure_standard_columns, ensure_unit_column

SEED = 20261122
GENRE_WEIGHTS = [
    (Genre.NORMATIVE_DOCUMENT, 3),
    (Genre.NOTICE, 4),
    (Genre.PLAN, 2),
    (Genre.BUDGET, 1),
    (Genre.NEWS, 2),
    (Genre.STATISTICS, 1),
    (Genre.REPORT, 1),
]
SUBJECTS = {
    "hrss": SubjectCategory.LABOUR,
    "civil-affairs": SubjectCategory.CIVIL_AFFAIRS,
    "housing": SubjectCategory.URBAN,
    "education": SubjectCategory.EDUCATION,
    "health": SubjectCategory.HEALTH,
    "ecology": SubjectCategory.ENVIRONMENT,
    "emergency": SubjectCategory.PUBLIC_SECURITY,
    "market": SubjectCategory.MARKET,
    "finance": SubjectCategory.FINANCE,
    "agriculture": SubjectCategory.AGRICULTURE,
    "transport": SubjectCategory.TRANSPORT,
    "justice": SubjectCategory.JUSTICE,
    "science": SubjectCategory.SCIENCE,
}
CATEGORY_BY_GENRE = {
    Genre.NORMATIVE_DOCUMENT: "a20_1",
    Genre.PLAN: "a20_3",
    Genre.STATISTICS: "a20_4",
    Genre.BUDGET: "a20_7",
}
KEY_AREAS = {
    "hrss": "employment",
    "civil-affairs": "social_assistance",
    "housing": "housing_expropriation",
    "education": "education",
    "health": "health",
    "ecology": "environment",
    "emergency": "work_safety",
    "market": "food_drugs",
    "finance": "budgets",
    "agriculture": "farm_subsidies",
    "urban": "urban_enforcement",
}
DOC_PREFIX = {
    "hrss": "清人社发",
    "civil-affairs": "清民发",
    "housing": "清住建发",
    "education": "清教发",
    "district": "清政发",
    "gov-office": "清政办发",
    "health": "清卫健发",
    "finance": "清财发",
    "ecology": "清环发",
}


def _docx(title, text):
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(title, text):
    from weasyprint import HTML

    html = f"<html><body style='font-family: Noto Sans CJK SC'><h1>{title}</h1><p>{text}</p></body></html>"
    return HTML(string=html).write_pdf()


ATTACHMENTS = {
    # unit slug -> (file title, extension, text only in the attachment)
    "hrss": (
        "稳岗返还申领材料清单",
        "docx",
        "申请单位需提交失业保险缴费凭证、职工花名册和银行开户许可证复印件。",
    ),
    "civil-affairs": (
        "低保家庭经济状况核对授权书",
        "pdf",
        "申请人同意民政部门查询家庭成员的存款、车辆、不动产和有价证券信息。",
    ),
    "housing": (
        "加装电梯业主意见征询表",
        "docx",
        "本单元业主同意加装电梯的户数比例应达到三分之二以上，并签署出资分摊协议。",
    ),
    "education": ("随迁子女入学材料审核表", "pdf", "随迁子女家长须提供居住证、社保缴纳记录和实际居住证明。"),
}


def _attach(item, slug, collection_unit):
    if slug not in ATTACHMENTS or item.attachments.exists():
        return
    title, ext, text = ATTACHMENTS[slug]
    data = _docx(title, text) if ext == "docx" else _pdf(title, text)
    from .unit_access import unit_collection

    doc = Document(title=title, collection=unit_collection(collection_unit))
    doc.file.save(f"{title}.{ext}", ContentFile(data), save=False)
    doc.save()
    item.attachments = [ItemAttachment(document=doc, title=title)]


def _publish_as_of(item, published: dt.date):
    item.save_revision().publish()
    moment = timezone.make_aware(dt.datetime.combine(published, dt.time(10, 0)))
    InformationItemPage.objects.filter(pk=item.pk).update(
        date_published=published, first_published_at=moment, last_published_at=moment
    )
    item.refresh_from_db()


def _make_item(rng, unit, column, serial, genre, written, **extra):
    year = written.year
    topic = rng.choice(demo_content.topics_for(unit.slug))
    title = extra.pop("title", None) or demo_content.title_for(rng, topic, genre, unit.name, year)
    number = f"{unit.code}/{year}-{serial:05d}"
    existing = InformationItemPage.objects.filter(index_number=number).first()
    if existing:
        return existing, False
    paragraphs = demo_content.body_paragraphs(rng, topic, genre, year, rng.randint(500, 1200))
    prefix = DOC_PREFIX.get(unit.slug)
    docnum = (
        f"{prefix}〔{year}〕{rng.randint(1, 40)}号"
        if prefix and genre in (Genre.NORMATIVE_DOCUMENT, Genre.NOTICE, Genre.PLAN)
        else ""
    )
    item = InformationItemPage(
        title=title[:250],
        slug=f"{year}-{serial:05d}",
        live=False,
        index_number=number,
        unit=unit,
        document_number=docnum,
        date_written=written,
        genre=genre,
        subject_category=SUBJECTS.get(unit.slug, SubjectCategory.GENERAL),
        category=CATEGORY_BY_GENRE.get(genre, ""),
        key_area=KEY_AREAS.get(unit.slug, "") if rng.random() < 0.6 else "",
        keywords=" ".join(dict.fromkeys([topic[:4], unit.short_name or unit.name])),
        summary=paragraphs[0][:120],
        body="".join(f"<p>{p}</p>" for p in paragraphs),
        **extra,
    )
    column.add_child(instance=item)
    return item, True


def load(command) -> None:
    rng = random.Random(SEED)
    ensure_home(remove_welcome_page=True)
    cols = ensure_standard_columns()
    units = list(Unit.objects.active().order_by("sort_order"))
    columns = {unit.slug: ensure_unit_column(unit, cols) for unit in units}
    today = timezone.localdate()
    created = 0
    with indexing.suspended():
        for unit in units:
            column = columns[unit.slug]
            serials: dict[int, int] = {}
            count = 12 if unit.slug in ATTACHMENTS or unit.slug in ("district", "gov-office") else 8
            for n in range(count):
                genre = rng.choices([g for g, _ in GENRE_WEIGHTS], [w for _, w in GENRE_WEIGHTS])[0]
                written = today - dt.timedelta(days=rng.randint(15, 900))
                serials[written.year] = serials.get(written.year, 0) + 1
                item, new = _make_item(rng, unit, column, serials[written.year], genre, written)
                if not new:
                    continue
                if n == 0:
                    _attach(item, unit.slug, unit)
                # Most are published within 20 working days; some late (art. 26 report).
                lag = rng.choice([3, 5, 8, 12, 15, 20, 40]) if rng.random() < 0.9 else 60
                _publish_as_of(item, min(today, written + dt.timedelta(days=lag)))
                created += 1
            _repealed_pair(rng, unit, column, today)
        _interpretations(rng, columns)
        _gazette(cols)
        _standard_catalogue(columns)
        _drafts_in_review(rng, columns)
    total = indexing.rebuild()
    if not getattr(command, "quiet", False):
        command.stdout.write(f"demo: disclosure: {created} new items, {total} documents indexed")


def _repealed_pair(rng, unit, column, today):
    """A normative document repealed and replaced by a new one (marked on the old page)."""
    if unit.slug not in ("hrss", "civil-affairs", "housing", "district"):
        return
    old_written = dt.date(today.year - 4, 5, 10)
    new_written = dt.date(today.year - 1, 3, 1)
    old, new_old = _make_item(rng, unit, column, 90, Genre.NORMATIVE_DOCUMENT, old_written)
    if new_old:
        _publish_as_of(old, old_written + dt.timedelta(days=7))
    new, new_new = _make_item(
        rng,
        unit,
        column,
        91,
        Genre.NORMATIVE_DOCUMENT,
        new_written,
        title=f"{old.title.removesuffix('（试行）')}（修订）",
    )
    if new_new:
        _publish_as_of(new, new_written + dt.timedelta(days=6))
    if old.validity != Validity.REPEALED:
        old.validity = Validity.REPEALED
        old.validity_changed_on = new_written
        old.replaced_by = new
        old.save_revision().publish()


def _interpretations(rng, columns):
    docs = InformationItemPage.objects.live().filter(
        genre=Genre.NORMATIVE_DOCUMENT, validity=Validity.IN_FORCE
    )
    kinds = ["text", "illustrated", "qa", "text", "video"]
    for n, doc in enumerate(docs.order_by("pk")[:12]):
        if doc.interpretations.exists():
            continue
        kind = kinds[n % len(kinds)]
        label = {"text": "解读", "illustrated": "图解", "qa": "问答", "video": "视频解读"}[kind]
        page = PolicyInterpretationPage(
            title=f"{label}：{doc.title}"[:250],
            slug=f"jd-{doc.pk}",
            live=False,
            policy=doc,
            unit=doc.unit,
            kind=kind,
            summary=f"对《{doc.title}》的出台背景、主要内容和办理方式进行解读。",
            body=(
                "<h3>一、出台背景</h3><p>为进一步规范相关工作，回应群众关切，制定本文件。</p>"
                "<h3>二、主要内容</h3><p>文件明确了适用范围、申请条件、办理流程和监督管理措施。</p>"
                "<h3>三、问：如何申请？</h3><p>答：可通过政务服务网在线申请，也可到街道便民服务中心窗口办理。</p>"
            ),
            video_url=f"https://video.qinghe.example.gov.cn/jd/{doc.pk}.mp4" if kind == "video" else "",
        )
        columns[doc.unit.slug].add_child(instance=page)
        page.save_revision().publish()
        if n % 4 == 3:  # released later than the document: shows up in the oversight screen
            PolicyInterpretationPage.objects.filter(pk=page.pk).update(
                first_published_at=timezone.now() + dt.timedelta(days=20)
            )


def _gazette(cols):
    gazette = cols["gazette"]
    today = timezone.localdate()
    year, quarter = (today.year, (today.month - 1) // 3) if today.month > 3 else (today.year - 1, 4)
    if GazetteIssuePage.objects.filter(year=year, issue=quarter).exists():
        return
    issue = GazetteIssuePage(
        title=f"清河区人民政府公报 {year}年第{quarter}期",
        slug=f"{year}-{quarter}",
        year=year,
        issue=quarter,
        date_issued=dt.date(year, 3 * quarter, 28),
        foreword="<p>本期刊登区政府及其部门制发的规范性文件和重要通知。</p>",
        live=False,
    )
    gazette.add_child(instance=issue)
    documents = (
        InformationItemPage.objects.live()
        .filter(genre__in=[Genre.NORMATIVE_DOCUMENT, Genre.NOTICE])
        .exclude(document_number="")[:8]
    )
    issue.documents = list(documents)
    issue.save_revision().publish()


def _standard_catalogue(columns):
    by_slug = {u.slug: u for u in Unit.objects.filter(slug__in=["hrss", "civil-affairs"])}
    rows = [
        (
            "employment",
            "hrss",
            "就业创业",
            "就业政策法规",
            "就业创业相关法律法规、规章、规范性文件",
            "《就业促进法》《政府信息公开条例》",
            Frequency.AS_OCCURS,
        ),
        (
            "employment",
            "hrss",
            "就业创业",
            "就业补贴",
            "补贴对象、标准、申领程序、受理机构",
            "《就业补助资金管理办法》",
            Frequency.AS_OCCURS,
        ),
        (
            "employment",
            "hrss",
            "就业创业",
            "招聘信息",
            "招聘单位、岗位、人数、条件",
            "《就业服务与就业管理规定》",
            Frequency.MONTHLY,
        ),
        (
            "social_assistance",
            "civil-affairs",
            "最低生活保障",
            "低保标准",
            "城乡低保标准及调整情况",
            "《社会救助暂行办法》",
            Frequency.ANNUAL,
        ),
        (
            "social_assistance",
            "civil-affairs",
            "最低生活保障",
            "低保对象",
            "低保对象姓名、家庭人口、保障金额（隐去敏感信息）",
            "《社会救助暂行办法》",
            Frequency.QUARTERLY,
        ),
        (
            "social_assistance",
            "civil-affairs",
            "临时救助",
            "办理流程",
            "申请条件、所需材料、办理流程和时限",
            "《社会救助暂行办法》",
            Frequency.AS_OCCURS,
        ),
    ]
    for order, (area, slug, level1, level2, content, basis, freq) in enumerate(rows):
        unit = by_slug.get(slug)
        if unit is None:
            continue
        entry, _ = StandardCatalogueEntry.objects.get_or_create(
            area=area,
            item_level1=level1,
            item_level2=level2,
            responsible_unit=unit,
            defaults={
                "content": content,
                "basis": basis,
                "frequency": freq,
                "sort_order": order,
                "channels": "政府网站 政务新媒体 公开查阅点",
            },
        )
        matching = InformationItemPage.objects.live().filter(unit=unit).order_by("-date_written")
        if not entry.items.exists():
            entry.items.add(*matching[order % 3 : order % 3 + 2])


def _drafts_in_review(rng, columns):
    """Two drafts of the HR bureau waiting for the unit review (三审 workflow)."""
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.filter(username="hrss_editor").first()
    unit = Unit.objects.filter(slug="hrss").first()
    if editor is None or unit is None:
        return
    column = columns["hrss"]
    for n, title in enumerate(
        ["关于做好2026年度技能人才评价工作的通知", "清河区职业技能培训补贴实施办法（征求意见稿）"]
    ):
        if InformationItemPage.objects.filter(title=title).exists():
            continue
        item = InformationItemPage(
            title=title,
            slug=f"draft-{n}",
            live=False,
            unit=unit,
            date_written=timezone.localdate() - dt.timedelta(days=3 + 30 * n),
            genre=Genre.NOTICE,
            summary="待审核的草稿。",
            body="<p>"
            + "".join(demo_content.body_paragraphs(rng, "职业技能培训补贴", "notice", 2026))
            + "</p>",
        )
        column.add_child(instance=item)
        item.save_revision(user=editor)
        workflow = item.get_workflow()
        if workflow is not None:
            workflow.start(item, editor)
