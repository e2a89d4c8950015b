"""Benchmark: the district's Table III for one year, over 100 units and 1,000,000 applications.

    .venv/bin/python bench/bench_table3.py [--applications 1000000] [--units 100] [--keep]

Builds a throw-away SQLite database under var/bench/ (migrated schema, bulk inserts through
executemany), then times ``compute_table3`` for the whole district for one year, first with the
other indexes only, then with the covering indexes (applications migration 0004),
and prints the figures. Target: under 2 s.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The covering indexes of applications migration 0004; dropped first to show their effect.
PROPOSED_INDEXES = {
    "app_closed_report": "(closed_on, handling_unit_id, applicant_type, outcome, received_on)",
    "app_received_report": "(received_on, handling_unit_id, applicant_type, closed_on)",
}


def setup_django(db_path: Path):
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()


def build(n_apps: int, n_units: int, years: int, last_year: int, seed: int = 7):
    from django.core.management import call_command
    from django.db import connection

    from gongkai.applications.models import ApplicantType, Application
    from gongkai.applications.outcomes import Outcome
    from gongkai.organizations.models import Unit, UnitKind

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t0:.1f} s", flush=True)
    district = Unit.objects.create(
        name="基准区人民政府",
        slug="bench-district",
        kind=UnitKind.DISTRICT_GOVERNMENT,
        code="11110199000000000X",
    )
    Unit.objects.bulk_create(
        Unit(
            name=f"基准区第{i}单位",
            slug=f"bench-{i}",
            kind=UnitKind.BUREAU,
            parent=district,
            code=f"1111019900{i:06d}X0",
        )
        for i in range(1, n_units)
    )
    unit_ids = list(Unit.objects.values_list("pk", flat=True))

    # Every column of the migrated table gets a value; the model's fields say which default.
    with connection.cursor() as cursor:
        table_columns = [
            c.name for c in connection.introspection.get_table_description(cursor, "applications_application")
        ]
    fields = [f for f in Application._meta.concrete_fields if not f.primary_key and f.column in table_columns]
    columns = [f.column for f in fields]
    defaults = {}
    for f in fields:
        if f.has_default():
            value = f.get_default()
            defaults[f.column] = value if not isinstance(value, dict | list) else "[]"
        elif f.null:
            defaults[f.column] = None
        elif f.get_internal_type() in (
            "IntegerField",
            "PositiveIntegerField",
            "PositiveSmallIntegerField",
            "BigIntegerField",
        ):
            defaults[f.column] = 0
        elif f.get_internal_type() in ("BooleanField",):
            defaults[f.column] = False
        elif f.get_internal_type() in ("DateField",):
            defaults[f.column] = "2020-01-01"
        elif f.get_internal_type() in ("DateTimeField",):
            defaults[f.column] = "2020-01-01 00:00:00"
        else:
            defaults[f.column] = ""
    types = ApplicantType.values
    type_weights = [80, 10, 1, 2, 4, 3]
    outcomes = Outcome.values
    outcome_weights = [40, 10] + [1] * 8 + [15, 3, 1] + [1] * 5 + [2, 1, 2]
    rng = random.Random(seed)
    first = dt.date(last_year - years + 1, 1, 1)
    span = (dt.date(last_year, 12, 31) - first).days
    sql = f"INSERT INTO applications_application ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    t0 = time.perf_counter()
    batch = []
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
        for i in range(n_apps):
            received = first + dt.timedelta(days=rng.randrange(span))
            row = dict(defaults)
            row.update(
                tracking_number=f"B{i:010d}",
                handling_unit_id=unit_ids[rng.randrange(len(unit_ids))],
                applicant_type=rng.choices(types, type_weights)[0],
                applicant_name="申请人",
                description="基准",
                submitted_on=received.isoformat(),
                received_on=received.isoformat(),
                status="closed",
            )
            # Most close within a few weeks; 2% stay open; a few run past a year end.
            if rng.random() < 0.02:
                row.update(status="in_progress", closed_on=None, outcome="")
            else:
                closed = received + dt.timedelta(days=int(rng.expovariate(1 / 18)))
                row.update(closed_on=closed.isoformat(), outcome=rng.choices(outcomes, outcome_weights)[0])
            if "created_at" in row:
                row["created_at"] = row["updated_at"] = f"{received.isoformat()} 09:00:00"
            batch.append([row[c] for c in columns])
            if len(batch) == 20000:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
        cursor.execute("ANALYZE")
    print(f"insert {n_apps:,} applications: {time.perf_counter() - t0:.1f} s", flush=True)


def time_table3(year: int, repeat: int = 5):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from gongkai.organizations.models import Unit
    from gongkai.reports.tables.data import ReportData
    from gongkai.reports.tables.table3 import compute_table3
    from gongkai.reports.validation import validate

    unit_ids = list(Unit.objects.values_list("pk", flat=True))
    timings = []
    for _ in range(repeat):
        reset_queries()
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            table = compute_table3(unit_ids, year)
        timings.append(time.perf_counter() - t0)
    data = ReportData(agency="bench", year=year, format="2021", table3=table, table4={})
    errors = validate(data).errors
    return min(timings), statistics.median(timings), len(queries), table, errors


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--last-year", type=int, default=2025)
    parser.add_argument("--keep", action="store_true", help="Reuse the database if it exists.")
    args = parser.parse_args()

    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    db_path = bench_dir / f"table3_{args.applications}.sqlite3"
    reuse = args.keep and db_path.exists()
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    setup_django(db_path)
    if not reuse:
        build(args.applications, args.units, args.years, args.last_year)

    from django.db import connection

    with connection.cursor() as cursor:
        for name in PROPOSED_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    print(
        f"district Table III, {args.units} units, {args.applications:,} applications over {args.years} years"
    )
    results = {}
    for label in ("without the report indexes", "with the report indexes"):
        if label.startswith("with"):
            with connection.cursor() as cursor:
                for name, cols in PROPOSED_INDEXES.items():
                    cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON applications_application {cols}")
                cursor.execute("ANALYZE")
        for year in (args.last_year - 5, args.last_year):
            best, median, n_queries, table, errors = time_table3(year)
            results[(label, year)] = median
            print(
                f"  {label:<32} year {year}: median {median * 1000:7.1f} ms, best {best * 1000:7.1f} ms, "
                f"{n_queries} queries; new {table['new_received'][-1]:,}, processed {table['total_processed'][-1]:,}, "
                f"identities {'hold' if not errors else 'FAIL ' + str([e.rule for e in errors])}",
                flush=True,
            )
    worst = max(results.values())
    print(f"worst median: {worst:.3f} s ({'under' if worst < 2 else 'OVER'} the 2 s target)")


if __name__ == "__main__":
    main()
