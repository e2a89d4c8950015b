"""Import items from an old portal's CSV or JSON export, keeping index numbers and dates.

Columns / keys (English or Chinese headers): index_number 索引号, title 标题/名称, unit 发布机构
(unit code, slug or full name), document_number 文号, date_written 成文日期, date_published 发布日期,
genre 体裁, subject_category 主题分类, category, keywords 关键词, summary 内容概述/摘要, body 正文,
validity 有效性, validity_changed_on 废止日期. Re-importing the same index number updates the item.
"""

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from gongkai.organizations.models import Unit

from . import index_numbers
from .models import DisclosureCategory, Genre, InformationItemPage, SubjectCategory, Validity

HEADER_ALIASES = {
    "索引号": "index_number",
    "标题": "title",
    "名称": "title",
    "发布机构": "unit",
    "文号": "document_number",
    "发文字号": "document_number",
    "成文日期": "date_written",
    "发布日期": "date_published",
    "体裁": "genre",
    "体裁分类": "genre",
    "主题分类": "subject_category",
    "关键词": "keywords",
    "内容概述": "summary",
    "摘要": "summary",
    "正文": "body",
    "有效性": "validity",
    "废止日期": "validity_changed_on",
}
GENRE_WORDS = {
    "规章": Genre.RULE,
    "政府规章": Genre.RULE,
    "规范性文件": Genre.NORMATIVE_DOCUMENT,
    "行政规范性文件": Genre.NORMATIVE_DOCUMENT,
    "通知": Genre.NOTICE,
    "公告": Genre.NOTICE,
    "通知公告": Genre.NOTICE,
    "规划计划": Genre.PLAN,
    "规划": Genre.PLAN,
    "财政预决算": Genre.BUDGET,
    "预决算": Genre.BUDGET,
    "统计数据": Genre.STATISTICS,
    "统计信息": Genre.STATISTICS,
    "人事信息": Genre.PERSONNEL,
    "工作动态": Genre.NEWS,
    "工作总结": Genre.REPORT,
    "其他文件": Genre.OTHER_DOCUMENT,
    "其他": Genre.OTHER_DOCUMENT,
}
VALIDITY_WORDS = {
    "有效": Validity.IN_FORCE,
    "现行有效": Validity.IN_FORCE,
    "已修改": Validity.AMENDED,
    "已修订": Validity.AMENDED,
    "修改": Validity.AMENDED,
    "废止": Validity.REPEALED,
    "已废止": Validity.REPEALED,
    "失效": Validity.EXPIRED,
    "已失效": Validity.EXPIRED,
}
DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class RowError(ValueError):
    pass


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def parse_date(value, name, required=False):
    if value in (None, ""):
        if required:
            raise RowError(f"{name}: required (YYYY-MM-DD)")
        return None
    match = DATE_RE.match(str(value))
    if not match:
        raise RowError(f"{name}: “{value}” is not a date (use YYYY-MM-DD or YYYY年M月D日)")
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError as exc:
        raise RowError(f"{name}: “{value}”: {exc}") from exc


def _choice(value, choices, words, name, default):
    value = (value or "").strip()
    if not value:
        return default
    if value in choices.values:
        return value
    if value in words:
        return words[value]
    raise RowError(f"{name}: unknown value “{value}”")


def read_records(data: bytes, fmt: str) -> list[dict]:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    if fmt == "json":
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RowError(f"not valid JSON: {exc}") from exc
        records = payload.get("items", payload) if isinstance(payload, dict) else payload
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise RowError('JSON must be a list of objects (or {"items": [...]})')
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(text)))
    else:
        raise RowError(f"unknown format {fmt!r}: use csv or json")
    return [
        {HEADER_ALIASES.get((k or "").strip(), (k or "").strip()): v for k, v in r.items()} for r in records
    ]


def _unit(value, units_by_key, index_number=None, create=False):
    key = (value or "").strip()
    unit = units_by_key.get(key)
    if unit is None and create and key:
        unit = _create_unit(key, index_number)
        units_by_key.update({unit.code: unit, unit.slug: unit, unit.name: unit})
    if unit is None:
        raise RowError(f"unit: no unit with code, slug or name “{key}” (--create-units adds missing units)")
    return unit


