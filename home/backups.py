"""Encrypted database backups and their restore.

A backup is the database's own dump (``pg_dump --format=custom`` on PostgreSQL, SQLite's
online backup otherwise), encrypted and authenticated with Fernet under
``BACKUP_ENCRYPTION_KEY``, a key kept apart from the field-encryption keys and from the
backups themselves. Confidential fields are already ciphertext inside the dump; the
backup key protects everything else (references, dates, the audit log).

The whole dump is encrypted in memory: fine for this application's database (no files,
megabytes, not gigabytes); a much larger one would want a streaming tool instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import connections

MAGIC = b"PBA-BACKUP-1\n"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, in words for the operator."""


@dataclass(frozen=True)
class Backup:
    path: Path
    vendor: str
    size: int


def _fernet(key: str | None) -> Fernet:
    key = key or getattr(settings, "BACKUP_ENCRYPTION_KEY", "")
    if not key:
        raise BackupError("Set BACKUP_ENCRYPTION_KEY (a Fernet key, kept away from the backups) first.")
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except (ValueError, TypeError) as exc:
        raise BackupError("BACKUP_ENCRYPTION_KEY is not a valid Fernet key.") from exc


def _pg_run(tool: str, options: list[str], *, database: str, name: str | None = None, stdin: bytes | None = None):
    """Run pg_dump or pg_restore against the configured server; the password goes in the
    environment, never on the command line where other users could read it."""
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
    config = connections[database].settings_dict
    args = [executable, *options, "--dbname", name or config["NAME"]]
    if config.get("HOST"):
        args += ["--host", config["HOST"]]
    if config.get("PORT"):
        args += ["--port", str(config["PORT"])]
    if config.get("USER"):
        args += ["--username", config["USER"]]
    env = {**os.environ, "PGPASSWORD": config.get("PASSWORD") or ""}
    # A fixed argument list and no shell: nothing here is interpreted.
    done = subprocess.run(args, input=stdin, capture_output=True, env=env, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{tool} failed: {done.stderr.decode(errors='replace').strip()[:500]}")
    return done.stdout


def _dump(database: str) -> tuple[str, bytes]:
    connection = connections[database]
    if connection.vendor == "postgresql":
        return "postgresql", _pg_run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges"], database=database)
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:
            # SQLite's online backup would wait forever for this connection's own write lock.
            raise BackupError("Run the backup outside a database transaction.")
        connection.ensure_connection()
        with tempfile.TemporaryDirectory() as folder:
            copy_path = Path(folder) / "copy.sqlite3"
            with sqlite3.connect(copy_path) as copy:
                connection.connection.backup(copy)
            copy.close()
            return "sqlite", copy_path.read_bytes()
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _write_new_private(path: Path, data: bytes) -> None:
    """Create `path` readable by its owner only; an existing file is never overwritten."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def backup_create(path: Path, *, key: str | None = None, database: str = "default") -> Backup:
    """Write an encrypted backup of the database to `path` (readable by its owner only)."""
    vendor, dump = _dump(database)
    token = _fernet(key).encrypt(dump)
    path = Path(path)
    _write_new_private(path, MAGIC + vendor.encode() + b"\n" + token)
    return Backup(path=path, vendor=vendor, size=path.stat().st_size)


def backup_read(path: Path, *, key: str | None = None) -> tuple[str, bytes]:
    """The vendor and the decrypted dump of a backup file."""
    data = Path(path).read_bytes()
    if not data.startswith(MAGIC):
        raise BackupError(f"{path} is not a Pro Bono Academy backup.")
    vendor, _newline, token = data[len(MAGIC) :].partition(b"\n")
    try:
        return vendor.decode(), _fernet(key).decrypt(token)
    except InvalidToken as exc:
        raise BackupError("The backup cannot be decrypted with this key, or it was altered.") from exc


def backup_restore_postgres(path: Path, *, target_name: str, key: str | None = None, database: str = "default") -> None:
    """Restore a PostgreSQL backup into an existing, empty database on the same server."""
    vendor, dump = backup_read(path, key=key)
    if vendor != "postgresql":
        raise BackupError(f"This is a {vendor} backup, not a PostgreSQL one.")
    _pg_run(
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error"],
        database=database,
        name=target_name,
        stdin=dump,
    )


def backup_restore_sqlite(path: Path, *, target: Path, key: str | None = None) -> None:
    """Restore a SQLite backup into a new database file (never over an existing one)."""
    vendor, dump = backup_read(path, key=key)
    if vendor != "sqlite":
        raise BackupError(f"This is a {vendor} backup, not a SQLite one.")
    _write_new_private(Path(target), dump)
