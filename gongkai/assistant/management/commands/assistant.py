"""``python manage.py assistant import|export|embed|ask|eval|propose|seed-synonyms|status``."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.assistant import importing
from gongkai.assistant.models import ReviewStatus


def embed_live_entries(write, quiet: bool = False) -> int:
    """Embed every text of the live entries that has no stored vector yet, printing progress."""
    from gongkai.assistant.models import Entry
    from gongkai.assistant.retrieval import dense

    texts = []
    for question, variants in Entry.objects.live().values_list("question", "variants"):
        texts.append(question)
        texts.extend(v.strip() for v in variants.splitlines() if v.strip())
    todo = dense.missing_texts(texts)
    if not todo:
        return 0
    started = time.perf_counter()
    last = [0.0]

    def progress(done, total):
        now = time.perf_counter()
        if not quiet and (now - last[0] > 5 or done == total):
            last[0] = now
            rate = done / max(now - started, 1e-6)
            write(
                f"embedding: {done}/{total} texts ({rate:.0f}/s, ~{(total - done) / max(rate, 1e-6):.0f} s left)"
            )

    if not quiet:
        write(f"embedding {len(todo)} new texts (unchanged texts keep their stored vectors)")
    return dense.embed_and_store(todo, progress)


class Command(BaseCommand):
    help = "The Q&A assistant: import/export the knowledge base, embed it, ask, and evaluate retrieval."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser(
            "import", help="Load a CSV/XLSX file (id,question,variants,answer,category,unit,source_url)."
        )
        imp.add_argument("file")
        imp.add_argument(
            "--skip-errors", action="store_true", help="Load the good rows of a file with bad rows."
        )
        imp.add_argument(
            "--status",
            default=ReviewStatus.APPROVED,
            choices=[ReviewStatus.APPROVED, ReviewStatus.PENDING, ReviewStatus.DRAFT],
            help="Review status of the loaded entries (default: approved).",
        )
        imp.add_argument("--no-embed", action="store_true", help="Do not embed now (answers stay lexical).")
        exp = sub.add_parser(
            "export", help="Write the knowledge base as CSV or XLSX (by the file's extension)."
        )
        exp.add_argument("file")
        sub.add_parser("embed", help="Embed the texts of live entries that have no vector yet.")
        ask = sub.add_parser("ask", help="Print the ranked result for a question as JSON.")
        ask.add_argument("question")
        ev = sub.add_parser("eval", help="Score a query,expected_id CSV; prints JSON.")
        ev.add_argument("file")
        ev.add_argument("--details", action="store_true", help="Also list the misses.")
        sub.add_parser("propose", help="Propose entries from the units' data and the disclosure rules.")
        sub.add_parser("seed-synonyms", help="Add the built-in colloquial→official pairs that are missing.")
        sub.add_parser("status", help="Print the index state as JSON.")

    def handle(self, *args, **options):
        action = options["action"].replace("-", "_")
        getattr(self, f"do_{action}")(options)

    def write(self, message: str) -> None:
        self.stderr.write(message)
        self.stderr.flush()

    def do_import(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            rows = importing.read_rows(path.read_bytes(), path.name)
        except importing.ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        self.write(f"read {len(rows)} rows from {path.name}")
        result = importing.import_rows(rows, skip_errors=options["skip_errors"], status=options["status"])
        for warning in result.warnings[:20]:
            self.write(f"warning: {warning}")
        if len(result.warnings) > 20:
            self.write(f"warning: … and {len(result.warnings) - 20} more")
        for error in result.errors:
            self.write(f"error: {error}")
        if not result.loaded:
            raise CommandError(
                f"{len(result.errors)} bad rows: nothing was loaded. Fix them, or use --skip-errors to load the rest."
            )
        self.stdout.write(
            f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}, "
            f"skipped {len(result.errors)} bad rows"
        )
        if not options["no_embed"]:
            embedded = embed_live_entries(self.write)
            self.stdout.write(f"embedded {embedded} new texts")

    def do_export(self, options):
        path = Path(options["file"])
        data = importing.export_xlsx() if path.suffix.lower() == ".xlsx" else importing.export_csv()
        path.write_bytes(data)
        self.stdout.write(f"wrote {path}")

    def do_embed(self, options):
        self.stdout.write(f"embedded {embed_live_entries(self.write)} new texts")

    def do_ask(self, options):
        from gongkai.assistant.answering import QuestionError, answer

        try:
            outcome = answer(options["question"])
        except QuestionError as exc:
            raise CommandError(str(exc)) from exc
        data = outcome.result.as_dict()
        data["ranked"] = outcome.ranked
        self._json(data)

    def do_eval(self, options):
        from gongkai.assistant.evaluation import evaluate, read_queries

        try:
            rows = read_queries(options["file"])
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        self._json(evaluate(rows, details=options["details"]))

    def do_propose(self, options):
        from gongkai.assistant.proposals import propose_all

        counts = propose_all()
        self._json(counts)

    def do_seed_synonyms(self, options):
        from gongkai.assistant.retrieval.synonyms import seed

        self.stdout.write(f"added {seed()} synonym pairs")

    def do_status(self, options):
        from gongkai.assistant.retrieval.index import get_index

        snapshot = get_index()
        self._json(
            {
                "version": snapshot.version,
                "entries": len(snapshot.entries),
                "mode": snapshot.mode,
                "build_seconds": round(snapshot.build_seconds, 2),
            }
        )

    def _json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
