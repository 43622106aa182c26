"""One-time codes are single use across worker processes, not only within one.

Each `manage.py` below is a separate process, as two gunicorn workers are: the first accepts
a TOTP code and the second, given the same code, must refuse it.
"""

import time

from tests.platform.test_settings import PRODUCTION_ENV, run_manage

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# allauth's own check of a code: valid for the secret, and not yet used (an add to the cache).
# The clock is held still so that both processes judge the same code in the same period.
VALIDATE = """
import time_machine
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
with time_machine.travel({at}, tick=False):
    code = format_hotp_value(hotp_value("{secret}", next(iter(yield_hotp_counters_from_time()))))
    authenticator = Authenticator(user_id=7, type=Authenticator.Type.TOTP, data={{"secret": get_adapter().encrypt("{secret}")}})
    print("accepted" if TOTP(authenticator).validate_code(code) else "refused")
"""


def _two_workers_try_one_code(env: dict[str, str]) -> list[str]:
    at = repr(time.time())
    answers = []
    for _worker in range(2):
        result = run_manage("shell", "-c", VALIDATE.format(secret=SECRET, at=at), env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        answers.append(result.stdout.strip().splitlines()[-1])
    return answers


def test_a_totp_code_used_in_one_worker_is_refused_in_another(tmp_path):
    # The test settings' shared cache: the database's cache table. The code check reads and
    # writes nothing else, so the table alone stands for a migrated database.
    database = {"DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"}
    env = {**PRODUCTION_ENV, **database, "CACHE_URL": "dbcache://pba_cache"}
    env.pop("REDIS_URL")
    created = run_manage("createcachetable", env=env)
    assert created.returncode == 0, created.stderr
    assert _two_workers_try_one_code(env) == ["accepted", "refused"]


def test_a_per_process_cache_would_accept_the_code_twice(tmp_path):
    """The failure the production settings now refuse to start with (allowed with DEBUG on only)."""
    env = {"DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path / 'local.sqlite3'}"}
    assert _two_workers_try_one_code(env) == ["accepted", "accepted"]
