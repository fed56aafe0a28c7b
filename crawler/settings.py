"""The single source of configuration: Scrapy's settings and ours.

Ours carry the ARCHIVE_ prefix. `tct-archive crawl` maps its flags onto these
names (archive/cli.py, OPTION_SETTINGS) and `-s NAME=VALUE` overrides any of
them, exactly as `scrapy crawl -s` does.
"""

from scrapy.settings import default_settings as scrapy_defaults

BOT_NAME = "tct-archive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Politeness: these are public-sector sites on small servers ---------------
USER_AGENT = (
    "tct-archive/0.1 (+https://github.com/tct-archive/tct-archive; "
    "web archive of Vietnam's provincial political schools)"
)
ROBOTSTXT_OBEY = True
# Across all sites at once: room for every registered site (60+) to have its two
# requests out, even on slow servers; each site's own limits below are what bind.
CONCURRENT_REQUESTS = 128
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # per site: one or two at a time
DOWNLOAD_DELAY = 1.0  # seconds between requests to one site (AutoThrottle's floor)
# The delay is a floor, never halved: Scrapy's randomization waits 0.5-1.5 times the
# delay, so it went under the documented minimum and, redrawn on each wake-up, made
# the mean gap ~1.3 s (60 sites at 1 s: 1.45-1.6x the delays' own time, 1.24x without).
DOWNLOAD_DELAY_JITTER = 0.0  # Scrapy 2.19's name for RANDOMIZE_DOWNLOAD_DELAY = False
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Scrapy's downloader with each site held to its concurrency also when no delay applies
# (crawler/downloader.py; Scrapy 2.19 sent a delay-free site's whole queue at once).
DOWNLOADER = "crawler.downloader.SlotDownloader"
# Scrapy's HTTP handler with each site's delay run from the send, and without Twisted's
# automatic resend on a dropped keep-alive connection, which went past the delay
# (crawler/downloader.py)
DOWNLOAD_HANDLERS = {scheme: "crawler.downloader.PoliteHTTPHandler" for scheme in ("http", "https")}
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # larger answers are aborted, and recorded as errors
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
COOKIES_ENABLED = False  # session cookies only multiply URLs on these sites
HTTPERROR_ALLOW_ALL = True  # 404s and 500s reach the spider so they are recorded per URL
TELNETCONSOLE_ENABLED = False
# Nor Scrapy 2.19's remote control (on by default): an HTTP server on 127.0.0.1 that runs
# any Python code sent with the token it writes to ~/.local/state/scrapy/job_files.
REMOTE_CONTROL_ENABLED = False
# Components switched off here are also left out of Scrapy's base lists: Scrapy imports
# every class they name at each start, on or off (the remote control's aiohttp, the cookie
# middleware's tldextract: 0.18 s of a short crawl's start). To switch one on, name it in
# EXTENSIONS or DOWNLOADER_MIDDLEWARES as well as setting its *_ENABLED.
EXTENSIONS_BASE = {
    name: order for name, order in scrapy_defaults.EXTENSIONS_BASE.items()
    if name != "scrapy.extensions.remote_control.RemoteControl"
}  # fmt: skip
DOWNLOADER_MIDDLEWARES_BASE = {
    name: order for name, order in scrapy_defaults.DOWNLOADER_MIDDLEWARES_BASE.items()
    if name != "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"
}  # fmt: skip
LOG_LEVEL = "INFO"

# Breadth-first, so that a listing's articles are fetched before deep pagination.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Outputs of one response handled together; our pipeline is synchronous, so Scrapy's
# default of 100 only cost an asyncio task each (~15 % of the crawl process's CPU).
CONCURRENT_ITEMS = 4

# Spidermon's schema check of the article item (crawler/monitors.py) before storing; it
# counts failures per site and never drops an item.
ITEM_PIPELINES = {
    "crawler.monitors.ArticleValidation": 200,
    "crawler.pipelines.StorePipeline": 300,
}
# CrawlDelay after AutoThrottle (0), so that its floor is applied after AutoThrottle's changes.
EXTENSIONS = {
    "crawler.extensions.Progress": 500,
    "crawler.extensions.CrawlDelay": 510,
    "crawler.storage.StorageGuard": 520,  # a full disk stops the crawl (exit status 4)
    "crawler.logs.NetworkFailuresOneLine": 530,  # no tracebacks of refusals on the terminal
    # Monitors when the spider closes, after it wrote crawl_sites (crawler/monitors.py)
    "crawler.monitors.SpidermonExtension": 600,
}
# WARC capture sits above HttpCompressionMiddleware (590), so it stores bodies as
# received, with their Content-Encoding (see crawler/warc.py).
# Safety (crawler/middlewares.py) answers before Redirect (600) and MetaRefresh (580) turn
# a redirect into a request, and RetryAfter before Retry (550) schedules the retry.
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ArchivedMiddleware": 50,  # before robots.txt: nothing to send
    "crawler.warc.WarcMiddleware": 950,
    "crawler.middlewares.SafetyMiddleware": 650,
    "crawler.middlewares.RetryAfterMiddleware": 560,
    # Scrapy 2.19's lets requests queued while robots.txt downloads through unchecked.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
}

