# Body of the install and deploy scripts (lib/agent-protocol/install-script.ts puts the
# variables of one command above it): CONSOLE_URL TOKEN ROLE UNIT TITLE TOKEN_KEY PROXY_VERSION
# FILES ROOT CA_PEM TLS_ADDRESS TLS_PORT.
say() { printf '[%s] %s\n' "$UNIT" "$*"; }
fail() { printf '[%s] ERROR: %s\n' "$UNIT" "$*" >&2; exit 1; }

if [ -z "${AEGIS_ROOT:-}" ] && [ "$(id -u)" -ne 0 ]; then
  fail "run this as root: in a root shell curl -fsSL <command URL> | bash, or with sudo curl -fsSL <command URL> | sudo bash (or without root: curl -fsSL <command URL> | AEGIS_ROOT=<a folder you own> bash)"
fi
command -v curl >/dev/null 2>&1 || fail "curl is required: install it (apt-get install -y curl, or dnf install -y curl) and run the command again"
NODE="$(command -v node || true)"
NODE_HINT="install Node.js 20 or newer (RHEL/Rocky/Alibaba Cloud Linux: dnf module install -y nodejs:20; Ubuntu 24.04: apt-get install -y nodejs; older Debian/Ubuntu ship an older Node: see https://nodejs.org/en/download) and run the command again"
[ -n "$NODE" ] || fail "Node.js is required: $NODE_HINT"
NODE_MAJOR="$("$NODE" -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || fail "Node.js $("$NODE" --version) is too old: $NODE_HINT"

# A site without DNS for the cluster's contact address lists its proxies (host:port,...): the
# program comes through the first of them, as the agent's heartbeats will.
# Over TLS (a cluster that requires it) the name checked stays the contact address: curl
# connects to the first listed host at the TLS port instead.
CURL_TLS=()
if [ "$ROLE" = "agent" ] && [ -n "${AEGIS_PROXY_ENDPOINTS:-}" ]; then
  FIRST="${AEGIS_PROXY_ENDPOINTS%%,*}"
  if [ -n "$TLS_PORT" ]; then
    case "$FIRST" in
      \[*) FIRST_HOST="${FIRST%%]*}]" ;;
      *) FIRST_HOST="${FIRST%%:*}" ;;
    esac
    CURL_TLS+=(--connect-to "$TLS_ADDRESS:$TLS_PORT:$FIRST_HOST:$TLS_PORT")
  else
    case "$FIRST" in
      *\]:*|[!\[]*:*) ;;
      *) FIRST="$FIRST:${CONSOLE_URL##*:}" ;;
    esac
    CONSOLE_URL="http://$FIRST"
  fi
fi

mkdir -p "$ROOT/bin" "$ROOT/log"
chmod 700 "$ROOT"
# The console CA (issue 17): the agent pins it for TLS to its cluster's proxies, and curl checks
# the proxies' certificate against it when the cluster requires TLS.
if [ -n "$CA_PEM" ]; then
  printf '%s\n' "$CA_PEM" > "$ROOT/ca.pem"
  chmod 644 "$ROOT/ca.pem"
  case "$CONSOLE_URL" in https://*) CURL_TLS+=(--cacert "$ROOT/ca.pem") ;; esac
fi
say "downloading the agent program from $CONSOLE_URL into $ROOT/bin"
for f in "${FILES[@]}"; do
  mkdir -p "$(dirname "$ROOT/bin/$f")"
  curl -fsSL --retry 3 --connect-timeout 10 ${CURL_TLS[@]+"${CURL_TLS[@]}"} -o "$ROOT/bin/$f.tmp" "$CONSOLE_URL/api/v1/agent-dist/$f" \
    || fail "could not download $f from $CONSOLE_URL: check that this server can reach the console"
  mv "$ROOT/bin/$f.tmp" "$ROOT/bin/$f"
done
# The console's release-signing public key: upgrades must verify against it (issue 17). It sits
# outside bin/ and releases/, so no release can replace it.
curl -fsSL --retry 3 --connect-timeout 10 ${CURL_TLS[@]+"${CURL_TLS[@]}"} -o "$ROOT/release-key.pem.tmp" "$CONSOLE_URL/api/v1/agent-dist/release-key.pem" \
  || fail "could not download the release key from $CONSOLE_URL"
mv "$ROOT/release-key.pem.tmp" "$ROOT/release-key.pem"
chmod 644 "$ROOT/release-key.pem"

CONFIG="$ROOT/config.json"
PID_FILE="$ROOT/$ROLE.pid"
LOG_FILE="$ROOT/log/$ROLE.log"
USE_SYSTEMD=0
if [ -d /run/systemd/system ] && [ "$(id -u)" -eq 0 ] && [ -z "${AEGIS_NO_SYSTEMD:-}" ] && command -v systemctl >/dev/null 2>&1; then
  USE_SYSTEMD=1
fi

# A rerun replaces the previous installation: stop it, keep its config aside, register anew.
if [ "$USE_SYSTEMD" -eq 1 ]; then systemctl stop "$UNIT" 2>/dev/null || true; fi
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  say "stopping the running $ROLE (pid $(cat "$PID_FILE"))"
  kill "$(cat "$PID_FILE")" || true
  for _ in $(seq 1 50); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 0.2; done
fi
if [ -f "$CONFIG" ]; then mv -f "$CONFIG" "$CONFIG.previous"; fi
# A new installation starts from bin/: earlier upgrades and their state go.
rm -rf "$ROOT/releases" "$ROOT/current.json" "$ROOT/staged.json" "$ROOT/upgrade-report.json"

