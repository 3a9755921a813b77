// R6/R7: proxy, cluster and agent statuses derived from the last heartbeat.
import { describe, expect, it } from "vitest";
import {
  agentStatus,
  clientAgentStatus,
  clusterStatus,
  isClusterServing,
  isServing,
  proxyStatus,
  type AgentStatus,
  type ClientAgentStatus,
  type ClusterStatus,
  type ProxyStatus,
} from "./status";

const NOW = new Date("2026-01-01T12:00:00.000Z");
const THRESHOLD = 90;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("proxyStatus", () => {
  type Beat = {
    lastHeartbeatAt: Date | null;
    version: string | null;
    targetVersion: string | null;
    stoppedAt?: Date | null;
    stopRequestedAt?: Date | null;
  };
  it.each<[string, Beat, ProxyStatus]>([
    ["no heartbeat yet → deploying", { lastHeartbeatAt: null, version: null, targetVersion: null }, "deploying"],
    [
      "no heartbeat yet, upgrade queued → still deploying",
      { lastHeartbeatAt: null, version: null, targetVersion: "2.0.0" },
      "deploying",
    ],
    ["heartbeat just now → online", { lastHeartbeatAt: NOW, version: "1.0.0", targetVersion: null }, "online"],
    [
      "heartbeat exactly at the threshold → online",
      { lastHeartbeatAt: ago(THRESHOLD * 1000), version: "1.0.0", targetVersion: null },
      "online",
    ],
    [
      "1 ms past the threshold → offline",
      { lastHeartbeatAt: ago(THRESHOLD * 1000 + 1), version: "1.0.0", targetVersion: null },
      "offline",
    ],
    ["long silent → offline", { lastHeartbeatAt: ago(86_400_000), version: "1.0.0", targetVersion: null }, "offline"],
    [
      "fresh, target differs from version → upgrading",
      { lastHeartbeatAt: ago(1000), version: "1.0.0", targetVersion: "2.0.0" },
      "upgrading",
    ],
    ["fresh, target reached → online", { lastHeartbeatAt: ago(1000), version: "2.0.0", targetVersion: "2.0.0" }, "online"],
    [
      "upgrading at exactly the threshold → upgrading",
      { lastHeartbeatAt: ago(THRESHOLD * 1000), version: "1.0.0", targetVersion: "2.0.0" },
      "upgrading",
    ],
    [
      "upgrade queued but silent → offline",
      { lastHeartbeatAt: ago(THRESHOLD * 1000 + 1), version: "1.0.0", targetVersion: "2.0.0" },
      "offline",
    ],
    // Issue 13: Stop proxy shows "stopping" from the request until the proxy is offline.
    [
      "stop requested, still heartbeating → stopping",
      { lastHeartbeatAt: ago(1000), version: "1.0.0", targetVersion: null, stopRequestedAt: ago(500) },
      "stopping",
    ],
    [
      "stop requested during an upgrade → stopping",
      { lastHeartbeatAt: ago(1000), version: "1.0.0", targetVersion: "2.0.0", stopRequestedAt: ago(500) },
      "stopping",
    ],
    [
      "stop requested, said it stopped → offline",
      { lastHeartbeatAt: ago(1000), version: "1.0.0", targetVersion: null, stopRequestedAt: ago(5000), stoppedAt: ago(1000) },
      "offline",
    ],
    [
      "stop requested, then silent → offline",
      { lastHeartbeatAt: ago(THRESHOLD * 1000 + 1), version: "1.0.0", targetVersion: null, stopRequestedAt: ago(5000) },
      "offline",
    ],
    [
      "clock skew: heartbeat in the future → online",
      { lastHeartbeatAt: new Date(NOW.getTime() + 5000), version: "1.0.0", targetVersion: null },
      "online",
    ],
  ])("%s", (_name, proxy, expected) => {
    expect(proxyStatus(proxy, NOW, THRESHOLD)).toBe(expected);
  });

  it("uses the threshold it is given (OFFLINE_AFTER_SECONDS is configurable)", () => {
    const proxy = { lastHeartbeatAt: ago(3000), version: "1.0.0", targetVersion: null };
    expect(proxyStatus(proxy, NOW, 2)).toBe("offline");
    expect(proxyStatus(proxy, NOW, 3)).toBe("online");
  });
});

