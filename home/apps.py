from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def cache_table_ensure(*, using: str, **kwargs) -> None:
    """With the database cache (CACHE_URL=dbcache://table), migrate creates its table too."""
    call_command("createcachetable", database=using, verbosity=0)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site pages"

    def ready(self) -> None:
        from .page_cache import page_cache_connect

        post_migrate.connect(cache_table_ensure, sender=self)
        page_cache_connect()
