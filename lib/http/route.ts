// The one route wrapper: request id, JSON body and query parsing with zod, typed errors
// mapped to the SPEC §5 error body. A handler returns data (sent as JSON), a Response, or
// nothing (204).
import { z } from "zod";
import { isDatabaseFull, isDatabaseUnavailable, isTransientBusy } from "@/lib/db/errors";
import { observeRequest } from "@/lib/metrics/http";
import { log } from "@/lib/log";
import { apiErrorMap, toFieldIssues } from "@/lib/validation/issues";
import { authenticateAgent } from "@/lib/agents/authenticate-agent";
import { assertSameOrigin, authenticate } from "@/lib/auth/authenticate";
import { relayingProxy } from "@/lib/relay/relay-auth";
import { hasRole } from "@/lib/auth/roles";
import { clientIp, type RequestContext } from "./context";
import { CONTRACT, type RouteContract } from "./contract";
import { AppError, ERROR_STATUS, type ErrorCode } from "./errors";

const MAX_BODY_BYTES = 1_000_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function authorize(request: Request, needed: Schemas["role"], ctx: RequestContext) {
  if (needed === "public" || needed === "agent") ctx.relay = await relayingProxy(request);
  if (needed === "public") return;
  if (needed === "agent") {
    ctx.agent = await authenticateAgent(request);
    ctx.actor = { type: "agent", id: ctx.agent.assetId, name: ctx.agent.name };
    return;
  }
  const principal = await authenticate(request);
  ctx.actor = principal.actor;
  ctx.role = principal.role;
  if (principal.via === "session" && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  if (!hasRole(principal.role, needed)) {
    throw new AppError("FORBIDDEN", `This needs the ${needed} role; you have ${principal.role}.`, {
      needed,
      actual: principal.role,
    });
  }
}

type Schemas = RouteContract;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What the handler may return: the contract's JSON body (or a Response carrying it, such as one
 * that also sets a cookie); a Response of its media type; or nothing (204).
 */
type Answer<S extends Schemas> = S extends { response: z.ZodType }
  ? z.output<S["response"]> | Response
  : S extends { media: object }
    ? Response
    : void | Response;

type Input<S extends Schemas> = {
  params: Infer<S["params"]>;
  query: Infer<S["query"]>;
  body: Infer<S["body"]>;
  ctx: RequestContext;
  request: Request;
};

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function errorResponse(
  code: ErrorCode,
  message: string,
  details: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, ...(details === undefined ? {} : { details }), requestId } },
    { status: ERROR_STATUS[code], headers: { "x-request-id": requestId, ...headers } },
  );
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value, { error: apiErrorMap });
  if (!result.success) {
    const fields = toFieldIssues(result.error).map((f) => ({ ...f, path: `${where}.${f.path}`.replace(/\.\(body\)$/, "") }));
    throw new AppError("VALIDATION_FAILED", `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
      fields,
    });
  }
  return result.data;
}

async function readJson(request: Request): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (text.trim() === "")
    throw new AppError("VALIDATION_FAILED", "A JSON body is required.", {
      fields: [{ path: "body", code: "required", message: "A JSON body is required." }],
    });
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = `The body is not valid JSON: ${(e as Error).message}`;
    throw new AppError("VALIDATION_FAILED", message, { fields: [{ path: "body", code: "invalid_json", message }] });
  }
}

/** How long a caller waits before retrying when the database is away (issue 15). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A route handler for Next, carrying its contract for the OpenAPI document (lib/openapi). */
export function route<S extends Schemas>(schemas: S, handler: (input: Input<S>) => Promise<Answer<S>>) {
  const answer = answerWith(schemas, handler);
  const handle = async (request: Request, context: NextContext): Promise<Response> => {
    const started = performance.now();
    const response = await answer(request, context);
    observeRequest(request, context?.params ? await context.params : {}, response.status, started);
    return response;
  };
  return Object.assign(handle, { [CONTRACT]: schemas as RouteContract });
}

function answerWith<S extends Schemas>(schemas: S, handler: (input: Input<S>) => Promise<Answer<S>>) {
  return async (request: Request, context: NextContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
    const ctx: RequestContext = {
      requestId,
      ip: clientIp(request),
      actor: { type: "anonymous", id: null, name: "anonymous" },
      role: null,
    };
    try {
      await authorize(request, schemas.role, ctx);
      const rawParams = context?.params ? await context.params : {};
      const params = schemas.params ? parseWith(schemas.params, rawParams, "params") : undefined;
      const query = schemas.query
        ? parseWith(schemas.query, Object.fromEntries(new URL(request.url).searchParams), "query")
        : undefined;
      const body = schemas.body ? parseWith(schemas.body, await readJson(request), "body") : undefined;
      const result = await handler({ params, query, body, ctx, request } as Input<S>);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      if (result === undefined) return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
      return Response.json(result, { status: schemas.status ?? 200, headers: { "x-request-id": requestId } });
    } catch (error) {
      if (error instanceof AppError) {
        return errorResponse(error.code, error.message, error.details, requestId, error.headers);
      }
      if (isTransientBusy(error)) {
        return errorResponse("BUSY", "The console is busy; retry in a moment.", undefined, requestId, { "Retry-After": "1" });
      }
      if (isDatabaseUnavailable(error)) {
        log.warn({ err: error, requestId, method: request.method, url: request.url }, "database unavailable");
        return errorResponse(
          "UNAVAILABLE",
          isDatabaseFull(error)
            ? "The console's database cannot store changes right now (its disk is full); retry later. Nothing of this change was made."
            : "The console's database cannot be reached right now; retry later. A change asked for in this request may not have been made.",
          undefined,
          requestId,
          { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
        );
      }
      log.error({ err: error, requestId, method: request.method, url: request.url }, "unhandled error in route");
      return errorResponse(
        "INTERNAL",
        "Something went wrong on the server. Quote the request id when reporting it.",
        undefined,
        requestId,
      );
    }
  };
}
