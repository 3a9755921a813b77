// The proxy and agent-protocol routes as a test calls them (issue #4): deploy, register,
// heartbeat, list, upgrade, stop, delete — with the caller's API token where one is needed.
import * as agentHeartbeat from "@/app/api/v1/agent/heartbeat/route";
import * as proxyHeartbeat from "@/app/api/v1/agent/proxies/[id]/heartbeat/route";
import * as proxyRegister from "@/app/api/v1/agent/proxies/register/route";
import * as clusterProxies from "@/app/api/v1/clusters/[id]/proxies/route";
import * as proxyItem from "@/app/api/v1/proxies/[id]/route";
import * as proxyStop from "@/app/api/v1/proxies/[id]/stop/route";
import * as proxyUpgrade from "@/app/api/v1/proxies/[id]/upgrade/route";
import { randomUUID } from "node:crypto";
import { call } from "./http";

export type Facts = {
  hostname: string;
  os: "linux" | "windows";
  ips: string[];
  service: { manager: "systemd"; unit: string } | { manager: "pidfile"; pidFile: string };
};

export function serverFacts(overrides: Partial<Facts> = {}) {
  return {
    hostname: `proxy-${randomUUID().slice(0, 8)}`,
    os: "linux" as const,
    osVersion: "Ubuntu 24.04",
    ips: [`10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`],
    type: "host" as const,
    cpuCores: 8,
    memoryMb: 16384,
    agentVersion: "1.0.0",
    ...overrides,
  };
}

export type ProxyList = {
  items: {
    id: string;
    status: string;
    agentStatus: string;
    version: string | null;
    canUpgrade: boolean;
    upgradeBlockedBy: string | null;
    canDelete: boolean;
    stop: { runsIn: "service" | "agent"; reported: boolean; command: string };
    capacity: number;
    lastHeartbeatAt: string | null;
    policyCurrent: boolean;
    policySync: "current" | "pending" | "outdated";
  }[];
  latestVersion: string | null;
};

export function proxyApi(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const agent = (credential: string) => ({ authorization: `Bearer ${credential}` });
  return {
    deploy: (clusterId: string, body: unknown) =>
      call<{ token: string; command: string; proxies: { id: string }[] }>(clusterProxies.POST, "POST", "/", {
        params: { id: clusterId },
        headers,
        body,
      }),
    list: (clusterId: string) => call<ProxyList>(clusterProxies.GET, "GET", "/", { params: { id: clusterId }, headers }),
    register: (deployToken: string, facts: Partial<Facts> = {}, proxyVersion = "1.5.0") =>
      call<{ proxyId: string; credential: string }>(proxyRegister.POST, "POST", "/", {
        body: { deployToken, proxyVersion, ...serverFacts(facts) },
      }),
    heartbeat: (
      proxyId: string,
      credential: string,
      proxyVersion = "1.5.0",
      policyVersion: number | null = null,
      counters: Record<string, unknown> = {},
      // e.g. { stopping: true }: the last heartbeat of a proxy that exits
    ) =>
      call<{ tasks: { type: string; payload: Record<string, unknown> }[]; policy: { version: number } | null }>(
        proxyHeartbeat.POST,
        "POST",
        "/",
        {
          params: { id: proxyId },
          headers: agent(credential),
          body: { proxyVersion, connectedClients: 0, bytesRelayed: 0, cacheBytes: 0, policyVersion, ...counters },
        },
      ),
    agentHeartbeat: (credential: string) =>
      call<{ tasks: { type: string; payload: Record<string, unknown> }[] }>(agentHeartbeat.POST, "POST", "/", {
        headers: agent(credential),
        body: { agentVersion: "1.0.0", viaProxyId: null },
      }),
    upgrade: (id: string) => call(proxyUpgrade.POST, "POST", "/", { params: { id }, headers }),
    stop: (id: string) => call(proxyStop.POST, "POST", "/", { params: { id }, headers }),
    remove: (id: string, clientsWithoutProxy = false) =>
      call(proxyItem.DELETE, "DELETE", clientsWithoutProxy ? "/?clientsWithoutProxy=confirm" : "/", { params: { id }, headers }),
  };
}
