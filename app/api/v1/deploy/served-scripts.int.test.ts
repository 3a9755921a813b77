// The served install and deploy scripts, run for real: bash fetches the script and the agent
// files over HTTP from the route handlers (behind a small in-test HTTP server), the daemons
// register and heartbeat through the agent protocol, and the console sees them online, then
// offline after a remote stop (R5, R7, R8, R19). AEGIS_ROOT keeps everything in a temp folder.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deployScript from "@/app/api/v1/deploy/[token]/proxy.sh/route";
import * as installScript from "@/app/api/v1/install/[token]/linux.sh/route";
import { hashToken } from "@/lib/crypto/tokens";
import { startAgentConsole, waitFor, waitForExit } from "@/lib/testing/agent-console";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { revokeInstallCommand } from "@/lib/install-commands/list-install-commands";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { listProxies } from "@/lib/proxies/list-proxies";
import { publishTestReleases } from "@/lib/testing/releases";
import { stopProxy } from "@/lib/proxies/stop-proxy";
import { makeCluster, testContext } from "@/lib/testing/fixtures";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let harness: Awaited<ReturnType<typeof startAgentConsole>>;
let base = "";
const exec = promisify(execFile);

beforeAll(async () => {
  await publishTestReleases();
  harness = await startAgentConsole();
  base = harness.base;
});

afterAll(() => harness.stop());

async function runCommand(command: string, env: Record<string, string>) {
  // Each daemon listens for agents on a port of its own choosing, so parallel test files never clash.
  return harness.run(command, { AEGIS_PROXY_LISTEN: "127.0.0.1:0", ...env });
}

const proxyStatus = async (clusterId: string, hostname: string) =>
  (await listProxies(clusterId)).items.find((p) => p.asset.hostname === hostname);

const hasTools = ["bash", "curl"].every((tool) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
});
if (!hasTools) console.warn("served-scripts.int.test.ts needs bash and curl (apt-get install -y curl): skipped");

