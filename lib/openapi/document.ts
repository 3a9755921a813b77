// The OpenAPI 3.1 document of /api/v1 (issue 14), built from the routes' own contracts: every
// route module of route-modules.ts, every HTTP method it exports. Never written by hand.
import { contractOf } from "@/lib/http/contract";
import { API_DESCRIPTION, SECURITY_SCHEMES, TAGS, tagOf } from "./info";
import { SchemaConverter, type JsonSchema } from "./json-schema";
import { operationOf } from "./operation";
import { ROUTE_MODULES } from "./route-modules";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Where each handler sits in the document, for the tests that check answers against it. */
export type OperationRef = { path: string; method: string };

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: JsonSchema & { schemas: Record<string, JsonSchema> };
} & JsonSchema;

/** app/api/v1 folder → the path template: [id] → {id}, [...file] → {file}. */
export function pathTemplate(folder: string): string {
  return `/api/v1/${folder}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

export async function buildOpenApiDocument() {
  const converter = new SchemaConverter();
  const responses: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = {};
  const handlers = new Map<unknown, OperationRef>();
  for (const [folder, load] of Object.entries(ROUTE_MODULES).sort(([a], [b]) => a.localeCompare(b))) {
    const routeModule = await load();
    const path = pathTemplate(folder);
    const catchAll = new Set([...folder.matchAll(/\[\.\.\.(\w+)\]/g)].map((m) => m[1]!));
    for (const method of HTTP_METHODS) {
      const handler = routeModule[method];
      if (typeof handler !== "function") continue;
      const contract = contractOf(handler);
      if (!contract) throw new Error(`${method} ${path} is not made with route(), so it has no contract.`);
      const ids = { operationId: operationId(method, path), tag: tagOf(path), catchAll };
      (paths[path] ??= {})[method.toLowerCase()] = operationOf(contract, method, ids, converter, responses);
      handlers.set(handler, { path, method });
    }
  }
  const document: OpenApiDocument = {
    openapi: "3.1.1",
    info: { title: "Proxy Access Console API", version: "1", description: API_DESCRIPTION },
    tags: [...TAGS],
    paths,
    components: { schemas: converter.components, responses, securitySchemes: SECURITY_SCHEMES },
  };
  return { document, handlers };
}

let built: ReturnType<typeof buildOpenApiDocument> | null = null;

/** Built once per process: the routes cannot change while it runs. */
export function openApiDocument() {
  built ??= buildOpenApiDocument().catch((error: unknown) => {
    built = null;
    throw error;
  });
  return built;
}
