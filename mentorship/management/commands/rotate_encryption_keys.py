"""Re-encrypt every encrypted column with the newest key in FIELD_ENCRYPTION_KEYS.

Rotation: prepend a new key to FIELD_ENCRYPTION_KEYS, deploy, run this command, then drop
the old key. Safe to run twice; rows are updated in batches without loading models' save().
The bytes of case documents on the private storage are re-encrypted too, each version under
a new storage key (see mentorship.services.documents.document_bytes_rotate).

FIELD_HASH_KEY is not rotated here, nor anywhere: conflicts store only the keyed hash of an
adverse party (never the name), so they cannot be re-hashed under a new key.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from mentorship.fields import EncryptedTextField, rotate_token
from mentorship.services.documents import document_bytes_rotate

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypt encrypted fields with the newest FIELD_ENCRYPTION_KEYS key."

    def handle(self, *args, **options):
        total = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            if not fields:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            pk = connection.ops.quote_name(model._meta.pk.column)
            for field in fields:
                column = connection.ops.quote_name(field.column)
                count = self._rotate_column(table, pk, column)
                total += count
                self.stdout.write(f"{model._meta.label}.{field.name}: {count} values re-encrypted")
        files = document_bytes_rotate()
        self.stdout.write(f"mentorship.DocumentVersion bytes: {files} files re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} values and {files} files re-encrypted."))

    def _rotate_column(self, table: str, pk: str, column: str) -> int:
        count = 0
        last = None
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                # Identifiers come from model metadata, quoted by the backend; values are parameters.
                where = f"{column} IS NOT NULL AND {column} <> ''"
                params = []
                if last is not None:
                    where += f" AND {pk} > %s"
                    params.append(last)
                cursor.execute(f"SELECT {pk}, {column} FROM {table} WHERE {where} ORDER BY {pk} LIMIT {BATCH}", params)  # noqa: S608
                rows = cursor.fetchall()
                if not rows:
                    return count
                for row_pk, token in rows:
                    cursor.execute(f"UPDATE {table} SET {column} = %s WHERE {pk} = %s", [rotate_token(token), row_pk])  # noqa: S608
                    count += 1
                last = rows[-1][0]
