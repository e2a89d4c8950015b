"""Benchmark: the Q&A assistant over a 15,000-entry knowledge base.

    .venv/bin/python bench/bench_assistant.py [--entries 15000] [--queries 400] [--keep]

Two processes, because the targets are for a process that serves answers:

1. **Build** (this process): a throw-away SQLite database under var/bench/ (migrated schema), a
   generated base of government-service questions (service × intent templates, one extra phrasing
   each) imported through the import service and embedded (stored vectors are reused with
   --keep), and one index build as a check. Its peak RSS is reported as ``build_process``: it
   includes migrating, importing and embedding, which no web worker does.
2. **Serving** (a fresh subprocess, ``--serve``): what a web worker does — set up Django, load the
   index from the database and the stored vectors, answer colloquial queries through the whole
   answering path (embedding + BM25 + cosine + bands + sources), then reload the index after one
   entry changes. It runs with ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1`` (one thread per
   worker, search-qa-tech.md §4). Its latency percentiles and peak RSS (before and after the
   reload) are the figures the targets apply to.

Prints JSON. Targets (serving process): p95 ≤ 30 ms, peak RSS ≤ 500 MB. The machine's load average
is printed with the figures: on 2 shared cores other jobs move the latency a lot.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

PLACES = ["城关", "东湖", "西山", "城北", "城南", "河西", "新区", "高新", "滨江", "北苑"]
SERVICES = [
    "居住证",
    "社会保障卡",
    "居民身份证",
    "结婚登记",
    "出生登记",
    "户口迁移",
    "住房公积金",
    "公共租赁住房",
    "营业执照",
    "食品经营许可证",
    "最低生活保障",
    "高龄津贴",
    "残疾人证",
    "失业保险金",
    "创业担保贷款",
    "法律援助",
    "医疗保险报销",
    "异地就医备案",
    "养老保险",
    "小学入学",
    "幼儿园报名",
    "学生资助",
    "耕地补贴",
    "宅基地建房",
    "环评审批",
    "占道挖掘许可",
    "加装电梯补贴",
    "房屋征收补偿",
    "政府信息公开",
    "临时救助",
    "退役军人优待证",
    "家庭医生签约",
    "疫苗接种",
    "劳动仲裁",
    "企业年报",
]
INTENTS = [
    ("办理{s}需要哪些材料？", "办{s}要带什么东西"),
    ("{s}在哪里办理？", "{s}去哪办"),
    ("{s}的办理时限是多久？", "{s}多长时间能办好"),
    ("{s}收费吗？", "办{s}要不要钱"),
    ("{s}可以网上办理吗？", "{s}能不能在网上办"),
    ("{s}的申请条件是什么？", "什么人可以申请{s}"),
    ("{s}的办理流程是什么？", "{s}怎么办"),
    ("{s}的咨询电话是多少？", "问{s}打哪个电话"),
    ("{s}办理进度如何查询？", "{s}办到哪一步了怎么查"),
    ("{s}可以委托他人代办吗？", "{s}能让别人帮我办吗"),
    ("{s}的政策依据是什么？", "{s}是根据哪个文件"),
    ("{s}遗失了怎么补办？", "{s}丢了怎么办"),
    ("{s}办理结果如何领取？", "{s}办好了怎么拿"),
    ("{s}对外地户籍人员有什么要求？", "外地人能办{s}吗"),
    ("{s}办理窗口的工作时间？", "{s}窗口几点上班"),
]
COLLOQUIAL = ["请问{q}", "{q}呀", "我想问下{q}", "{q}？谢谢", "{q}啊"]


def setup_django(db_path: Path):
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()


def generate(n: int, rng: random.Random) -> list[tuple[int, dict]]:
    rows = []
    combos = [(p, s, i) for p in PLACES for s in SERVICES for i in range(len(INTENTS))]
    rng.shuffle(combos)
    while len(combos) < n:  # more entries than combinations: numbered service branches
        combos += [(f"{p}第{len(combos) // 1000}", s, i) for p, s, i in combos[: n - len(combos)]]
    for number, (place, service, intent) in enumerate(combos[:n]):
        name = f"{place}{service}"
        question, variant = INTENTS[intent]
        rows.append(
            (
                number + 2,
                {
                    "id": f"B{number:05d}",
                    "question": question.format(s=name),
                    "variants": variant.format(s=name),
                    "answer": f"关于{name}：请携带有效身份证件到{place}政务服务窗口办理，具体以办事指南为准。",
                    "category": service,
                    "unit": "",
                    "source_url": f"/zwgk/bszn/{number}/",
                },
            )
        )
    return rows


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM). Not ru_maxrss: after fork + exec a child's ru_maxrss
    starts at its parent's peak, so it would report the build process's figure."""
    return _status_mb("VmHWM")