def _create_unit(name: str, index_number: str | None) -> Unit:
    """A unit the old portal had and this system does not: its code comes from the index numbers it
    issued (the part before “/”), since that code is what prefixes them."""
    from gongkai.organizations.models import UnitKind, validate_unit_code
    from gongkai.organizations.services import district_government

    code = (index_number or "").split("/")[0].strip().upper()
    try:
        validate_unit_code(code)
    except Exception as exc:
        raise RowError(
            f"unit: “{name}” is not in the system and its code cannot be taken from the index number "
            f"“{index_number or ''}”; add the unit first"
        ) from exc
    if Unit.objects.filter(code=code).exists():
        raise RowError(f"unit: code {code} of “{name}” belongs to another unit")
    if name.endswith(("街道办事处", "街道")):
        kind = UnitKind.STREET_OFFICE
    elif name.endswith(("镇人民政府", "乡人民政府", "镇", "乡")):
        kind = UnitKind.TOWNSHIP
    elif name.endswith("政府办公室"):
        kind = UnitKind.GOVERNMENT_OFFICE
    else:
        kind = UnitKind.BUREAU
    return Unit.objects.create(
        name=name[:200], slug=f"unit-{code.lower()}", kind=kind, code=code, parent=district_government()
    )


def _body(value: str) -> str:
    value = (value or "").strip()
    if not value or value.startswith("<"):
        return value
    return "".join(f"<p>{escape(p.strip())}</p>" for p in value.splitlines() if p.strip())


def import_records(records: list[dict], *, user=None, create_units: bool = False) -> ImportReport:
    from .structure import ensure_unit_column

    report = ImportReport()
    units_by_key = {}
    for unit in Unit.objects.all():
        units_by_key.update({unit.code: unit, unit.slug: unit, unit.name: unit})
    for number, record in enumerate(records, start=1):
        try:
            if create_units:  # outside the row's transaction: a unit stays created if its row fails
                _unit(
                    record.get("unit"), units_by_key, (record.get("index_number") or "").strip(), create=True
                )
            with transaction.atomic():
                created = _import_one(record, units_by_key, ensure_unit_column, user)
            if created:
                report.created += 1
            else:
                report.updated += 1
        except RowError as exc:
            report.errors.append((number, str(exc)))
        except Exception as exc:  # a validation error from the model: report the row, go on
            messages = getattr(exc, "message_dict", None) or {"": [str(exc)]}
            text = "; ".join(
                f"{k}: {' '.join(map(str, v))}" if k else " ".join(map(str, v)) for k, v in messages.items()
            )
            report.errors.append((number, text))
    return report


def _import_one(record, units_by_key, ensure_unit_column, user) -> bool:
    title = (record.get("title") or "").strip()
    if not title:
        raise RowError("title: required")
    number = (record.get("index_number") or "").strip() or None
    unit = _unit(record.get("unit"), units_by_key)
    written = parse_date(record.get("date_written"), "date_written", required=True)
    published = parse_date(record.get("date_published"), "date_published") or written
    fields = {
        "title": title[:255],
        "unit": unit,
        "document_number": (record.get("document_number") or "").strip(),
        "date_written": written,
        "date_published": published,
        "genre": _choice(record.get("genre"), Genre, GENRE_WORDS, "genre", Genre.OTHER_DOCUMENT),
        "subject_category": _choice(
            record.get("subject_category"), SubjectCategory, {}, "subject_category", SubjectCategory.GENERAL
        ),
        "category": _choice(record.get("category"), DisclosureCategory, {}, "category", ""),
        "keywords": (record.get("keywords") or "").strip()[:200],
        "summary": (record.get("summary") or "").strip(),
        "body": _body(record.get("body")),
        "validity": _choice(record.get("validity"), Validity, VALIDITY_WORDS, "validity", Validity.IN_FORCE),
        "validity_changed_on": parse_date(record.get("validity_changed_on"), "validity_changed_on"),
    }
    existing = InformationItemPage.objects.filter(index_number=number).first() if number else None
    if existing is not None:
        for key, value in fields.items():
            setattr(existing, key, value)
        existing.save_revision(user=user).publish(user=user)
        return False
    item = InformationItemPage(live=False, index_number=number, **fields)
    item.slug = slugify(number or "", allow_unicode=False)[:80] or f"item-{timezone.now():%Y%m%d%H%M%S%f}"
    column = ensure_unit_column(unit)
    if InformationItemPage.objects.child_of(column).filter(slug=item.slug).exists():
        item.slug = f"{item.slug}-{timezone.now():%H%M%S%f}"
    column.add_child(instance=item)
    revision = item.save_revision(user=user)
    revision.publish(user=user)
    # Keep the original publication time.
    moment = timezone.make_aware(dt.datetime.combine(published, dt.time(9, 0)))
    InformationItemPage.objects.filter(pk=item.pk).update(first_published_at=moment, last_published_at=moment)
    if number:
        index_numbers.reserve_imported(unit, number, written, fields["genre"])
    return True
