// The error answers of an operation (SPEC §5): one response per status, whose body is the shared
// error body with `code` limited to the codes the route may answer with that status (errorCodesOf).
import { z } from "zod";
import { errorCodesOf, type RouteContract } from "@/lib/http/contract";
import { ERROR_STATUS, type ErrorCode } from "@/lib/http/errors";
import type { JsonSchema, SchemaConverter } from "./json-schema";

const WHAT: Record<number, string> = {
  400: "Malformed or invalid input; details.fields names each field.",
  401: "No valid credential.",
  403: "The credential's role is not enough, or a cookie-authenticated change came from another origin.",
  404: "Not found.",
  409: "The state does not allow it.",
  410: "Gone: revoked, expired, used or deleted.",
  413: "The body is larger than 1 MB.",
  422: "A rule of the product refuses it; the message says which and with what numbers.",
  429: "Too soon: send it again after Retry-After seconds.",
  500: "Something went wrong on the server; quote the request id.",
  503: "The console is busy; retry in a moment.",
};

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait before sending it again.", schema: { type: "integer" } },
};

const ALL_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ALL_CODES).meta({ id: "ErrorCode" }),
      message: z.string().describe("For people: what happened and what to do."),
      details: z.unknown().optional().describe("For programs: the numbers and fields behind the message."),
      requestId: z.string().describe("Also in the x-request-id header; quote it when reporting a problem."),
    }),
  })
  .meta({ id: "Error", description: "The body of every error answer." });

const pascal = (code: string) => code.toLowerCase().replace(/(^|_)([a-z])/g, (_, _s, c: string) => c.toUpperCase());

/**
 * `responses` entries for every error status the route may answer. A status with one code is a
 * response shared by every route (components.responses), so the document stays readable.
 */
export function errorResponses(
  contract: RouteContract,
  method: string,
  converter: SchemaConverter,
  shared: Record<string, JsonSchema>,
) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(contract, method)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const body = converter.convert(errorBodySchema, "output");
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const sorted = [...codes].sort();
    // The shared body, with the codes of this route and status only.
    const schema = { allOf: [body, { properties: { error: { properties: { code: { enum: sorted } } } } }] };
    const response = {
      description: `${WHAT[status] ?? "Error."} ${sorted.length === 1 ? "Code" : "Codes"}: ${sorted.join(", ")}.`,
      ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      content: { "application/json": { schema } },
    };
    if (sorted.length > 1) {
      responses[String(status)] = response;
      continue;
    }
    const name = pascal(sorted[0]!);
    shared[name] = response;
    responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  return responses;
}
