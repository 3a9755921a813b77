// What the rolling-upgrade routes answer (issue 17), and the DTO types inferred from it.
import { z } from "zod";
import { listOf, rowId, timestamp } from "@/lib/validation/response-fields";

const stepReason = z
  .enum([
    "already_latest",
    "agent_offline",
    "proxy_offline",
    "not_deployed",
    "busy",
    "deleted",
    "upgrade_failed",
    "release_refused",
    "timeout",
  ])
  .describe(
    "Why a proxy was skipped (already on the version, its agent or the proxy offline, not deployed, upgrading to another version, deleted) or failed (its upgrade failed and was rolled back, the release did not verify and was refused, or it did not report the version in time).",
  );

export const rolloutStepSchema = z
  .object({
    proxyId: rowId(),
    name: z.string(),
    state: z.enum(["pending", "upgrading", "done", "skipped", "failed"]),
    from: z.string().nullable().describe("The version the proxy ran when the rollout reached it."),
    reason: stepReason.optional(),
    message: z.string().optional().describe("The proxy's own words for a failure, e.g. why it rolled back."),
    startedAt: timestamp().optional(),
    finishedAt: timestamp().optional(),
  })
  .meta({ id: "UpgradeRolloutStep" });

export const rolloutSchema = z
  .object({
    id: rowId(),
    clusterId: rowId(),
    targetVersion: z.string(),
    batchSize: z.number().int().describe("At most this many proxies upgrade at once."),
    status: z.enum(["running", "paused", "done", "cancelled"]),
    hold: z
      .object({
        code: z.enum(["step_failed", "min_online", "paused"]),
        proxyId: rowId().optional(),
        message: z.string(),
      })
      .nullable()
      .describe(
        "Why it is not moving: paused after a failed step or by an operator, or waiting because one more upgrade would leave fewer serving proxies than the cluster's minimum.",
      ),
    counts: z.object({
      total: z.number().int(),
      pending: z.number().int(),
      upgrading: z.number().int(),
      done: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
    }),
    etaSeconds: z.number().int().nullable().describe("Null once it is no longer running."),
    steps: z.array(rolloutStepSchema),
    createdBy: z.string(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    finishedAt: timestamp().nullable(),
  })
  .meta({ id: "UpgradeRollout" });
export type RolloutDto = z.infer<typeof rolloutSchema>;

export const rolloutListSchema = listOf(rolloutSchema);

export const rolloutPreviewSchema = z
  .object({
    targetVersion: z.string().nullable().describe("The latest release; null when none is published."),
    minOnlineProxies: z.number().int(),
    steps: z.array(rolloutStepSchema).describe("Every proxy of the cluster, pending or skipped with the reason."),
    blocked: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe("Why a rollout cannot start now, as POST would answer it; null when it can."),
  })
  .meta({ id: "UpgradeRolloutPreview" });
export type RolloutPreviewDto = z.infer<typeof rolloutPreviewSchema>;
