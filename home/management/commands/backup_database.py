"""Write an encrypted backup of the database: `python manage.py backup_database FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Write an encrypted backup of the database (key: BACKUP_ENCRYPTION_KEY) to a new file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to create (must not exist)")

    def handle(self, *args, path: Path, **options):
        if path.exists():
            raise CommandError(f"{path} exists already; choose a new file name.")
        try:
            backup = backup_create(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Encrypted {backup.vendor} backup written to {backup.path} ({backup.size:,} bytes).")