describe.skipIf(!hasTools)("served scripts run for real", () => {
  it("manual deploy: the script starts a proxy that goes online, obeys a remote stop, and then shows offline", async () => {
    const cluster = await makeCluster();
    const deploy = await deployProxies(testContext(), cluster.id, { mode: "manual", expiresInHours: 1 }, base);
    if (deploy.mode !== "manual") throw new Error("expected a manual deploy command");
    const { root, stdout } = await runCommand(deploy.command, { AEGIS_HOSTNAME: "script-proxy-1", AEGIS_IPS: "10.99.0.1" });
    expect(stdout).toContain("registered with the console");
    expect(stdout).toContain(`kill $(cat ${root}/proxy.pid)`);
    expect(statSync(path.join(root, "config.json")).mode & 0o777).toBe(0o600);

    const online = await waitFor("the proxy online", async () => {
      const p = await proxyStatus(cluster.id, "script-proxy-1");
      return p?.status === "online" ? p : undefined;
    });
    expect(online.asset.ips).toEqual(["10.99.0.1"]);

    await stopProxy(testContext(), online.id);
    await waitForExit("the proxy process to exit", path.join(root, "proxy.pid"));
    expect(readFileSync(path.join(root, "log", "proxy.log"), "utf8")).toContain("stop requested by the console");
    await waitFor("the proxy offline", async () =>
      (await proxyStatus(cluster.id, "script-proxy-1"))?.status === "offline" ? true : undefined,
    );
  }, 60_000);

  it("install command: the agent registers and runs a quick-deployed proxy in process", async () => {
    const cluster = await makeCluster();
    const install = await createInstallCommand(
      testContext(),
      { region: "cn", clusterId: null, os: "linux", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
      base,
    );
    const { root, stdout } = await runCommand(install.command, {
      AEGIS_HOSTNAME: "script-agent-1",
      AEGIS_IPS: "10.99.1.1",
      // This test machine is a container (/.dockerenv); quick deploy is for hosts.
      AEGIS_SERVER_TYPE: "host",
    });
    expect(stdout).toContain("registered with the console");
    const { assetId } = JSON.parse(readFileSync(path.join(root, "config.json"), "utf8")) as { assetId: string };
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(asset).toMatchObject({ hostname: "script-agent-1", ips: ["10.99.1.1"], os: "linux" });

    await waitFor("the agent online", async () => {
      const a = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
      return a.agentLastSeenAt && Date.now() - a.agentLastSeenAt.getTime() < 1500 ? true : undefined;
    });
    await deployProxies(testContext(), cluster.id, { mode: "quick", assetIds: [assetId] }, base);
    await waitFor("the quick-deployed proxy online", async () =>
      (await proxyStatus(cluster.id, "script-agent-1"))?.status === "online" ? true : undefined,
    );
    // Inside the agent it listens for agents like a manual proxy (SPEC §8): only the agent routes.
    const listening = await waitFor("the quick-deployed proxy listening", async () => {
      const line = readFileSync(path.join(root, "log", "agent.log"), "utf8")
        .split("\n")
        .find((l) => l.includes("proxy listening for agents"));
      return line ? (JSON.parse(line) as { listen: string[] }).listen[0] : undefined;
    });
    expect((await fetch(`http://${listening}/api/v1/clusters?region=cn`)).status).toBe(404);
    const beat = await fetch(`http://${listening}/api/v1/agent/heartbeat`, { method: "POST", body: "{}" });
    expect(beat.status).toBe(401);
  }, 60_000);
});

describe("a dead token is served a script that says why and changes nothing", () => {
  /** The refusal's code when the console refused the token, else null (the real script). */
  const fetchScript = async (handler: Handler, token: string) => {
    const response = await handler(new Request(`${base}/script`), { params: Promise.resolve({ token }) });
    const body = await response.text();
    return { status: response.status, refused: /# Refused by the console \((\w+)\)/.exec(body)?.[1] ?? null, body };
  };

  it.each<[string, () => Promise<{ handler: Handler; token: string }>, number, string | null]>([
    ["a live install command", async () => ({ handler: installScript.GET, token: (await installCommand()).token }), 200, null],
    [
      "a revoked install command",
      async () => {
        const created = await installCommand();
        await revokeInstallCommand(testContext(), created.id);
        return { handler: installScript.GET, token: created.token };
      },
      200,
      "GONE",
    ],
    [
      "an unknown install token",
      async () => ({ handler: installScript.GET, token: `pin_${"x".repeat(32)}` }),
      200,
      "UNAUTHENTICATED",
    ],
    ["a fresh deploy command", async () => ({ handler: deployScript.GET, token: await deployToken() }), 200, null],
    [
      "a used deploy command (a rerun)",
      async () => {
        const token = await deployToken();
        await db().deployToken.update({ where: { tokenHash: hashToken(token) }, data: { usedAt: new Date() } });
        return { handler: deployScript.GET, token };
      },
      200,
      "GONE",
    ],
  ])("%s", async (_name, setup, status, refused) => {
    const { handler, token } = await setup();
    const served = await fetchScript(handler, token);
    expect([served.status, served.refused]).toEqual([status, refused]);
    if (refused === null) return;
    // Run as `curl … | sudo bash` would: it says why, exits 1, and never reaches the installer.
    const run = await exec("bash", ["-c", served.body]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^aegis: .*(revoked|used|Unknown)/);
    expect(served.body).not.toContain("systemctl");
  });

  async function installCommand() {
    return createInstallCommand(
      testContext(),
      { region: "cn", clusterId: null, os: "linux", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
      base,
    );
  }
  async function deployToken() {
    const cluster = await makeCluster();
    const deploy = await deployProxies(testContext(), cluster.id, { mode: "manual", expiresInHours: 1 }, base);
    return (deploy as { token: string }).token;
  }
});
