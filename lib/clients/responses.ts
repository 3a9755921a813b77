// What the client-connection routes answer (issue 14), and the DTO types inferred from it.
import { z } from "zod";
import { listOf, rowId, timestamp } from "@/lib/validation/response-fields";

export const connectResultSchema = z
  .object({
    batchId: rowId().nullable().describe("The connection batch; null when every server was already connected."),
    connected: z.number().int(),
    moved: z.number().int().describe("Servers that moved here from another cluster."),
    alreadyConnected: z.number().int(),
    clientCount: z.number().int().describe("The cluster's clients after the batch."),
  })
  .meta({ id: "ConnectResult" });
export type ConnectResult = z.infer<typeof connectResultSchema>;

export const disconnectResultSchema = z.object({
  disconnected: z.number().int().describe("Their agents stay installed."),
  clientCount: z.number().int(),
});

export const batchWindowSchema = z.object({
  now: timestamp().describe("The database's clock, which the rule is checked against."),
  intervalSeconds: z.number().int().describe("Batches to a cluster must be more than this apart."),
  batchSize: z.number().int().describe("The most servers in one batch."),
  retryAfterSeconds: z.number().int().describe("0 when a batch may start now."),
  nextBatchAt: timestamp(),
  lastBatch: z
    .object({ id: rowId(), source: z.enum(["panel", "install_command"]), size: z.number().int(), createdAt: timestamp() })
    .nullable(),
});

export const connectJobSchema = z
  .object({
    id: rowId(),
    clusterId: rowId(),
    status: z.enum(["running", "done", "failed", "cancelled"]),
    total: z.number().int(),
    totalWaves: z.number().int().describe("Waves of at most one batch the whole selection takes."),
    processed: z.number().int(),
    connected: z.number().int(),
    skipped: z.number().int(),
    waves: z.number().int(),
    nextRunAt: timestamp().nullable(),
    etaSeconds: z.number().int(),
    lastError: z
      .object({ code: z.string(), message: z.string(), details: z.unknown() })
      .nullable()
      .describe("The error of the last wave that was refused, as the API would have answered it."),
    createdBy: z.string(),
    createdAt: timestamp(),
    finishedAt: timestamp().nullable(),
  })
  .meta({ id: "ConnectJob" });
export type ConnectJobDto = z.infer<typeof connectJobSchema>;

export const connectJobListSchema = listOf(connectJobSchema);
