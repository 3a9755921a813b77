// One operation of the document from one route's contract: parameters from its params and query
// schemas, the request body, the success answer and the error answers.
import type { RouteContract } from "@/lib/http/contract";
import { errorResponses } from "./error-responses";
import type { JsonSchema, SchemaConverter } from "./json-schema";

type Where = "path" | "query";

const SECURITY: Record<RouteContract["role"], Record<string, string[]>[]> = {
  public: [],
  agent: [{ agentCredential: [] }],
  viewer: [{ apiToken: [] }, { session: [] }],
  operator: [{ apiToken: [] }, { session: [] }],
  admin: [{ apiToken: [] }, { session: [] }],
};

const WHO: Record<RouteContract["role"], string> = {
  public: "No credentials needed.",
  agent: "An agent credential (pag_…) issued at registration.",
  viewer: "Any signed-in user or API token.",
  operator: "The operator role or above.",
  admin: "The admin role.",
};

function parameters(schema: JsonSchema, where: Where, catchAll: Set<string>) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    // A catch-all segment ([...file]) is one or more path segments, written as one string.
    const value = catchAll.has(name)
      ? { type: "string", description: "One or more path segments, e.g. proxy/limiters.mjs." }
      : rest;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: value,
    };
  });
}

function success(contract: RouteContract, converter: SchemaConverter): Record<string, JsonSchema> {
  if (contract.response) {
    return {
      [String(contract.status ?? 200)]: {
        description: contract.status === 201 ? "Created." : "OK.",
        content: { "application/json": { schema: converter.convert(contract.response, "output") } },
      },
    };
  }
  if (contract.media) {
    return {
      "200": {
        description: contract.media.description,
        content: Object.fromEntries(
          [contract.media.type, ...(contract.media.also ?? [])].map((type) => [
            type,
            { schema: { type: type.endsWith("json") ? "object" : "string" } },
          ]),
        ),
      },
    };
  }
  return { "204": { description: "Done; no body." } };
}

export function operationOf(
  contract: RouteContract,
  method: string,
  ids: { operationId: string; tag: string; catchAll: Set<string> },
  converter: SchemaConverter,
  sharedResponses: Record<string, JsonSchema>,
) {
  const params = contract.params ? parameters(converter.convert(contract.params, "input"), "path", ids.catchAll) : [];
  const query = contract.query ? parameters(converter.convert(contract.query, "input"), "query", ids.catchAll) : [];
  return {
    operationId: ids.operationId,
    tags: [ids.tag],
    summary: contract.summary,
    description: [contract.description, WHO[contract.role]].filter(Boolean).join("\n\n"),
    "x-role": contract.role,
    security: SECURITY[contract.role],
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: converter.convert(contract.body, "input") } },
          },
        }
      : {}),
    responses: { ...success(contract, converter), ...errorResponses(contract, method, converter, sharedResponses) },
  };
}
