"""Durability under a database restart: 50 concurrent clients submit applications to two app servers
(PostgreSQL + Redis) while PostgreSQL is restarted mid-run. Prints, by count: submitted, stored, lost
(a 2xx answer whose application is not in the database), doubled (two rows for one Idempotency-Key),
stored although the client was told it failed, and the answers by status, with whether any was HTML.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/fault_restart.py [--total 3000]
    PG_RESTART_CMD="pg_ctlcluster 15 main restart"   # how to restart the database (default shown)

Clients retry a failed submission with the same Idempotency-Key, as the API asks them to.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shlex
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
from smoke_two_servers import PYTHON, ROOT, database_url, ensure_database, wait_up  # noqa: E402

APPLICATION = {
    "handling_unit": "hrss", "applicant_type": "natural", "applicant_name": "压力测试",
    "id_document_type": "resident_id", "id_document_number": "110101199001011234", "phone": "13800000000",
    "description": "", "information_form": "electronic", "delivery_method": "online",
}  # fmt: skip


def submit(base: str, key: str, n: int) -> tuple[int, bool, bool]:
    body = json.dumps({**APPLICATION, "description": f"故障测试申请 {n}"}).encode()
    req = urllib.request.Request(
        f"{base}/api/v1/applications", data=body, method="POST",
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, False, True
    except urllib.error.HTTPError as exc:
        html = "html" in (exc.headers.get("Content-Type") or "")
        return exc.code, html, False
    except OSError:
        return 0, False, False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=50)
    options = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": database_url(), "GONGKAI_VAR_DIR": str(ROOT / "var" / "fault")}
    ensure_database(env["DATABASE_URL"])
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo", "--only", "organizations", "--quiet"], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    servers = ["127.0.0.1:8111", "127.0.0.1:8112"]
    procs = [
        subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "gongkai.wsgi", "-b", bind, "-w", "2", "--timeout", "60"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for bind in servers
    ]
    statuses, html_errors, outcomes = collections.Counter(), 0, {}
    lock = threading.Lock()
    try:
        for bind in servers:
            wait_up(f"http://{bind}")

        def client(n: int) -> None:
            nonlocal html_errors
            key, base = f"fault-{n}", f"http://{servers[n % 2]}"
            told_ok = False
            for _attempt in range(8):
                status, html, ok = submit(base, key, n)
                with lock:
                    statuses[status] += 1
                    html_errors += html
                if ok:
                    told_ok = True
                    break
                time.sleep(1.0)
            outcomes[key] = told_ok

        restart = threading.Timer(
            4.0,
            lambda: subprocess.run(
                shlex.split(os.environ.get("PG_RESTART_CMD", "pg_ctlcluster 15 main restart"))
            ),
        )
        started = time.time()
        restart.start()
        with ThreadPoolExecutor(options.clients) as pool:
            list(pool.map(client, range(options.total)))
        elapsed = time.time() - started
    finally:
        for proc in procs:
            proc.terminate()
    import psycopg

    with psycopg.connect(env["DATABASE_URL"]) as db:
        rows = dict(
            db.execute(
                "SELECT idempotency_key, COUNT(*) FROM applications_application WHERE idempotency_key LIKE 'fault-%' "
                "GROUP BY idempotency_key"
            ).fetchall()
        )
    stored = sum(1 for key in outcomes if rows.get(key))
    lost = sum(1 for key, ok in outcomes.items() if ok and not rows.get(key))
    doubled = sum(1 for count in rows.values() if count > 1)
    stored_but_told_failed = sum(1 for key, ok in outcomes.items() if not ok and rows.get(key))
    print(
        f"clients {options.clients}, submissions {options.total}, {elapsed:.1f} s, PostgreSQL restarted at 4 s"
    )
    print(f"stored {stored}  lost {lost}  doubled {doubled}  stored-but-told-failed {stored_but_told_failed}")
    print("answers by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"HTML error pages: {html_errors}")


if __name__ == "__main__":
    main()
