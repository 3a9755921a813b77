// zod schemas of the cluster API, shared by the route handlers and the forms.
import { z } from "zod";
import { searchTextSchema, withoutControlChars } from "@/lib/validation/search-text";
import { classifyAddress } from "./address";

export const regionSchema = z.enum(["cn", "intl"]);
export type Region = z.infer<typeof regionSchema>;

export const clusterNameSchema = withoutControlChars(z.string().trim().min(1).max(64));

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

export const createClusterSchema = z.strictObject({
  region: regionSchema,
  name: clusterNameSchema,
  address: clusterAddressSchema,
  description: clusterDescriptionSchema.default(""),
});
export type CreateClusterInput = z.infer<typeof createClusterSchema>;

/** R3: name and address are accepted only to be refused with IMMUTABLE_FIELD when they differ. */
export const updateClusterSchema = z.strictObject({
  description: clusterDescriptionSchema,
  name: z.string().max(300).optional(),
  address: z.string().max(300).optional(),
});
export type UpdateClusterInput = z.infer<typeof updateClusterSchema>;

export const clusterIdSchema = z.strictObject({ id: z.uuid() });

export const listClustersQuerySchema = z.strictObject({
  region: regionSchema,
  q: searchTextSchema(64).optional(),
});
