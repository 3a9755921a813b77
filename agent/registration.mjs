// What both daemons do around registration (SPEC §7): register with a one-time token until the
// console answers, where an agent reports, and the last word of a stopping proxy.
import { ProtocolError, backoffDelayMs, createProtocolClient, sleep } from "./protocol.mjs";
import { consoleFetchFromEnv } from "./tls-fetch.mjs";

/** systemd does not restart a unit that exits with this: the console refused the token or credential. */
export const EXIT_REFUSED = 78;

/**
 * Registers with a one-time token. Retries while the console is unreachable, and slowly while
 * it refuses for a reason that can pass (409/422: e.g. no proxy capacity yet, R13); a bad,
 * used or expired token (400/401/404/410) ends the daemon.
 */
export async function registerUntilDone(attempt, log, signal) {
  for (let n = 0; ; n++) {
    let waitMs = backoffDelayMs(n, { baseMs: 5000, capMs: 300_000 });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ProtocolError) || error.kind === "aborted") throw error;
      if (error.status === 409 || error.status === 422) {
        waitMs = backoffDelayMs(n, { baseMs: 30_000, capMs: 300_000 });
        log.warn("the console cannot accept this server yet; retrying", { error: error.message, retryInMs: waitMs });
      } else if (error.fatal) {
        const hint = error.status === 401 || error.status === 410 ? "; copy a new command from the console" : "";
        log.error(`registration refused by the console${hint}`, { error: error.message });
        process.exit(EXIT_REFUSED);
      } else {
        log.warn("registration failed; retrying", { error: error.message, retryInMs: waitMs });
      }
      if (await sleep(waitMs, signal)) throw new ProtocolError("aborted", "stopped");
    }
  }
}

/** The config's route; an older config (or a direct install) reports to its consoleUrl. */
export function routeOf(config) {
  return config.route ?? { mode: "direct", consoleUrl: config.consoleUrl };
}

/** A client for the last heartbeat of a stopping proxy: the daemon's own client is already aborted. */
export function stoppingSender(config, credential) {
  const fetch = consoleFetchFromEnv();
  const last = createProtocolClient({
    url: config.consoleUrl,
    credential,
    maxAttempts: 1,
    timeoutMs: 3000,
    ...(fetch ? { fetch } : {}),
  });
  return (proxyId, report) => last.proxyHeartbeat(proxyId, report);
}
