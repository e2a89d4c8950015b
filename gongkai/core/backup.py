"""Backup and restore: the database, public media and private files (identity proofs, letters'
attachments, appeal documents), with a manifest of checksums. The search index is not backed up: it is
rebuilt from the database after a restore (``manage.py restore`` runs ``rebuild_portal_index``).

Layout of a backup directory::

    manifest.json       what was saved, when, from which engine; sha256 and size of every file
    database.sqlite3    SQLite: an online backup (consistent while the site runs)
    database.dump       PostgreSQL: ``pg_dump --format=custom``
    media/…, private/…  copies of the files
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def _pg_env(db: dict) -> dict:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict, name: str | None = None) -> list[str]:
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return [*args, "--dbname", name or str(db["NAME"])]


def backup(target: Path, db_alias_settings: dict | None = None) -> dict:
    """Write a backup of the running system to ``target`` (created, must be empty) and return the manifest."""
    target.mkdir(parents=True, exist_ok=False)
    db = db_alias_settings or connection.settings_dict
    engine = "postgresql" if "postgresql" in db["ENGINE"] else "sqlite"
    if engine == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as dest:
            connection.connection.backup(dest)
        database_file = "database.sqlite3"
    else:
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / "database.dump"), *_pg_args(db)],
            check=True, env=_pg_env(db),
        )  # fmt: skip
        database_file = "database.dump"
    files = {}
    for label, root in file_roots().items():
        if not root.exists():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = f"{label}/{path.relative_to(root).as_posix()}"
            copy = target / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
            files[relative] = {"sha256": sha256(copy), "size": copy.stat().st_size}
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "engine": engine,
        "database": {"file": database_file, "sha256": sha256(target / database_file)},
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


class BackupDamaged(Exception):
    pass


def verify(source: Path) -> dict:
    """The manifest of ``source`` after checking every checksum (raises ``BackupDamaged``)."""
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    database = manifest["database"]
    if sha256(source / database["file"]) != database["sha256"]:
        raise BackupDamaged(database["file"])
    for relative, meta in manifest["files"].items():
        path = source / relative
        if not path.exists() or sha256(path) != meta["sha256"]:
            raise BackupDamaged(relative)
    return manifest


def restore(source: Path, *, db: dict | None = None, roots: dict[str, Path] | None = None) -> dict:
    """Restore ``source`` into an empty database (``db`` settings) and empty file roots."""
    manifest = verify(source)
    db = db or connection.settings_dict
    if manifest["engine"] == "sqlite":
        shutil.copy2(source / manifest["database"]["file"], db["NAME"])
    else:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", *_pg_args(db), str(source / manifest["database"]["file"])],
            check=True, env=_pg_env(db),
        )  # fmt: skip
    roots = roots or file_roots()
    for relative in manifest["files"]:
        label, _, rest = relative.partition("/")
        destination = roots[label] / rest
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, destination)
    return manifest
