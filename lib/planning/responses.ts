// What the planner and the usage routes answer (issue 14), and the types inferred from it.
import { z } from "zod";
import { rowId } from "@/lib/validation/response-fields";

export const existingPlanSchema = z.object({
  proxies: z.number().int().describe("The cluster's serving proxies."),
  capacity: z.number().int(),
  largestCapacity: z.number().int(),
  additionalProxies: z.number().int().describe("Proxies of the planned size to add."),
  totalProxies: z.number().int(),
  survivesLargestLoss: z.boolean().describe("Whether the proxies it has today serve every server after losing the largest one."),
});
export type ExistingPlan = z.infer<typeof existingPlanSchema>;

export const planSchema = z
  .object({
    perProxyCapacity: z.number().int().describe("6,000 per 8-core/16 GB proxy, scaling with min(cores/8, memory/16 GB)."),
    loadProxies: z.number().int().describe("Proxies of the planned size the load needs, for a new cluster."),
    proxiesNeeded: z.number().int().describe("What to deploy for a new cluster: the load's proxies, one more with redundancy."),
    redundancy: z.boolean(),
    existing: existingPlanSchema.nullable().describe("With clusterId: the plan from the cluster's serving proxies."),
    bandwidthKbps: z.number().describe("10 Kbit/s per server."),
    uplinkShare: z.number().nullable(),
    withinBandwidthGuidance: z.boolean().nullable().describe("at most 60% of the uplink."),
    minimumUplinkKbps: z.number().int(),
    domainRequired: z.boolean().describe("more than one proxy needs a domain address."),
  })
  .meta({ id: "Plan" });
export type Plan = z.infer<typeof planSchema>;

export const clusterUsageSchema = z
  .object({
    clusterId: rowId(),
    clients: z.number().int(),
    onlineProxies: z.number().int(),
    capacity: z.number().int(),
    capacityUse: z.number(),
    capacityWarning: z.boolean().describe("From 80% of the capacity in use."),
    proxyCapacities: z
      .array(z.number().int())
      .describe("Each serving proxy's capacity from its real size; 0 when never reported."),
    unknownSizeProxies: z.number().int(),
    largestProxyCapacity: z.number().int(),
    capacityWithoutLargest: z.number().int().describe("N+1: the capacity left after losing the largest serving proxy."),
    survivesLargestLoss: z.boolean(),
    requiredKbps: z.number(),
    bandwidthLimitKbps: z.number().int().nullable(),
    bandwidth: z
      .object({ requiredKbps: z.number(), allowedKbps: z.number(), ok: z.boolean(), minimumKbps: z.number() })
      .nullable()
      .describe("Headroom against a custom backflow bandwidth."),
    addressKind: z.enum(["ipv4", "ipv6", "domain"]),
  })
  .meta({ id: "ClusterUsage" });
export type ClusterUsage = z.infer<typeof clusterUsageSchema>;

export const plannerAnswerSchema = z.object({
  plan: planSchema,
  cluster: clusterUsageSchema.nullable().describe("With clusterId: the cluster's real usage."),
});
