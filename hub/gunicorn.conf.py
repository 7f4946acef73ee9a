"""gunicorn settings for production: ``gunicorn -c hub/gunicorn.conf.py hub.wsgi``.

Every value can be changed from the environment (GUNICORN_*), so that one file
serves app servers of different sizes. The app keeps no state in its
processes (sessions and cache in the database, media on shared storage), so
any number of these servers can stand behind one load balancer.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: requests are short database and search calls; two per core
# plus one keeps the cores busy while a worker waits on PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
worker_class = "sync"
# Above the search timeout (ELASTICSEARCH_TIMEOUT, 2 s) and the slowest admin
# page, so that a worker is killed only when it is truly stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (deploy, scale-in) finish the requests in flight first.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# A keep-alive a little longer than the load balancer's, so that it never
# reuses a connection the worker is just closing.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycle workers now and then: a slow leak never grows without bound. The
# jitter keeps the workers from restarting all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# Load the app before forking: workers share its memory, and a broken
# deployment fails at start, not on the first request.
preload_app = True
# Behind nginx: trust X-Forwarded-* only from the balancer's address. By default
# the same proxies the app believes (TRUSTED_PROXIES): gunicorn would otherwise
# take a scheme from a peer the app itself ignores.
forwarded_allow_ips = (
    os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS")
    or os.environ.get("TRUSTED_PROXIES")
    or "127.0.0.1"
)
# GUNICORN_ACCESS_LOG="" turns the access log off (e.g. when nginx keeps one).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
