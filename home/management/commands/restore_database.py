"""Restore an encrypted backup into an empty PostgreSQL database or a new SQLite file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_read, backup_restore_postgres, backup_restore_sqlite


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database: into an existing empty PostgreSQL database on the "
        "configured server (--postgres-database NAME) or into a new SQLite file (--sqlite-file PATH)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file")
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--postgres-database", help="name of an empty database to restore into")
        target.add_argument("--sqlite-file", type=Path, help="a new SQLite file to create")
        parser.add_argument("--check", action="store_true", help="only decrypt and verify the file")

    def handle(self, *args, path: Path, postgres_database=None, sqlite_file=None, check=False, **options):
        try:
            if check:
                vendor, dump = backup_read(path)
                self.stdout.write(f"{path}: a {vendor} backup, {len(dump):,} bytes once decrypted; intact.")
                return
            if not (postgres_database or sqlite_file):
                raise CommandError("Name the target: --postgres-database NAME or --sqlite-file PATH.")
            if postgres_database:
                backup_restore_postgres(path, target_name=postgres_database)
                target = f"PostgreSQL database {postgres_database}"
            else:
                backup_restore_sqlite(path, target=sqlite_file)
                target = str(sqlite_file)
        except (BackupError, FileExistsError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {path} into {target}.")
