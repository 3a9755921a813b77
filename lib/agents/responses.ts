// What the agent protocol answers (SPEC §7, §8; issue 14): the schemas the OpenAPI document is
// generated from. The daemons in agent/ read these answers.
import { z } from "zod";
import { CACHE_DATA_TYPE_IDS } from "@/lib/policy/data-types";
import { rowId, timestamp } from "@/lib/validation/response-fields";

export const agentRouteSchema = z
  .discriminatedUnion("mode", [
    z.object({
      mode: z.literal("proxy"),
      clusterId: rowId(),
      address: z.string().describe("The cluster's contact address; the agent resolves it to all its addresses."),
      port: z.number().int(),
      prefer: z
        .object({
          proxyId: rowId(),
          endpoints: z.array(z.string()).describe("host:port pairs of that proxy among the agent's endpoints."),
          requestedAt: timestamp().describe("Tells one request from the next to the same proxy."),
        })
        .optional()
        .describe("A rebalance asks the agent to report through this proxy of its cluster."),
    }),
    z.object({ mode: z.literal("direct"), consoleUrl: z.string() }),
  ])
  .describe("Where the agent must send its heartbeats and data: its cluster's proxies, or the console.")
  .meta({ id: "AgentRoute" });

export const agentTaskSchema = z
  .object({ id: rowId(), type: z.string().describe("deploy-proxy"), payload: z.unknown() })
  .meta({ id: "AgentTask" });

export const agentRegisteredSchema = z.object({
  assetId: rowId(),
  credential: z.string().describe("The agent credential (pag_…), in this answer only: send it as Authorization: Bearer."),
  clusterId: rowId().nullable(),
  contactAddress: z.string().nullable(),
  route: agentRouteSchema,
});

export const agentHeartbeatAnswerSchema = z.object({
  tasks: z.array(agentTaskSchema),
  route: agentRouteSchema,
  heartbeatIntervalSeconds: z.number().int(),
});

export const proxyRegisteredSchema = z.object({
  proxyId: rowId(),
  credential: z.string().describe("The proxy's own credential (pag_…), in this answer only."),
  clusterId: rowId(),
  contactAddress: z.string(),
  heartbeatPath: z.string(),
});

const joinResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("accepted"), assetId: rowId(), route: agentRouteSchema, tasks: z.array(agentTaskSchema) }),
  z.object({ status: z.literal("elsewhere"), assetId: rowId(), route: agentRouteSchema }),
  z.object({ status: z.literal("refused"), reason: z.literal("unknown_credential") }),
]);

export const proxyHeartbeatAnswerSchema = z.object({
  clients: z.object({
    joined: z.array(joinResultSchema).describe("One result per reported join, in the order sent."),
    updates: z
      .array(z.object({ assetId: rowId(), revoked: z.boolean(), route: agentRouteSchema, tasks: z.array(agentTaskSchema) }))
      .describe("What to pass on to agents this proxy vouches for."),
    retryAfterSeconds: z.number().int().optional().describe("Joins were deferred: report them again after this."),
  }),
  offlineAfterSeconds: z.number().int(),
  tasks: z
    .array(z.object({ id: rowId(), type: z.enum(["upgrade", "stop"]), payload: z.unknown() }))
    .describe(
      "upgrade: payload { proxyId, version, digest, signature, size }; the daemon downloads GET /api/v1/agent/releases/{version} and verifies it before it runs.",
    ),
  policy: z
    .object({
      version: z.number().int(),
      mode: z.enum(["backflow", "cache"]),
      bandwidthKbps: z.number().int().nullable(),
      frequencyPerMin: z.number().int().nullable(),
      cacheDir: z.string(),
      cacheMaxBytes: z.number().int(),
      dataTypes: z.array(z.enum(CACHE_DATA_TYPE_IDS)),
    })
    .nullable()
    .describe("The cluster's proxy policy."),
  heartbeatIntervalSeconds: z.number().int(),
  tls: z
    .object({
      port: z.number().int().describe("The port the cluster's proxies serve agents on over TLS."),
      required: z.boolean().describe("true: refuse plain HTTP from agents."),
      fingerprint: z.string().describe("SHA-256 (hex) of the cluster certificate to serve."),
      caFingerprint: z.string().describe("SHA-256 (hex) of the console CA that issued it."),
      notAfter: timestamp(),
      certificate: z.string().optional().describe("PEM; only when the proxy reported another fingerprint."),
      key: z.string().optional().describe("PEM private key; only with certificate."),
      ca: z.string().optional().describe("The console CA certificate (PEM); only with certificate."),
    })
    .optional()
    .describe("The certificate to serve agents over TLS (issue 17)."),
});

export const dataAnswerSchema = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int().describe("Records of agents not connected to the proxy's cluster, refused one by one."),
});

/** A proxy's data answer: what its stream's acknowledgement covers now (issue 15). */
export const proxyDataAnswerSchema = dataAnswerSchema.extend({
  duplicates: z.number().int().describe("Records at or below the stream's acknowledged seq: applied before, skipped."),
  ackedSeq: z
    .number()
    .int()
    .nullable()
    .describe("The highest seq of the stream the console has taken (null without a stream): commit the records up to it."),
});
