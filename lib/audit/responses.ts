// What the audit-log route answers (issue 14), and the DTO type inferred from it.
import { z } from "zod";
import { regionField, timestamp } from "@/lib/validation/response-fields";

export const auditEventSchema = z
  .object({
    id: z.string().regex(/^\d+$/).describe("Increasing; also the cursor of the next page."),
    at: timestamp(),
    actor: z.object({
      type: z.string().describe("user, token, agent, system or anonymous."),
      id: z.string().nullable(),
      name: z.string(),
    }),
    action: z.string().describe("What was done, e.g. cluster.create, clients.connect, auth.sign_in."),
    target: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    region: regionField.nullable(),
    outcome: z.enum(["success", "failure"]),
    errorCode: z.string().nullable().describe("The error code of a refused change."),
    details: z.unknown().describe("What changed, from → to, as the operation recorded it."),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for older events; null on the last page."),
});
