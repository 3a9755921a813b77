import { z } from "zod";

export const deployProxiesSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("quick"), assetIds: z.array(z.uuid()).min(1).max(50) }),
  z.strictObject({ mode: z.literal("manual"), expiresInHours: z.number().int().min(1).max(168).default(24) }),
]);
export type DeployProxiesInput = z.output<typeof deployProxiesSchema>;

export const proxyIdSchema = z.strictObject({ id: z.uuid() });

/** DELETE /api/v1/proxies/{id}: the caller has seen that the cluster's clients keep no proxy. */
export const deleteProxyQuerySchema = z.strictObject({ clientsWithoutProxy: z.literal("confirm").optional() });
