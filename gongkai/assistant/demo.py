"""Demo data: the shipped knowledge base of the fictional Qinghe district, the seed synonyms,
and the proposals from the units' data (accepted; the rule proposals stay for review). Idempotent.

Embedding the ~80 entries (~330 texts) takes 5–30 s depending on the machine's load, so it is
done here synchronously; a base of thousands is embedded by ``assistant import`` instead, and the
index answers lexically until its vectors are stored.
"""

from pathlib import Path

from .importing import import_file
from .models import Entry, ReviewStatus
from .proposals import propose_all
from .retrieval.synonyms import seed

KNOWLEDGE_BASE = Path(__file__).parent / "evaldata" / "knowledge_base.csv"


def load(command) -> None:
    from .management.commands.assistant import embed_live_entries

    seed()
    result = import_file(KNOWLEDGE_BASE)
    if result.errors:  # pragma: no cover - the shipped file is tested
        raise RuntimeError(f"shipped knowledge base has errors: {result.errors[:3]}")
    propose_all()
    # The units' contact entries are accepted; the rule proposals stay for staff to review (the
    # shipped base already answers those questions, so accepting both would duplicate answers).
    Entry.objects.filter(status=ReviewStatus.PROPOSED, proposal_key__startswith="unit-").update(
        status=ReviewStatus.APPROVED
    )
    from .kb import bump_version

    bump_version()
    embedded = embed_live_entries(lambda msg: None, quiet=True)
    if not getattr(command, "quiet", False):
        command.stdout.write(
            f"assistant: {Entry.objects.live().count()} live entries, {embedded} texts embedded"
        )
