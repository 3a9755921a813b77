// TLS on the agent–proxy hop for real (issue 17 part 4): the console issues the cluster's
// certificate and delivers it in the proxy heartbeat answer; the proxy daemon serves the agent
// routes over TLS; an agent installed with the cluster's command pins the console CA and reports
// over https only; "require TLS" refuses plain HTTP; a renewal reaches the proxy while its agent
// keeps reporting. Real processes, real sockets on 127.0.0.1, real PostgreSQL.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTlsFetch } from "@/agent/tls-fetch.mjs";
import { updateCluster } from "@/lib/clusters/update-cluster";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { clusterCertificate } from "@/lib/pki/cluster-certificate";
import { clusterTls } from "@/lib/pki/cluster-tls";
import { consoleCa, loadConsoleCa, makeConsoleCa } from "@/lib/pki/console-ca";
import { deployProxies } from "@/lib/proxies/deploy-proxies";
import { publishTestReleases } from "@/lib/testing/releases";
import { startAgentConsole, waitFor } from "@/lib/testing/agent-console";
import { makeCluster, testContext } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/db/port";

let harness: Awaited<ReturnType<typeof startAgentConsole>>;

beforeAll(async () => {
  await publishTestReleases();
  harness = await startAgentConsole();
});

afterAll(async () => {
  delete process.env.PROXY_PORT;
  await harness.stop();
});

/** A cluster at 127.0.0.1 whose proxy listens on a plain and a TLS port of its own; resolves once it serves TLS. */
async function clusterWithProxy(requireTls: boolean) {
  const plain = await freePort();
  const tlsPort = await freePort();
  process.env.PROXY_PORT = String(plain);
  const cluster = await makeCluster({ address: "127.0.0.1" });
  await updateCluster(testContext(), cluster.id, { requireTls, tlsPort });
  const deploy = await deployProxies(testContext(), cluster.id, { mode: "manual", expiresInHours: 1 }, harness.base);
  if (deploy.mode !== "manual") throw new Error("expected a manual deploy command");
  // No AEGIS_PROXY_TLS_LISTEN: the proxy serves TLS on its listener's host at the cluster's port.
  const proxyRun = await harness.run(deploy.command, {
    AEGIS_HOSTNAME: `tls-proxy-${plain}`,
    AEGIS_IPS: "10.97.0.1",
    AEGIS_PROXY_LISTEN: `127.0.0.1:${plain}`,
  });
  const proxy = await waitFor("the proxy serving the cluster certificate", async () => {
    const p = await db().proxyServer.findFirst({ where: { clusterId: cluster.id, tlsFingerprint: { not: null } } });
    return p ?? undefined;
  });
  return { cluster, proxy, proxyRun, plain, tlsPort };
}

