"""The assistant's JSON API under /api/v1/assistant/: for the portal widget, the WeChat mini-program
and other clients. Rate-limited per client address per minute (Django's cache); over the limit the
answer is 429 with a message saying when to try again.
"""

from uuid import UUID

from ninja import Field, Router, Schema, Status

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.client_address import client_address

from . import learning
from .answering import QuestionError, answer, entry_result
from .models import Channel, Entry

router = Router(tags=["assistant"])
router_prefix = "assistant"


class AskIn(Schema):
    question: str = Field(..., description="The citizen's question, at most 300 characters.")
    channel: Channel = Field(Channel.API, description="Where the question was asked.")


class SourceOut(Schema):
    title: str
    url: str
    kind: str


class AlternativeOut(Schema):
    answer_id: str
    question: str
    confidence: float


class ContactOut(Schema):
    unit: str
    telephone: str
    office_hours: str
    address: str


class AnswerOut(Schema):
    answer_id: str | None = Field(..., description="The entry's ID; null when the assistant does not know.")
    confidence: float
    band: str = Field(..., description="answer, suggest (did you mean) or none")
    question: str
    answer_html: str
    answer_text: str
    unit: str
    sources: list[SourceOut]
    alternatives: list[AlternativeOut]
    contact: ContactOut | None
    consultation_url: str
    message: str
    log_id: str | None = Field(None, description="Pass it to /feedback to rate this answer.")


class ErrorOut(Schema):
    error: str
    message: str


class FeedbackIn(Schema):
    log_id: UUID
    helpful: bool


class FeedbackOut(Schema):
    ok: bool


class HotOut(Schema):
    answer_id: str
    question: str
    asked: int


def _client(request) -> str:
    return client_address(request) or "unknown"


def rate_limited(request, bucket: str) -> bool:
    """Count this request; true when the client went over its per-minute limit."""
    limit = getattr(settings, "ASSISTANT_RATE_LIMIT_PER_MINUTE", 30)
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"assistant:rl:{bucket}:{_client(request)}:{minute}"
    cache.add(key, 0, timeout=61)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=61)
        count = 1
    return count > limit


def _too_many():
    return Status(
        429,
        {
            "error": "rate_limited",
            "message": _(
                "Too many questions from your address in one minute. Please wait a minute and try again."
            ),
        },
    )


@router.post("/ask", response={200: AnswerOut, 422: ErrorOut, 429: ErrorOut}, summary="Ask a question")
def ask(request, payload: AskIn):
    if rate_limited(request, "ask"):
        return _too_many()
    try:
        outcome = answer(payload.question)
    except QuestionError as exc:
        return Status(422, {"error": "invalid_question", "message": str(exc)})
    learning.log_question(payload.question, outcome.result, payload.channel, outcome.query_vector)
    return Status(200, outcome.result.as_dict())


@router.get(
    "/entries/{answer_id}",
    response={200: AnswerOut, 404: ErrorOut, 429: ErrorOut},
    summary="One entry's answer (a did-you-mean choice)",
)
def entry(request, answer_id: str):
    if rate_limited(request, "ask"):
        return _too_many()
    found = Entry.objects.live().select_related("unit").filter(external_id=answer_id).first()
    if found is None:
        return Status(404, {"error": "not_found", "message": _("There is no such entry.")})
    return Status(200, entry_result(found).as_dict())


@router.post("/feedback", response={200: FeedbackOut, 404: ErrorOut, 429: ErrorOut}, summary="Rate an answer")
def feedback(request, payload: FeedbackIn):
    if rate_limited(request, "feedback"):
        return _too_many()
    if learning.rate(payload.log_id, payload.helpful) is None:
        return Status(404, {"error": "not_found", "message": _("This question is not in the log.")})
    return Status(200, {"ok": True})


@router.get("/hot", response=list[HotOut], summary="This week's most asked questions")
def hot(request):
    return learning.hot_questions(limit=10)
