"""Benchmarks: `make bench` runs every module listed in bench.__main__ and prints figures."""

# Settings for a benchmark process: DEBUG off, as in production, so that queries are not
# recorded and timings carry no debugging cost. The secrets are throwaway values for the
# throwaway benchmark databases.
PRODUCTION_LIKE_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "benchmark-only-secret-key",
    "ALLOWED_HOSTS": "localhost",
    "FIELD_ENCRYPTION_KEYS": "YmVuY2htYXJrLW9ubHkta2V5LXRoaXJ0eS10d28tYnk=",
    "FIELD_HASH_KEY": "benchmark-only-hash-key",
    "CACHE_URL": "dbcache://pba_cache",
    "EMAIL_URL": "dummymail://",
    "PLAIN_STATIC": "true",
}
