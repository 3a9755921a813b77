// The daemon's upgrade hooks (issue 17), given to the proxy loop: run an `upgrade` task (stage it,
// then ask the launcher for the switch by exiting with EXIT_UPGRADE), and the report of a failed
// or refused upgrade that the next heartbeats carry until the console has it.
import { ProtocolError } from "../protocol.mjs";
import { layoutOf, readJson, removeFile, writeJsonAtomic } from "./layout.mjs";
import { ReleaseRefused, isReleaseVersion } from "./package.mjs";
import { stageUpgrade } from "./stage.mjs";

/**
 * @param {{ root: string, client: object, log: object, launcher: boolean, restart: () => void }} options
 * `launcher`: started by launcher.mjs (only then can a new version be switched to and rolled back).
 * `restart`: stops the daemon so that it exits with EXIT_UPGRADE.
 */
export function createUpgrader({ root, client, log, launcher, restart }) {
  const layout = layoutOf(root);
  let busy = false;
  const upgrader = {
    restarting: false,
    /** The pending report ({ version, outcome, reason }) or null. */
    report() {
      const r = readJson(layout.report);
      // The console refuses a malformed report (400) with the whole heartbeat: never send one.
      if (r && (!isReleaseVersion(r.version) || !["rolled_back", "refused"].includes(r.outcome))) removeFile(layout.report);
      return r && isReleaseVersion(r.version) && ["rolled_back", "refused"].includes(r.outcome)
        ? { version: r.version, outcome: r.outcome, reason: String(r.reason).slice(0, 500) }
        : null;
    },
    /** The console took the report: it is not sent again. */
    reported(report) {
      const now = upgrader.report();
      if (now && report && now.version === report.version && now.reason === report.reason) removeFile(layout.report);
    },
    refuse(version, reason) {
      log.error("release refused: it will not run", { version, reason });
      writeJsonAtomic(layout.report, { version, outcome: "refused", reason, at: new Date().toISOString() });
    },
    /** @returns {Promise<"staged" | "refused" | "retry" | "busy">} */
    async upgrade(payload) {
      if (busy || upgrader.restarting) return "busy";
      if (upgrader.report()?.version === payload?.version) return "busy"; // told already; wait for the console
      busy = true;
      try {
        if (!launcher) {
          upgrader.refuse(
            payload?.version ?? "?",
            "the daemon was not started by its launcher; run the install command again to upgrade",
          );
          return "refused";
        }
        await stageUpgrade({ client, root, payload, log });
        upgrader.restarting = true;
        log.info("restarting into the new release", { version: payload.version });
        restart();
        return "staged";
      } catch (error) {
        if (error instanceof ReleaseRefused) {
          upgrader.refuse(payload?.version ?? "?", error.reason);
          return "refused";
        }
        if (error instanceof ProtocolError && error.kind === "aborted") return "retry";
        log.warn("upgrade download failed; the next heartbeat tries again", { version: payload?.version, error: error.message });
        return "retry";
      } finally {
        busy = false;
      }
    },
  };
  return upgrader;
}
