# shellcheck shell=bash disable=SC2034
# Shared by deploy/local/up, down, status and smoke: settings (environment variables) and small helpers.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if [[ "$(id -u)" == 0 ]]; then default_state=/var/lib/emrqc/local; else default_state="$HOME/.emrqc/local"; fi
STATE="${EMRQC_LOCAL_STATE:-$default_state}"
KAFKA_PORT="${EMRQC_LOCAL_KAFKA_PORT:-19092}"        # the broker's controller listens on the next port
CONSOLE_PORT="${EMRQC_LOCAL_CONSOLE_PORT:-18080}"
STREAM_PORT="${EMRQC_LOCAL_STREAM_PORT:-18081}"      # the stream processor's /ready and /metrics
PG_PORT="${EMRQC_LOCAL_PG_PORT:-15432}"              # only for a private PostgreSQL
PG_MODE="${EMRQC_LOCAL_PG:-auto}"                    # auto | machine | private
DB_NAME="${EMRQC_LOCAL_DB:-emrqc_local}"
REGION="${EMRQC_LOCAL_REGION:-CN}"
DEMO_USERS="${EMRQC_LOCAL_DEMO_USERS:-true}"
STOP_TIMEOUT="${EMRQC_LOCAL_STOP_TIMEOUT:-30}"       # seconds between SIGTERM and SIGKILL
READY_TIMEOUT="${EMRQC_LOCAL_READY_TIMEOUT:-300}"    # seconds each step may take
RUN="$STATE/run"
LOGS="$STATE/logs"
# every process we start carries this marker on its command line, so down finds exactly ours
MARKER="-Demrqc.local.state=$STATE"
SERVICES=(broker stream console)                     # start order; down stops them in reverse

log() { printf 'emrqc local: %s\n' "$*" >&2; }
die() { printf 'emrqc local: %s\n' "$*" >&2; exit 1; }

check_settings() {
  [[ "$STATE" == /* ]] || die "EMRQC_LOCAL_STATE must be an absolute path: $STATE"
  [[ "$STATE" != *[[:space:]]* ]] || die "EMRQC_LOCAL_STATE must not contain spaces: $STATE"
  local p
  for p in "$KAFKA_PORT" "$CONSOLE_PORT" "$STREAM_PORT" "$PG_PORT" "$STOP_TIMEOUT" "$READY_TIMEOUT"; do
    [[ "$p" =~ ^[0-9]+$ ]] || die "not a number: $p (check the EMRQC_LOCAL_* variables)"
  done
  [[ "$DB_NAME" =~ ^[a-z_][a-z0-9_]*$ ]] || die "EMRQC_LOCAL_DB must be a plain lower-case name: $DB_NAME"
}

# true when something accepts connections on 127.0.0.1:$1
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# true when process $1 exists and is not a zombie (an exited process its parent has not reaped yet)
proc_running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ -n "$stat" && "${stat:0:1}" != Z ]]
}

# true when process $1 is ours: the marker is on its command line or in its environment (JAVA_OPTS, which
# bin/emrqc passes to java; before bin/emrqc execs java only the environment has it)
is_ours() {
  # a whole word, so another state folder whose path starts with ours is not taken for ours
  { tr '\0' '\n' <"/proc/$1/cmdline"; tr '\0' '\n' <"/proc/$1/environ"; } 2>/dev/null \
    | awk -v m="$MARKER" '{ for (i = 1; i <= NF; i++) if ($i == m || $i == "JAVA_OPTS=" m) found = 1 } END { exit !found }'
}

# the pid recorded for a service, if that process is still alive and is ours
live_pid() {
  local f="$RUN/$1.pid" pid
  [[ -f "$f" ]] || return 1
  pid="$(<"$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  proc_running "$pid" && is_ours "$pid" || return 1
  echo "$pid"
}

# processes (any, not only recorded ones) whose command line carries our marker
marked_pids() {
  local d pid
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    if proc_running "$pid" && is_ours "$pid"; then echo "$pid"; fi
  done
}

# GET http://127.0.0.1:PORT/PATH with optional "user:password"; prints the status line's code, then the body.
# Plain bash (/dev/tcp, HTTP/1.0), so curl is not needed.
http_get() {
  local port="$1" path="$2" auth="${3:-}" header=""
  if [[ -n "$auth" ]]; then header="Authorization: Basic $(printf '%s' "$auth" | base64 -w0)"$'\r\n'; fi
  # shellcheck disable=SC2016  # the inner script's own $1 $2 $3
  timeout 15 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: */*\r\n%sConnection: close\r\n\r\n" "$2" "$3" >&3
    cat <&3' _ "$port" "$path" "$header" 2>/dev/null \
    | tr -d '\r' | awk 'NR == 1 { print $2; next } body { print; next } /^$/ { body = 1 }'
}

# 0 when GET answers 200
http_ok() { [[ "$(http_get "$@" | head -1)" == 200 ]]; }

# the newest /usr/lib/postgresql/N/bin with initdb and pg_ctl (or EMRQC_PG_BIN), empty when there is none
pg_bin() {
  if [[ -n "${EMRQC_PG_BIN:-}" ]]; then echo "$EMRQC_PG_BIN"; return; fi
  local b best="" v bestv=0
  for b in /usr/lib/postgresql/*/bin; do
    [[ -x "$b/initdb" && -x "$b/pg_ctl" ]] || continue
    v="$(basename "$(dirname "$b")")"
    [[ "$v" =~ ^[0-9]+$ ]] || v=0
    if ((v >= bestv)); then best="$b"; bestv="$v"; fi
  done
  echo "$best"
}

# runs a PostgreSQL server command as the postgres user when we are root (initdb and postgres refuse root)
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
