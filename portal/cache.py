"""Django's Redis cache, made so that the site keeps serving when Redis goes away.

Django's `RedisCache` raises on any Redis error, so a stopped or unreachable Redis would
turn every page into a 500. Here a failed call is logged (at most once a minute per
process, never with its key: keys may carry an address) and answered as a cache miss;
after a failure the process leaves Redis alone for `RETRY_SECONDS`, then tries again, so
that pages are served, uncached and slower, without each one waiting for a timeout.
The connect and read timeouts come from the cache's OPTIONS (settings: REDIS_TIMEOUT).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
LOG_EVERY_SECONDS = 60


def _forgiving(name, fallback):
    method = getattr(RedisCacheClient, name)

    def call(self, *args, **kwargs):
        if self._down_until > time.monotonic():
            return fallback(*args)
        try:
            return method(self, *args, **kwargs)
        except self._lib.RedisError as error:
            self._down_until = time.monotonic() + RETRY_SECONDS
            if self._logged_at + LOG_EVERY_SECONDS < time.monotonic():
                self._logged_at = time.monotonic()
                logger.warning("Redis cache unreachable (%s): serving without it.", type(error).__name__)
            return fallback(*args)

    call.__name__ = name
    return call


class ForgivingRedisCacheClient(RedisCacheClient):
    _down_until = 0.0
    _logged_at = -LOG_EVERY_SECONDS

    add = _forgiving("add", lambda key, value, timeout: False)
    get = _forgiving("get", lambda key, default: default)
    set = _forgiving("set", lambda key, value, timeout: None)
    touch = _forgiving("touch", lambda key, timeout: False)
    delete = _forgiving("delete", lambda key: False)
    get_many = _forgiving("get_many", lambda keys: {})
    has_key = _forgiving("has_key", lambda key: False)
    incr = _forgiving("incr", lambda key, delta: delta)
    set_many = _forgiving("set_many", lambda data, timeout: None)
    delete_many = _forgiving("delete_many", lambda keys: None)
    clear = _forgiving("clear", lambda: False)


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ForgivingRedisCacheClient
