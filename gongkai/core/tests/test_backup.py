"""Backup → restore into an empty database and empty file roots → identical row counts and checksums (issue 13)."""

import sqlite3
from io import StringIO
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import connection

from gongkai.core import backup


def counts_sqlite(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def pg_conninfo(settings_dict, name) -> dict:
    info = {"host": settings_dict.get("HOST") or "127.0.0.1", "port": settings_dict.get("PORT") or 5432,
            "user": settings_dict.get("USER"), "password": settings_dict.get("PASSWORD"), "dbname": name}  # fmt: skip
    return {k: v for k, v in info.items() if v}


def counts_postgres(settings_dict, name) -> dict[str, int]:
    import psycopg

    with psycopg.connect(**pg_conninfo(settings_dict, name)) as db:
        tables = [r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path):
    call_command("load_demo", "--only", "organizations,applications,appeals", "--quiet", stdout=StringIO())
    default_storage.save("images/封面.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"\x01" * 64))
    storages["private"].save("applications/2026/12/身份证明.pdf", ContentFile(b"%PDF-1.4 test"))
    before = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            before[table] = cursor.fetchone()[0]
    assert before["applications_application"] > 0

    manifest = backup.backup(tmp_path / "backup")
    assert len(manifest["files"]) >= 2
    roots = {"media": tmp_path / "restored-media", "private": tmp_path / "restored-private"}
    if connection.vendor == "sqlite":
        target = {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
        backup.restore(tmp_path / "backup", db=target, roots=roots)
        after = counts_sqlite(tmp_path / "restored.sqlite3")
    else:
        import psycopg

        name = f"{connection.settings_dict['NAME']}_restored"
        admin = pg_conninfo(connection.settings_dict, "postgres")
        with psycopg.connect(**admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}"')
            db.execute(f'CREATE DATABASE "{name}"')
        backup.restore(tmp_path / "backup", db={**connection.settings_dict, "NAME": name}, roots=roots)
        after = counts_postgres(connection.settings_dict, name)
        with psycopg.connect(**admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert after == before
    for relative, meta in manifest["files"].items():
        label, _, rest = relative.partition("/")
        assert backup.sha256(roots[label] / rest) == meta["sha256"]


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused(tmp_path):
    backup.backup(tmp_path / "b")
    (tmp_path / "b" / "database.sqlite3").write_bytes(b"x") if (
        tmp_path / "b" / "database.sqlite3"
    ).exists() else (tmp_path / "b" / "database.dump").write_bytes(b"x")
    with pytest.raises(backup.BackupDamaged):
        backup.verify(tmp_path / "b")
