// METRICS_LISTEN=host:port (issue 14): a listener of its own that serves /metrics without a token,
// for a Prometheus on a private address. Unset, /metrics is served by the console with a token.
import { createServer, type Server } from "node:http";
import { log } from "@/lib/log";
import { exposition } from "./exposition";

/** "127.0.0.1:9464", "[::1]:9464" or ":9464" (every address). */
export function parseListen(value: string): { host: string | undefined; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[3]);
  if (!match || !(port > 0 && port < 65536)) throw new Error(`METRICS_LISTEN must be host:port, got "${value}"`);
  return { host: match[1] ?? (match[2] || undefined), port };
}

export function startMetricsListener(value = process.env.METRICS_LISTEN): Server | null {
  if (!value) return null;
  const { host, port } = parseListen(value);
  const server = createServer((request, response) => {
    if (request.method !== "GET" || new URL(request.url ?? "/", "http://x").pathname !== "/metrics") {
      response.writeHead(404).end("only GET /metrics here\n");
      return;
    }
    exposition().then(
      ({ body, contentType }) => response.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => {
        log.error({ err: error }, "metrics: reading the fleet failed");
        response.writeHead(503, { "retry-after": "5" }).end("metrics unavailable: the database did not answer\n");
      },
    );
  });
  server.on("error", (error) => log.error({ err: error, listen: value }, "metrics: cannot listen"));
  server.listen(port, host, () => log.info({ listen: value }, "metrics: serving /metrics without a token"));
  return server;
}
