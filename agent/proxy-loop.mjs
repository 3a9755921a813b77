// The proxy daemon's heartbeat loop (SPEC §7, §8, R7): report in every interval, apply the
// cluster's policy, obey `upgrade` and `stop` tasks; a 410 means the proxy was deleted.
// Used by a manually deployed proxy (its own credential) and by a quick-deployed one running
// inside the client agent (the agent's credential), and by the simulator's virtual proxies.
//
// With a `relay` (its ClientTable and DataPipe) the heartbeat also carries the agents that joined
// or left the proxy and what it relayed, queued, dropped and cached; it goes out early (at most
// once a second) when agents joined or left, so the console learns of them within a second.
// On SIGTERM (the signal) a last heartbeat says the proxy is stopping, so it shows offline at once.
// With an `upgrader` (release/upgrader.mjs, the real daemon) an upgrade is real: the release is
// downloaded, verified and staged, and the daemon restarts into it; a refused or rolled-back
// upgrade is reported in the `upgrade` field until the console has it. Without one (the simulator's
// virtual proxies) the upgrade is simulated.
import { ProtocolError, jittered, sleep } from "./protocol.mjs";

const ZERO_STATS = () => ({ connectedClients: 0, bytesRelayed: 0, cacheBytes: 0 });
/** Earliest gap between two heartbeats when agents join or leave. */
const MIN_REPORT_GAP_MS = 1000;

function relayStats(relay) {
  return {
    connectedClients: relay.clients.connectedCount,
    ...relay.data.stats(),
    ...(relay.listen ? { listen: relay.listen } : {}),
    ...(relay.tls ? relay.tls.report() : {}),
  };
}

/** Sleeps until the interval is over, or earlier when the relay has changes to report. */
async function waitForNextReport(ms, relay, signal) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await sleep(Math.min(MIN_REPORT_GAP_MS, until - Date.now()), signal)) return true;
    if (relay?.clients.hasChanges()) return false;
  }
  return false;
}

/**
 * @returns {Promise<{ reason: "stopped" | "gone" | "unauthorized" | "rejected" | "aborted", version: string, error?: string }>}
 */
export async function runProxyLoop({
  client,
  proxyId,
  version: initialVersion,
  log,
  signal,
  stats = ZERO_STATS,
  intervalSeconds = null,
  upgradeDelayMs = 3000,
  onVersion = () => undefined,
  onHeartbeat = () => undefined,
  random = Math.random,
  relay = null,
  sayStopping = null,
  upgrader = null,
}) {
  let version = initialVersion;
  let policyVersion = null;
  let interval = intervalSeconds ?? 30;
  const report = () => ({ proxyVersion: version, ...(relay ? relayStats(relay) : stats()), policyVersion });
  while (!signal?.aborted) {
    const changes = relay?.clients.takeReport();
    const upgradeReport = upgrader?.report() ?? null;
    try {
      const answer = await client.proxyHeartbeat(proxyId, {
        ...report(),
        ...(changes ? { clients: changes.body } : {}),
        ...(upgradeReport ? { upgrade: upgradeReport } : {}),
      });
      if (changes) relay.clients.settle(changes, answer.clients);
      if (upgradeReport) upgrader.reported(upgradeReport);
      onHeartbeat(answer);
      if (!intervalSeconds && answer.heartbeatIntervalSeconds > 0) interval = answer.heartbeatIntervalSeconds;
      if (relay && answer.offlineAfterSeconds > 0) relay.clients.offlineAfterMs = answer.offlineAfterSeconds * 1000;
      if (relay && answer.heartbeatIntervalSeconds > 0) relay.clients.intervalSeconds = answer.heartbeatIntervalSeconds;
      // The cluster certificate (issue 17): served at once, renewed without dropping a connection.
      if (relay?.tls && answer.tls)
        await relay.tls.apply(answer.tls).catch((e) => log.error("TLS not applied", { error: e.message }));
      if (answer.policy && answer.policy.version !== policyVersion) {
        policyVersion = answer.policy.version;
        relay?.data.setPolicy(answer.policy);
        log.info("policy applied", { proxyId, policy: answer.policy });
      }
      let upgraded = false;
      for (const task of answer.tasks ?? []) {
        if (task.type === "stop") {
          log.info("stop requested by the console: exiting", { proxyId });
          // Say so at once, so the console shows it offline now, not after the threshold.
          if (sayStopping) await sayStopping({ ...report(), stopping: true }).catch(() => undefined);
          return { reason: "stopped", version };
        }
        if (task.type === "upgrade" && task.payload?.version && task.payload.version !== version && upgrader) {
          log.info("upgrade requested", { proxyId, from: version, to: task.payload.version });
          const outcome = await upgrader.upgrade(task.payload);
          if (outcome === "staged") return { reason: "aborted", version };
          if (outcome === "refused") upgraded = true; // tell the console at once
        } else if (task.type === "upgrade" && task.payload?.version && task.payload.version !== version) {
          const target = task.payload.version;
          log.info("upgrade requested", { proxyId, from: version, to: target });
          // No real binary is swapped: this build stands for every release. The pause stands
          // for download and restart; then the proxy reports the new version, which completes
          // the upgrade on the console (R10).
          if (await sleep(upgradeDelayMs, signal)) break;
          version = target;
          upgraded = true;
          onVersion(version);
          log.info("upgraded", { proxyId, version });
        }
      }
      if (upgraded) continue; // report the new version at once, as a restarted daemon would
    } catch (error) {
      if (changes) relay.clients.restore(changes);
      if (!(error instanceof ProtocolError)) throw error;
      if (error.kind === "aborted") break;
      if (error.kind === "gone") {
        log.warn("the console deleted this proxy (410): exiting", { proxyId, error: error.message });
        return { reason: "gone", version, error: error.message };
      }
      if (error.kind === "unauthorized" || error.kind === "rejected") {
        // A manually deployed proxy's credential goes with its row, so after a delete it gets 401.
        log.error("the console no longer accepts this proxy (deleted, or its credential revoked): exiting", {
          proxyId,
          error: error.message,
        });
        return { reason: error.kind, version, error: error.message };
      }
      log.warn("heartbeat failed; trying again next interval", { proxyId, error: error.message });
    }
    if (await waitForNextReport(jittered(interval * 1000, 0.1, random), relay, signal)) break;
  }
  // A restart into a new release is not a stop: the new version reports in within seconds.
  if (sayStopping && !upgrader?.restarting) await sayStopping({ ...report(), stopping: true }).catch(() => undefined);
  return { reason: "aborted", version };
}
