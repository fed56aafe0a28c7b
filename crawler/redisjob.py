"""One Redis-mode crawl job: its keys, and the atomic steps workers and the writer share.

Plain ``redis`` (no Scrapy), so the writer (crawler/ingest.py) uses it too. Every
step that must not be torn is one Lua script or one MULTI, and every clock is the
Redis server's (``TIME``), so workers on machines whose clocks disagree still agree
on lease deadlines and per-site slots.

Keys, under the job's prefix (``ARCHIVE_REDIS_KEY``):

- ``requests`` (ZSET) the frontier (scrapy-redis's priority queue), ``dupefilter`` (SET)
  the fingerprints of every request ever queued;
- ``leases`` (HASH id -> score, newline, request) and ``deadlines`` (ZSET id -> server
  time): requests popped and not yet done; ``tries`` (HASH request -> expiries);
- ``records`` (STREAM, consumer group ``writer``): what the workers fetched;
- ``workers`` (ZSET name -> heartbeat deadline), ``seeder`` (who seeds), ``seeded``;
- ``archived`` (HASH URL -> title): the URLs of the articles this job fetched (not
  fetched again; a page showing one of them is its alias, not extracted again);
- ``writers`` (SET): the archive's crawl ids of the writers of this job (a restarted
  writer's crawl resumes them);
- ``next:<host>``: the server time before which the host gets no request (by any worker);
- ``sending:<host>``: the token of the host's request whose turn was granted and which
  is not on the wire yet (no other turn until it is: its delay runs from its send);
- ``inflight:<host>`` (ZSET token -> server time it expires): the host's requests in
  flight, by any worker (gone when the last is done, or expired after a killed worker's).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

RETRIES = 5
#: What a Redis outage raises (after the retries): caught where the crawl can go on.
OUTAGE = (redis.ConnectionError, redis.TimeoutError)
GROUP = "writer"
CONSUMER = "writer"  # one writer: its pending entries are its own after a restart
NO_SLOT = -1.0  # Job.go: every slot of the host is taken
ARCHIVED = -2.0  # Job.go: the page's URL is an article's this job stored: not to be sent
SENDING = -3.0  # Job.go: the host's last granted request is not on the wire yet

# Pop the best ARGV[2] requests and lease each, in one step: a worker killed after the
# pop leaves them in ``leases``, where their deadlines give them back.
_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
if #r == 0 then return {} end
local t = redis.call('TIME')
local out = {}
for i = 1, #r, 2 do
  redis.call('ZREM', KEYS[1], r[i])
  local id = redis.call('INCR', KEYS[4])
  redis.call('HSET', KEYS[2], id, r[i + 1] .. '\\n' .. r[i])
  redis.call('ZADD', KEYS[3], t[1] + tonumber(ARGV[1]), id)
  out[#out + 1] = tostring(id)
  out[#out + 1] = r[i]
end
return out
"""

# Expired leases go back to the frontier with their priority; one that expired
# ARGV[1] times already is dropped (a page that kills its worker every time).
_REQUEUE = """
local t = redis.call('TIME')
local ids = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', t[1])
local back = 0
for _, id in ipairs(ids) do
  local v = redis.call('HGET', KEYS[2], id)
  if v then
    local i = string.find(v, '\\n', 1, true)
    local data = string.sub(v, i + 1)
    if redis.call('HINCRBY', KEYS[4], data, 1) <= tonumber(ARGV[1]) then
      redis.call('ZADD', KEYS[1], tonumber(string.sub(v, 1, i - 1)), data)
      back = back + 1
    end
    redis.call('HDEL', KEYS[2], id)
  end
  redis.call('ZREM', KEYS[3], id)
end
return back
"""

