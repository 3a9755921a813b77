// The daemon loops (agent/proxy-loop.mjs, agent/agent-loop.mjs) against a scripted client.
import { describe, expect, it } from "vitest";
import { runAgentLoop } from "@/agent/agent-loop.mjs";
import { silentLogger } from "@/agent/log.mjs";
import { ProtocolError, type ProtocolClient, type ProxyReport } from "@/agent/protocol.mjs";
import { runProxyLoop } from "@/agent/proxy-loop.mjs";

function scriptedClient(proxyAnswers: unknown[], agentAnswers: unknown[] = []) {
  const reports: ProxyReport[] = [];
  const client = {
    credential: "pag_x",
    setCredential: () => undefined,
    register: async () => ({}),
    registerProxy: async () => ({}),
    heartbeat: async () => {
      const next = agentAnswers.shift() ?? { tasks: [], heartbeatIntervalSeconds: 0.001 };
      if (next instanceof Error) throw next;
      return next;
    },
    proxyHeartbeat: async (_id: string, report: ProxyReport) => {
      reports.push(report);
      const next = proxyAnswers.shift() ?? { tasks: [{ type: "stop" }], policy: null, heartbeatIntervalSeconds: 0.001 };
      if (next instanceof Error) throw next;
      return next;
    },
  } as unknown as ProtocolClient;
  return { client, reports };
}

const answer = (tasks: unknown[] = [], policy: unknown = null) => ({ tasks, policy, heartbeatIntervalSeconds: 0.001 });

describe("runProxyLoop", () => {
  it("applies the policy, reports an upgraded version, and exits on stop", async () => {
    const { client, reports } = scriptedClient([
      answer([], { version: 3, mode: "backflow" }),
      answer([{ id: "t1", type: "upgrade", payload: { version: "1.5.0" } }]),
      answer(),
      answer([{ id: "t2", type: "stop", payload: null }]),
    ]);
    const versions: string[] = [];
    const result = await runProxyLoop({
      client,
      proxyId: "p1",
      version: "1.4.2",
      log: silentLogger,
      upgradeDelayMs: 1,
      onVersion: (v) => versions.push(v),
    });
    expect(result).toEqual({ reason: "stopped", version: "1.5.0" });
    expect(versions).toEqual(["1.5.0"]);
    expect(reports.map((r) => [r.proxyVersion, r.policyVersion])).toEqual([
      ["1.4.2", null],
      ["1.4.2", 3],
      ["1.5.0", 3],
      ["1.5.0", 3],
    ]);
  });

  it("exits on 410 (the proxy was deleted) and keeps going after a transient failure", async () => {
    const { client, reports } = scriptedClient([
      new ProtocolError("unavailable", "down"),
      answer(),
      new ProtocolError("gone", "deleted", { status: 410 }),
    ]);
    const result = await runProxyLoop({ client, proxyId: "p1", version: "1.5.0", log: silentLogger, intervalSeconds: 0.001 });
    expect(result.reason).toBe("gone");
    expect(reports).toHaveLength(3);
  });
});

describe("runAgentLoop", () => {
  it("starts a quick-deployed proxy once per deploy-proxy task and stops on 401", async () => {
    const deploy = { id: "t1", type: "deploy-proxy", payload: { proxyId: "p9", version: "1.5.0" } };
    const { client, reports } = scriptedClient(
      [answer(), answer(), answer(), answer()],
      [
        answer([deploy]),
        answer([deploy, { id: "t2", type: "upgrade-proxy", payload: {} }]),
        answer(),
        new ProtocolError("unauthorized", "revoked", { status: 401 }),
      ],
    );
    const changes: unknown[] = [];
    const result = await runAgentLoop({
      client,
      agentVersion: "3.3.0",
      log: silentLogger,
      onProxiesChange: (p) => changes.push(p),
      intervalSeconds: 0.005,
    });
    expect(result.reason).toBe("unauthorized");
    expect(changes[0]).toEqual([{ proxyId: "p9", version: "1.5.0" }]);
    expect(reports.length).toBeGreaterThan(0);
    expect(new Set(reports.map((r) => r.proxyVersion))).toEqual(new Set(["1.5.0"]));
  });
});
