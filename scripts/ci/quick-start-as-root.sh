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
cd "$clone"
say "npm ci"
npm ci --no-audit --no-fund >"$parent/npm-ci.log" 2>&1 || { tail -n 30 "$parent/npm-ci.log"; fail "npm ci"; }

port=$(free_port)
pg_port=$(free_port)
say "npm start with PORT=$port EMBEDDED_PG_PORT=$pg_port (it builds first: up to 10 minutes)"
setsid env PORT="$port" EMBEDDED_PG_PORT="$pg_port" DEMO_SIMULATOR=0 npm start >"$log" 2>&1 &
pid=$!
up_since=$SECONDS
until curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || fail "npm start exited before /api/health answered"
  [ $((SECONDS - up_since)) -lt 600 ] || fail "/api/health did not answer within 10 minutes"
  sleep 3
done
say "/api/health answers after $((SECONDS - up_since)) s"
grep "^\[console\]" "$log" | grep -E "postgres user|PostgreSQL started" | sed 's/^/quick-start:   /' || true

data=$(readlink -f "$clone/.data/pg")
[ -n "$(pgrep -f "postgres -D $data" || true)" ] || fail "no PostgreSQL runs on $data"

for file in robots.txt favicon.svg logo.svg; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/$file")
  [ "$code" = 200 ] || fail "/$file answered $code without a session (expected 200, not a redirect to sign-in)"
done
curl -fsS "http://127.0.0.1:$port/robots.txt" | grep -qx "Disallow: /" || fail "robots.txt does not disallow everything"
say "robots.txt, favicon.svg and logo.svg are served without sign-in"

say "Ctrl-C (SIGINT to npm start's process group)"
kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
kill -0 "$pid" 2>/dev/null && fail "npm start still runs 60 s after SIGINT"
code=0
wait "$pid" || code=$?
pid=""
[ -z "$(pgrep -f "postgres -D $data" || true)" ] || fail "PostgreSQL still runs on $data after npm start exited"
if grep -q "^\[console\] start failed" "$log"; then fail "the start log shows a failure"; fi
say "npm start exited (code $code) and its PostgreSQL stopped; took $((SECONDS - started)) s in all"
