"""Smoke test of the scaled profile on one machine: two gunicorn app servers sharing PostgreSQL and
Redis, behind nginx when it is installed. An application submitted through one server is seen through
the other, wrong verification codes are counted across both (the rate limit lives in Redis), and the
acknowledgement e-mail goes through the RQ queue to a worker.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python deploy/smoke_two_servers.py

Prints what it checked and exits 1 on the first failure. Uses its own database (``<name>_smoke``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    name = parts.path.strip("/") or "gongkai"
    return urlunsplit(parts._replace(path=f"/{name}_smoke"))


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.strip("/")}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parts.path.strip("/")}"')


def request(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def wait_up(url: str, seconds=90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"FAIL: {url} did not come up")


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        raise SystemExit(1)


def main() -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": urlunsplit(urlsplit(os.environ["REDIS_URL"])._replace(path="/9")),
        "GONGKAI_VAR_DIR": tempfile.mkdtemp(prefix="gongkai-smoke-"),
        "TRUSTED_PROXIES": "127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    ensure_database(env["DATABASE_URL"])
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo", "--only", "organizations", "--quiet"], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    servers, procs = ["127.0.0.1:8101", "127.0.0.1:8102"], []
    tmp = Path(env["GONGKAI_VAR_DIR"])
    try:
        for bind in servers:
            procs.append(subprocess.Popen([PYTHON, "-m", "gunicorn", "gongkai.wsgi", "-b", bind, "-w", "1"],
                                          env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # fmt: skip
        for bind in servers:
            wait_up(f"http://{bind}")
        front = None
        if shutil.which("nginx"):
            conf = (ROOT / "deploy" / "nginx.conf").read_text()
            for key, value in {"__PORT__": "8100", "__APP1__": servers[0], "__APP2__": servers[1],
                               "__STATIC__": str(tmp / "static"), "__TMP__": str(tmp)}.items():  # fmt: skip
                conf = conf.replace(key, value)
            (tmp / "nginx.conf").write_text(conf)
            procs.append(subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]))
            front = "http://127.0.0.1:8100"
            wait_up(front)
            print("ok   nginx in front of both app servers")
        a, b = (f"http://{s}" for s in servers)
        application = {
            "handling_unit": "hrss", "applicant_type": "natural", "applicant_name": "冒烟测试",
            "id_document_type": "resident_id", "id_document_number": "110101199001011234", "phone": "13800000000",
            "description": "2026年本区就业补贴发放情况", "information_form": "electronic", "delivery_method": "email",
            "email": "smoke@example.org",
        }  # fmt: skip
        status, body = request(
            "POST", f"{a}/api/v1/applications", application, {"Idempotency-Key": "smoke-1"}
        )
        check(status == 201, f"submitted through server 1 ({status})")
        number, code = body["tracking_number"], body["verification_code"]
        status, seen = request(
            "GET", f"{b}/api/v1/applications/{number}", headers={"X-Verification-Code": code}
        )
        check(
            status == 200 and seen["tracking_number"] == number, "the same application read through server 2"
        )
        status, again = request(
            "POST", f"{b}/api/v1/applications", application, {"Idempotency-Key": "smoke-1"}
        )
        check(
            status == 200 and again["tracking_number"] == number,
            "a retry on server 2 is not a second application",
        )
        codes = []
        for attempt in range(10):
            target = a if attempt % 2 else b
            codes.append(
                request(
                    "GET",
                    f"{target}/api/v1/applications/{number}",
                    headers={"X-Verification-Code": "WRONG234"},
                )[0]
            )
        blocked = request(
            "GET", f"{a}/api/v1/applications/{number}", headers={"X-Verification-Code": "WRONG234"}
        )[0]
        check(
            codes == [404] * 10 and blocked == 429,
            "10 wrong codes spread over both servers, the 11th refused (429)",
        )
        # The acknowledgement e-mail went to the RQ queue in Redis; one worker run delivers it.
        subprocess.run([*manage, "rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"],
                       env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        mails = list((tmp / "mail").glob("*.log")) if (tmp / "mail").exists() else []
        check(any(number in m.read_text(encoding="utf-8", errors="replace") for m in mails),
              "the acknowledgement e-mail was queued in Redis and sent by the RQ worker")  # fmt: skip
        if front:
            status, _ = request(
                "GET",
                f"{front}/api/v1/applications/{number}",
                headers={"X-Verification-Code": code, "X-Forwarded-For": "198.51.100.7"},
            )
            check(status == 200, "through nginx, another client is not blocked by the first one's guesses")
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)
    print("scaled smoke test passed")


if __name__ == "__main__":
    main()
