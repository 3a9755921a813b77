// The fault suite's door to the console (issue 15): every HTTP request of the proxies, the
// agents' fallbacks and the operator goes through this pass-through, which counts each answer by
// status and route, notes the slowest, and knows which requests are in flight right now (so a
// proxy can be killed exactly while its batch is at the console). When the console is down, it
// answers 502 itself: counted apart, never as a console error.
import http from "node:http";

export type Exchange = { method: string; path: string; status: number; ms: number; at: number };

/** A route's shape, ids replaced: "/api/v1/agent/proxies/:id/data". */
export const routeOf = (path: string) =>
  path.split("?")[0]!.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");

export type HttpFront = {
  url: string;
  /** Every answer since the start (or the last reset), oldest first. */
  exchanges: Exchange[];
  /** Answers the console itself gave with a 5xx other than 503 (a bug, never a fault to ride out). */
  serverErrors(): Exchange[];
  /** Requests to paths matching `pattern` that are at the console right now. */
  inFlight(pattern: RegExp): number;
  close(): Promise<void>;
};

export async function startHttpFront(target: () => string): Promise<HttpFront> {
  const exchanges: Exchange[] = [];
  const flying = new Map<number, string>();
  let nextId = 0;
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const id = nextId++;
      flying.set(id, req.url ?? "");
      let status = 502;
      try {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([key]) => key !== "host" && key !== "content-length" && key !== "connection"),
        ) as Record<string, string>;
        const answer = await fetch(target() + req.url, {
          method: req.method,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
          signal: AbortSignal.timeout(60_000),
        });
        status = answer.status;
        const out: Record<string, string> = { "content-type": answer.headers.get("content-type") ?? "application/json" };
        const retryAfter = answer.headers.get("retry-after");
        if (retryAfter) out["retry-after"] = retryAfter;
        const body = Buffer.from(await answer.arrayBuffer());
        res.writeHead(status, out).end(body);
      } catch {
        status = 502;
        if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "UPSTREAM_DOWN", message: "the console is not answering" } }));
      } finally {
        flying.delete(id);
        exchanges.push({
          method: req.method ?? "GET",
          path: req.url ?? "",
          status,
          ms: performance.now() - started,
          at: Date.now(),
        });
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    serverErrors: () => exchanges.filter((e) => e.status >= 500 && e.status !== 502 && e.status !== 503),
    inFlight: (pattern) => [...flying.values()].filter((path) => pattern.test(path)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
