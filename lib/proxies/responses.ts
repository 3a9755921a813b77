// What the proxy-server routes answer (issue 14), and the types inferred from it.
import { z } from "zod";
import { agentStatusField, listOf, osField, providerField, rowId, timestamp } from "@/lib/validation/response-fields";

const proxyMove = z.object({
  proxyId: rowId(),
  count: z.number().int(),
  hostname: z.string().nullable().describe("null for a proxy deleted since."),
});

export const proxyStatusField = z
  .enum(["deploying", "online", "offline", "upgrading", "stopping"])
  .describe("From heartbeats: deploying until the first one; stopping after Stop proxy until it is offline.");

export const proxyServerSchema = z
  .object({
    id: rowId(),
    mode: z.enum(["quick", "manual"]),
    status: proxyStatusField,
    agentStatus: agentStatusField,
    version: z.string().nullable(),
    targetVersion: z.string().nullable().describe("The version it is upgrading to."),
    lastUpgradeFailure: z
      .object({
        version: z.string(),
        outcome: z
          .enum(["rolled_back", "refused"])
          .describe(
            "rolled_back: the new version did not report in and the previous one runs again; refused: the release did not verify and never ran.",
          ),
        reason: z.string(),
        at: timestamp(),
      })
      .nullable()
      .describe("The last upgrade that failed, as the proxy reported it; null after a successful upgrade."),
    lastHeartbeatAt: timestamp().nullable(),
    connectedClients: z.number().int().describe("Agents heard by this proxy within the threshold, as it reports them."),
    bytesRelayed: z.number().int(),
    queuedBytes: z.number().int(),
    droppedBytes: z.number().int(),
    droppedRecords: z.number().int(),
    cacheBytes: z.number().int(),
    listen: z.array(z.string()).describe("host:port addresses it listens on for agents."),
    capacity: z.number().int().describe("From its cores and memory; 0 when never reported."),
    heldClients: z.number().int().describe("The clients it relays now."),
    fairShare: z.number().nullable().describe("Its share of the relayed clients by capacity; null when it does not serve."),
    shareLimit: z.number().nullable().describe("The most it may hold before the rebalance moves clients off it (share + 10 %)."),
    overShare: z.boolean(),
    overCapacity: z.boolean(),
    holdingNote: z.enum(["not_serving", "others_offline", "cluster_full", "paced", "within_tolerance"]).nullable(),
    lastRebalance: z
      .object({
        eventId: z.string(),
        at: timestamp(),
        reason: z.string(),
        took: z.array(proxyMove),
        gave: z.array(proxyMove),
      })
      .nullable()
      .describe("The newest rebalance that moved clients to or from it."),
    policyVersion: z.number().int().nullable(),
    policyCurrent: z.boolean(),
    policySync: z.enum(["current", "pending", "outdated"]),
    canUpgrade: z.boolean(),
    upgradeBlockedBy: z
      .enum(["not_deployed", "upgrading", "already_latest", "proxy_offline", "agent_offline"])
      .nullable()
      .describe("Why Upgrade is unavailable, or null."),
    stop: z
      .object({
        runsIn: z.enum(["service", "agent"]),
        reported: z.boolean().describe("false: install.sh's defaults, as the proxy did not report how it runs."),
        command: z.string(),
      })
      .describe("How to stop it on its server."),
    stopRequestedAt: timestamp().nullable(),
    canDelete: z.boolean().describe("only an offline (or never started) proxy can be deleted."),
    createdAt: timestamp(),
    asset: z.object({
      id: rowId(),
      hostname: z.string(),
      ips: z.array(z.string()),
      os: osField,
      osVersion: z.string(),
      provider: providerField,
      cpuCores: z.number().int().nullable(),
      memoryMb: z.number().int().nullable(),
      agentInstalled: z.boolean(),
      agentVersion: z.string().nullable(),
      agentLastSeenAt: timestamp().nullable(),
    }),
  })
  .meta({ id: "ProxyServer" });
export type ProxyServerDto = z.infer<typeof proxyServerSchema>;

export const proxyListSchema = z.object({
  items: z.array(proxyServerSchema),
  latestVersion: z.string().nullable().describe("What Upgrade installs."),
  policyVersion: z.number().int().nullable(),
  relayedClients: z.number().int().describe("Clients relayed by the cluster's proxies now, the total the fair shares split."),
  lastRebalance: z.object({ eventId: z.string(), at: timestamp(), reason: z.string(), moved: z.number().int() }).nullable(),
  rebalancePerMinute: z.number().int().describe("A rebalance moves at most this many clients a minute per cluster."),
});

export const deployAnswerSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("manual"),
    command: z.string().describe("Run it as an administrator on the server that becomes the proxy."),
    token: z.string().describe("The one-time deploy token (pdp_…)."),
    expiresAt: timestamp(),
  }),
  z.object({
    mode: z.literal("quick"),
    proxies: z
      .array(z.object({ id: rowId(), assetId: rowId(), hostname: z.string() }))
      .describe("Each server's agent installs its proxy on its next heartbeat."),
  }),
]);

export const stopAnswerSchema = z.object({ id: rowId(), stopRequested: z.literal(true) });

export const upgradeAnswerSchema = z.object({
  id: rowId(),
  status: z.literal("upgrading"),
  from: z.string().nullable(),
  to: z.string(),
});

export const releaseListSchema = listOf(
  z.object({
    version: z.string(),
    releasedAt: timestamp(),
    notes: z.string(),
    digest: z.string().describe("SHA-256 of the release package (hex)."),
    size: z.number().int().describe("Bytes of the release package."),
    latest: z.boolean().describe("The newest published: what Upgrade installs."),
  }),
);
