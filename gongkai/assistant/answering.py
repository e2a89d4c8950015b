"""Turning a ranking into what the citizen sees: an answer, "did you mean" choices, or an honest no.

- confidence ≥ ``ANSWER_AT``: the entry's answer, with its sources (the links the entry cites, and
  the entry itself with its owning unit);
- ``SUGGEST_AT`` ≤ confidence < ``ANSWER_AT``: the top questions to choose from;
- below: no answer, with the channel to ask a person (the relevant unit's telephone and office
  hours, the consultation form).

Answers are never composed: they are the stored text of a reviewed entry.
"""

from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from .models import Band, Entry
from .retrieval.index import Snapshot, get_index
from .retrieval.ranker import Candidate, rank

MAX_QUESTION_CHARS = 300
# Confidence is an affine map of the evidence onto 0…1 (see ``confidence``); the bands were
# calibrated on the shipped evaluation set (evaldata/README.md) and the §4 study's cosine range.
ANSWER_AT = 0.6
SUGGEST_AT = 0.35
COVERAGE_WEIGHT = 0.08
# Evidence 0.905 → confidence 0.6 (answer), 0.87 → 0.35 (suggest). On the shipped set correct
# answers' cosine has its 5th percentile at 0.927, off-topic questions peak at 0.926 with low
# word coverage; the coverage term separates most of the overlap.
DENSE_FLOOR, DENSE_SPAN = 0.821, 0.14
SUGGESTIONS = 3


class QuestionError(ValueError):
    """The question cannot be answered as asked (empty, too long); the message says why."""


@dataclass
class Result:
    answer_id: str | None
    confidence: float
    band: str
    question: str = ""
    answer_html: str = ""
    answer_text: str = ""
    unit: str = ""
    sources: list[dict] = field(default_factory=list)
    alternatives: list[dict] = field(default_factory=list)
    contact: dict | None = None
    consultation_url: str = ""
    message: str = ""
    mode: str = ""
    log_id: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def clean_question(text) -> str:
    text = " ".join(str(text or "").split())
    if not text:
        raise QuestionError(_("Please type a question."))
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            _("Please ask in at most %(n)d characters; a short question gets a better answer.")
            % {"n": MAX_QUESTION_CHARS}
        )
    return text


def confidence(candidate: Candidate, mode: str) -> float:
    """0…1. Hybrid: cosine, nudged by how much of the query the entry's questions contain.
    Lexical only: the share of the query's (idf-weighted) n-grams the entry's questions contain."""
    if candidate.exact:
        return 1.0
    if mode == "hybrid":
        evidence = candidate.dense + COVERAGE_WEIGHT * (candidate.coverage - 0.5)
        value = (evidence - DENSE_FLOOR) / DENSE_SPAN
    else:
        value = candidate.coverage * 0.9
    return round(min(1.0, max(0.0, value)), 3)


@dataclass
class Outcome:
    result: Result
    query_vector: object  # for the question log (grouping by meaning)
    ranked: list[str]  # external ids, best first, whatever the band (for evaluation)


def answer(text: str, snapshot: Snapshot | None = None) -> Outcome:
    """Answer ``text``; raises QuestionError when it cannot be asked as it is."""
    text = clean_question(text)
    snapshot = snapshot or get_index()
    ranking = rank(snapshot, text, k=max(SUGGESTIONS + 1, 5))
    scored = [(c, confidence(c, ranking.mode)) for c in ranking.candidates]
    ranked = [snapshot.entries[c.position].external_id for c in ranking.candidates]
    result = _decide(snapshot, scored, ranking.mode)
    return Outcome(result, ranking.query_vector, ranked)


def _decide(snapshot: Snapshot, scored, mode: str) -> Result:
    if not scored or scored[0][1] < SUGGEST_AT:
        return _no_answer(snapshot, scored, mode)
    top, top_confidence = scored[0]
    try:  # get(), not first(): no ORDER BY to compile on every answer
        entry = Entry.objects.select_related("unit").get(pk=snapshot.entries[top.position].pk)
    except Entry.DoesNotExist:  # deleted since the snapshot was built
        return _no_answer(snapshot, [], mode)
    if top_confidence < ANSWER_AT:
        result = Result(
            answer_id=None,
            confidence=top_confidence,
            band=Band.SUGGEST,
            alternatives=_alternatives(snapshot, scored[:SUGGESTIONS]),
            message=_("I am not sure I understood. Did you mean one of these?"),
            mode=mode,
        )
        _add_contact(result, entry.unit)
        return result
    result = entry_result(entry, top_confidence)
    result.alternatives = _alternatives(snapshot, scored[1 : SUGGESTIONS + 1], floor=SUGGEST_AT)
    result.mode = mode
    return result


def entry_result(entry: Entry, confidence_value: float = 1.0) -> Result:
    """The answer band for one entry: its stored answer and where it comes from."""
    from wagtail.rich_text import expand_db_html

    from .retrieval.text import plain_text

    return Result(
        answer_id=entry.external_id,
        confidence=confidence_value,
        band=Band.ANSWER,
        question=entry.question,
        answer_html=expand_db_html(entry.answer),
        answer_text=plain_text(entry.answer),
        unit=entry.unit.name if entry.unit else entry.unit_name,
        sources=sources_for(entry),
        message=_("Here is the answer from the knowledge base."),
    )


def sources_for(entry: Entry) -> list[dict]:
    sources = [{**s, "kind": "link"} for s in entry.source_list]
    try:
        page = reverse("assistant:entry", args=[entry.external_id])
    except NoReverseMatch:  # pragma: no cover - the URLconf always includes ours
        page = ""
    owner = entry.unit.name if entry.unit else entry.unit_name
    title = _("Knowledge base entry %(id)s") % {"id": entry.external_id}
    if owner:
        title = _("%(title)s (maintained by %(unit)s)") % {"title": title, "unit": owner}
    sources.append({"title": title, "url": page, "kind": "entry"})
    return sources


def _alternatives(snapshot: Snapshot, scored, floor: float = 0.0) -> list[dict]:
    return [
        {
            "answer_id": snapshot.entries[c.position].external_id,
            "question": snapshot.entries[c.position].question,
            "confidence": value,
        }
        for c, value in scored
        if value >= floor
    ]


def _no_answer(snapshot: Snapshot, scored, mode: str) -> Result:
    result = Result(
        answer_id=None,
        confidence=scored[0][1] if scored else 0.0,
        band=Band.NONE,
        message=_(
            "Sorry, I do not have an answer to this in the knowledge base. "
            "Please ask the staff directly through the channels below."
        ),
        mode=mode,
    )
    # The unit of the closest entry is the likeliest right one, if the question is near the topic.
    unit = None
    if scored and scored[0][1] >= SUGGEST_AT / 2:
        unit_id = snapshot.entries[scored[0][0].position].unit_id
        if unit_id:
            from gongkai.organizations.models import Unit

            unit = Unit.objects.filter(pk=unit_id).first()
    _add_contact(result, unit)
    return result


def _add_contact(result: Result, unit) -> None:
    from gongkai.organizations.services import district_government

    unit = unit if unit is not None and unit.office_phone else district_government()
    if unit is not None:
        result.contact = {
            "unit": unit.name,
            "telephone": unit.office_phone,
            "office_hours": unit.office_hours,
            "address": unit.office_address,
        }
    result.consultation_url = getattr(settings, "ASSISTANT_CONSULTATION_URL", "")
