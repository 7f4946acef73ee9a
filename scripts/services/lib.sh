# shellcheck shell=bash disable=SC2034
# Shared helpers for the scripts in scripts/services/ (sourced, not run).
# Everything they create lives in $SERVICES_DIR = <repo>/.services, found from
# this file's own path because CI runs in a fresh clone somewhere else.
# WEGWIJS_SERVICES_DIR moves it, for a second set of services beside the usual
# one (the PostgreSQL restart test, bench/scale_out): their own cluster, own
# engine, own env files, stopped without touching anyone else's.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES_DIR="${WEGWIJS_SERVICES_DIR:-$REPO_ROOT/.services}"

log() { echo "[$(basename "$0")] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# apt-get needs one 'apt-get update' on a fresh machine; do it at most once
# per script run, and only when something is actually missing.
APT_UPDATED=
apt_install() {
    [ "$(id -u)" = 0 ] || die "missing $*; install it (apt-get install $*) or run as root"
    if [ -z "$APT_UPDATED" ]; then
        log "apt-get update"
        apt-get update -q >&2
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

# True when a server could bind 127.0.0.1:$1 now. Binding is the test, not
# connecting: ports from 32768 up are also handed out as the local end of
# outgoing connections (ip_local_port_range), and such a port accepts no
# connection yet cannot be listened on. SO_REUSEADDR as PostgreSQL sets it,
# so a port in TIME_WAIT counts as free, as it is for the server.
port_free() {
    python3 -c '
import socket, sys
probe = socket.socket()
probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    probe.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
' "$1"
}

# First free port from $1 upwards.
first_free_port() {
    local port=$1
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

# True while process $1 exists.
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# SIGTERM process $1, wait up to $2 seconds, then SIGKILL.
stop_pid() {
    local pid=$1 wait=${2:-30} i
    alive "$pid" || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 5; i++)); do
        alive "$pid" || return 0
        sleep 0.2
    done
    log "process $pid did not stop in ${wait}s; killing it"
    kill -9 "$pid" 2>/dev/null || true
}