def rss_mb() -> float:
    return _status_mb("VmRSS")


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def percentiles(latencies: list[float]) -> dict:
    latencies = sorted(latencies)
    return {
        "p50": round(latencies[len(latencies) // 2], 2),
        "p95": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "p99": round(latencies[int(len(latencies) * 0.99) - 1], 2),
        "max": round(latencies[-1], 2),
    }


def serve(db_path: Path, queries_path: Path) -> dict:
    """The serving process: load the index as a web worker does, answer, reload after a change."""
    setup_django(db_path)
    from django.conf import settings

    settings.ASSISTANT_BACKGROUND_RELOAD = False
    settings.ASSISTANT_INDEX_CHECK_SECONDS = 0

    from gongkai.assistant.answering import answer
    from gongkai.assistant.models import Entry
    from gongkai.assistant.retrieval.index import get_index

    figures = {"load_average_at_start": load(), "rss_after_django_setup_mb": round(rss_mb(), 1)}
    queries = json.loads(queries_path.read_text())
    t0 = time.perf_counter()
    snapshot = get_index()
    figures["index_load_seconds"] = round(time.perf_counter() - t0, 2)
    figures["mode"] = snapshot.mode
    figures["entries"] = len(snapshot.entries)
    figures["rss_after_index_load_mb"] = round(rss_mb(), 1)
    answer(queries[0][0], snapshot)  # warm-up (loads the embedding model)
    latencies, hits = [], 0
    for query, expected in queries:
        started = time.perf_counter()
        outcome = answer(query, snapshot)
        latencies.append((time.perf_counter() - started) * 1000)
        hits += outcome.ranked[:1] == [expected]
    figures["latency_ms"] = percentiles(latencies)
    figures["top1_on_synthetic_queries"] = round(hits / len(queries), 3)
    # The same questions again: their embeddings are in the process's memo, so this is the rest of
    # the path (BM25, cosine over the matrix, bands, the entry from the database).
    repeated = []
    for query, _expected in queries:
        started = time.perf_counter()
        answer(query, snapshot)
        repeated.append((time.perf_counter() - started) * 1000)
    figures["latency_ms_repeated_questions"] = percentiles(repeated)
    # The held-out set's citizen questions (8 characters on average, against 17.5 for the generated
    # ones above): the model's cost grows with the question's length. Accuracy is not scored here:
    # they were written for another base.
    import csv

    heldout = ROOT / "gongkai" / "assistant" / "evaldata" / "heldout" / "queries.csv"
    with open(heldout, encoding="utf-8") as handle:
        citizen = [row["query"] for row in csv.DictReader(handle)]
    short = []
    for query in citizen:
        started = time.perf_counter()
        answer(query, snapshot)
        short.append((time.perf_counter() - started) * 1000)
    figures["latency_ms_heldout_citizen_questions"] = percentiles(short)
    figures["rss_after_queries_mb"] = round(rss_mb(), 1)
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)

    # Freshness: change one entry; the next query sees it after one reload (the old index stays
    # alive while the new one is built, as in a worker).
    del snapshot, outcome
    entry = Entry.objects.order_by("pk").first()
    entry.variants += "\n基准测试新增的一种问法"
    entry.save()
    t0 = time.perf_counter()
    fresh = answer("基准测试新增的一种问法")
    figures["reload_after_change_seconds"] = round(time.perf_counter() - t0, 2)
    figures["change_visible"] = fresh.result.answer_id == entry.external_id
    figures["rss_after_reload_mb"] = round(rss_mb(), 1)
    figures["peak_rss_with_reload_mb"] = round(peak_rss_mb(), 1)
    figures["load_average_at_end"] = load()
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=15_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument(
        "--keep", action="store_true", help="Keep var/bench/assistant.sqlite3 (vectors reused)."
    )
    parser.add_argument("--serve", metavar="QUERIES_JSON", help=argparse.SUPPRESS)
    args = parser.parse_args()

    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    db_path = bench_dir / "assistant.sqlite3"
    if args.serve:
        print(json.dumps(serve(db_path, Path(args.serve)), ensure_ascii=False))
        return
    if not args.keep and db_path.exists():
        db_path.unlink()
    setup_django(db_path)

    from django.conf import settings
    from django.core.management import call_command

    settings.ASSISTANT_BACKGROUND_RELOAD = False
    settings.ASSISTANT_INDEX_CHECK_SECONDS = 0

    from gongkai.assistant import importing, kb
    from gongkai.assistant.management.commands.assistant import embed_live_entries
    from gongkai.assistant.retrieval.index import get_index

    figures = {"entries": args.entries, "load_average_at_start": load()}
    build = figures["build_process"] = {}
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)

    rng = random.Random(7)
    rows = generate(args.entries, rng)
    t0 = time.perf_counter()
    result = importing.import_rows(rows)
    build["import_seconds"] = round(time.perf_counter() - t0, 1)
    assert not result.errors, result.errors[:3]
    t0 = time.perf_counter()
    build["embedded_texts"] = embed_live_entries(lambda m: print(m, file=sys.stderr, flush=True))
    build["embed_seconds"] = round(time.perf_counter() - t0, 1)

    t0 = time.perf_counter()
    snapshot = get_index()
    build["index_build_seconds"] = round(time.perf_counter() - t0, 2)
    build["mode"] = snapshot.mode
    assert len(snapshot.entries) == args.entries
    build["peak_rss_mb"] = round(peak_rss_mb(), 1)
    build["note"] = "migrate + import + embed + one index build in one process; not a serving figure"

    queries = []
    for _ in range(args.queries):
        row = rng.choice(rows)[1]
        base = row["variants"] if rng.random() < 0.5 else row["question"].rstrip("？")
        queries.append((rng.choice(COLLOQUIAL).format(q=base), row["id"]))
    queries_path = bench_dir / "assistant_queries.json"
    queries_path.write_text(json.dumps(queries, ensure_ascii=False))

    from django.db import connection

    connection.close()
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--serve", str(queries_path)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    serving = figures["serving_process"] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["index_version"] = kb.current_version()
    figures["load_average_at_end"] = load()
    figures["targets"] = {"p95_ms": 30, "serving_peak_rss_mb": 500}
    figures["targets_met"] = (
        serving["latency_ms"]["p95"] <= 30
        and serving["peak_rss_with_reload_mb"] <= 500
        and serving["change_visible"]
    )
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
