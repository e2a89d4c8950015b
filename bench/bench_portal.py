"""Benchmark: the proactive-disclosure portal with 1,000,000 information items.

    .venv/bin/python bench/bench_portal.py [--items 1000000] [--queries 300] [--duration 20]
                                            [--workers 2] [--reuse] [--keep]

1. Builds a throw-away SQLite database under var/bench/portal/ (migrated schema, the standard
   column tree, 25 units; the item pages are bulk-inserted with executemany, because creating a
   million Wagtail pages one by one would take hours) with generated Chinese text of realistic
   length: titles from government templates, bodies of ~800 characters mixing template sentences
   with words drawn Zipf-like from jieba's dictionary.
2. Builds the tantivy search index of the same items (rjieba segmentation in 2 processes).
3. Search latency: p50/p95 over a fixed query set (two-word AND, one common word, five-word
   natural-language queries with OR fallback, queries with a unit/year filter), in-process through
   the search backend, including query segmentation, snippets and highlighting.
4. Throughput: starts gunicorn with 2 workers on the bench database and measures item pages and
   column pages (requests/s, p50/p95), uncached, with a concurrent HTTP client; also the search page.

Targets on the 2-vCPU development machine: search p95 <= 50 ms; item page >= 200 requests/s.
The script stops by itself and prints the figures; --reuse keeps an existing bench database/index.
"""

import argparse
import datetime as dt
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from multiprocessing import Pool
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench" / "portal"
DB_PATH = BENCH_DIR / "portal.sqlite3"
N_UNITS = 25
CHUNK = 20_000
BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def environment() -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "gongkai.settings",
            "DATABASE_URL": f"sqlite:///{DB_PATH}",
            "GONGKAI_VAR_DIR": str(BENCH_DIR),
            "DEBUG": "0",
            "GONGKAI_TESTING": "1",  # plain static storage: no manifest needed
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "OPENBLAS_NUM_THREADS": "1",
        }
    )
    return env


def setup_django():
    os.environ.update(environment())
    import django

    django.setup()


# --- generated text ---------------------------------------------------------------------------
class TextGenerator:
    """Government sentences plus dictionary words sampled by frequency (Zipf-like)."""

    def __init__(self, seed: int = 11):
        import jieba
        import numpy as np

        words, freqs = [], []
        with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if (
                    len(parts) >= 2
                    and len(parts[0]) >= 2
                    and all("\u4e00" <= c <= "\u9fff" for c in parts[0])
                ):
                    words.append(parts[0])
                    freqs.append(int(parts[1]))
        self.words = words
        p = np.array(freqs, dtype=float) ** 0.75
        self.cdf = np.cumsum(p / p.sum())
        self.np = np
        self.rng = np.random.default_rng(seed)
        self._buffer: list[int] = []
        self._pos = 0
        self.prng = random.Random(seed)
        from gongkai.disclosure import demo_content

        self.demo = demo_content
        self.topics = sorted({t for ts in demo_content.TOPICS.values() for t in ts})

    def sample_words(self, n: int) -> list[str]:
        if self._pos + n > len(self._buffer):  # draw in large batches: one searchsorted per 1M words
            draws = self.np.searchsorted(self.cdf, self.rng.random(1_000_000))
            self._buffer = self.np.minimum(draws, len(self.words) - 1).tolist()
            self._pos = 0
        idx = self._buffer[self._pos : self._pos + n]
        self._pos += n
        return [self.words[i] for i in idx]

    def item(self, unit_name: str, year: int) -> tuple[str, str, str, str]:
        topic = self.prng.choice(self.topics)
        genre = self.prng.choice(["normative_document", "notice", "notice", "plan", "news", "budget"])
        title = self.demo.title_for(self.prng, topic, genre, unit_name, year)
        paragraphs = self.demo.body_paragraphs(self.prng, topic, genre, year, target_chars=300)
        words = self.sample_words(self.prng.randint(120, 260))
        # Dictionary words in sentences of 6–14 words.
        sentences, i = [], 0
        while i < len(words):
            k = self.prng.randint(6, 14)
            sentences.append("".join(words[i : i + k]) + "。")
            i += k
        body = "".join(paragraphs) + "".join(sentences)
        return title, genre, topic, body