umask 077
# How the daemon runs, reported at registration so the console shows the command that stops it.
if [ "$USE_SYSTEMD" -eq 1 ]; then SERVICE_MANAGER=systemd; SERVICE_REF="$UNIT"; else SERVICE_MANAGER=pidfile; SERVICE_REF="$PID_FILE"; fi
AEGIS_CONSOLE_URL="$CONSOLE_URL" AEGIS_TOKEN="$TOKEN" AEGIS_TOKEN_KEY="$TOKEN_KEY" AEGIS_PROXY_VERSION="$PROXY_VERSION" \
  AEGIS_SERVICE_MANAGER="$SERVICE_MANAGER" AEGIS_SERVICE_REF="$SERVICE_REF" \
  AEGIS_TLS_ADDRESS="$TLS_ADDRESS" AEGIS_TLS_PORT="$TLS_PORT" \
  "$NODE" --input-type=module -e '
import { writeFileSync } from "node:fs";
const env = process.env;
const config = { consoleUrl: env.AEGIS_CONSOLE_URL, [env.AEGIS_TOKEN_KEY]: env.AEGIS_TOKEN };
if (env.AEGIS_PROXY_VERSION) config.proxyVersion = env.AEGIS_PROXY_VERSION;
// The cluster requires TLS (issue 17): register and report over https only, the CA pinned.
if (env.AEGIS_TLS_PORT) config.tls = { address: env.AEGIS_TLS_ADDRESS, port: Number(env.AEGIS_TLS_PORT), required: true };
config.service = env.AEGIS_SERVICE_MANAGER === "systemd"
  ? { manager: "systemd", unit: env.AEGIS_SERVICE_REF }
  : { manager: "pidfile", pidFile: env.AEGIS_SERVICE_REF };
const facts = {};
if (env.AEGIS_HOSTNAME) facts.hostname = env.AEGIS_HOSTNAME;
if (env.AEGIS_IPS) facts.ips = env.AEGIS_IPS.split(",").map((ip) => ip.trim()).filter(Boolean);
// A host whose root file system came from a container image (/.dockerenv) can say what it is.
if (env.AEGIS_SERVER_TYPE === "host" || env.AEGIS_SERVER_TYPE === "container") facts.type = env.AEGIS_SERVER_TYPE;
if (Object.keys(facts).length > 0) config.facts = facts;
// Settings of the daemon, kept for its restarts (systemd does not pass this environment on).
const kept = ["AEGIS_PROXY_LISTEN", "AEGIS_PROXY_TLS_LISTEN", "AEGIS_CONSOLE_CA", "AEGIS_PROXY_METRICS_LISTEN", "AEGIS_PROXY_ENDPOINTS", "AEGIS_PROXY_CACHE_MAX_BYTES", "AEGIS_PROXY_QUEUE_MAX_BYTES",
  "AEGIS_DATA", "AEGIS_DATA_INTERVAL_SECONDS", "AEGIS_UPGRADE_HEALTH_SECONDS", "AEGIS_UPGRADE_FAIL_HEALTH"].filter((k) => env[k]);
if (kept.length > 0) config.env = Object.fromEntries(kept.map((k) => [k, env[k]]));
writeFileSync(process.argv[1], JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
' "$CONFIG"
chmod 600 "$CONFIG"
say "wrote $CONFIG"

if [ "$USE_SYSTEMD" -eq 1 ]; then
  cat > "/etc/systemd/system/$UNIT.service" <<UNIT_FILE
[Unit]
Description=$TITLE (Proxy Access Console)
After=network-online.target
Wants=network-online.target

[Service]
# The launcher runs the current release as its child, switches on upgrade and rolls back.
ExecStart=$NODE $ROOT/bin/launcher.mjs $ROLE --config $CONFIG
KillMode=mixed
Restart=on-failure
RestartSec=5
# 78: the console refused the token or credential; restarting would not help.
RestartPreventExitStatus=78

[Install]
WantedBy=multi-user.target
UNIT_FILE
  systemctl daemon-reload
  systemctl enable --quiet "$UNIT"
  systemctl restart "$UNIT"
  STOP_HINT="sudo systemctl stop $UNIT"
  LOG_HINT="journalctl -u $UNIT -f"
  is_running() { systemctl is-active --quiet "$UNIT"; }
  show_log() { journalctl -u "$UNIT" -n 20 --no-pager || true; }
else
  nohup "$NODE" "$ROOT/bin/launcher.mjs" "$ROLE" --config "$CONFIG" >>"$LOG_FILE" 2>&1 </dev/null &
  echo "$!" >"$PID_FILE"
  STOP_HINT="kill \$(cat $PID_FILE)"
  LOG_HINT="tail -f $LOG_FILE"
  is_running() { kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
  show_log() { tail -n 20 "$LOG_FILE" || true; }
fi

# Wait briefly for the registration, so the result shows here and not only in the console.
for _ in $(seq 1 40); do
  if grep -q '"credential"' "$CONFIG" 2>/dev/null; then break; fi
  if ! is_running; then
    show_log
    fail "the $ROLE stopped during registration (see the log above)"
  fi
  sleep 0.5
done
if grep -q '"credential"' "$CONFIG" 2>/dev/null; then
  say "registered with the console; the $ROLE is running and heartbeating"
else
  say "started; registration is still being retried (see the log)"
fi
say "installed in $ROOT"
say "logs:  $LOG_HINT"
say "stop:  $STOP_HINT"