# --- The archive ---------------------------------------------------------------
ARCHIVE_DB = "archive.db"  # the SQLite file (tct-archive --db)
ARCHIVE_SITES_FILE = None  # registry TOML; None = the packaged registry (--sites)
ARCHIVE_SITES: list[str] = []  # site ids to crawl; empty = every site (tct-archive crawl SITE...)
ARCHIVE_MAX_PAGES_PER_SITE = 5000  # fetch cap per site and run (traps stay bounded)
ARCHIVE_MAX_DEPTH = 12  # link depth cap per site (a registry entry may lower or raise it)
ARCHIVE_TRAP_DEPTH = 2  # pages in a row without a new article link, then links are not followed
ARCHIVE_EXTRACT_WORKERS = -1  # worker processes for extraction; -1 = one per CPU, 0 = in-process
ARCHIVE_EXTRACT_TIMEOUT = 60.0  # seconds one page may take in a worker before it is abandoned
# Pages each extraction process analyses before the pool is replaced by fresh processes
# (crawler/workers.py): a long crawl's memory stays flat. 0 = never replaced.
ARCHIVE_EXTRACT_WORKER_PAGES = 5000
ARCHIVE_PROGRESS_INTERVAL = 10.0  # seconds between progress lines (0 = off)
# Seconds of results per SQLite transaction (0 = one per response); a kill loses at most
# that much work, which the next run redoes (crawler/session.py).
ARCHIVE_COMMIT_INTERVAL = 0.5
ARCHIVE_RETRY_AFTER_MAX = 60.0  # a 429/503 Retry-After is honoured up to this; longer: no retry

# --- WARC capture and attachments (crawler/warc.py, archive/capture/warcs.py) ----------
ARCHIVE_WARC_ENABLED = True  # write every HTTP exchange to WARC files
ARCHIVE_WARC_DIR = None  # None = warcs/ beside ARCHIVE_DB (tct-archive crawl --warc-dir)
ARCHIVE_WARC_MAX_BYTES = 1_000_000_000  # start a new WARC file beyond this size (1 GB)
ARCHIVE_ATTACHMENTS = True  # fetch documents (PDF, DOC, XLS...) that stored articles link to
ARCHIVE_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024  # larger documents are not fetched
# Document text (archive/capture/documents.py), read in worker processes of its own
# (crawler/workers.py DocumentReader): what each document may cost. README: "Document text".
ARCHIVE_DOCUMENT_TEXT = True  # read the text of fetched documents (False: facts only)
ARCHIVE_DOCUMENT_OCR = True  # OCR scans and PDFs without a usable text layer (Tesseract, vie)
ARCHIVE_DOCUMENT_WORKERS = 1  # processes reading documents (0 = in the crawl's process)
ARCHIVE_DOCUMENT_TIMEOUT = 120.0  # seconds per document, OCR included; then the reason is kept
ARCHIVE_DOCUMENT_MAX_PAGES = 300  # text-layer pages read per PDF
ARCHIVE_DOCUMENT_OCR_PAGES = 20  # pages OCR'd per document (a 500-page scan: its first 20)
ARCHIVE_DOCUMENT_MEMORY = 1536 * 1024 * 1024  # bytes of address space per reader and tool

# --- Incremental recrawl, resume, scheduling (archive/capture/recrawl.py, frontier.py) --
ARCHIVE_REVALIDATE_AFTER = "7d"  # known pages checked more recently are not fetched (0 = every run)
ARCHIVE_CRAWL_DELAY_MAX = 60.0  # robots.txt Crawl-delay is honoured up to this many seconds

# --- Monitors and alerts (Spidermon; crawler/monitors.py, archive/store/history.py) ------
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["crawler.monitors.ArchiveMonitors"]
# The page item's schema (checked on PageItem only: crawler.monitors.ArticleValidation)
SPIDERMON_VALIDATION_SCHEMAS = ["crawler.monitors.PAGE_ITEM_SCHEMA"]
ARCHIVE_MONITOR_SCHEDULE = "2d"  # a site without a good crawl for this long alerts (`schedule`)
# A JSON report per crawl (crawl-ID.json) goes here; None = monitor-reports/ beside ARCHIVE_DB
ARCHIVE_MONITOR_REPORT_DIR = None
ARCHIVE_MONITOR_WEBHOOK_URL = None  # POST the report here when a monitor fails (None = off)
ARCHIVE_MONITOR_WEBHOOK_TIMEOUT = 30.0  # seconds
# E-mail when a monitor fails: Spidermon's settings. Off while SPIDERMON_EMAIL_TO is empty.
SPIDERMON_EMAIL_TO: list[str] = []  # recipients
SPIDERMON_EMAIL_SENDER = "tct-archive@localhost"
SPIDERMON_SMTP_HOST = "localhost"
SPIDERMON_SMTP_PORT = 25
SPIDERMON_SMTP_USER = None  # login only when set
SPIDERMON_SMTP_PASSWORD = None
SPIDERMON_SMTP_ENFORCE_TLS = False  # STARTTLS
SPIDERMON_SMTP_ENFORCE_SSL = False  # SMTP over TLS (port 465)

# --- Redis mode: many workers, one frontier, one writer (crawler/redis_mode.py) -----------
# Off while ARCHIVE_REDIS_URL is None. Set (tct-archive crawl --redis URL, or -s for
# `scrapy crawl` and Scrapyd), the add-on below switches the scheduler and duplicate filter
# to scrapy-redis's, the pipeline to a Redis stream, and adds the shared per-site delay;
# `tct-archive ingest --redis URL` is the one writer of the SQLite archive.
ADDONS = {"crawler.addons.RedisMode": 0}
ARCHIVE_REDIS_URL = None  # redis://HOST:PORT/DB
ARCHIVE_REDIS_KEY = "tct-archive"  # prefix of the job's keys (one crawl job per prefix)
ARCHIVE_REDIS_LEASE = 300.0  # seconds a popped request stays leased without a heartbeat
ARCHIVE_REDIS_IN_FLIGHT = 16  # requests one worker takes at a time (the rest: other workers)
ARCHIVE_REDIS_TRIES = 3  # leases that expire this often drop the request (a poison page)
ARCHIVE_REDIS_WORKER = None  # this worker's name (WARC files, registry); None = host.pid