# --- database ---------------------------------------------------------------------------------
def build_database(n_items: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Locale

    from gongkai.disclosure.models import ColumnPage, InformationItemPage
    from gongkai.disclosure.structure import ensure_home, ensure_standard_columns, ensure_unit_column
    from gongkai.organizations.models import Unit, UnitKind

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t0:.1f} s", flush=True)
    with transaction.atomic():
        ensure_home(remove_welcome_page=True)
        cols = ensure_standard_columns()
        district = Unit.objects.create(
            name="基准区人民政府",
            slug="district",
            kind=UnitKind.DISTRICT_GOVERNMENT,
            code="11110199000000000X",
            office_name="基准区政务公开办公室",
            office_address="政府路1号",
            office_phone="010-1",
        )
        units = [district] + [
            Unit.objects.create(
                name=f"基准区第{i}局",
                slug=f"unit-{i}",
                kind=UnitKind.BUREAU,
                parent=district,
                code=f"111101990000{i:05d}X",
                sort_order=i,
            )
            for i in range(1, N_UNITS)
        ]
        columns = {u.pk: ensure_unit_column(u, cols) for u in units}
    print(f"column tree and {len(units)} units: {time.perf_counter() - t0:.1f} s", flush=True)

    ct = ContentType.objects.get_for_model(InformationItemPage).pk
    locale = Locale.get_default().pk
    gen = TextGenerator()
    page_cols = [f.column for f in InformationItemPage._meta.get_parent_list()[0]._meta.local_concrete_fields]
    item_cols = [f.column for f in InformationItemPage._meta.local_concrete_fields]
    page_sql = (
        f"INSERT INTO wagtailcore_page ({', '.join(page_cols)}) VALUES ({', '.join(['%s'] * len(page_cols))})"
    )
    item_sql = (
        f"INSERT INTO disclosure_informationitempage ({', '.join(item_cols)}) "
        f"VALUES ({', '.join(['%s'] * len(item_cols))})"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM wagtailcore_page")
        next_id = cursor.fetchone()[0] + 1
    counts = dict.fromkeys(columns, 0)
    serials: dict[tuple, int] = {}
    start = dt.date(2016, 1, 1)
    t1 = time.perf_counter()
    for chunk_start in range(0, n_items, CHUNK):
        page_rows, item_rows = [], []
        for n in range(chunk_start, min(n_items, chunk_start + CHUNK)):
            unit = units[n % len(units)]
            column = columns[unit.pk]
            counts[unit.pk] += 1
            k = counts[unit.pk]
            step = "".join(BASE36[(k // 36**e) % 36] for e in (3, 2, 1, 0))
            written = start + dt.timedelta(days=(n * 7919) % 3900)
            published = written + dt.timedelta(days=3 + n % 25)
            serials[(unit.pk, written.year)] = serials.get((unit.pk, written.year), 0) + 1
            title, genre, _topic, body = gen.item(unit.name, written.year)
            slug = f"i{n}"
            moment = dt.datetime.combine(published, dt.time(9, 0), tzinfo=dt.UTC)
            page = {
                "id": next_id,
                "path": column.path + step,
                "depth": column.depth + 1,
                "numchild": 0,
                "translation_key": uuid.uuid4().hex,
                "locale_id": locale,
                "latest_revision_id": None,
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": moment,
                "last_published_at": moment,
                "live_revision_id": None,
                "go_live_at": None,
                "expire_at": None,
                "expired": False,
                "locked": False,
                "locked_at": None,
                "locked_by_id": None,
                "title": title,
                "draft_title": title,
                "slug": slug,
                "content_type_id": ct,
                "url_path": f"{column.url_path}{slug}/",
                "owner_id": None,
                "latest_revision_created_at": None,
                "alias_of_id": None,
                "show_in_menus": False,
                "seo_title": "",
                "search_description": "",
            }
            item = {
                "page_ptr_id": next_id,
                "index_number": f"{unit.code}/{written.year}-{serials[(unit.pk, written.year)]:05d}",
                "unit_id": unit.pk,
                "document_number": f"基政发〔{written.year}〕{n % 97 + 1}号" if genre != "news" else "",
                "date_written": written,
                "date_changed": None,
                "date_published": published,
                "subject_category": "general",
                "genre": genre,
                "category": "a20_1" if genre == "normative_document" else "",
                "key_area": "",
                "keywords": "",
                "summary": body[:100],
                "body": f"<p>{body}</p>",
                "validity": "repealed" if n % 50 == 0 else "in_force",
                "validity_changed_on": published + dt.timedelta(days=400) if n % 50 == 0 else None,
                "replaced_by_id": None,
                "disclosure_attribute": "proactive",
                "non_disclosure_reason": "",
            }
            page_rows.append([page[c] for c in page_cols])
            item_rows.append([item[c] for c in item_cols])
            next_id += 1
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(page_sql, page_rows)
            cursor.executemany(item_sql, item_rows)
        done = min(n_items, chunk_start + CHUNK)
        if done % 100_000 == 0 or done == n_items:
            print(f"  items in database: {done:,} ({time.perf_counter() - t1:.0f} s)", flush=True)
    with transaction.atomic():
        for unit_pk, column in columns.items():
            ColumnPage.objects.filter(pk=column.pk).update(numchild=counts[unit_pk])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"database: {n_items:,} items in {time.perf_counter() - t1:.0f} s", flush=True)


# --- search index -------------------------------------------------------------------------------
def _tokenize(rows):
    from gongkai.search.analysis import index_text

    return [(index_text(title), index_text(docnum), index_text(body)) for _pk, title, docnum, body in rows]


def build_index() -> None:
    from django.db import connection
    from django.utils.html import strip_tags

    from gongkai.search.backends import get_backend
    from gongkai.search.backends.base import SearchDocument

    backend = get_backend()
    backend.clear()
    t0 = time.perf_counter()
    writer = backend.bulk_writer(threads=1)
    total = 0
    sql = (
        "SELECT p.id, p.title, i.document_number, i.body, i.unit_id, i.date_published, i.genre, i.validity, "
        "i.index_number, p.url_path FROM disclosure_informationitempage i JOIN wagtailcore_page p ON p.id = i.page_ptr_id "
        "WHERE p.id > %s ORDER BY p.id LIMIT %s"
    )
    root_prefix = None
    with Pool(2) as pool, connection.cursor() as cursor:
        last = 0
        pending = None
        while True:
            cursor.execute(sql, [last, CHUNK])
            rows = cursor.fetchall()
            if rows:
                last = rows[-1][0]
                if root_prefix is None:
                    root_prefix = "/" + rows[0][9].strip("/").split("/")[0]
                parts = [rows[i : i + 1000] for i in range(0, len(rows), 1000)]
                job = pool.map_async(
                    _tokenize, [[(r[0], r[1], r[2], strip_tags(r[3])) for r in part] for part in parts]
                )
            if pending is not None:
                prev_rows, prev_job = pending
                tokens = [t for part in prev_job.get() for t in part]
                docs = [
                    SearchDocument(
                        id=f"item:{r[0]}",
                        title=r[1],
                        body=strip_tags(r[3]),
                        document_number=r[2],
                        url=r[9][len(root_prefix) :],
                        date=r[5] if isinstance(r[5], dt.date) else dt.date.fromisoformat(r[5]),
                        filters={
                            "source": ["disclosure"],
                            "kind": ["item"],
                            "unit": [str(r[4])],
                            "year": [str(r[5])[:4]],
                            "genre": [r[6]],
                            "validity": [r[7]],
                        },
                        extra={"index_number": r[8]},
                    )
                    for r in prev_rows
                ]
                backend.add_prepared(writer, docs, tokens)
                total += len(docs)
                if total % 100_000 == 0:
                    print(f"  indexed {total:,} ({time.perf_counter() - t0:.0f} s)", flush=True)
            pending = (rows, job) if rows else None
            if not rows:
                break
    writer.commit()
    writer.wait_merging_threads()
    backend._index.reload()
    print(f"search index: {total:,} documents in {time.perf_counter() - t0:.0f} s", flush=True)


def warm_page_cache() -> None:
    """Read the database and the index once, as a running server has them in the OS page cache.

    Without this, the first pass after building measures the disk (~110 MB/s here), not the portal:
    random reads into a 4.5 GB database and a 2 GB index cost 5–10 ms each while cold."""
    t0 = time.perf_counter()
    total = 0
    paths = [DB_PATH, *sorted((BENCH_DIR / "search").rglob("*"))]
    for path in paths:
        if path.is_file():
            with open(path, "rb") as handle:
                while chunk := handle.read(16 << 20):
                    total += len(chunk)
    print(f"page cache warmed: {total / 2**30:.1f} GiB read in {time.perf_counter() - t0:.0f} s", flush=True)


# --- search latency -----------------------------------------------------------------------------
def query_set(n: int, seed: int = 5):
    gen = TextGenerator(seed)
    rng = random.Random(seed)
    common = ["工作", "管理", "通知", "实施", "服务", "补贴", "安全", "建设", "保障", "政府"]
    queries = []
    for i in range(n):
        kind = ("title2", "common1", "long5", "filtered")[i % 4]
        if kind == "title2":
            text = " ".join(
                rng.sample(
                    [
                        "就业",
                        "补贴",
                        "低保",
                        "征收",
                        "养老",
                        "教育",
                        "食品",
                        "安全",
                        "预算",
                        "电梯",
                        "垃圾分类",
                        "河长制",
                        "营商环境",
                        "公共租赁住房",
                        "高校毕业生",
                    ],
                    2,
                )
            )
            filters = {}
        elif kind == "common1":
            text, filters = rng.choice(common), {}
        elif kind == "long5":
            text, filters = "".join(gen.sample_words(5)), {}
        else:
            text = rng.choice(["就业补贴", "房屋征收", "预算", "安全生产", "义务教育"])
            filters = {"unit": [str(rng.randint(1, N_UNITS))], "year": [str(rng.randint(2016, 2026))]}
        queries.append((kind, text, filters))
    return queries


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def measure_search(n_queries: int) -> dict:
    from gongkai.search.backends import get_backend
    from gongkai.search.backends.base import SearchQuery

    backend = get_backend()
    queries = query_set(n_queries)
    # Warm-up on another query set of the same kinds (seed 99), so that the measured queries are not
    # answered from caches filled by themselves.
    for _kind, text, filters in query_set(n_queries, seed=99):
        backend.search(SearchQuery(text, filters={"source": ["disclosure"], **filters}))
    by_kind: dict[str, list[float]] = {}
    totals = []
    for kind, text, filters in queries:
        t = time.perf_counter()
        result = backend.search(SearchQuery(text, filters={"source": ["disclosure"], **filters}))
        ms = (time.perf_counter() - t) * 1000
        by_kind.setdefault(kind, []).append(ms)
        totals.append(result.total)
    all_ms = [m for ms in by_kind.values() for m in ms]
    print(
        f"search over {backend.count():,} documents, {len(all_ms)} queries (in-process, incl. segmentation and snippets):"
    )
    for kind, ms in by_kind.items():
        print(f"  {kind:<9} p50 {statistics.median(ms):6.1f} ms   p95 {pct(ms, 95):6.1f} ms")
    print(
        f"  ALL       p50 {statistics.median(all_ms):6.1f} ms   p95 {pct(all_ms, 95):6.1f} ms   "
        f"(median hits {statistics.median(totals):,.0f})"
    )
    # Sorting by date on a common word.
    sort_ms = []
    for _kind, text, filters in queries[:60]:
        t = time.perf_counter()
        backend.search(SearchQuery(text, filters={"source": ["disclosure"], **filters}, sort="date"))
        sort_ms.append((time.perf_counter() - t) * 1000)
    print(f"  sort=date p50 {statistics.median(sort_ms):6.1f} ms   p95 {pct(sort_ms, 95):6.1f} ms")
    return {"p50": statistics.median(all_ms), "p95": pct(all_ms, 95)}


# --- HTTP throughput ----------------------------------------------------------------------------
def start_server(workers: int, port: int):
    log = open(BENCH_DIR / "gunicorn.log", "w")  # noqa: SIM115 - handed to the server process
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "gongkai.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.25)
    proc.terminate()
    raise RuntimeError(f"gunicorn did not start; see {BENCH_DIR / 'gunicorn.log'}")


WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
math.randomseed(7)
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""


def load(port: int, paths: list[str], duration: float, concurrency: int = 6) -> dict:
    """Throughput from wrk (a C load generator, Debian's ``wrk``) when it is installed, so that the
    client takes little of the two cores the server runs on; otherwise from Python threads."""
    import shutil

    if shutil.which("wrk"):
        return load_wrk(port, paths, duration, concurrency)
    return load_python(port, paths, duration, concurrency)


def _ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


def load_wrk(port: int, paths: list[str], duration: float, concurrency: int) -> dict:
    import re

    paths_file, script = BENCH_DIR / "wrk-paths.txt", BENCH_DIR / "wrk-paths.lua"
    paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    script.write_text(WRK_SCRIPT, encoding="utf-8")
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "1",
            "-c",
            str(concurrency),
            "-d",
            f"{duration:.0f}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        env={**os.environ, "BENCH_PATHS": str(paths_file)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    done = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", out)
    requests = int(done.group(1))
    seconds = float(done.group(2)) * {"ms": 0.001, "s": 1.0, "m": 60.0}[done.group(3)]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    n_bad = (int(bad.group(1)) if bad else 0) + (sum(int(g) for g in errors.groups()) if errors else 0)
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))
    return {
        "rps": (requests - n_bad) / seconds,  # wrk's own Requests/sec counts failed responses too
        "p50": p50,
        "p99": p99,
        "ok": requests - n_bad,
        "errors": n_bad,
        "client": "wrk",
    }