describe("isServing: online, upgrading and stopping proxies relay traffic", () => {
  it.each<[ProxyStatus, boolean]>([
    ["online", true],
    ["upgrading", true],
    ["stopping", true],
    ["offline", false],
    ["deploying", false],
  ])("%s → %s", (status, expected) => {
    expect(isServing(status)).toBe(expected);
  });
});

describe("clusterStatus (R6: online when at least one proxy is online)", () => {
  it.each<[ProxyStatus[], "online" | "offline"]>([
    [[], "offline"],
    [["offline"], "offline"],
    [["deploying"], "offline"],
    [["offline", "deploying", "offline"], "offline"],
    [["online"], "online"],
    [["upgrading"], "online"],
    [["offline", "online"], "online"],
    [["deploying", "offline", "upgrading"], "online"],
  ])("%j → %s", (statuses, expected) => {
    expect(clusterStatus(statuses)).toBe(expected);
  });
});

describe("clusterStatus with a minimum of online proxies (issue 16, proxy groups)", () => {
  it.each<[ProxyStatus[], number, ClusterStatus]>([
    [[], 3, "offline"],
    [["offline", "offline", "offline"], 3, "offline"],
    [["online", "offline", "offline"], 3, "degraded"],
    [["online", "upgrading", "offline"], 3, "degraded"],
    [["online", "online", "online"], 3, "online"],
    [["online", "upgrading", "online", "offline"], 3, "online"],
    [["online", "deploying"], 2, "degraded"],
    // More serving than asked for is online; a minimum above the proxy count keeps it degraded.
    [["online", "online"], 1, "online"],
    [["online", "online"], 5, "degraded"],
    // A minimum below 1 cannot make a cluster without serving proxies online.
    [["offline"], 0, "offline"],
    [["online"], 0, "online"],
  ])("%j with minimum %i → %s", (statuses, minimum, expected) => {
    expect(clusterStatus(statuses, minimum)).toBe(expected);
  });

  it("a degraded cluster still serves; an offline one does not", () => {
    expect([isClusterServing("online"), isClusterServing("degraded"), isClusterServing("offline")]).toEqual([true, true, false]);
  });
});

describe("agentStatus (R7)", () => {
  it.each<[string, Date | null, boolean, AgentStatus]>([
    ["never seen", null, true, "offline"],
    ["seen just now", NOW, true, "online"],
    ["seen exactly at the threshold", ago(THRESHOLD * 1000), true, "online"],
    ["1 ms past the threshold", ago(THRESHOLD * 1000 + 1), true, "offline"],
    // Issue 13: a server known only from a manual proxy deploy has no agent, whatever was seen.
    ["no agent installed", NOW, false, "not_installed"],
    ["no agent installed, never seen", null, false, "not_installed"],
  ])("%s → %s", (_name, lastSeenAt, installed, expected) => {
    expect(agentStatus({ lastSeenAt, installed }, NOW, THRESHOLD)).toBe(expected);
  });
});

describe("clientAgentStatus (SPEC §8)", () => {
  type Seen = Parameters<typeof clientAgentStatus>[0];
  const base: Seen = { lastSeenAt: null, viaProxyId: null, viaProxySeenAt: null, installed: true };
  it.each<[string, Partial<Seen>, ClientAgentStatus]>([
    ["heard directly just now", { lastSeenAt: NOW }, "online"],
    ["vouched for by a fresh proxy", { viaProxyId: "p", viaProxySeenAt: NOW }, "online"],
    ["its proxy is silent", { viaProxyId: "p", viaProxySeenAt: ago(THRESHOLD * 1000 + 1) }, "proxy_offline"],
    ["never heard", {}, "offline"],
    ["not installed", { lastSeenAt: NOW, installed: false }, "not_installed"],
  ])("%s → %s", (_name, seen, expected) => {
    expect(clientAgentStatus({ ...base, ...seen }, NOW, THRESHOLD)).toBe(expected);
  });
});
