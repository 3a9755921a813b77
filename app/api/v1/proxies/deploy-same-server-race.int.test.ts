// R5 across clusters (issue 16's rule checks found it): one server deployed as a proxy into two
// clusters at the same moment. Each deploy holds only its own cluster's lock, so both pass the
// "not a proxy yet" check; the loser must be ALREADY_PROXY, not a 500. (Manual registrations of
// a known server also queue on the asset row they both update.)
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { publishTestReleases } from "@/lib/testing/releases";
import { holdClusterLock } from "@/lib/testing/cluster-lock";
import { apiToken, insertAsset, makeCluster } from "@/lib/testing/fixtures";
import { onlineAsset } from "@/lib/testing/fleet";
import { errorOf, type CallResult } from "@/lib/testing/http";
import { proxyApi, serverFacts } from "@/lib/testing/proxy-api";

let api: ReturnType<typeof proxyApi>;
beforeAll(async () => {
  await publishTestReleases();
  api = proxyApi(await apiToken("operator"));
});

/** Both requests queue behind the two clusters' locks, then run against the same state. */
async function race(clusterIds: string[], requests: (() => Promise<CallResult>)[]) {
  const lock = await holdClusterLock(clusterIds);
  const results = requests.map((send) => send());
  try {
    await lock.waitForWaiters(requests.length);
  } finally {
    await lock.release();
  }
  return (await Promise.all(results)).map((r) => `${r.status} ${errorOf(r)?.code ?? ""}`.trim()).sort();
}

describe("R5: one server into two clusters at once", () => {
  it("two quick deploys: one proxy, the other ALREADY_PROXY", async () => {
    const [a, b] = [await makeCluster(), await makeCluster()];
    const server = await onlineAsset("cn");
    const outcomes = await race(
      [a.id, b.id],
      [a, b].map((c) => () => api.deploy(c.id, { mode: "quick", assetIds: [server.id] })),
    );
    expect(outcomes).toEqual(["201", "409 ALREADY_PROXY"]);
    expect(await db().proxyServer.count({ where: { assetId: server.id } })).toBe(1);
  });

  it("two manual registrations of one known server: one proxy, the other ALREADY_PROXY", async () => {
    const [a, b] = [await makeCluster(), await makeCluster()];
    const facts = serverFacts();
    await insertAsset("cn", { hostname: facts.hostname, ips: facts.ips });
    const tokens = [
      (await api.deploy(a.id, { mode: "manual" })).body.token,
      (await api.deploy(b.id, { mode: "manual" })).body.token,
    ];
    const outcomes = await race(
      [a.id, b.id],
      tokens.map((t) => () => api.register(t!, facts)),
    );
    expect(outcomes).toEqual(["201", "409 ALREADY_PROXY"]);
  });
});
