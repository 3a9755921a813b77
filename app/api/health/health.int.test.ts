// GET /api/health as a load balancer's check: 200 with the database, 503 without it, and 503
// within the route's 2 s timeout when the database host accepts connections but never answers.
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { GET } from "./route";

const realUrl = process.env.DATABASE_URL!;

/** Points this process's pool at another database URL (the pool is made on first use). */
async function useDatabase(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

afterEach(async () => {
  await useDatabase(realUrl);
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

describe("GET /api/health", () => {
  it("200 while the database answers, never cached", async () => {
    const result = await call(GET, "GET", "/api/health");
    expect(result).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it("503 when nothing listens where the database should be", async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    await useDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/gone`);
    const result = await call(GET, "GET", "/api/health");
    expect(result).toMatchObject({ status: 503, body: { status: "unavailable" } });
  });

  it("503 within about 2 s when the database host accepts but never answers", async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    const port = await listen(server);
    try {
      await useDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/silent`);
      const started = Date.now();
      const result = await call(GET, "GET", "/api/health");
      expect(result.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
