// The proxy's table of agents: answers from what the console said, joins and leaves reported
// once, refused credentials answered 401, failed reports retried, a bound on the agents it keeps.
import { describe, expect, it } from "vitest";
import { ClientTable } from "./client-table.mjs";

const CRED = "pag_aaaaaaaaaaaaaaaa";
const route = { mode: "proxy", clusterId: "c1", address: "10.0.0.1", port: 8080 };

function table(now = { t: 0 }) {
  const t = new ClientTable({ clusterId: "c1", now: () => now.t, maxClients: 2 });
  t.offlineAfterMs = 10_000;
  return { t, now };
}

describe("ClientTable", () => {
  it("reports a new agent once, then answers it from the console's word", () => {
    const { t } = table();
    expect(t.beat(CRED, "3.3.0")).toMatchObject({ status: 200, route: null });
    const report = t.takeReport();
    expect(report.body.joined).toEqual([{ credential: CRED, agentVersion: "3.3.0" }]);
    expect(t.takeReport().body.joined).toEqual([]);
    t.settle(report, {
      joined: [{ status: "accepted", assetId: "a1", route, tasks: [{ id: "t", type: "deploy-proxy", payload: null }] }],
      updates: [],
    });
    expect(t.assetOf(CRED)).toBe("a1");
    expect(t.beat(CRED, "3.3.0")).toMatchObject({ status: 200, route, tasks: [{ id: "t" }] });
    expect(t.beat(CRED, "3.3.0").tasks).toEqual([]);
  });

  it("joins the console deferred are kept and reported again after its delay; leaves still go", () => {
    const { t, now } = table();
    t.beat(CRED, "3.3.0");
    const report = t.takeReport();
    t.settle(report, { joined: [], updates: [], retryAfterSeconds: 3 });
    expect(t.assetOf(CRED)).toBeNull();
    expect(t.hasChanges()).toBe(false);
    expect(t.takeReport().body.joined).toEqual([]);
    now.t = 3000;
    expect(t.hasChanges()).toBe(true);
    expect(t.takeReport().body.joined).toEqual([{ credential: CRED, agentVersion: "3.3.0" }]);
  });

  it("a refused or revoked credential gets 401", () => {
    const { t } = table();
    t.beat(CRED, "3.3.0");
    const report = t.takeReport();
    t.settle(report, { joined: [{ status: "accepted", assetId: "a1", route, tasks: [] }], updates: [] });
    t.settle({ joining: [], left: [] }, { joined: [], updates: [{ assetId: "a1", revoked: true, route, tasks: [] }] });
    expect(t.beat(CRED, "3.3.0").status).toBe(401);
  });

  it("an agent moved elsewhere is no longer this proxy's, and learns its route", () => {
    const { t } = table();
    t.beat(CRED, "3.3.0");
    t.settle(t.takeReport(), { joined: [{ status: "accepted", assetId: "a1", route, tasks: [] }], updates: [] });
    const direct = { mode: "direct", consoleUrl: "http://console" };
    t.settle({ joining: [], left: [] }, { joined: [], updates: [{ assetId: "a1", revoked: false, route: direct, tasks: [] }] });
    expect(t.assetOf(CRED)).toBeNull();
    expect(t.beat(CRED, "3.3.0").route).toEqual(direct);
  });

  it("a silent agent is reported as left with its last heartbeat; a failed report is retried", () => {
    const { t, now } = table();
    t.beat(CRED, "3.3.0");
    t.settle(t.takeReport(), { joined: [{ status: "accepted", assetId: "a1", route, tasks: [] }], updates: [] });
    now.t = 11_000;
    expect(t.hasChanges()).toBe(true);
    expect(t.connectedCount).toBe(0);
    const report = t.takeReport();
    expect(report.body.left).toEqual([{ assetId: "a1", lastSeenAt: new Date(0).toISOString() }]);
    t.restore(report);
    expect(t.takeReport().body.left).toEqual([{ assetId: "a1", lastSeenAt: new Date(0).toISOString() }]);
  });

  it("past its bound a new agent is told to retry, and counted", () => {
    const { t } = table();
    t.beat("pag_one_aaaaaaaaaaaa", "3.3.0");
    t.beat("pag_two_aaaaaaaaaaaa", "3.3.0");
    expect(t.beat("pag_three_aaaaaaaaaa", "3.3.0").status).toBe(503);
    expect(t.refusedFull).toBe(1);
  });
});
