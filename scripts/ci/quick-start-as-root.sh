#!/usr/bin/env bash
# Issue 11: the README's two commands where a newcomer runs them. A fresh clone in a mode-700
# folder (/root when run as root, as CI is), `npm ci`, `npm start` on free ports until
# /api/health answers, the static files served without sign-in, then Ctrl-C (SIGINT to the
# process group, as a terminal sends it): the console must exit and leave no PostgreSQL running.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
say() { echo "quick-start: $*"; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

parent=$(mktemp -d /root/pac-ci-XXXXXX 2>/dev/null || mktemp -d)
chmod 700 "$parent"
clone="$parent/console"
log="$parent/start.log"
pid=""
data=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  if [ -n "$data" ]; then
    pkill -KILL -f "postgres -D $data" 2>/dev/null || true
    # As root the data lives outside the clone (README, "Running as root"): remove it too.
    case "$data" in */proxy-access-console/data/*/pg) rm -rf "$(dirname "$data")" ;; esac
  fi
  rm -rf "$parent"
}
trap cleanup EXIT
fail() {
  say "FAILED: $*"
  [ -f "$log" ] && { say "the end of the start log:"; tail -n 40 "$log"; }
  exit 1
}

started=$SECONDS
say "cloning into $clone (its parent has mode 700, like /root)"
git clone -q "$repo" "$clone"
say "npm ci"
(cd "$clone" && npm ci --no-audit --no-fund) >"$parent/npm-ci.log" 2>&1 || { tail -n 30 "$parent/npm-ci.log"; fail "npm ci"; }

port=$(free_port)
pg_port=$(free_port)
start() { # runs npm start in its own process group (as a terminal would), logging to $log
  (cd "$clone" && exec setsid env PORT="$port" EMBEDDED_PG_PORT="$pg_port" DEMO_SIMULATOR=0 npm start) >"$log" 2>&1 &
  pid=$!
}
wait_up() { # $1: seconds allowed
  local since=$SECONDS
  until curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "npm start exited before /api/health answered"
    [ $((SECONDS - since)) -lt "$1" ] || fail "/api/health did not answer within $1 s"
    sleep 3
  done
  say "/api/health answers after $((SECONDS - since)) s"
}
postmaster() { head -n 1 "$data/postmaster.pid" 2>/dev/null || true; }

say "npm start with PORT=$port EMBEDDED_PG_PORT=$pg_port (it builds first: up to 10 minutes)"
start
wait_up 600
grep "^\[console\]" "$log" | grep -E "postgres user|PostgreSQL started" | sed 's/^/quick-start:   /' || true
data=$(readlink -f "$clone/.data/pg")
[ -n "$(pgrep -f "postgres -D $data" || true)" ] || fail "no PostgreSQL runs on $data"

for file in robots.txt favicon.svg logo.svg; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/$file")
  [ "$code" = 200 ] || fail "/$file answered $code without a session (expected 200, not a redirect to sign-in)"
done
curl -fsS "http://127.0.0.1:$port/robots.txt" | grep -qx "Disallow: /" || fail "robots.txt does not disallow everything"
say "robots.txt, favicon.svg and logo.svg are served without sign-in"

# A crash: kill -9 of the start script (PostgreSQL's parent). Its web server ends with it; its
# PostgreSQL is left running, and the next start must take over with the data intact.
orphan=$(postmaster)
starter=$(ps -o ppid= -p "$orphan" | tr -d ' ')
say "kill -9 of the start script (pid $starter)"
kill -KILL "$starter"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "npm start still runs 30 s after its start script was killed"
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 || break; sleep 1; done
curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && fail "the web server outlived its start script"
say "npm start again after the crash"
start
wait_up 180
grep -q "stopping PostgreSQL (pid $orphan" "$log" || fail "the second start did not take over PostgreSQL $orphan"
grep -q "demo data already seeded" "$log" || fail "the data did not survive the crash"
say "it stopped the orphaned PostgreSQL $orphan and came up on the same data"

say "Ctrl-C (SIGINT to npm start's process group)"
kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "npm start still runs 60 s after SIGINT"
code=0
wait "$pid" || code=$?
pid=""
# npm itself exits at once on SIGINT; the console's own processes (working in the clone) stop
# their web server, then PostgreSQL.
console_left() { for p in /proc/[0-9]*; do [ "$(readlink "$p/cwd" 2>/dev/null)" = "$clone" ] && echo "${p#/proc/}"; done || true; }
for _ in $(seq 1 60); do [ -z "$(console_left)$(pgrep -f "postgres -D $data" || true)" ] && break; sleep 1; done
[ -z "$(pgrep -f "postgres -D $data" || true)" ] || fail "PostgreSQL still runs on $data 60 s after Ctrl-C"
left=$(console_left)
[ -z "$left" ] || fail "processes of the console still run 60 s after Ctrl-C: $(ps -o pid=,args= -p "${left//$'\n'/,}")"
if grep -q "^\[console\] start failed" "$log"; then fail "the start log shows a failure"; fi
say "npm start exited (code $code) and its PostgreSQL stopped; took $((SECONDS - started)) s in all"
