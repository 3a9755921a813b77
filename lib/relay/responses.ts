// What the traffic route answers (SPEC §8; issue 14).
import { z } from "zod";
import { rowId, timestamp } from "@/lib/validation/response-fields";

export const clusterTrafficSchema = z.object({
  from: timestamp().describe("The first minute of the window."),
  minutes: z.number().int(),
  mode: z.enum(["backflow", "cache"]),
  bandwidthLimitKbps: z.number().int().nullable(),
  warnAtKbps: z.number().nullable().describe("60% of a custom bandwidth limit."),
  cacheMaxBytes: z.number().int(),
  proxies: z.array(
    z.object({
      id: rowId(),
      hostname: z.string(),
      cacheBytes: z.number().int(),
      queuedBytes: z.number().int(),
      droppedBytes: z.number().int(),
    }),
  ),
  points: z
    .array(
      z.object({
        proxyId: rowId(),
        minute: timestamp(),
        bytes: z.number().int(),
        records: z.number().int(),
        kbps: z.number().describe("The minute's average."),
      }),
    )
    .describe("One point per minute and proxy that received data."),
});