# A request's way to its host, in one round trip (a slot, then a turn, took two or
# more, and a look-up in ``archived`` one more): a page whose URL an article stored
# meanwhile is known at (ARGV[5], KEYS[3]) is not sent. Then a slot among the host's
# requests in flight (KEYS[1], by any worker), taken only while fewer than ARGV[1] are,
# held ARGV[3] seconds at most (a killed worker's slots free themselves, and the key
# expires with its latest one; ZREM of the last slot deletes it at once); once taken, it
# is kept across calls (ARGV[2], the request's token). Then, when the host has a delay
# (ARGV[4] > 0), its turn (KEYS[2]), granted only when due (at least the delay after the
# last grant by any worker) and while no granted request of the host is still to be sent
# (KEYS[4]): a grant holds the turn until the request is on the wire (_SENT), at most
# ARGV[3] seconds, so a request sent late cannot be followed sooner than the delay. Returns
# '0' when the request may go, NO_SLOT while no slot is free, ARCHIVED for a page not to
# send, SENDING while the last granted request is not sent, else the seconds until its
# turn is due (as strings: Lua numbers lose fractions). First, the slots of this worker's
# requests done meanwhile without a delay are freed (KEYS[5...], ARGV[6...]): in the same
# round trip, where each took one of its own.
_GO = """
for i = 6, #ARGV do redis.call('ZREM', KEYS[i - 1], ARGV[i]) end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local hold = tonumber(ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  if ARGV[5] ~= '' and redis.call('HEXISTS', KEYS[3], ARGV[5]) == 1 then return '-2' end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return '-1' end
  redis.call('ZADD', KEYS[1], now + hold, ARGV[2])
  if redis.call('TTL', KEYS[1]) < hold then redis.call('EXPIRE', KEYS[1], hold + 1) end
end
local delay = tonumber(ARGV[4])
if delay <= 0 then return '0' end
local due = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < due then return tostring(due - now) end
if redis.call('EXISTS', KEYS[4]) == 1 then return '-3' end
redis.call('SET', KEYS[2], tostring(now + delay), 'EX', 3600)
redis.call('SET', KEYS[4], ARGV[2], 'EX', hold)
return '0'
"""

