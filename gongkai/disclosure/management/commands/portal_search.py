"""``python manage.py portal_search query "…" | eval FILE.csv``: the portal search from the command line."""

import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.search.backends import get_backend


class Command(BaseCommand):
    help = "Search the published information as the portal does (JSON), or score a query,relevant file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        query = sub.add_parser("query", help="Print the first hits for a query as JSON.")
        query.add_argument("text")
        query.add_argument("--unit", type=int, help="unit id")
        query.add_argument("--year", type=int)
        query.add_argument("--genre")
        query.add_argument("--validity")
        query.add_argument("--sort", choices=["relevance", "date"], default="relevance")
        query.add_argument("--per-page", type=int, default=10)
        ev = sub.add_parser("eval", help="Score a query,relevant CSV (relevant: index numbers, | between).")
        ev.add_argument("file")
        ev.add_argument("--k", type=int, default=10)
        ev.add_argument("--details", action="store_true", help="Also list the queries not answered first.")

    def handle(self, *args, **options):
        getattr(self, f"do_{options['action']}")(options)

    def do_query(self, options):
        from gongkai.disclosure.search_service import portal_search

        results = portal_search(
            options["text"],
            unit=options["unit"],
            year=options["year"],
            genre=options["genre"],
            validity=options["validity"],
            sort=options["sort"],
            per_page=options["per_page"],
        )
        self._json(
            {
                "total": results.total,
                "relaxed": results.relaxed,
                "hits": [
                    {
                        "id": hit.id,
                        "index_number": hit.extra.get("index_number", ""),
                        "title": hit.title,
                        "document_number": hit.document_number,
                        "date": hit.date,
                        "url": hit.url,
                        "score": round(hit.score, 3),
                        "snippet": hit.snippet,
                    }
                    for hit in results.hits
                ],
            }
        )

    def do_eval(self, options):
        from gongkai.disclosure.search_evaluation import evaluate, read_judgements

        try:
            rows = read_judgements(options["file"])
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from exc
        if get_backend().count() == 0:
            raise CommandError("The search index is empty: run `manage.py rebuild_portal_index` first.")
        self._json(evaluate(rows, k=options["k"], details=options["details"]))

    def _json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
