"""The learning loop: every question is logged without personal data, rated by its asker, and
unanswered or badly rated questions are grouped by meaning for staff to turn into entries.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from django.db.models import Count
from django.utils import timezone

from .models import Band, Entry, Feedback, Origin, QuestionLog, ReviewStatus
from .retrieval import dense

# Personal data a citizen may type into a question: removed before anything is stored.
_REDACTIONS = [
    (re.compile(r"\d{17}[\dXx]|\d{15}"), "[身份证号]"),
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[邮箱]"),
    (re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"), "[手机号]"),
    (re.compile(r"(?<!\d)(0\d{2,3}-?)?\d{7,8}(?!\d)"), "[电话]"),
    (re.compile(r"\d{12,}"), "[号码]"),
    (re.compile(r"(我叫|我是|本人|姓名[:：]?)\s*[\u4e00-\u9fa5]{2,4}"), r"\1[姓名]"),
]
GROUP_SIMILARITY = 0.9


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text[:500]


def log_question(text: str, result, channel: str, query_vector=None) -> QuestionLog:
    entry = None
    if result.answer_id:
        entry = Entry.objects.filter(external_id=result.answer_id).first()
    log = QuestionLog.objects.create(
        text=redact(text),
        entry=entry,
        band=result.band,
        confidence=result.confidence,
        suggested=[a["answer_id"] for a in result.alternatives],
        channel=channel,
        vector=dense.to_bytes(query_vector) if query_vector is not None else None,
    )
    result.log_id = str(log.public_id)
    return log


def rate(public_id, helpful: bool) -> QuestionLog | None:
    """Record the asker's rating; the last rating counts. ``None`` if no such question."""
    log = QuestionLog.objects.filter(public_id=public_id).first()
    if log is None:
        return None
    log.feedback = Feedback.HELPFUL if helpful else Feedback.NOT_HELPFUL
    log.save(update_fields=["feedback"])
    return log


@dataclass
class QuestionGroup:
    representative: str
    count: int
    not_helpful: int
    unanswered: int
    examples: list[str] = field(default_factory=list)
    log_ids: list[int] = field(default_factory=list)


def attention_groups(days: int = 30, limit: int = 500) -> list[QuestionGroup]:
    """Unanswered and badly rated questions of the last ``days``, grouped by meaning, biggest first.

    Greedy single-pass clustering on the query vectors stored at asking time: a question joins the
    first group whose representative it resembles (cosine ≥ ``GROUP_SIMILARITY``); questions
    without a vector group by identical text.
    """
    since = timezone.now() - timedelta(days=days)
    logs = list(
        QuestionLog.objects.needing_attention()
        .filter(created_at__gte=since)
        .order_by("-created_at")
        .values("pk", "text", "band", "feedback", "vector")[:limit]
    )
    groups: list[QuestionGroup] = []
    centres: list[np.ndarray | None] = []
    for log in logs:
        vector = dense.from_bytes(log["vector"]) if log["vector"] else None
        target = None
        for i, centre in enumerate(centres):
            if vector is not None and centre is not None:
                if float(centre @ vector) >= GROUP_SIMILARITY:
                    target = i
                    break
            elif groups[i].representative == log["text"]:
                target = i
                break
        if target is None:
            groups.append(QuestionGroup(log["text"], 0, 0, 0))
            centres.append(vector)
            target = len(groups) - 1
        group = groups[target]
        group.count += 1
        group.unanswered += log["band"] != Band.ANSWER
        group.not_helpful += log["feedback"] == Feedback.NOT_HELPFUL
        group.log_ids.append(log["pk"])
        if log["text"] not in group.examples and len(group.examples) < 5:
            group.examples.append(log["text"])
    return sorted(groups, key=lambda g: (-g.count, g.representative))


def hot_questions(week_start=None, limit: int = 10) -> list[dict]:
    """The entries answered most often in the week starting ``week_start`` (a Monday)."""
    today = timezone.localdate()
    week_start = week_start or today - timedelta(days=today.weekday())
    start = timezone.make_aware(timezone.datetime.combine(week_start, timezone.datetime.min.time()))
    rows = (
        QuestionLog.objects.filter(created_at__gte=start, created_at__lt=start + timedelta(days=7))
        .exclude(entry=None)
        .values("entry__external_id", "entry__question")
        .annotate(asked=Count("pk"))
        .order_by("-asked", "entry__external_id")[:limit]
    )
    return [
        {"answer_id": r["entry__external_id"], "question": r["entry__question"], "asked": r["asked"]}
        for r in rows
    ]


def draft_from_group(group_texts: list[str], user, unit=None) -> Entry:
    """A draft entry whose question and phrasings are the grouped citizens' questions."""
    question, *variants = list(dict.fromkeys(group_texts)) or [""]
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    return Entry.objects.create(
        external_id=f"learned-{stamp}",
        question=question[:300],
        variants="\n".join(v[:300] for v in variants),
        answer="",
        unit=unit,
        status=ReviewStatus.DRAFT,
        origin=Origin.LEARNED,
    )