def load_python(port: int, paths: list[str], duration: float, concurrency: int = 6) -> dict:
    stop = time.monotonic() + duration
    latencies, errors, lock = [], [0], threading.Lock()

    def worker(seed):
        rng = random.Random(seed)
        local, bad = [], 0
        while time.monotonic() < stop:
            path = rng.choice(paths)
            t = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    bad += 1
                    continue
            except OSError:
                bad += 1
                continue
            local.append((time.perf_counter() - t) * 1000)
        with lock:
            latencies.extend(local)
            errors[0] += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": pct(latencies, 95) if latencies else float("nan"),
        "ok": len(latencies),
        "errors": errors[0],
        "client": "python",
    }


def measure_http(workers: int, duration: float, port: int = 8931) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT url_path FROM wagtailcore_page WHERE depth = 2")
        root = cursor.fetchone()[0].rstrip("/")
        cursor.execute(
            "SELECT p.url_path FROM wagtailcore_page p JOIN disclosure_informationitempage i ON i.page_ptr_id = p.id "
            "ORDER BY random() LIMIT 5000"
        )
        items = [r[0][len(root) :] for r in cursor.fetchall()]
        cursor.execute(
            "SELECT p.url_path FROM wagtailcore_page p JOIN disclosure_columnpage c ON c.page_ptr_id = p.id "
            "WHERE c.column_kind IN ('unit', 'category', 'statutory')"
        )
        column_paths = [r[0][len(root) :] for r in cursor.fetchall()]
    columns = [f"{p}?page={n}" for p in column_paths for n in (1, 2, 3, 50)]
    searches = [
        f"/search/?q={quote(q)}"
        for q in ("就业补贴", "低保", "房屋征收", "安全生产", "预算", "高校毕业生 创业")
    ]
    proc = start_server(workers, port)
    results = {}
    try:
        load(port, items[:200], 3)  # warm-up
        for name, paths in (("item page", items), ("column page", columns), ("search page", searches)):
            results[name] = r = load(port, paths, duration)
            tail = "p99" if "p99" in r else "p95"
            print(
                f"{name:<12} {r['rps']:7.1f} req/s   p50 {r['p50']:6.1f} ms   {tail} {r[tail]:6.1f} ms   "
                f"({r['ok']:,} ok, {r['errors']} errors; gunicorn {workers} workers, uncached, "
                f"client {r['client']})",
                flush=True,
            )
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per throughput run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="use the database and index of a previous run")
    parser.add_argument("--keep", action="store_true", help="keep var/bench/portal afterwards")
    parser.add_argument("--quick", action="store_true", help="10,000 items, short runs (smoke test)")
    args = parser.parse_args()
    if args.quick:
        args.items, args.queries, args.duration = 10_000, 100, 5.0
    t0 = time.perf_counter()
    if not args.reuse:
        import shutil

        shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    fresh = not DB_PATH.exists()
    setup_django()
    if fresh:
        build_database(args.items)
        build_index()
    warm_page_cache()
    search = measure_search(args.queries)
    http_results = measure_http(args.workers, args.duration)
    print()
    print(
        f"SUMMARY items={args.items:,}  search p50={search['p50']:.1f} ms p95={search['p95']:.1f} ms (target <= 50)  "
        f"item page={http_results['item page']['rps']:.0f} req/s (target >= 200)  "
        f"column page={http_results['column page']['rps']:.0f} req/s  total {time.perf_counter() - t0:.0f} s"
    )
    if not args.keep:
        import shutil

        shutil.rmtree(BENCH_DIR, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