async function installAgent(clusterId: string, hostname: string) {
  const install = await createInstallCommand(
    testContext(),
    { region: "cn", clusterId, os: "linux", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
    harness.base,
  );
  const run = await harness.run(install.command, { AEGIS_HOSTNAME: hostname, AEGIS_IPS: "10.97.1.1", AEGIS_DATA: "0" });
  const config = () => JSON.parse(readFileSync(path.join(run.root, "config.json"), "utf8"));
  return { install, run, config };
}

describe("TLS between agents and proxies", () => {
  it("a cluster that requires TLS: https install command, pinned CA, plain HTTP refused, renewal keeps the agent", async () => {
    const { cluster, proxy, proxyRun, plain, tlsPort } = await clusterWithProxy(true);
    const ca = await consoleCa();
    // The proxy keeps what it serves in its state folder, the key readable by it alone.
    const kept = path.join(proxyRun.root, `relay-${proxy.id}`, "tls", "key.pem");
    expect(readFileSync(kept, "utf8")).toContain("PRIVATE KEY");

    // Plain HTTP from agents: 426 and where to go.
    const refused = await fetch(`http://127.0.0.1:${plain}/api/v1/agent/heartbeat`, { method: "POST", body: "{}" });
    expect(refused.status).toBe(426);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("TLS_REQUIRED");

    // Another CA's pin is refused by the handshake; the console CA's is not.
    const other = await loadConsoleCa(await makeConsoleCa());
    const wrong = await createTlsFetch({ ca: other.certPem, servername: "127.0.0.1" })(
      `https://127.0.0.1:${tlsPort}/api/v1/agent/heartbeat`,
      { method: "POST", body: "{}" },
    ).catch((e: Error) => e);
    expect(wrong).toBeInstanceOf(TypeError);
    const pinned = await createTlsFetch({ ca: ca.certPem, servername: "127.0.0.1" })(
      `https://127.0.0.1:${tlsPort}/api/v1/agent/heartbeat`,
      { method: "POST", body: "{}" },
    );
    expect(pinned.status).toBe(401); // reached the proxy: no credential sent

    // The install command writes the CA first and fetches over https with it.
    const { install, run, config } = await installAgent(cluster.id, `tls-agent-${plain}`);
    expect(install.command).toMatch(/^echo [A-Za-z0-9+/=]+ \| base64 -d > \/tmp\/aegis-console-ca\.pem && curl -fsSL --cacert/);
    expect(install.reach).toBe(`https://127.0.0.1:${tlsPort}`);
    expect(readFileSync(path.join(run.root, "ca.pem"), "utf8").trim()).toBe(ca.certPem.trim());
    const relayed = harness.requests.filter((r) => r.relayedBy === proxy.id).map((r) => r.path);
    expect(relayed).toContain(`/api/v1/install/${install.token}/linux.sh`);
    const agent = await waitFor("the agent vouched for by the proxy over TLS", async () => {
      const c = config();
      if (!c.assetId) return undefined;
      const a = await db().asset.findUniqueOrThrow({ where: { id: c.assetId } });
      return a.viaProxyId === proxy.id ? c : undefined;
    });
    expect(agent.tls).toMatchObject({ clusterId: cluster.id, port: tlsPort, required: true });

    // Renewal: the console issues a new certificate (as it would a month before expiry); the proxy
    // swaps it at its next heartbeat and the agent goes on reporting through it.
    const before = (await clusterTls(cluster.id)).certificate!;
    const later = new Date(Date.now() + 80 * 86_400_000);
    const renewed = await clusterCertificate(cluster.id, undefined, later);
    expect(renewed!.fingerprint).not.toBe(before.fingerprint.replaceAll(":", "").toLowerCase());
    await waitFor("the proxy serving the renewed certificate", async () => {
      const p = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
      return p.tlsFingerprint === renewed!.fingerprint ? p : undefined;
    });
    // The proxy counts agents heard within the offline threshold (2 s here): past it, still one.
    await new Promise((r) => setTimeout(r, 3000));
    const after = await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } });
    expect(after.connectedClients).toBe(1);
    expect((await db().asset.findUniqueOrThrow({ where: { id: agent.assetId } })).viaProxyId).toBe(proxy.id);
    const summary = await clusterTls(cluster.id);
    expect(summary).toMatchObject({ requireTls: true, tlsPort, onlineProxies: 1, servingProxies: 1 });
    expect(summary.certificate!.fingerprint.replaceAll(":", "").toLowerCase()).toBe(renewed!.fingerprint);
  }, 60_000);

  it("a cluster that serves TLS without requiring it: the agent moves to https once its proxy says so", async () => {
    const { cluster, proxy, tlsPort, plain } = await clusterWithProxy(false);
    const { install, run, config } = await installAgent(cluster.id, `tls-optional-${plain}`);
    expect(install.command).toBe(`curl -fsSL http://127.0.0.1:${plain}/api/v1/install/${install.token}/linux.sh | sudo bash`);
    expect(existsSync(path.join(run.root, "ca.pem"))).toBe(true);
    const moved = await waitFor("the agent on TLS", async () => {
      const c = config();
      return c.tls?.port === tlsPort ? c : undefined;
    });
    expect(moved.tls).toMatchObject({ clusterId: cluster.id, required: false });
    await new Promise((r) => setTimeout(r, 3000));
    expect((await db().proxyServer.findUniqueOrThrow({ where: { id: proxy.id } })).connectedClients).toBe(1);
    expect((await db().asset.findUniqueOrThrow({ where: { id: moved.assetId } })).viaProxyId).toBe(proxy.id);
    // Plain HTTP still answers agents here.
    const plainAnswer = await fetch(`http://127.0.0.1:${plain}/api/v1/agent/heartbeat`, { method: "POST", body: "{}" });
    expect(plainAnswer.status).toBe(401);
  }, 60_000);
});
