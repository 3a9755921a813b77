// Every route of app/api behind a small HTTP server in the test process, for code that talks to
// a console over HTTP (the benches' rule checks) without a production build: the route tree is
// read at start, [param] and [...param] segments become params, static segments win.
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import { checkAnswer } from "./http";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { pattern: RegExp; dynamic: number; catchAll: string[]; module: Record<string, unknown> };

const API_ROOT = path.resolve(import.meta.dirname, "../../app/api");

async function loadRoutes(): Promise<Route[]> {
  const files = readdirSync(API_ROOT, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  const routes: Route[] = [];
  for (const file of files) {
    const segments = path.dirname(file).split(path.sep);
    const source = segments
      .map((s) => {
        const all = /^\[\.\.\.(\w+)\]$/.exec(s);
        if (all) return `(?<${all[1]}>.+)`;
        const one = /^\[(\w+)\]$/.exec(s);
        if (one) return `(?<${one[1]}>[^/]+)`;
        return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    routes.push({
      pattern: new RegExp(`^/api/${source}$`),
      dynamic: segments.filter((s) => s.startsWith("[")).length,
      catchAll: segments.flatMap((s) => /^\[\.\.\.(\w+)\]$/.exec(s)?.[1] ?? []),
      module: (await import(path.join(API_ROOT, file))) as Record<string, unknown>,
    });
  }
  return routes.sort((a, b) => a.dynamic - b.dynamic);
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url!, base), { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Starts the server on a free loopback port; `close()` fails when an answer broke the API contract. */
export async function startApiServer() {
  const routes = await loadRoutes();
  const violations: string[] = [];
  let base = "";
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url!, "http://x").pathname;
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const handler = route.module[req.method!] as Handler | undefined;
      if (!handler) return void res.writeHead(405).end();
      const params: Record<string, string | string[]> = { ...match.groups };
      for (const name of route.catchAll) params[name] = String(params[name]).split("/");
      try {
        const response = await handler(await toRequest(req, base), { params: Promise.resolve(params) });
        const body = Buffer.from(await response.arrayBuffer());
        await checkAnswer(handler, response, body.toString("utf8")).catch((error: Error) => violations.push(error.message));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        return void res.end(body);
      } catch (error) {
        return void res.writeHead(500).end(String(error));
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (violations.length) throw new Error(violations.join("\n"));
    },
  };
}
