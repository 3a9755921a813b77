// Issue 14: every answer an integration test receives from a route is checked against the OpenAPI
// document: its status must be one the document lists for that route and method, and a JSON body
// must match the document's schema for that status. The check runs ajv (JSON Schema 2020-12) on
// the document's own JSON Schema, not zod, so what is tested is the published contract.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { contractOf } from "@/lib/http/contract";
import { openApiDocument, type OpenApiDocument, type OperationRef } from "@/lib/openapi/document";

const DOC = "https://proxy-access-console.invalid/openapi.json";

type Checker = { document: OpenApiDocument; handlers: Map<unknown, OperationRef>; ajv: Ajv2020 };
type Response = { content?: Record<string, { schema: Record<string, unknown> }>; $ref?: string };

let checker: Promise<Checker> | null = null;
const validators = new Map<string, ValidateFunction>();

async function load(): Promise<Checker> {
  const { document, handlers } = await openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC, components: document.components });
  return { document, handlers, ajv };
}

/** The schema with its references made absolute, so ajv finds them in the document's components. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${DOC}${v}` : rebase(v),
    ]),
  );
}

function responseOf(document: OpenApiDocument, op: OperationRef, status: number): Response | undefined {
  const responses = (document.paths[op.path]?.[op.method.toLowerCase()]?.responses ?? {}) as Record<string, Response>;
  const response = responses[String(status)];
  if (!response?.$ref) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  return (document.components.responses as Record<string, Response>)[name];
}

/**
 * What is wrong with this answer of `handler` by the document, or null when nothing is. A handler
 * that is not a route of the document (a test's own) is not checked.
 */
export async function contractViolation(
  handler: unknown,
  status: number,
  contentType: string | null,
  text: string,
): Promise<string | null> {
  if (!contractOf(handler)) return null;
  checker ??= load();
  const { document, handlers, ajv } = await checker;
  const op = handlers.get(handler);
  if (!op) return "this handler has a route contract but is not in the OpenAPI document (lib/openapi/route-modules.ts)";
  const where = `${op.method} ${op.path} answered ${status}`;
  const response = responseOf(document, op, status);
  if (!response) {
    const listed = Object.keys((document.paths[op.path]![op.method.toLowerCase()]!.responses ?? {}) as object).join(", ");
    return `${where}, a status the document does not list for it (it lists ${listed}): ${text.slice(0, 300)}`;
  }
  if (!response.content) return text === "" ? null : `${where} with a body, but the document says it has none`;
  const type = contentType?.split(";")[0]?.trim() ?? "";
  const media = response.content[type];
  if (!media)
    return `${where} with ${type || "no content type"}, but the document says ${Object.keys(response.content).join(", ")}`;
  if (type !== "application/json") return null;
  const key = `${op.method} ${op.path} ${status}`;
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(rebase(media.schema) as object)));
  if (validate(JSON.parse(text))) return null;
  return `${where} with a body that does not match the document: ${ajv.errorsText(validate.errors, { separator: "; " })}\n${text.slice(0, 1500)}`;
}

/** Throws when the answer breaks the contract; the test that received it fails with the reason. */
export async function assertFollowsContract(handler: unknown, response: { status: number; headers: Headers }, text: string) {
  const problem = await contractViolation(handler, response.status, response.headers.get("content-type"), text);
  if (problem) throw new Error(`The answer breaks the API contract: ${problem}`);
}