# The host's request (token ARGV[1]) is on the wire (ARGV[3] '0') or done (ARGV[3] '1',
# its slot freed too). If it still holds the turn, the turn is let go and the host's next
# turn is due the delay (ARGV[2]) after now, by the server's clock: after the send, which
# the worker reports as soon as the request's bytes left its socket (or, when it could not
# tell, when the request is done: later than the send, never earlier).
_SENT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
if ARGV[3] == '1' then redis.call('ZREM', KEYS[1], ARGV[1]) end
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[3])
local due = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now + tonumber(ARGV[2]))
redis.call('SET', KEYS[2], tostring(due), 'EX', 3600)
return 1
"""

# Requests join the frontier, each unless its fingerprint was seen (ARGV: fingerprint,
# score, request, ... ; an empty fingerprint skips the duplicate filter): for each, the
# duplicate filter's SADD and the queue's ZADD, all in one command (scrapy-redis makes two
# round trips a request). Returns 1 for each request queued, 0 for each duplicate. Sent by
# its text (EVAL), never by SHA: inside a record's MULTI, an EVALSHA that a restarted
# Redis no longer knows would fail alone, and the MULTI release the page's lease without
# its links.
_ADD = """
local added = {}
for i = 1, #ARGV, 3 do
  if ARGV[i] == '' or redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
    redis.call('ZADD', KEYS[2], ARGV[i + 1], ARGV[i + 2])
    added[#added + 1] = 1
  else
    added[#added + 1] = 0
  end
end
return added
"""

_HEARTBEAT = """
local t = redis.call('TIME')
redis.call('ZADD', KEYS[1], t[1] + tonumber(ARGV[2]), ARGV[1])
for i = 3, #ARGV do redis.call('ZADD', KEYS[2], 'XX', t[1] + tonumber(ARGV[2]), ARGV[i]) end
return redis.call('ZCOUNT', KEYS[1], t[1], '+inf')
"""

_LIVE = """
local t = redis.call('TIME')
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t[1] - 1)
return redis.call('ZCARD', KEYS[1])
"""


def client_options() -> dict[str, Any]:
    """Every Redis client of the job: a restart of Redis (a few seconds) is waited out by
    retrying each command (about 3 s in all); a longer outage is an error the caller
    logs (a worker's leases then bring its requests back)."""
    return {"socket_connect_timeout": 5, "socket_timeout": 30, "health_check_interval": 30,
            "retry": Retry(ExponentialBackoff(cap=1.0, base=0.1), RETRIES)}  # fmt: skip


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, **client_options())


class Job:
    """The keys of one crawl job, and the steps on them."""

    def __init__(self, server: redis.Redis, prefix: str):
        self.server = server
        self.prefix = prefix
        for name in ("requests", "dupefilter", "leases", "deadlines", "lease_seq", "tries",
                     "records", "workers", "seeder", "seeded", "archived",
                     "writers", "awaiting", "shapes", "mapped"):  # fmt: skip
            setattr(self, name, f"{prefix}:{name.replace('_', '-')}")
        self._pop = server.register_script(_POP)
        self._requeue = server.register_script(_REQUEUE)
        self._go = server.register_script(_GO)
        self._sent = server.register_script(_SENT)
        self._heartbeat = server.register_script(_HEARTBEAT)
        self._live = server.register_script(_LIVE)

    requests: str
    dupefilter: str
    leases: str
    deadlines: str
    lease_seq: str
    tries: str
    records: str
    workers: str
    seeder: str
    seeded: str
    archived: str
    writers: str
    shapes: str  # "site\tshape\tkind" -> pages read (archive.extract.shapes)
    mapped: str  # sites a sitemap listed the pages of
    awaiting: str  # document URL -> the articles stored before it (the writer's)

    # --- the frontier's leases ----------------------------------------------------
    def pop(self, lease: float, count: int = 1) -> list[tuple[str, bytes]]:
        """The ``count`` best queued requests, each leased for ``lease`` seconds: (lease id,
        request) each, best first; none when the frontier is empty."""
        keys = [self.requests, self.leases, self.deadlines, self.lease_seq]
        found = self._pop(keys=keys, args=[int(lease), count])
        return [(found[i].decode(), found[i + 1]) for i in range(0, len(found), 2)]

    def add(self, fingerprint: str, data: bytes, priority: int) -> bool:
        """Queue a request unless its fingerprint (empty: none) was seen; False for a
        duplicate."""
        pipe = self.server.pipeline(transaction=False)
        self.queue(pipe, [(fingerprint, data, priority)])
        return bool(pipe.execute()[0][0])

    def queue(self, pipe: Any, requests: list[tuple[str, bytes, int]]) -> None:
        """Queue ``requests`` (fingerprint, request, priority) on ``pipe``, in one command
        whose result is a 1 (queued) or 0 (a duplicate) for each."""
        args: list[str | bytes | int] = []
        for fingerprint, data, priority in requests:
            args += [fingerprint, -priority, data]
        pipe.eval(_ADD, 2, self.dupefilter, self.requests, *args)

    def release(self, pipe: Any, lease: str) -> None:
        """The leased request is done (queued in the same MULTI as its record)."""
        pipe.hdel(self.leases, lease)
        pipe.zrem(self.deadlines, lease)

    def requeue_expired(self, max_tries: int) -> int:
        """Give back the requests of workers that died (or stalled past their lease)."""
        keys = [self.requests, self.leases, self.deadlines, self.tries]
        return int(self._requeue(keys=keys, args=[max_tries]))

    def heartbeat(self, worker: str, lease: float, held: Iterable[str]) -> int:
        """The worker is alive and still working on ``held``; returns the live workers."""
        args: list[str | int] = [worker, int(lease), *held]
        return int(self._heartbeat(keys=[self.workers, self.deadlines], args=args))

    def leave(self, worker: str) -> None:
        self.server.zrem(self.workers, worker)

    def live_workers(self) -> int:
        return int(self._live(keys=[self.workers]))

    # --- seeding ------------------------------------------------------------------
    def claim_seeding(self, worker: str, lease: float) -> bool:
        """The first worker seeds the frontier from the registry (others wait for it)."""
        if self.server.exists(self.seeded):
            return False
        return bool(self.server.set(self.seeder, worker, nx=True, ex=int(lease)))

    def mark_seeded(self) -> None:
        self.server.set(self.seeded, 1)

    def is_seeded(self) -> bool:
        return bool(self.server.exists(self.seeded))

    # --- completion ---------------------------------------------------------------
    def frontier_done(self) -> bool:
        """Seeded, nothing queued, nothing leased: no worker has anything left to do."""
        pipe = self.server.pipeline(transaction=True)
        pipe.exists(self.seeded)
        pipe.zcard(self.requests)
        pipe.zcard(self.deadlines)
        seeded, queued, leased = pipe.execute()
        return bool(seeded) and queued == 0 and leased == 0

    def clear(self) -> None:
        """The job is complete and stored: the next crawl starts afresh."""
        self.server.delete(self.requests, self.dupefilter, self.leases, self.deadlines,
                           self.tries, self.records, self.seeder, self.seeded,
                           self.archived, self.lease_seq, self.writers,
                           self.awaiting, self.shapes, self.mapped)  # fmt: skip

    # --- documents -----------------------------------------------------------------
    def await_document(self, url: str, article: str) -> None:
        """``article`` links the document at ``url``, not stored yet (one writer: no race)."""
        waiting = self.awaiting_articles(url)
        if article not in waiting:
            self.server.hset(self.awaiting, url, json.dumps([*waiting, article]))

    def awaiting_articles(self, url: str) -> list[str]:
        found = self.server.hget(self.awaiting, url)
        return list(json.loads(found)) if found else []

    # --- politeness ---------------------------------------------------------------
    def go(self, host: str, token: str, limit: int, hold: float, delay: float,
           url: str | None = None, done: Iterable[tuple[str, str]] = ()) -> float:  # fmt: skip
        """0 when this request to ``host`` may be sent now: ``token`` holds one of the host's
        ``limit`` slots (for ``hold`` seconds at most) and, with a ``delay``, the turn is
        granted (and held until :meth:`sent`). Else NO_SLOT while every slot is taken,
        ARCHIVED when ``url`` (a page's, canonical) is an article's this job stored, SENDING
        while the host's last granted request is not sent, or the seconds until the turn.
        The slots ``done`` ((host, token) of requests without a delay) are freed first."""
        done = list(done)
        keys = [self._inflight(host), self._next(host), self.archived, self._sending(host),
                *(self._inflight(h) for h, _ in done)]  # fmt: skip
        args: list[str | int] = [limit, token, math.ceil(hold), repr(delay), url or "",
                                 *(t for _, t in done)]  # fmt: skip
        return float(self._go(keys=keys, args=args))

    def sent(self, host: str, token: str, delay: float) -> bool:
        """``token``'s request is on the wire: the host's next turn is due ``delay`` seconds
        from now. False if it no longer held the turn."""
        return self._done(host, token, delay, free=False)

    def free_slot(self, host: str, token: str, delay: float) -> None:
        """``token``'s request is done: its slot freed, and its turn if never reported sent
        (the next turn then ``delay`` from now: the send, if any, was before)."""
        if delay <= 0:
            self.free_slots([(host, token)])
        else:
            self._done(host, token, delay, free=True)

    def free_slots(self, done: Iterable[tuple[str, str]]) -> None:
        """The slots of requests without a delay, done: (host, token) each; one round trip
        (no turn was taken: a ZREM each, where the script's TIME and GET are three more)."""
        pipe = self.server.pipeline(transaction=False)
        for host, token in done:
            pipe.zrem(self._inflight(host), token)
        pipe.execute()

    def _done(self, host: str, token: str, delay: float, free: bool) -> bool:
        keys = [self._inflight(host), self._next(host), self._sending(host)]
        return bool(self._sent(keys=keys, args=[token, repr(delay), int(free)]))

    def _inflight(self, host: str) -> str:
        return f"{self.prefix}:inflight:{host}"

    def _next(self, host: str) -> str:
        return f"{self.prefix}:next:{host}"

    def _sending(self, host: str) -> str:
        return f"{self.prefix}:sending:{host}"
