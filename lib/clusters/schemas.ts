// zod schemas of the cluster API, shared by the route handlers and the forms.
import { z } from "zod";
import { nameSchema } from "@/lib/validation/names";
import { searchTextSchema } from "@/lib/validation/search-text";
import { classifyAddress } from "./address";

export const regionSchema = z.enum(["cn", "intl"]);
export type Region = z.infer<typeof regionSchema>;

/** R2: 1–64 characters; the characters a name may hold are lib/validation/names.ts's. */
export const clusterNameSchema = nameSchema();

export const clusterAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .superRefine((value, ctx) => {
    const check = classifyAddress(value);
    if (!check.ok) ctx.addIssue({ code: "custom", params: { reason: check.problem } });
  });

export const clusterDescriptionSchema = z
  .string()
  .max(512)
  .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), { params: { reason: "controlChars" } });

/** Issue 16: a proxy group's minimum of online proxies. Beyond this no cluster is expected to go. */
export const MIN_ONLINE_PROXIES_MAX = 100;

/**
 * The minimum of online proxies (issue 16). An IP cluster holds one proxy (R4), so only 1 suits
 * it: that depends on the address, so lib/clusters checks it (IP_CLUSTER_SINGLE_PROXY), not this.
 */
export const minOnlineProxiesSchema = z.number().int().min(1).max(MIN_ONLINE_PROXIES_MAX);

/** A TCP port for TLS to agents (issue 17); the plain listener's port is checked in lib/clusters. */
export const tlsPortSchema = z.number().int().min(1).max(65535);

export const createClusterSchema = z.strictObject({
  region: regionSchema,
  name: clusterNameSchema,
  address: clusterAddressSchema,
  description: clusterDescriptionSchema.default(""),
  minOnlineProxies: minOnlineProxiesSchema.default(1),
});
/** As parsed by the route; other callers (the seed, tests) may leave the minimum to its default. */
export type CreateClusterInput = Omit<z.infer<typeof createClusterSchema>, "minOnlineProxies"> & { minOnlineProxies?: number };

/**
 * PATCH is a partial update: every field optional, at least one sent. The description and the
 * minimum can change (R3, issue 16); name and address are accepted only to be refused with
 * IMMUTABLE_FIELD (422) when they differ, so `{"name": "x"}` alone says why, not "send a description".
 */
export const updateClusterSchema = z
  .strictObject({
    description: clusterDescriptionSchema.optional(),
    minOnlineProxies: minOnlineProxiesSchema.optional(),
    /** Issue 17: the proxies refuse plain HTTP from agents. */
    requireTls: z.boolean().optional(),
    /** Issue 17: where the proxies serve agents over TLS; not the plain port (PROXY_PORT). */
    tlsPort: tlsPortSchema.optional(),
    name: z.string().max(300).optional(),
    address: z.string().max(300).optional(),
  })
  .refine((v) => Object.values(v).some((field) => field !== undefined), {
    params: { reason: "nothingToChange" },
  });
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

export const clusterIdSchema = z.strictObject({ id: z.uuid() });

export const listClustersQuerySchema = z.strictObject({
  region: regionSchema,
  q: searchTextSchema(64).optional(),
});
