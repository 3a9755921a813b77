// Bodies of the agent protocol (SPEC §7), spoken by real agents, proxies and the simulator.
import { z } from "zod";

const version = z
  .string()
  .trim()
  .regex(/^\d+\.\d+\.\d+([-.+][0-9A-Za-z.-]+)?$/)
  .max(32);
const ip = z.union([z.ipv4(), z.ipv6()]);

/**
 * How a daemon runs, as install.sh wrote it into its config (issue 13): a systemd unit, or a pid
 * file for a server without systemd or an AEGIS_ROOT install. The console builds the stop
 * command from it, so both are kept to characters that are safe in a shell command.
 */
export const serviceSchema = z.discriminatedUnion("manager", [
  z.strictObject({ manager: z.literal("systemd"), unit: z.string().regex(/^[A-Za-z0-9@_.-]{1,128}$/) }),
  z.strictObject({
    manager: z.literal("pidfile"),
    pidFile: z
      .string()
      .max(1024)
      .regex(/^\/[A-Za-z0-9_./-]+$/),
  }),
]);
export type Service = z.output<typeof serviceSchema>;

export function serviceRefOf(service: Service): string {
  return service.manager === "systemd" ? service.unit : service.pidFile;
}

export const assetFactsSchema = z.object({
  hostname: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+$/),
  os: z.enum(["linux", "windows"]),
  osVersion: z.string().trim().min(1).max(128),
  ips: z.array(ip).min(1).max(32),
  type: z.enum(["host", "container"]).default("host"),
  cpuCores: z.number().int().min(1).max(1024).nullable().default(null),
  memoryMb: z.number().int().min(64).max(16_777_216).nullable().default(null),
  agentVersion: version,
  /** Sent by images made with "create image" so clones are told apart (R19). */
  machineId: z.string().trim().min(8).max(128).optional(),
  // A path the console cannot use (an AEGIS_ROOT with spaces, say) is dropped, never a refusal:
  // the stop command then falls back to the generic one.
  service: serviceSchema.optional().catch(undefined),
});
export type AssetFacts = z.output<typeof assetFactsSchema>;

export const registerAgentSchema = z.strictObject({ installToken: z.string().min(10).max(200), ...assetFactsSchema.shape });

export const agentHeartbeatSchema = z.strictObject({ agentVersion: version, viaProxyId: z.uuid().nullable().default(null) });

export const registerProxySchema = z.strictObject({
  deployToken: z.string().min(10).max(200),
  ...assetFactsSchema.shape,
  proxyVersion: version,
});

const byteCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const credential = z.string().regex(/^pag_[A-Za-z0-9_-]{10,200}$/);

/** The most agents one heartbeat may report as joined or left; a proxy sends the rest next time. */
export const MAX_RELAY_ITEMS = 5000;

export const proxyHeartbeatSchema = z.strictObject({
  proxyVersion: version,
  /** Agents heard within the offline threshold, as the proxy counts them (SPEC §8). */
  connectedClients: z.number().int().min(0).max(10_000_000),
  /** Cumulative since the daemon started: data bytes sent upstream. */
  bytesRelayed: byteCount,
  cacheBytes: byteCount,
  queuedBytes: byteCount.default(0),
  droppedBytes: byteCount.default(0),
  droppedRecords: byteCount.default(0),
  /** The proxy policy version the proxy runs (issue #6 shows which proxies are current). */
  policyVersion: z.number().int().min(0).nullable().default(null),
  /** The proxy's last word before it exits (SIGTERM): show it offline at once. */
  stopping: z.boolean().default(false),
  /** host:port addresses the proxy listens on for agents. */
  listen: z.array(z.string().max(300)).max(16).optional(),
  /**
   * The cluster certificate it serves agents over TLS (SHA-256 hex, issue 17); null: it can serve
   * TLS but serves none yet (the answer then carries the certificate); absent: it serves no TLS.
   */
  tlsFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  /** host:port addresses it serves agents on over TLS. */
  tlsListen: z.array(z.string().max(300)).max(16).optional(),
  /** An upgrade that did not happen (issue 17): the launcher rolled it back, or the daemon refused
   * the release (digest or signature did not verify). Repeated until a heartbeat answer arrives. */
  upgrade: z
    .strictObject({
      version,
      outcome: z.enum(["rolled_back", "refused"]),
      reason: z.string().max(500),
    })
    .optional(),
  /** Agents that started or stopped heartbeating through this proxy since its last report. */
  clients: z
    .strictObject({
      joined: z
        .array(z.strictObject({ credential, agentVersion: version }))
        .max(MAX_RELAY_ITEMS)
        .default([]),
      left: z
        .array(z.strictObject({ assetId: z.uuid(), lastSeenAt: z.coerce.date() }))
        .max(MAX_RELAY_ITEMS)
        .default([]),
    })
    .default({ joined: [], left: [] }),
});

const dataRecord = z.strictObject({
  type: z.string().regex(/^[a-z_]{1,32}$/),
  at: z.coerce.date(),
  data: z.record(z.string(), z.unknown()),
});

/** The most records in one data request, from an agent or a proxy. */
export const MAX_DATA_RECORDS = 2000;

/** POST /api/v1/agent/data — records an agent collected, sent to the console directly. */
export const agentDataSchema = z.strictObject({ records: z.array(dataRecord).min(1).max(MAX_DATA_RECORDS) });

/** POST /api/v1/agent/proxies/{id}/data — records of the proxy's agents, within the policy's limits. */
export const proxyDataSchema = z
  .strictObject({
    stream: z
      .uuid()
      .optional()
      .describe("The proxy queue's stream: each (stream, seq) is applied once (issue 15). Absent: no deduplication."),
    records: z
      .array(
        dataRecord.extend({
          assetId: z.uuid(),
          seq: z
            .number()
            .int()
            .min(1)
            .max(Number.MAX_SAFE_INTEGER)
            .optional()
            .describe("The record's place in the stream, increasing; required with stream."),
        }),
      )
      .min(1)
      .max(MAX_DATA_RECORDS),
  })
  .superRefine((body, ctx) => {
    if (!body.stream) return;
    body.records.forEach((r, i) => {
      if (r.seq === undefined) ctx.addIssue({ code: "custom", path: ["records", i, "seq"], message: "Required with stream." });
    });
  });

export const proxyIdParamsSchema = z.strictObject({ id: z.uuid() });
