// Calling App Router handlers directly, the way Next does: (Request, { params: Promise }).
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  /** A value to send as JSON, or a raw string sent as is (for malformed bodies). */
  body?: unknown;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

export type ApiError = { code: string; message: string; details?: unknown; requestId: string };

/** Checks one answer of a route handler; throws to fail the test that received it. */
export type AnswerCheck = (handler: unknown, response: { status: number; headers: Headers }, text: string) => Promise<void>;

let answerCheck: AnswerCheck | null = null;

/**
 * The integration tier checks every answer against the OpenAPI document (contract-setup.ts):
 * call() here, and the test servers of api-server.ts and agent-console.ts.
 */
export function checkAnswersWith(check: AnswerCheck | null) {
  answerCheck = check;
}

export async function checkAnswer(handler: unknown, response: { status: number; headers: Headers }, text: string) {
  await answerCheck?.(handler, response, text);
}
export type CallResult<T = unknown> = { status: number; headers: Headers; body: T };

/** Calls a handler and reads its answer as text (a script, a CSV), checked like call()'s. */
export async function callText(handler: Handler, method: string, url: string, options: CallOptions = {}) {
  const body =
    options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const request = new Request(new URL(url, "http://test"), {
    method,
    body,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...options.headers },
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  await checkAnswer(handler, response, text);
  return { status: response.status, headers: response.headers, text };
}

export async function call<T = unknown>(
  handler: Handler,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const { status, headers, text } = await callText(handler, method, url, options);
  return { status, headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The §5 error body of a response, or a failed expectation-friendly undefined. */
export function errorOf(result: CallResult): ApiError | undefined {
  return (result.body as { error?: ApiError } | undefined)?.error;
}

/** The field paths named in a VALIDATION_FAILED (or similar) error's details. */
export function fieldPaths(result: CallResult): string[] {
  const details = errorOf(result)?.details as { fields?: { path: string }[] } | undefined;
  return details?.fields?.map((f) => f.path) ?? [];
}
